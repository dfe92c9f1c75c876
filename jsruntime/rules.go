package jsruntime

// Module rules: how imports of non-JavaScript files are loaded, as
// wrangler's [[rules]] setting says.
// https://developers.cloudflare.com/workers/wrangler/bundling/#including-non-javascript-modules

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// Rule maps file globs to a module type: "ESModule", "Text", "Data" or
// "CompiledWasm" (CommonJS is refused for now).
type Rule struct {
	Type  string
	Globs []string
}

// defaultRules are wrangler's: .txt, .html and .sql as Text, .bin as Data,
// .wasm as CompiledWasm.
var defaultRules = []Rule{
	{Type: "Text", Globs: []string{"**/*.txt", "**/*.html", "**/*.sql"}},
	{Type: "Data", Globs: []string{"**/*.bin"}},
	{Type: "CompiledWasm", Globs: []string{"**/*.wasm", "**/*.wasm?module"}},
}

// RuleLoaders returns the esbuild loaders, by file extension, and the plugin
// that load non-JavaScript imports as rules (the user's first, then
// wrangler's defaults) say. Bundle uses them, and so does anything else that
// bundles a worker, so every target sees the same modules. Safe from any
// goroutine; the plugin only reads files.
//
// CompiledWasm extensions get no loader here: each bundler handles them
// its own way (see CompiledWasmExtensions).
func RuleLoaders(rules []Rule) (map[string]api.Loader, api.Plugin, error) {
	loaders, data, _, err := ruleLoaders(rules)
	if err != nil {
		return nil, api.Plugin{}, err
	}
	return loaders, dataPlugin(data), nil
}

// CompiledWasmExtensions returns the file extensions the rules (the
// user's, then wrangler's defaults) load as CompiledWasm: imports whose
// default export is a WebAssembly.Module.
func CompiledWasmExtensions(rules []Rule) ([]string, error) {
	_, _, wasm, err := ruleLoaders(rules)
	return wasm, err
}

// ruleLoaders turns rules (the user's first, then the defaults) into
// esbuild loaders by file extension, plus the extensions loaded as Data and
// as CompiledWasm.
func ruleLoaders(rules []Rule) (map[string]api.Loader, []string, []string, error) {
	loaders := map[string]api.Loader{}
	var data, wasm []string
	seen := map[string]bool{}
	for _, r := range append(append([]Rule(nil), rules...), defaultRules...) {
		for _, g := range r.Globs {
			ext := filepath.Ext(strings.TrimSuffix(g, "?module"))
			if ext == "" || strings.ContainsAny(ext, "*?[") {
				return nil, nil, nil, fmt.Errorf("module rule glob %q: only globs ending in an extension (**/*.ext) are supported", g)
			}
			if seen[ext] {
				continue
			}
			seen[ext] = true
			switch r.Type {
			case "Text":
				loaders[ext] = api.LoaderText
			case "Data":
				loaders[ext] = api.LoaderJS // replaced by the data plugin's contents
				data = append(data, ext)
			case "ESModule":
				loaders[ext] = api.LoaderJS
			case "CompiledWasm":
				wasm = append(wasm, ext)
			case "CommonJS", "PythonModule":
				return nil, nil, nil, fmt.Errorf("module rule type %q (for %s) is not supported yet", r.Type, g)
			default:
				return nil, nil, nil, fmt.Errorf("unknown module rule type %q (want ESModule, Text, Data or CompiledWasm)", r.Type)
			}
		}
	}
	return loaders, data, wasm, nil
}

// dataPlugin loads files of the Data extensions as an ArrayBuffer default
// export, as wrangler's Data modules are. It runs on esbuild's goroutines
// and only reads files.
func dataPlugin(exts []string) api.Plugin {
	quoted := make([]string, len(exts))
	for i, e := range exts {
		quoted[i] = regexp.QuoteMeta(e)
	}
	filter := `(` + strings.Join(quoted, "|") + `)$`
	return api.Plugin{Name: "workerhost-data", Setup: func(b api.PluginBuild) {
		b.OnLoad(api.OnLoadOptions{Filter: filter}, func(args api.OnLoadArgs) (api.OnLoadResult, error) {
			data, err := os.ReadFile(args.Path)
			if err != nil {
				return api.OnLoadResult{}, fmt.Errorf("failed to read %s: %w", args.Path, err)
			}
			code := fmt.Sprintf("const b = atob(%q); const u = new Uint8Array(b.length);\nfor (let i = 0; i < b.length; i++) u[i] = b.charCodeAt(i);\nexport default u.buffer;\n", base64.StdEncoding.EncodeToString(data))
			return api.OnLoadResult{Contents: &code, Loader: api.LoaderJS}, nil
		})
	}}
}
