package bindingstest

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"workerhost/bindings"
	"workerhost/jsruntime"
	"workerhost/jsruntime/jsruntimetest"
)

//go:embed assert.js
var assertJS string

// Runtime is a runtime with the bindings and assert.js installed, for tests
// that run several scripts in one realm, hand it Go values, or reach the
// realm itself. It belongs to the test's goroutine: its loop runs on that
// goroutine during Run, RunErr and Set, and nowhere else.
type Runtime struct {
	t        testing.TB
	rt       *jsruntime.Runtime
	realm    *bindings.Realm
	out      jsruntimetest.Buffer // console output and uncaught errors, in order
	uncaught jsruntimetest.Buffer // uncaught errors only
}

// NewRuntime creates the runtime, installs the bindings with opts (console
// output and workerhost's log lines go to [Runtime.Output] unless
// opts.Console or opts.Log is set) and runs
// assert.js. It fails the test if that fails, and stops the runtime when the
// test ends.
func NewRuntime(t testing.TB, opts bindings.Options) *Runtime {
	t.Helper()
	r := &Runtime{t: t}
	if opts.Console == nil {
		opts.Console = &r.out
	}
	if opts.Log == nil {
		opts.Log = &r.out
	}
	r.rt = jsruntime.New(jsruntime.Options{ErrorLog: io.MultiWriter(&r.out, &r.uncaught)})
	t.Cleanup(r.rt.Stop)
	err := r.rt.RunUntilIdle(func(vm *goja.Runtime) error {
		realm, err := bindings.Install(r.rt, opts)
		if err != nil {
			return fmt.Errorf("failed to install bindings: %w", err)
		}
		r.realm = realm
		_, err = vm.RunScript("assert.js", assertJS)
		return err
	})
	if err != nil {
		t.Fatalf("bindingstest: %s", jsruntime.FormatError(err))
	}
	return r
}

// Realm returns the realm the bindings were installed into; its Runtime
// method gives the jsruntime.Runtime.
func (r *Runtime) Realm() *bindings.Realm { return r.realm }

// Output returns everything printed so far: console output and uncaught
// error reports, in the order they happened.
func (r *Runtime) Output() string { return r.out.String() }

// Set defines the global variable name as v, converted by goja's ToValue:
// the way to hand a script a server's URL or other Go data.
func (r *Runtime) Set(name string, v any) {
	r.t.Helper()
	err := r.rt.RunUntilIdle(func(vm *goja.Runtime) error { return vm.Set(name, v) })
	if err != nil {
		r.t.Fatalf("bindingstest: failed to set %s: %v", name, err)
	}
}

// Run runs src (named name in stacks) until nothing is pending and fails
// the test if it failed (see the package doc), showing the output. It
// returns [Runtime.Output].
func (r *Runtime) Run(name, src string) string {
	r.t.Helper()
	if err := r.RunErr(name, src); err != nil {
		r.t.Fatalf("%s: %s\noutput:\n%s", name, jsruntime.FormatError(err), r.Output())
	}
	return r.Output()
}

// RunErr runs src like Run but returns its failure, as the package-level
// [RunErr] describes, instead of failing the test.
func (r *Runtime) RunErr(name, src string) error {
	before := len(r.uncaught.String())
	var p *goja.Promise
	var err error
	// The script runs as a job, not as RunUntilIdle's own function, so the
	// loop reports the rejections it leaves unhandled, as after any job.
	_ = r.rt.RunUntilIdle(func(*goja.Runtime) error {
		queued := r.rt.Enqueue(func(vm *goja.Runtime) {
			v, runErr := vm.RunScript(name, src)
			if runErr != nil {
				err = thrown(runErr)
				return
			}
			if p, _ = v.Export().(*goja.Promise); p != nil {
				markHandled(vm, p)
			}
		})
		if !queued {
			err = jsruntime.ErrStopped
		}
		return nil
	})
	if err == nil && p != nil {
		err = outcome(p)
	}
	if report := r.uncaught.String()[before:]; err == nil && report != "" {
		err = fmt.Errorf("%w:\n%s", ErrUncaught, strings.TrimRight(report, "\n"))
	}
	return err
}

// thrown turns a JS exception into a *jsruntime.ThrownError carrying its
// stack. On the loop.
func thrown(err error) error {
	var ex *goja.Exception
	if errors.As(err, &ex) {
		return jsruntime.NewThrownError(ex.Value())
	}
	return err
}

// markHandled gives p a rejection handler, so its rejection is a test
// failure rather than an "Uncaught (in promise)" report. On the loop.
func markHandled(vm *goja.Runtime, p *goja.Promise) {
	obj := vm.ToValue(p).(*goja.Object)
	then, _ := goja.AssertFunction(obj.Get("then"))
	ignore := vm.ToValue(func(goja.FunctionCall) goja.Value { return goja.Undefined() })
	_, _ = then(obj, goja.Undefined(), ignore)
}

// outcome is the failure of a settled script promise, if any. It runs on
// the test goroutine after the loop went idle, when nothing else touches
// the runtime.
func outcome(p *goja.Promise) error {
	switch p.State() {
	case goja.PromiseStateRejected:
		return jsruntime.NewThrownError(p.Result())
	case goja.PromiseStatePending:
		return ErrPending
	}
	return nil
}

// SetWasm compiles a binary WebAssembly module as the worker's bundle
// would (a CompiledWasm module) and defines the global variable name as
// the WebAssembly.Module. It fails the test if the module does not
// compile.
func (r *Runtime) SetWasm(name string, raw []byte) {
	r.t.Helper()
	err := r.rt.RunUntilIdle(func(vm *goja.Runtime) error {
		m, err := r.realm.CompileWasmModule(raw)
		if err != nil {
			return err
		}
		return vm.Set(name, m)
	})
	if err != nil {
		r.t.Fatalf("bindingstest: failed to compile %s: %v", name, err)
	}
}
