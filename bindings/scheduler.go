package bindings

// scheduler.wait() and setImmediate()/clearImmediate(), as workerd gives
// them. scheduler.wait(ms, {signal}) is a promise of a timer; an immediate
// runs its callback as a job of its own on the loop, after the current
// job's microtasks and before later timers, as Node.js's does.

import (
	"github.com/dop251/goja"
)

// schedulerSource builds scheduler.wait on setTimeout, so that its timer
// belongs to the request that waits and is refused at the top level as
// setTimeout is.
const schedulerSource = `(function (setTimeout, clearTimeout) {
  return function wait(delay, options) {
    if (arguments.length === 0) {
      throw new TypeError("Failed to execute 'wait' on 'Scheduler': parameter 1 is not of type 'number'.");
    }
    const signal = options == null ? undefined : options.signal;
    return new Promise(function (resolve, reject) {
      if (signal !== undefined && signal.aborted) {
        reject(signal.reason);
        return;
      }
      const id = setTimeout(function () { resolve(undefined); }, Number(delay));
      if (signal !== undefined) {
        signal.addEventListener("abort", function () { clearTimeout(id); reject(signal.reason); }, { once: true });
      }
    });
  };
})`

// schedulerState is the scheduler object's (empty) state, for the brand
// check of wait().
type schedulerState struct{}

// immediate is the state of an Immediate, the handle setImmediate returns.
type immediate struct {
	pending bool
}

// installScheduler defines Scheduler's one instance, scheduler, and the
// immediates.
func (rl *Realm) installScheduler() {
	g := rl.vm.GlobalObject()
	waitV, ok := goja.AssertFunction(rl.mustRun("scheduler", schedulerSource))
	if !ok {
		panic("bindings: scheduler source is not a function")
	}
	wait, callErr := waitV(goja.Undefined(), g.Get("setTimeout"), g.Get("clearTimeout"))
	if callErr != nil {
		panic(callErr)
	}
	// Scheduler is not a global in workerd; only its instance is.
	c := rl.defineClass("Scheduler", nil, nil, "")
	waitFn, _ := goja.AssertFunction(wait)
	c.method("wait", func(call goja.FunctionCall) goja.Value {
		thisState[schedulerState](rl, call)
		v, err := waitFn(goja.Undefined(), call.Arguments...)
		if err != nil {
			panic(err)
		}
		return v
	})
	rl.setLength(c.proto.Get("wait"), 0)
	rl.global("scheduler", c.instance(&schedulerState{}))
	rl.installImmediates()
}

// installImmediates defines Immediate (not a global, as in workerd),
// setImmediate and clearImmediate.
func (rl *Realm) installImmediates() {
	c := rl.defineClass("Immediate", nil, nil, "")
	c.method("hasRef", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(thisState[immediate](rl, call).pending)
	})
	// ref() and unref() change nothing here: a pending immediate always
	// keeps the request, as it does in workerd.
	for _, name := range []string{"ref", "unref"} {
		c.method(name, func(call goja.FunctionCall) goja.Value {
			thisState[immediate](rl, call)
			return goja.Undefined()
		})
	}
	set := rl.function("setImmediate", func(call goja.FunctionCall) goja.Value {
		rl.rt.ForbidInGlobalScope()
		fn, ok := goja.AssertFunction(call.Argument(0))
		if !ok {
			rl.throwTypeError("Failed to execute 'setImmediate' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'function'.")
		}
		var args []goja.Value
		if len(call.Arguments) > 1 {
			args = append(args, call.Arguments[1:]...)
		}
		im := &immediate{pending: true}
		enqueue := rl.rt.Reserve()
		enqueue(func(*goja.Runtime) {
			if !im.pending {
				return
			}
			im.pending = false
			if _, err := fn(goja.Undefined(), args...); err != nil {
				rl.rt.ReportError(err)
			}
		})
		return c.instance(im)
	})
	rl.setLength(set, 0)
	rl.global("setImmediate", set)
	clear := rl.function("clearImmediate", func(call goja.FunctionCall) goja.Value {
		v := call.Argument(0)
		if goja.IsUndefined(v) || goja.IsNull(v) {
			return goja.Undefined()
		}
		im := stateOf[immediate](rl, v)
		if im == nil {
			rl.throwTypeError("Failed to execute 'clearImmediate' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'Immediate'.")
		}
		im.pending = false
		return goja.Undefined()
	})
	rl.setLength(clear, 0)
	rl.global("clearImmediate", clear)
}

// setLength sets a function's length, as workerd's IDL gives it.
func (rl *Realm) setLength(f goja.Value, n int) {
	if err := f.(*goja.Object).DefineDataProperty("length", rl.vm.ToValue(n), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE); err != nil {
		panic(err)
	}
}
