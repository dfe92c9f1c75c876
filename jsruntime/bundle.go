package jsruntime

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/evanw/esbuild/pkg/api"
)

// ModuleExportsGlobal is the variable, local to the wrapper function
// around the bundle (wrapperFor), that holds an ES-module worker's exports
// namespace after its bundle has run.
const ModuleExportsGlobal = "__workerhost_module"

// BundleOptions says what to bundle. The zero value of each optional field
// is the default.
type BundleOptions struct {
	// Entry is the path of the worker's entry file, or, with Source, the
	// name the script goes by in errors and stacks.
	Entry string
	// Source, when set, is the entry's code, given as a string instead of
	// read from Entry; its relative imports resolve from WorkingDir.
	Source string
	// WorkingDir is the directory file names in errors and stacks are
	// relative to. Defaults to the process's working directory.
	WorkingDir string
	// Rules are wrangler's [[rules]]: how non-JavaScript imports load.
	// wrangler's default rules apply after them.
	Rules []Rule
	// Builtins are modules no file provides, by import specifier
	// ("cloudflare:workers"), each given as ES-module source; an import of
	// one bundles that source.
	Builtins map[string]string
}

// Script is a bundled, compiled worker script, ready to run in any number of
// runtimes.
type Script struct {
	// Entry is the entry file as given.
	Entry string
	// Modules is true for an ES-module worker (one that has exports) and
	// false for a service-worker script.
	Modules bool
	// Code is the bundled JavaScript with an inline source map.
	Code string
	// Inputs lists every file the bundle read, for file watching.
	Inputs []string
	// Program is Code compiled once by goja.
	Program *goja.Program
	// Wasm holds the CompiledWasm modules the script imports, by the name
	// the bundle asks WasmModuleKey's function for (wasm_modules.go).
	Wasm map[string][]byte

	name       string // the entry's name in stacks
	source     string // BundleOptions.Source
	workingDir string // what file names in stacks are relative to
}

// goja lacks these features, so esbuild lowers them (see DESIGN.md).
var gojaUnsupported = map[string]bool{
	"async-generator":      false,
	"for-await":            false,
	"regexp-match-indices": false,
	"regexp-set-notation":  false,
	"using":                false,
}

// gojaUnsupportedLowered also lowers class fields, for the rare bundle that
// does not compile with them native (class_fields.go).
var gojaUnsupportedLowered = withLoweredClassFields(gojaUnsupported)

// withLoweredClassFields is features plus class fields, lowered.
func withLoweredClassFields(features map[string]bool) map[string]bool {
	lowered := map[string]bool{"class-field": false, "class-static-field": false}
	for k, v := range features {
		lowered[k] = v
	}
	return lowered
}

// Bundle resolves the entry's imports (relative files and npm packages from
// node_modules, with the conditions wrangler uses), lowers what goja cannot
// run, and compiles the result. Errors in the user's code come back as
// *ScriptError with the position in the user's file. Safe from any
// goroutine.
func Bundle(opts BundleOptions) (*Script, error) {
	wd := opts.WorkingDir
	if wd == "" {
		var err error
		if wd, err = os.Getwd(); err != nil {
			return nil, fmt.Errorf("failed to bundle %s: %w", opts.Entry, err)
		}
	}
	if opts.Source == "" {
		if se := checkEntry(opts.Entry, wd); se != nil {
			return nil, se
		}
	}
	loaders, data, err := RuleLoaders(opts.Rules)
	if err != nil {
		return nil, &ScriptError{File: opts.Entry, Text: err.Error()}
	}
	wasmExts, err := CompiledWasmExtensions(opts.Rules)
	if err != nil {
		return nil, &ScriptError{File: opts.Entry, Text: err.Error()}
	}
	var wasm wasmFiles
	b := builder{opts: opts, wd: wd, loaders: loaders, plugins: []api.Plugin{data, wasmPlugin(wasmExts, wd, &wasm)}, features: gojaUnsupported}
	if len(opts.Builtins) > 0 {
		b.plugins = append(b.plugins, builtinPlugin(opts.Builtins))
	}
	// The ES-module pass says whether the entry has exports (a module
	// worker, which runs as the IIFE) or not (a service-worker script, which
	// runs as the ES-module output, its top-level names global). Both passes
	// run at once, as a start waits for them.
	var second *buildResult
	var secondErr error
	var wg sync.WaitGroup
	wg.Go(func() { second, secondErr = b.build(api.FormatIIFE) })
	first, err := b.build(api.FormatESModule)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	s := &Script{Entry: opts.Entry, Code: first.code, Inputs: first.inputs,
		name: displayName(opts.Entry, wd), source: opts.Source, workingDir: wd}
	if first.hasExports {
		if secondErr != nil {
			return nil, secondErr
		}
		s.Modules, s.Code = true, second.code
	}
	s.Wasm = wasm.files
	if err := b.compile(s, first.hasExports); err != nil {
		return nil, err
	}
	return s, nil
}

