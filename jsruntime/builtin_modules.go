package jsruntime

// Built-in modules: imports such as "cloudflare:workers" that no file
// provides. The runtime's embedder (package bindings, through host) supplies
// each one's ES-module source, so this package knows none of their names and
// no Web API; it only bundles what it is given.

import (
	"regexp"
	"sort"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// builtinNamespace is esbuild's namespace for built-in modules, so their
// paths never collide with files; in stacks and source maps a built-in
// reads as workerhost's own code ("workerhost:cloudflare:workers").
var builtinNamespace = strings.TrimSuffix(InternalSourcePrefix, ":")

// isBuiltinInput reports whether an input of esbuild's metafile is a
// built-in module, which it names "namespace:path".
func isBuiltinInput(in string) bool {
	return strings.HasPrefix(in, builtinNamespace+":")
}

// withoutBuiltinNamespace drops the namespace esbuild puts before a
// built-in module's name in its messages, so they name the import as the
// script wrote it.
func withoutBuiltinNamespace(text string) string {
	return strings.ReplaceAll(text, `"`+InternalSourcePrefix, `"`)
}

// builtinPlugin resolves each specifier in modules to its source. It runs
// on esbuild's goroutines and only reads the map, which nobody writes once
// Bundle has it.
func builtinPlugin(modules map[string]string) api.Plugin {
	names := make([]string, 0, len(modules))
	for name := range modules {
		names = append(names, regexp.QuoteMeta(name))
	}
	sort.Strings(names)
	filter := `^(` + strings.Join(names, "|") + `)$`
	return api.Plugin{Name: "workerhost-builtin", Setup: func(b api.PluginBuild) {
		b.OnResolve(api.OnResolveOptions{Filter: filter}, func(args api.OnResolveArgs) (api.OnResolveResult, error) {
			return api.OnResolveResult{Path: args.Path, Namespace: builtinNamespace}, nil
		})
		b.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: builtinNamespace}, func(args api.OnLoadArgs) (api.OnLoadResult, error) {
			src := modules[args.Path]
			return api.OnLoadResult{Contents: &src, Loader: api.LoaderJS}, nil
		})
	}}
}
