package workerd

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/evanw/esbuild/pkg/api"

	"workerhost/jsruntime"
)

// Bundle bundles script into dir/worker.js as wrangler does before handing
// a worker to workerd: one ES-format file for the browser platform,
// resolving npm packages with the workerd, worker and browser conditions,
// with nothing lowered, and non-JavaScript imports loaded by wrangler's
// default module rules exactly as jsruntime.Bundle loads them. Imports of
// workerd's built-in modules ("cloudflare:workers") stay imports, for
// workerd to resolve, as wrangler leaves them. It returns
// the file's path and whether it is an ES-module worker (it has exports) or
// a service-worker script. Safe from any goroutine.
func Bundle(script, dir string) (path string, modules bool, err error) {
	loaders, data, err := jsruntime.RuleLoaders(nil)
	if err != nil {
		return "", false, fmt.Errorf("failed to bundle %s for workerd: %w", script, err)
	}
	path = filepath.Join(dir, "worker.js")
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
		Plugins:     []api.Plugin{data},
		External:    []string{"cloudflare:*"},
		Outfile:     path,
		LogLevel:    api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		return "", false, fmt.Errorf("failed to bundle %s for workerd: %s", script, res.Errors[0].Text)
	}
	if modules, err = jsruntime.MetafileHasExports(res.Metafile); err != nil {
		return "", false, fmt.Errorf("failed to bundle %s for workerd: %w", script, err)
	}
	if err := os.WriteFile(path, res.OutputFiles[0].Contents, 0o644); err != nil {
		return "", false, fmt.Errorf("failed to write bundle: %w", err)
	}
	return path, modules, nil
}
