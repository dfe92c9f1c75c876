package bindings

// Linking an instance's imports. Imports are resolved per import module
// name ("env", "wbg") with wazero's ImportResolver: a name whose imports
// are all functions gets a host module of JS functions; a name that also
// imports a memory, table or global gets a linking module (package
// wasmbin) that gathers them from where they live. Every module here is
// anonymous, so any number of instances can coexist in the engine.

import (
	"context"
	"fmt"
	"weak"

	"github.com/dop251/goja"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"workerhost/internal/wasmbin"
)

// linker gathers what one instantiation makes for its imports: the
// provider module of each import module name, and the states of the
// memories, tables and globals it takes from elsewhere. If instantiation
// fails, the modules it made are closed.
type linker struct {
	e        *wasmEngine
	byName   map[string]api.Module
	made     []api.Module
	values   []any          // states of the memories, tables and globals imported
	imported *importedFuncs // the JS functions imported
	done     bool
}

// closeUnless closes the modules made, unless an instance took them.
func (l *linker) closeUnless() {
	if l.done {
		return
	}
	for _, m := range l.made {
		_ = m.Close(context.Background())
	}
}

// resolvedImport is an import with its position in the module's list and
// the value the import object gives it: a callable for a function, or the
// module and export name that hold a memory, table or global.
type resolvedImport struct {
	index int
	wasmbin.Import
	call       goja.Callable
	backer     api.Module
	exportName string
}

// resolve reads and checks each import's value in the module's order, as
// the JS API does (a getter's effects and the first error show in that
// order).
func (l *linker) resolve(obj *goja.Object, imports []wasmbin.Import, fn string) []resolvedImport {
	rl := l.e.rl
	out := make([]resolvedImport, len(imports))
	for i, im := range imports {
		ns, ok := obj.Get(im.Module).(*goja.Object)
		if !ok {
			rl.throwTypeError(fmt.Sprintf("%s: Import #%d \"%s\": module is not an object or function", fn, i, im.Module))
		}
		v := ns.Get(im.Name)
		if v == nil {
			v = goja.Undefined()
		}
		where := fmt.Sprintf("%s: Import #%d \"%s\" \"%s\"", fn, i, im.Module, im.Name)
		r := resolvedImport{index: i, Import: im}
		if im.Kind == wasmbin.KindFunction {
			if r.call, ok = goja.AssertFunction(v); !ok {
				panic(rl.newWasmError(rl.wasm.linkErr, where+": function import requires a callable"))
			}
		} else {
			var state any
			r.backer, r.exportName, state = l.e.importedValue(v, r, where)
			l.values = append(l.values, state)
		}
		out[i] = r
	}
	return out
}

// groupImports groups imports by module name, keeping first-seen order.
func groupImports(imports []resolvedImport) (map[string][]resolvedImport, []string) {
	groups := map[string][]resolvedImport{}
	var order []string
	for _, im := range imports {
		if _, seen := groups[im.Module]; !seen {
			order = append(order, im.Module)
		}
		groups[im.Module] = append(groups[im.Module], im)
	}
	return groups, order
}

// provider builds the module that satisfies one import module name.
func (l *linker) provider(name string, imps []resolvedImport, fn string) api.Module {
	e := l.e
	rl := e.rl
	host := e.rt.NewHostModuleBuilder(name)
	var links []wasmbin.Link
	backers := map[string]api.Module{}
	hostName := "__workerhost_js"
	exported := map[string]bool{}
	for _, im := range imps {
		if im.Kind == wasmbin.KindFunction {
			if !exported[im.Name] {
				exported[im.Name] = true
				l.imported.fns = append(l.imported.fns, im.call)
				host.NewFunctionBuilder().
					WithGoModuleFunction(e.hostFunction(weak.Make(l.imported), len(l.imported.fns)-1, im.Func.Params, im.Func.Results), im.Func.Params, im.Func.Results).
					Export(im.Name)
			}
			links = append(links, wasmbin.Link{Import: im.Import, FromModule: hostName, FromName: im.Name})
			continue
		}
		key := fmt.Sprintf("__workerhost_value%d", len(backers))
		backers[key] = im.backer
		links = append(links, wasmbin.Link{Import: im.Import, FromModule: key, FromName: im.exportName})
	}
	ctx := context.Background()
	compiled, err := host.Compile(ctx)
	if err != nil {
		panic(rl.newWasmError(rl.wasm.linkErr, fmt.Sprintf("%s: Import \"%s\": %v", fn, name, err)))
	}
	hostMod, err := e.rt.InstantiateModule(ctx, compiled, anonymousModule())
	_ = compiled.Close(ctx) // made for this instance alone; its module lives on
	if err != nil {
		panic(rl.newWasmError(rl.wasm.linkErr, fmt.Sprintf("%s: Import \"%s\": %v", fn, name, err)))
	}
	l.made = append(l.made, hostMod)
	if len(backers) == 0 {
		return hostMod
	}
	backers[hostName] = hostMod
	linking := e.linkingModule(links, backers, fn)
	l.made = append(l.made, linking)
	return linking
}

// importedValue checks a non-function import's value and returns the
// module that holds it, the name it exports it under, and its state (which
// the importing instance keeps, so the owner stays open).
func (e *wasmEngine) importedValue(v goja.Value, im resolvedImport, where string) (api.Module, string, any) {
	rl := e.rl
	switch im.Kind {
	case wasmbin.KindMemory:
		if m := stateOf[wasmMemory](rl, v); m != nil {
			return m.owner.mod, m.ownerName, m
		}
		panic(rl.newWasmError(rl.wasm.linkErr, where+": memory import must be a WebAssembly.Memory object"))
	case wasmbin.KindTable:
		if t := stateOf[wasmTable](rl, v); t != nil {
			return t.owner.mod, t.exportName, t
		}
		panic(rl.newWasmError(rl.wasm.linkErr, where+": table import requires a WebAssembly.Table"))
	default:
		if g := stateOf[wasmGlobal](rl, v); g != nil {
			return g.owner.mod, g.exportName, g
		}
		g := e.globalFromValue(v, im, where)
		return g.owner.mod, wasmbin.GlobalExport, g
	}
}

// linkingModule instantiates a module that re-exports links from the
// modules in backers under the names the importer asks for.
func (e *wasmEngine) linkingModule(links []wasmbin.Link, backers map[string]api.Module, fn string) api.Module {
	ctx := experimental.WithImportResolver(context.Background(), func(name string) api.Module { return backers[name] })
	cm, err := e.rt.CompileModule(ctx, wasmbin.LinkingModule(links))
	if err == nil {
		var mod api.Module
		mod, err = e.rt.InstantiateModule(ctx, cm, anonymousModule())
		_ = cm.Close(ctx)
		if err == nil {
			return mod
		}
	}
	panic(e.rl.newWasmError(e.rl.wasm.linkErr, fn+": "+err.Error()))
}
