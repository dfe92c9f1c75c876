package bindings

// Every Go function a script can call goes through guard, so that a bug in
// workerhost reached by some odd input (a Go panic) becomes a JS Error the
// script can catch, as workerd's "internal error", instead of unwinding
// through goja and the loop.

import (
	"fmt"
	"reflect"
	"runtime/debug"

	"github.com/dop251/goja"

	"workerhost/internal/config"
)

// gojaPackage is the import path of goja, whose own panics are JS throws.
var gojaPackage = reflect.TypeOf(goja.Exception{}).PkgPath()

// guard wraps a native function: JS exceptions pass through as they are; a
// Go panic is logged with its stack and thrown to the script as
// "Error: internal error in workerhost: ...".
func (rl *Realm) guard(fn func(call goja.FunctionCall) goja.Value) func(call goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		defer rl.recoverInternal()
		return fn(call)
	}
}

// recoverInternal is the deferred half of guard.
func (rl *Realm) recoverInternal() {
	p := recover()
	if p == nil {
		return
	}
	if isJSPanic(p) {
		panic(p)
	}
	rl.logf(config.LevelError, "internal error: %v\n%s", p, debug.Stack())
	panic(rl.newError("Error", fmt.Sprintf("internal error in workerhost: %v", p)))
}

// isJSPanic reports whether a recovered value is goja's way of throwing:
// a JS value, an exception, or one of its uncatchable errors.
func isJSPanic(p any) bool {
	t := reflect.TypeOf(p)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.PkgPath() == gojaPackage
}
