package bindings

// WebAssembly.Instance: a module instantiated with a JS import object
// (linked as wasm_linker.go says), its start function, and its exports
// object.

import (
	"errors"

	"github.com/dop251/goja"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
	"github.com/tetratelabs/wazero/sys"

	"workerhost/internal/wasmbin"
)

// anonymousModule is the configuration of every module workerhost
// instantiates: no name, and no WASI-style start function (the JS API runs
// only the module's own start section).
func anonymousModule() wazero.ModuleConfig {
	return wazero.NewModuleConfig().WithName("").WithStartFunctions()
}

// installWasmInstance defines WebAssembly.Instance.
func (rl *Realm) installWasmInstance(ns *goja.Object) {
	c := rl.wasmClass("Instance", "WebAssembly.Instance must be invoked with 'new'", func(call goja.FunctionCall) {
		m := stateOf[wasmModule](rl, call.Argument(0))
		if m == nil {
			rl.throwTypeError("WebAssembly.Instance(): Argument 0 must be a WebAssembly.Module")
		}
		in := rl.engine().instantiate(m, call.Argument(1), "WebAssembly.Instance()")
		rl.attach(call.This.(*goja.Object), in)
	})
	rl.wasm.instance = c
	stateGetter[wasmInstance](rl, c)("exports", func(in *wasmInstance) goja.Value { return in.exports })
}

// instantiate links and instantiates m (running its start function),
// throwing TypeError, LinkError or RuntimeError as V8 does. Loop only.
func (e *wasmEngine) instantiate(m *wasmModule, importObject goja.Value, fn string) *wasmInstance {
	rl := e.rl
	imports := m.info.Imports
	obj, isObject := importObject.(*goja.Object)
	if !isObject && !goja.IsUndefined(importObject) {
		rl.throwTypeError(fn + ": Argument 1 must be an object")
	}
	if !isObject && len(imports) > 0 {
		rl.throwTypeError(fn + ": Imports argument must be present and must be an object")
	}
	l := &linker{e: e, byName: map[string]api.Module{}, imported: &importedFuncs{}}
	defer l.closeUnless()
	resolved := l.resolve(obj, imports, fn)
	groups, order := groupImports(resolved)
	for _, name := range order {
		l.byName[name] = l.provider(name, groups[name], fn)
	}
	ctx := experimental.WithImportResolver(e.ctx(), func(name string) api.Module { return l.byName[name] })
	e.enter()
	mod, err := e.rt.InstantiateModule(ctx, m.compiled, anonymousModule())
	e.leave()
	if err != nil {
		if !isCallError(err) {
			panic(rl.newWasmError(rl.wasm.linkErr, fn+": "+err.Error()))
		}
		e.callErr(err)
	}
	in := e.newInstance(mod, m.info.Tables, m.tables, l)
	in.m = m
	e.addStopFlag(mod, m.info.StopName)
	if m.info.Start != nil {
		e.start(mod, m.info.StartName)
	}
	in.exports = e.exportsObject(in)
	return in
}

// start runs an instance's start function, which wasmbin.WithoutStart
// took out of the module so that it runs with the instance's stop flag
// registered, like any call. A trap throws; a stop throws too (the
// instance never existed for JS). Loop only.
func (e *wasmEngine) start(mod api.Module, name string) {
	e.enter()
	err := mod.ExportedFunction(name).CallWithStack(e.ctx(), nil)
	e.leave()
	if err != nil {
		e.callErr(err)
	}
}

// isCallError reports whether instantiation failed while running the
// start function (a trap, a throwing import, a stop) rather than while
// linking.
func isCallError(err error) bool {
	var thrown *jsThrow
	var exit *sys.ExitError
	return errors.As(err, &thrown) || errors.As(err, &exit) || isTrap(err)
}

// exportsObject builds instance.exports: a frozen object with a null
// prototype and the exports in order (workerhost's accessors hidden).
func (e *wasmEngine) exportsObject(in *wasmInstance) *goja.Object {
	rl := e.rl
	o := rl.vm.NewObject()
	_ = o.SetPrototype(nil)
	for _, ex := range in.m.info.Exports {
		var v goja.Value
		switch ex.Kind {
		case wasmbin.KindFunction:
			name := ex.Name
			v = in.function(in.mod.ExportedFunction(name), func() api.Function { return in.mod.ExportedFunction(name) })
		case wasmbin.KindMemory:
			v = in.memory(in.mod.ExportedMemory(ex.Name), ex.Name, nil)
		case wasmbin.KindTable:
			v = in.table(ex.Name, ex.Index, nil)
		case wasmbin.KindGlobal:
			v = in.global(ex.Name, in.m.info.Globals[ex.Index], nil)
		}
		_ = o.Set(ex.Name, v)
	}
	if _, err := rl.wasm.freeze(goja.Undefined(), o); err != nil {
		panic(err)
	}
	return o
}
