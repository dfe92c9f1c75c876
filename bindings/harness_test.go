package bindings_test

import (
	_ "embed"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"workerhost/bindings"
	"workerhost/jsruntime"
	"workerhost/jsruntime/jsruntimetest"
)

//go:embed testdata/assert.js
var assertJS string

// runJS installs the bindings into a fresh runtime, runs assert.js and then
// src (named name in stacks), waits for everything src started, and fails
// the test if src threw or the promise it evaluated to rejected. It returns
// what the script printed with console.
func runJS(t *testing.T, opts bindings.Options, name, src string) string {
	t.Helper()
	var out jsruntimetest.Buffer
	if opts.Console == nil {
		opts.Console = &out
	}
	rt := jsruntime.New(jsruntime.Options{ErrorLog: &out})
	t.Cleanup(rt.Stop)
	var failure error
	err := rt.RunUntilIdle(func(vm *goja.Runtime) error {
		if _, err := bindings.Install(rt, opts); err != nil {
			return err
		}
		if _, err := vm.RunScript("assert.js", assertJS); err != nil {
			return err
		}
		v, err := vm.RunScript(name, src)
		if err != nil {
			return err
		}
		if p, ok := v.Export().(*goja.Promise); ok {
			watchPromise(vm, p, &failure)
		}
		return nil
	})
	if err == nil {
		err = failure
	}
	if err != nil {
		t.Fatalf("%s: %s\noutput:\n%s", name, jsruntime.FormatError(err), out.String())
	}
	return out.String()
}

// watchPromise records a rejection of p in *failure once it settles.
func watchPromise(vm *goja.Runtime, p *goja.Promise, failure *error) {
	then, _ := goja.AssertFunction(vm.ToValue(p).(*goja.Object).Get("then"))
	onReject := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		*failure = jsError{vm: vm, v: call.Argument(0)}
		return goja.Undefined()
	})
	if _, err := then(vm.ToValue(p), goja.Undefined(), onReject); err != nil {
		*failure = err
	}
}

// jsError wraps a rejection value as a Go error, rendered with its stack.
type jsError struct {
	vm *goja.Runtime
	v  goja.Value
}

func (e jsError) Error() string {
	if o, ok := e.v.(*goja.Object); ok {
		if st := o.Get("stack"); st != nil && !goja.IsUndefined(st) {
			return strings.TrimSpace(st.String())
		}
	}
	return e.v.String()
}
