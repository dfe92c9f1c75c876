package jsruntime

// CompiledWasm modules: `import mod from "./x.wasm"` gives a
// WebAssembly.Module, as wrangler's CompiledWasm rule does. The bundle
// keeps the module's bytes out of the JS: each import becomes a call to a
// function on the global object under a registered symbol (WasmModuleKey),
// with the module's name, and the bytes travel in Script.Wasm for whoever
// runs the script (package bindings compiles them and defines that
// function).

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/evanw/esbuild/pkg/api"
)

// WasmModuleKey is the description of the registered symbol
// (Symbol.for) under which the global object holds the function a bundle
// calls, with a CompiledWasm module's name, for its WebAssembly.Module. A
// symbol keeps it out of the global scope's names.
const WasmModuleKey = "workerhost:wasm-module"

// wasmFiles collects the CompiledWasm modules a bundle imports, by name.
// esbuild runs plugins on several goroutines, hence the lock.
type wasmFiles struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (w *wasmFiles) add(name string, data []byte) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.files == nil {
		w.files = map[string][]byte{}
	}
	w.files[name] = data
}

// wasmPlugin loads files with the CompiledWasm extensions as a call to
// WasmModuleKey's function, named by their path relative to wd, and collects their
// bytes. A "?module" suffix (wrangler's second glob) is accepted on
// relative imports.
func wasmPlugin(exts []string, wd string, into *wasmFiles) api.Plugin {
	quoted := make([]string, len(exts))
	for i, e := range exts {
		quoted[i] = regexp.QuoteMeta(e)
	}
	alt := `(` + strings.Join(quoted, "|") + `)`
	return api.Plugin{Name: "workerhost-wasm", Setup: func(b api.PluginBuild) {
		if len(exts) == 0 {
			return
		}
		b.OnResolve(api.OnResolveOptions{Filter: alt + `\?module$`}, func(args api.OnResolveArgs) (api.OnResolveResult, error) {
			p := strings.TrimSuffix(args.Path, "?module")
			if !filepath.IsAbs(p) {
				p = filepath.Join(args.ResolveDir, p)
			}
			return api.OnResolveResult{Path: p}, nil
		})
		b.OnLoad(api.OnLoadOptions{Filter: alt + `$`}, func(args api.OnLoadArgs) (api.OnLoadResult, error) {
			data, err := os.ReadFile(args.Path)
			if err != nil {
				return api.OnLoadResult{}, fmt.Errorf("failed to read %s: %w", args.Path, err)
			}
			name := displayName(args.Path, wd)
			into.add(name, data)
			code := fmt.Sprintf("export default globalThis[Symbol.for(%s)](%s);\n", strconv.Quote(WasmModuleKey), strconv.Quote(name))
			return api.OnLoadResult{Contents: &code, Loader: api.LoaderJS}, nil
		})
	}}
}
