package jsruntime

// The sandbox: workerd runs scripts in a V8 context that refuses to compile
// code from strings, so eval and every dynamic function constructor throw
// EvalError there. goja has no such switch, so installSandbox replaces those
// entry points, before any script runs, with native functions that behave
// as workerd's do (checked by the conformance case "sandbox"):
//
//   - eval(x) throws for any argument but undefined (eval() and
//     eval(undefined) return undefined, as in workerd), called directly,
//     indirectly or as globalThis.eval: goja only runs a direct eval when the
//     callee is its own intrinsic eval, which is no longer reachable.
//   - Function(...) and new Function(...) throw for any argument; with none
//     they return an empty function, as in workerd.
//   - The AsyncFunction and GeneratorFunction constructors, reached through
//     Object.getPrototypeOf(async function () {}).constructor, always throw.
//     Async generators are lowered by esbuild, so theirs is Function.
//
// Everything else about the constructors stays: Function.prototype,
// `f instanceof Function`, `(function () {}).constructor === Function`,
// their names, lengths and "[native code]" sources.

import (
	"fmt"

	"github.com/dop251/goja"
)

// ErrCodeGeneration is the message of workerd's EvalError for eval and the
// function constructors.
const ErrCodeGeneration = "Code generation from strings disallowed for this context"

// sandbox holds the intrinsics the replacements need, captured before any
// script can change the globals.
type sandbox struct {
	vm        *goja.Runtime
	evalError *goja.Object // the EvalError constructor
	function  *goja.Object // goja's own Function, used for the empty function
}

// installSandbox replaces eval and the function constructors. It runs once,
// from New, before anything else sees the runtime.
func installSandbox(vm *goja.Runtime) {
	sb := &sandbox{
		vm:        vm,
		evalError: vm.Get("EvalError").(*goja.Object),
		function:  vm.Get("Function").(*goja.Object),
	}
	sb.replaceEval()
	fn := sb.replaceFunction()
	for _, probe := range []string{"(async function () {})", "(function* () {})"} {
		sb.replaceDerivedConstructor(fn, probe)
	}
}

// throw raises workerd's EvalError.
func (sb *sandbox) throw() {
	e, err := sb.vm.New(sb.evalError, sb.vm.ToValue(ErrCodeGeneration))
	if err != nil {
		panic(err)
	}
	panic(e)
}

// replaceEval defines globalThis.eval as a function that compiles nothing.
func (sb *sandbox) replaceEval() {
	eval := sb.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		if len(call.Arguments) > 0 && !goja.IsUndefined(call.Arguments[0]) {
			sb.throw()
		}
		return goja.Undefined()
	}).(*goja.Object)
	sb.rename(eval, "eval", 1)
	sb.defineGlobal("eval", eval)
}

// replaceFunction defines the new Function constructor and makes it the one
// every function inherits as `constructor`. It returns the new constructor.
func (sb *sandbox) replaceFunction() *goja.Object {
	empty, ok := goja.AssertConstructor(sb.function)
	if !ok {
		panic("jsruntime: Function is not a constructor")
	}
	fn := sb.vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
		if len(call.Arguments) > 0 {
			sb.throw()
		}
		// new.target keeps `class F extends Function` subclassable.
		f, err := empty(call.NewTarget)
		if err != nil {
			panic(err)
		}
		return f
	}).(*goja.Object)
	proto := sb.function.Get("prototype").(*goja.Object)
	sb.link(fn, proto, "Function", goja.FLAG_TRUE)
	sb.defineGlobal("Function", fn)
	return fn
}

// replaceDerivedConstructor replaces the constructor of the prototype of the
// function that probe evaluates to (AsyncFunction, GeneratorFunction), which
// always throws, and whose own prototype is the new Function.
func (sb *sandbox) replaceDerivedConstructor(function *goja.Object, probe string) {
	v, err := sb.vm.RunString("Object.getPrototypeOf(" + probe + ")")
	if err != nil {
		panic(fmt.Errorf("jsruntime: failed to find the constructor of %s: %w", probe, err))
	}
	proto := v.(*goja.Object)
	old, ok := proto.Get("constructor").(*goja.Object)
	if !ok || old == sb.function {
		return // not a distinct intrinsic in this engine
	}
	ctor := sb.vm.ToValue(func(goja.ConstructorCall) *goja.Object {
		sb.throw()
		return nil
	}).(*goja.Object)
	if err := ctor.SetPrototype(function); err != nil {
		panic(err)
	}
	sb.link(ctor, proto, old.Get("name").String(), goja.FLAG_FALSE)
}

// link makes ctor the constructor of proto, named name, with the property
// attributes the spec gives: prototype fixed, proto.constructor writable
// only for Function.
func (sb *sandbox) link(ctor, proto *goja.Object, name string, writableConstructor goja.Flag) {
	sb.rename(ctor, name, 1)
	if err := ctor.DefineDataProperty("prototype", proto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
		panic(err)
	}
	if err := proto.DefineDataProperty("constructor", ctor, writableConstructor, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		panic(err)
	}
}

// rename gives a native function its JS name and length, as the built-in
// it replaces has them (goja would name it after the Go function).
func (sb *sandbox) rename(f *goja.Object, name string, length int) {
	if err := f.DefineDataProperty("name", sb.vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		panic(err)
	}
	if err := f.DefineDataProperty("length", sb.vm.ToValue(length), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		panic(err)
	}
}

// defineGlobal sets a global as built-ins are: writable, configurable, not
// enumerable.
func (sb *sandbox) defineGlobal(name string, v goja.Value) {
	if err := sb.vm.GlobalObject().DefineDataProperty(name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		panic(err)
	}
}
