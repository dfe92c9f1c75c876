package bindings

// The global scope's classes, as workerd shapes them: globalThis is a
// ServiceWorkerGlobalScope, whose prototype holds the Web API constructors
// and functions, on WorkerGlobalScope (whose prototype holds EventTarget) on
// EventTarget. Neither class is constructible.

import (
	"github.com/dop251/goja"
)

// ownGlobals are the functions that stay own properties of the global object
// besides being on ServiceWorkerGlobalScope.prototype: workerd's timers are
// both, and the event-target functions are the global scope's own (they
// register the fetch handler, bound to the global scope).
var ownGlobals = map[string]bool{
	"setTimeout": true, "setInterval": true, "clearTimeout": true, "clearInterval": true,
	"addEventListener": true, "removeEventListener": true, "dispatchEvent": true,
}

// nodeGlobals are the functions Node.js compatibility defines, which stay
// own properties of the global object only, as in workerd.
var nodeGlobals = map[string]bool{"Buffer": true}

// enumerableGlobals are the own properties of workerd's global scope that
// are enumerable, so Object.keys(globalThis) lists them (origin is
// read-only too).
var enumerableGlobals = []string{
	"navigator", "global", "process", "Buffer", "origin", "Cloudflare", "performance", "scheduler",
	"caches", "crypto", "self", "ServiceWorkerGlobalScope",
}

// engineGlobals are functions the engine layer (jsruntime) defines as own
// globals that workerd has on ServiceWorkerGlobalScope.prototype.
var engineGlobals = []string{"setTimeout", "setInterval", "clearTimeout", "clearInterval", "queueMicrotask"}

// installGlobalScopeClasses runs after every other installer: it defines
// WorkerGlobalScope and ServiceWorkerGlobalScope, moves the functions the
// installers made globals onto ServiceWorkerGlobalScope.prototype, and makes
// that the global object's prototype.
func (rl *Realm) installGlobalScopeClasses() {
	vm := rl.vm
	g := vm.GlobalObject()
	wgs := rl.defineClass("WorkerGlobalScope", rl.eventTargetClass, nil, "Illegal constructor")
	swgs := rl.defineClass("ServiceWorkerGlobalScope", wgs, nil, "Illegal constructor")
	onProto := func(proto *goja.Object, name string, v goja.Value) {
		if err := proto.DefineDataProperty(name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
			panic(err)
		}
	}
	for _, name := range engineGlobals {
		onProto(swgs.proto, name, g.Get(name))
		if name != "queueMicrotask" {
			rl.givePrototype(g.Get(name).(*goja.Object))
		}
		if !ownGlobals[name] {
			rl.deleteGlobal(name)
		}
	}
	for _, name := range rl.globalNames {
		if _, lazy := rl.lazyGlobals[name]; lazy {
			continue // an object or Buffer: it stays own
		}
		v := g.Get(name)
		if _, ok := goja.AssertFunction(v); !ok {
			continue
		}
		proto := swgs.proto
		if name == "EventTarget" {
			proto = wgs.proto
		}
		if ownGlobals[name] || nodeGlobals[name] {
			continue
		}
		onProto(proto, name, v)
		rl.deleteGlobal(name)
	}
	onProto(swgs.proto, "WorkerGlobalScope", wgs.ctor)
	rl.global("ServiceWorkerGlobalScope", swgs.ctor)
	rl.global("origin", vm.ToValue("null"))
	rl.orderOwnGlobals()
	if err := g.SetPrototype(swgs.proto); err != nil {
		panic(err)
	}
	// GoError is goja's wrapper for Go errors; scripts never see one here.
	rl.deleteGlobal("GoError")
	// goja tags the global object "global"; workerd's takes its tag from
	// the prototype.
	if err := g.DeleteSymbol(goja.SymToStringTag); err != nil {
		panic(err)
	}
}

// orderOwnGlobals gives the global object's own properties workerd's
// order and flags: enumerableGlobals first, then the timers.
func (rl *Realm) orderOwnGlobals() {
	g := rl.vm.GlobalObject()
	redefine := func(name string, writable, enumerable goja.Flag) {
		if p, lazy := rl.lazyGlobals[name]; lazy {
			rl.deleteGlobal(name)
			rl.defineLazy(name, p)
			return
		}
		v := g.Get(name) // own: the prototype is not set yet
		if v == nil {
			return
		}
		rl.deleteGlobal(name)
		if err := g.DefineDataProperty(name, v, writable, goja.FLAG_TRUE, enumerable); err != nil {
			panic(err)
		}
	}
	for _, name := range enumerableGlobals {
		writable := goja.FLAG_TRUE
		if name == "origin" {
			writable = goja.FLAG_FALSE
		}
		redefine(name, writable, goja.FLAG_TRUE)
	}
	for _, name := range engineGlobals {
		if ownGlobals[name] {
			redefine(name, goja.FLAG_TRUE, goja.FLAG_TRUE)
		}
	}
}

// deleteGlobal removes an own property of the global object.
func (rl *Realm) deleteGlobal(name string) {
	if err := rl.vm.GlobalObject().Delete(name); err != nil {
		panic(err)
	}
}

// givePrototype gives a function made in Go the prototype property a
// function declared in JS has, as workerd's timers have.
func (rl *Realm) givePrototype(f *goja.Object) {
	proto := rl.vm.NewObject()
	if err := proto.DefineDataProperty("constructor", f, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE); err != nil {
		panic(err)
	}
	if err := f.DefineDataProperty("prototype", proto, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
		panic(err)
	}
}