// compile compiles s.Code with class fields native and their keyword
// names quoted (class_fields.go); when that fails, it bundles again with
// class fields lowered, as goja then needs, and compiles that.
func (b builder) compile(s *Script, modules bool) error {
	code := quoteKeywordFields(s.Code)
	if prog, err := goja.Compile(s.name, code, s.Modules); err == nil {
		s.Code, s.Program = code, prog
		return nil
	}
	b.features = gojaUnsupportedLowered
	format := api.FormatESModule
	if modules {
		format = api.FormatIIFE
	}
	lowered, err := b.build(format)
	if err != nil {
		return err
	}
	prog, err := goja.Compile(s.name, lowered.code, s.Modules)
	if err != nil {
		return fmt.Errorf("failed to compile bundle of %s: %w", b.opts.Entry, err)
	}
	s.Code, s.Program = lowered.code, prog
	return nil
}

// buildResult is what one esbuild pass produced.
type buildResult struct {
	code       string
	inputs     []string
	hasExports bool
}

// builder holds what every esbuild pass of one bundle shares.
type builder struct {
	opts    BundleOptions
	wd      string
	loaders map[string]api.Loader
	plugins []api.Plugin
	// features are the language features esbuild lowers: gojaUnsupported,
	// or gojaUnsupportedLowered on the fallback pass.
	features map[string]bool
}

// build runs one esbuild pass in the given output format.
func (b builder) build(format api.Format) (*buildResult, error) {
	opts, wd := b.opts, b.wd
	var entries []string
	var stdin *api.StdinOptions
	if opts.Source != "" {
		stdin = &api.StdinOptions{Contents: opts.Source, ResolveDir: wd, Sourcefile: opts.Entry, Loader: loaderFor(opts.Entry)}
	} else {
		entries = []string{opts.Entry}
	}
	res := api.Build(api.BuildOptions{
		EntryPoints:   entries,
		Stdin:         stdin,
		AbsWorkingDir: wd,
		Bundle:        true,
		Write:         false,
		Metafile:      true,
		Outfile:       outfile(opts.Entry, wd),
		Format:        format,
		GlobalName:    globalNameFor(format),
		Banner:        wrapperFor(format, true),
		Footer:        wrapperFor(format, false),
		Platform:      api.PlatformBrowser,
		Target:        api.ES2022,
		Supported:     b.features,
		Conditions:    []string{"workerd", "worker", "browser"},
		MainFields:    []string{"browser", "module", "main"},
		Sourcemap:     api.SourceMapInline,
		Loader:        b.loaders,
		Plugins:       b.plugins,
		LogLevel:      api.LogLevelSilent,
		Charset:       api.CharsetUTF8,
	})
	if len(res.Errors) > 0 {
		return nil, scriptErrorFromMessage(res.Errors[0], opts.Entry, wd)
	}
	if len(res.OutputFiles) == 0 {
		return nil, fmt.Errorf("failed to bundle %s: esbuild produced no output", opts.Entry)
	}
	meta, err := parseMetafile(res.Metafile, wd)
	if err != nil {
		return nil, fmt.Errorf("failed to bundle %s: %w", opts.Entry, err)
	}
	code := string(res.OutputFiles[0].Contents)
	return &buildResult{code: code, inputs: meta.inputs, hasExports: meta.hasExports}, nil
}

// outfile names the bundle (never written) beside the entry: the source
// map's paths are relative to it, and goja resolves them against the
// directory of the name the bundle is compiled under, which is the entry's.
func outfile(entry, wd string) string {
	return filepath.Join(filepath.Dir(absIn(wd, entry)), "__workerhost_bundle.js")
}

// absIn makes path absolute, relative to wd.
func absIn(wd, path string) string {
	if filepath.IsAbs(path) {
		return filepath.Clean(path)
	}
	return filepath.Join(wd, path)
}

// loaderFor picks the loader of a script given as a string by its name.
func loaderFor(name string) api.Loader {
	switch filepath.Ext(name) {
	case ".ts", ".mts":
		return api.LoaderTS
	default:
		return api.LoaderJS
	}
}

// wrapperFor returns the banner (open) or footer of a module worker's
// bundle: a function around esbuild's `var ModuleExportsGlobal = ...`, so
// the exports are the script's completion value and no global holds them.
func wrapperFor(format api.Format, open bool) map[string]string {
	switch {
	case format != api.FormatIIFE:
		return nil
	case open:
		return map[string]string{"js": "(function () {"}
	default:
		return map[string]string{"js": "return " + ModuleExportsGlobal + ";\n})()"}
	}
}

func globalNameFor(format api.Format) string {
	if format == api.FormatIIFE {
		return ModuleExportsGlobal
	}
	return ""
}

// scriptErrorFromMessage turns esbuild's first error into a ScriptError,
// with advice for an import that cannot be resolved (resolve_errors.go).
func scriptErrorFromMessage(m api.Message, entry, wd string) *ScriptError {
	e := &ScriptError{File: entry}
	file := absIn(wd, entry)
	if loc := m.Location; loc != nil {
		file = absIn(wd, loc.File)
		e.File, e.Line, e.Column, e.Source = displayName(file, wd), loc.Line, loc.Column, loc.LineText
	}
	e.Text = withoutBuiltinNamespace(resolveErrorText(m, file))
	return e
}

// displayName is the entry's path relative to wd when it lies below it.
func displayName(entry, wd string) string {
	abs := absIn(wd, entry)
	if rel, err := filepath.Rel(wd, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return abs
}
