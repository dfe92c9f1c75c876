package bindings

// WebAssembly.CompileError, LinkError and RuntimeError, and the mapping of
// wazero's traps to V8's RuntimeError messages (what workerd shows).

import (
	"errors"
	"reflect"
	"strings"

	"github.com/dop251/goja"

	"workerhost/jsruntime"
)

// wasmErrorClasses defines the three error classes as V8 has them: callable
// with or without new, inheriting from Error, with their name on the
// prototype.
const wasmErrorClasses = `(function () {
  function make(name) {
    var C = ({ [name]: function (message) {
      return Reflect.construct(Error, arguments, new.target === undefined ? C : new.target);
    } })[name];
    C.prototype = Object.create(Error.prototype, {
      constructor: { value: C, writable: true, configurable: true },
      name: { value: name, writable: true, configurable: true },
      message: { value: "", writable: true, configurable: true },
    });
    Object.setPrototypeOf(C, Error);
    return C;
  }
  return [make("CompileError"), make("LinkError"), make("RuntimeError")];
})()`

// installWasmErrors defines the error classes on the namespace.
func (rl *Realm) installWasmErrors(ns *goja.Object) {
	classes := rl.mustRun("wasmErrors", wasmErrorClasses).(*goja.Object)
	w := &rl.wasm
	w.compileErr = classes.Get("0").(*goja.Object)
	w.linkErr = classes.Get("1").(*goja.Object)
	w.runtimeErr = classes.Get("2").(*goja.Object)
	for name, c := range map[string]*goja.Object{"CompileError": w.compileErr, "LinkError": w.linkErr, "RuntimeError": w.runtimeErr} {
		defineHidden(ns, name, c)
	}
}

// newWasmError creates an error of one of the three classes, its stack
// starting where the script is (the class's own construction frames, in
// workerhost's JS, are left out).
func (rl *Realm) newWasmError(class *goja.Object, message string) *goja.Object {
	o, err := rl.vm.New(class, rl.vm.ToValue(message))
	if err != nil {
		panic(err)
	}
	if stack, ok := o.Get("stack").Export().(string); ok {
		lines := strings.Split(stack, "\n")
		kept := lines[:0]
		for _, l := range lines {
			if !strings.Contains(l, "at construct (native)") && !strings.Contains(l, jsruntime.InternalSourcePrefix) {
				kept = append(kept, l)
			}
		}
		_ = o.Set("stack", strings.Join(kept, "\n"))
	}
	return o
}

// trapMessages maps wazero's trap messages to V8's.
var trapMessages = map[string]string{
	"unreachable":                   "unreachable",
	"out of bounds memory access":   "memory access out of bounds",
	"integer divide by zero":        "divide by zero",
	"integer overflow":              "divide result unrepresentable",
	"invalid conversion to integer": "float unrepresentable in integer range",
	"invalid table access":          "table index is out of bounds",
	"indirect call type mismatch":   "function signature mismatch",
	"null reference":                "dereferencing a null pointer",
	"unaligned atomic":              "operation does not support unaligned accesses",
}

// wasmTrap turns the error of a trapped Wasm call into a RuntimeError with
// V8's message (a stack overflow is V8's RangeError).
func (rl *Realm) wasmTrap(err error) *goja.Object {
	msg := trapText(err)
	if msg == "stack overflow" {
		return rl.newError("RangeError", "Maximum call stack size exceeded")
	}
	if m, ok := trapMessages[msg]; ok {
		msg = m
	}
	return rl.newWasmError(rl.wasm.runtimeErr, msg)
}

// trapOf finds wazero's own trap error in err's chain, or nil.
func trapOf(err error) error {
	for e := err; e != nil; e = errors.Unwrap(e) {
		if reflect.TypeOf(e).String() == "*wasmruntime.Error" {
			return e
		}
	}
	return nil
}

// isTrap reports whether err carries one of wazero's traps.
func isTrap(err error) bool { return trapOf(err) != nil }

// trapText returns the text of wazero's trap in err; otherwise the first
// line of the error.
func trapText(err error) string {
	if t := trapOf(err); t != nil {
		return t.Error()
	}
	msg, _, _ := strings.Cut(err.Error(), "\n")
	return strings.TrimPrefix(msg, "wasm error: ")
}

// defineHidden defines a non-enumerable, writable, configurable property,
// as WebIDL namespace members are.
func defineHidden(o *goja.Object, name string, v goja.Value) {
	if err := o.DefineDataProperty(name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		panic(err)
	}
}
