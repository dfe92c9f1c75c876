package workerd

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/evanw/esbuild/pkg/api"

	"workerhost/jsruntime"
)

// Bundled is a worker as Bundle leaves it for workerd.
type Bundled struct {
	// Path is the bundle, dir/worker.js.
	Path string
	// Modules is true for an ES-module worker (the bundle has exports),
	// false for a service-worker script.
	Modules bool
	// Wasm lists the CompiledWasm modules the bundle imports, by name.
	Wasm []WasmModule
}

// Bundle bundles script into dir/worker.js as wrangler does before handing
// a worker to workerd: one ES-format file for the browser platform,
// resolving npm packages with the workerd, worker and browser conditions,
// with nothing lowered, and non-JavaScript imports loaded by wrangler's
// default module rules exactly as jsruntime.Bundle loads them, except
// .wasm files (the CompiledWasm rule), which stay separate modules.
// Imports of workerd's built-in modules ("cloudflare:workers") stay
// imports, for workerd to resolve, as wrangler leaves them, and so do
// "node:" imports, as wrangler leaves them under nodejs_compat. Safe from any
// goroutine.
func Bundle(script, dir string) (Bundled, error) {
	fail := func(err error) (Bundled, error) {
		return Bundled{}, fmt.Errorf("failed to bundle %s for workerd: %w", script, err)
	}
	loaders, data, err := jsruntime.RuleLoaders(nil)
	if err != nil {
		return fail(err)
	}
	var wasm wasmCollector
	path := filepath.Join(dir, "worker.js")
	res := api.Build(api.BuildOptions{
		EntryPoints: []string{script},
		Bundle:      true,
		Write:       false,
		Metafile:    true,
		Format:      api.FormatESModule,
		Platform:    api.PlatformBrowser,
		Target:      api.ESNext,
		Conditions:  []string{"workerd", "worker", "browser"},
		Loader:      loaders,
		Plugins:     []api.Plugin{wasm.plugin(), data},
		External:    []string{"cloudflare:*", "node:*"},
		Outfile:     path,
		LogLevel:    api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		return fail(fmt.Errorf("%s", res.Errors[0].Text))
	}
	b := Bundled{Path: path, Wasm: wasm.list()}
	if b.Modules, err = jsruntime.MetafileHasExports(res.Metafile); err != nil {
		return fail(err)
	}
	if !b.Modules && len(b.Wasm) > 0 {
		return fail(fmt.Errorf("it imports %s, and a .wasm import needs an ES-module worker (export default { fetch })", filepath.Base(b.Wasm[0].Path)))
	}
	if err := os.WriteFile(path, res.OutputFiles[0].Contents, 0o644); err != nil {
		return Bundled{}, fmt.Errorf("failed to write bundle: %w", err)
	}
	return b, nil
}
