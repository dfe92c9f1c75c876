package bindings

// The built-in module "cloudflare:workers" (js/cloudflare_workers.js) and the
// class entry points it defines:
// https://developers.cloudflare.com/workers/runtime-apis/bindings/service-bindings/rpc/
// The bundler is given the module's source (Modules); its values are made
// here, once per runtime, and reach the bundle through a registered symbol
// on the global object that the module takes away when it runs.

import (
	_ "embed"

	"github.com/dop251/goja"

	"workerhost/internal/config"
	"workerhost/jsruntime"
)

//go:embed js/cloudflare_workers.js
var workersValuesSource string

//go:embed js/cloudflare_workers_module.js
var workersModuleSource string

// WorkersModule is the specifier of the built-in module.
const WorkersModule = "cloudflare:workers"

// Modules returns the built-in modules, by import specifier, as ES-module
// source for jsruntime.BundleOptions.Builtins. Safe from any goroutine.
func Modules() map[string]string {
	return map[string]string{WorkersModule: workersModuleSource,
		SocketsModule: socketsModuleSource}
}

// workersModule is what the realm keeps of the module's values.
type workersModule struct {
	workerEntrypoint   *goja.Object
	workflowEntrypoint *goja.Object
	durableObject      *goja.Object
	rpcTarget          *goja.Object
	construct          goja.Callable // (class, ctx, env) => [instance, instance.fetch]
	env                *goja.Object  // the worker's env, once SetEnv has run
	warnedNoFetch      bool
}

// installWorkersModule makes the module's values and leaves them for the
// module's source.
func (rl *Realm) installWorkersModule() {
	factory, ok := goja.AssertFunction(rl.mustRun("cloudflare_workers.js", workersValuesSource))
	if !ok {
		panic("bindings: cloudflare_workers.js is not a function")
	}
	v, err := factory(goja.Undefined(), rl.workersHelpers())
	if err != nil {
		panic(err)
	}
	made := v.(*goja.Object)
	values := made.Get("values").(*goja.Object)
	rl.workers.construct, _ = goja.AssertFunction(made.Get("construct"))
	rl.workers.workerEntrypoint = values.Get("WorkerEntrypoint").(*goja.Object)
	rl.workers.workflowEntrypoint = values.Get("WorkflowEntrypoint").(*goja.Object)
	rl.workers.durableObject = values.Get("DurableObject").(*goja.Object)
	rl.workers.rpcTarget = values.Get("RpcTarget").(*goja.Object)
}

// workersHelpers is what cloudflare_workers.js needs from Go.
func (rl *Realm) workersHelpers() *goja.Object {
	h := rl.vm.NewObject()
	set := func(name string, fn func(call goja.FunctionCall) goja.Value) {
		_ = h.Set(name, rl.function(name, fn))
	}
	_ = h.Set("illegalInvocation", errIllegalInvocation)
	set("isExecutionContext", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(stateOf[executionContext](rl, call.Argument(0)) != nil)
	})
	set("isDurableObjectState", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(rl.isDurableObjectState(call.Argument(0)))
	})
	set("currentEnv", func(goja.FunctionCall) goja.Value {
		if rl.workers.env == nil {
			return goja.Undefined()
		}
		return rl.workers.env
	})
	set("inRequest", func(goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(rl.rt.Current() != nil)
	})
	rl.lifetimeHelpers(set)
	return h
}

// lifetimeHelpers adds the helpers the built-in JS sources share:
// forbidInGlobalScope, waitUntil and unsupported.
func (rl *Realm) lifetimeHelpers(set func(string, func(goja.FunctionCall) goja.Value)) {
	set("forbidInGlobalScope", func(goja.FunctionCall) goja.Value {
		rl.rt.ForbidInGlobalScope()
		return goja.Undefined()
	})
	set("waitUntil", func(call goja.FunctionCall) goja.Value {
		rl.waitUntil(call.Argument(0))
		return goja.Undefined()
	})
	set("unsupported", func(call goja.FunctionCall) goja.Value {
		rl.throwUnsupported(call.Argument(0).String())
		return nil
	})
}

