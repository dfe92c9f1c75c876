package workerd

// CompiledWasm imports: wrangler's default rule `**/*.wasm` (and
// `**/*.wasm?module`) makes `import m from "./x.wasm"` give a compiled
// WebAssembly.Module. The bundle keeps such an import as an import of a
// separate module, and the config lists that module as `wasm = embed`.
// https://developers.cloudflare.com/workers/wrangler/bundling/#including-non-javascript-modules

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/evanw/esbuild/pkg/api"
)

// WasmModule is one CompiledWasm module of a bundled worker.
type WasmModule struct {
	// Name is the module's name in workerd's config, at the root beside the
	// main module "worker.js", so the bundle's `import x from "./Name"`
	// resolves to it.
	Name string
	// Path is the .wasm file to embed.
	Path string
}

// wasmFilter matches the imports wrangler's CompiledWasm rule covers.
const wasmFilter = `\.wasm(\?module)?$`

// wasmCollector gathers the .wasm files a bundle imports. Its plugin runs on
// esbuild's goroutines, so the set is guarded.
type wasmCollector struct {
	mu      sync.Mutex
	modules map[string]string // name -> path
}

// plugin marks each .wasm import external, renamed to its module name.
func (c *wasmCollector) plugin() api.Plugin {
	return api.Plugin{Name: "workerd-compiled-wasm", Setup: func(b api.PluginBuild) {
		b.OnResolve(api.OnResolveOptions{Filter: wasmFilter}, func(args api.OnResolveArgs) (api.OnResolveResult, error) {
			if args.PluginData == c {
				return api.OnResolveResult{}, nil // our own lookup below
			}
			spec := strings.TrimSuffix(args.Path, "?module")
			res := b.Resolve(spec, api.ResolveOptions{
				Importer:   args.Importer,
				ResolveDir: args.ResolveDir,
				Kind:       args.Kind,
				PluginData: c,
			})
			if len(res.Errors) > 0 {
				return api.OnResolveResult{}, fmt.Errorf("failed to resolve %s: %s", args.Path, res.Errors[0].Text)
			}
			name, err := c.add(res.Path)
			if err != nil {
				return api.OnResolveResult{}, err
			}
			return api.OnResolveResult{Path: "./" + name, External: true}, nil
		})
	}}
}

// add records the .wasm file at path and returns its module name: the hash
// of its contents and its base name, so two files never share a name and
// one file imported twice is one module.
func (c *wasmCollector) add(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("failed to read %s: %w", path, err)
	}
	sum := sha1.Sum(data)
	name := hex.EncodeToString(sum[:]) + "-" + filepath.Base(path)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.modules == nil {
		c.modules = map[string]string{}
	}
	c.modules[name] = path
	return name, nil
}

// list returns the modules collected, by name.
func (c *wasmCollector) list() []WasmModule {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]WasmModule, 0, len(c.modules))
	for name, path := range c.modules {
		out = append(out, WasmModule{Name: name, Path: path})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
