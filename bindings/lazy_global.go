package bindings

import "github.com/dop251/goja"

// lazyProperty is the accessor pair of a lazy global until its first use.
type lazyProperty struct{ get, set goja.Value }

// lazyGlobal defines the global name as workerd's lazy properties are:
// an own, enumerable property whose value compute makes on first use
// (node:process and Buffer cost a tenth of an isolate's start, and most
// workers never touch them). Until then it is an accessor; the first read
// or write turns it into a plain writable data property in the same place.
func (rl *Realm) lazyGlobal(name string, compute func() goja.Value) {
	g := rl.vm.GlobalObject()
	settle := func(v goja.Value) {
		if err := g.DefineDataProperty(name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
			panic(err)
		}
	}
	p := lazyProperty{
		get: rl.function("get "+name, func(goja.FunctionCall) goja.Value {
			v := compute()
			settle(v)
			return v
		}),
		set: rl.function("set "+name, func(call goja.FunctionCall) goja.Value {
			settle(call.Argument(0))
			return goja.Undefined()
		}),
	}
	if rl.lazyGlobals == nil {
		rl.lazyGlobals = make(map[string]lazyProperty)
	}
	rl.lazyGlobals[name] = p
	rl.globalNames = append(rl.globalNames, name)
	rl.defineLazy(name, p)
}

// defineLazy (re)defines a lazy global's accessor.
func (rl *Realm) defineLazy(name string, p lazyProperty) {
	if err := rl.vm.GlobalObject().DefineAccessorProperty(name, p.get, p.set, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
		panic(err)
	}
}