// SetEnv makes env the object the module's `env` reads and writes: the same
// env the worker's handlers get. Call it before the script runs, so its
// top level sees env too, as on workerd. On the loop.
func (rl *Realm) SetEnv(env *goja.Object) {
	rl.workers.env = env
	rl.fillProcessEnv()
}

// EntrypointKind says what a module's exported class is to the runtime.
type EntrypointKind uint8

// The kinds of exported value, found as workerd finds them: by walking the
// constructor's prototype chain to one of the module's base classes.
const (
	// NotAClass is a value that is not a function (an object of handlers).
	NotAClass EntrypointKind = iota
	// StatelessClass extends WorkerEntrypoint or WorkflowEntrypoint (or is
	// one): each event gets a new instance.
	StatelessClass
	// ActorClass extends DurableObject, or nothing the module defines (for
	// historical reasons workerd takes such a class for a Durable Object).
	ActorClass
)

// EntrypointKindOf tells what kind of entry point v is. The error is an
// exception a Proxy's getPrototypeOf trap threw. On the loop.
func (rl *Realm) EntrypointKindOf(v goja.Value) (kind EntrypointKind, err error) {
	o, ok := v.(*goja.Object)
	if !ok {
		return NotAClass, nil
	}
	if _, isFunc := goja.AssertFunction(o); !isFunc {
		return NotAClass, nil
	}
	kind = ActorClass
	if ex := rl.vm.Try(func() { kind = rl.classKind(o) }); ex != nil {
		return NotAClass, ex
	}
	return kind, nil
}

// classKind walks the prototype chain of the function o (a Proxy's traps
// may throw).
func (rl *Realm) classKind(o *goja.Object) EntrypointKind {
	for ; o != nil; o = o.Prototype() {
		switch {
		case o.SameAs(rl.workers.durableObject):
			return ActorClass
		case o.SameAs(rl.workers.workerEntrypoint), o.SameAs(rl.workers.workflowEntrypoint):
			return StatelessClass
		}
	}
	return ActorClass
}

// extendsDurableObject reports whether the class o extends DurableObject
// from cloudflare:workers (RPC needs it). A Proxy's trap that throws
// counts as no.
func (rl *Realm) extendsDurableObject(o *goja.Object) (yes bool) {
	_ = rl.vm.Try(func() {
		for p := o.Prototype(); p != nil; p = p.Prototype() {
			if p.SameAs(rl.workers.durableObject) {
				yes = true
				return
			}
		}
	})
	return yes
}

// NewEntrypoint makes a stateless class's instance for one event, as
// workerd does: `new class(ctx, env)`, whose base constructor sets this.ctx
// and this.env. It returns the instance and its fetch property, which may
// be anything. The error is what the constructor threw. On the loop.
func (rl *Realm) NewEntrypoint(class, ctx, env *goja.Object) (instance *goja.Object, fetch goja.Value, err error) {
	v, err := rl.workers.construct(goja.Undefined(), class, ctx, env)
	if err != nil {
		return nil, nil, err
	}
	pair := v.(*goja.Object)
	return pair.Get("0").(*goja.Object), pair.Get("1"), nil
}

// errNoFetch is workerd's error for a fetch event whose handler has no
// fetch method.
const errNoFetch = "Error: Handler does not export a fetch() function."

// NoFetchHandler is the error for a fetch event whose handler (a class
// entry point's instance) has no fetch method; the first time, it also
// warns on the console, as workerd does. On the loop.
func (rl *Realm) NoFetchHandler() error {
	if !rl.workers.warnedNoFetch {
		rl.workers.warnedNoFetch = true
		rl.consoleLine(config.LevelWarn, "Received a FetchEvent but we lack a handler for FetchEvents. Did you remember to export a fetch() function?")
	}
	return &jsruntime.ThrownError{Text: errNoFetch}
}
