package bindings

// AbortController and AbortSignal: https://dom.spec.whatwg.org/#aborting-ongoing-activities
// with workerd's messages ("The operation was aborted", "... due to timeout").

import (
	"time"

	"github.com/dop251/goja"
)

// abortSignal is the state of an AbortSignal.
type abortSignal struct {
	eventTarget
	obj     *goja.Object
	aborted bool
	reason  goja.Value
	onabort goja.Value
	// followers are Go callbacks (a fetch to cancel) run on abort.
	followers []func()
}

// installAbort defines AbortSignal and AbortController.
func (rl *Realm) installAbort() {
	sig := rl.newClass("AbortSignal", rl.eventTargetClass, nil)
	rl.abortSignalClass = sig
	sig.getter("aborted", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(thisState[abortSignal](rl, call).aborted)
	})
	sig.getter("reason", func(call goja.FunctionCall) goja.Value {
		if r := thisState[abortSignal](rl, call).reason; r != nil {
			return r
		}
		return goja.Undefined()
	})
	sig.accessor("onabort", func(call goja.FunctionCall) goja.Value {
		if h := thisState[abortSignal](rl, call).onabort; h != nil {
			return h
		}
		return goja.Null()
	}, func(call goja.FunctionCall) goja.Value {
		thisState[abortSignal](rl, call).onabort = call.Argument(0)
		return goja.Undefined()
	})
	sig.method("throwIfAborted", func(call goja.FunctionCall) goja.Value {
		if s := thisState[abortSignal](rl, call); s.aborted {
			panic(s.reason)
		}
		return goja.Undefined()
	})
	sig.staticMethod("abort", func(call goja.FunctionCall) goja.Value {
		s := rl.newAbortSignal()
		rl.abortWith(s, call.Argument(0), "AbortError")
		return s.obj
	})
	sig.staticMethod("timeout", func(call goja.FunctionCall) goja.Value {
		s := rl.newAbortSignal()
		ms := call.Argument(0).ToInteger()
		fire := rl.rt.Reserve() // pending like a timer
		time.AfterFunc(time.Duration(ms)*time.Millisecond, func() {
			fire(func(*goja.Runtime) {
				rl.abortWith(s, goja.Undefined(), "TimeoutError")
			})
		})
		return s.obj
	})
	sig.staticMethod("any", func(call goja.FunctionCall) goja.Value {
		s := rl.newAbortSignal()
		rl.vm.ForOf(call.Argument(0), func(v goja.Value) bool {
			src := stateOf[abortSignal](rl, v)
			if src == nil {
				rl.throwTypeError("Failed to execute 'any' on 'AbortSignal': parameter 1 is not a sequence of AbortSignal.")
			}
			if src.aborted && !s.aborted {
				rl.abortWith(s, src.reason, "AbortError")
			}
			src.followers = append(src.followers, func() { rl.abortWith(s, src.reason, "AbortError") })
			return true
		})
		return s.obj
	})

	ctl := rl.newClass("AbortController", nil, func(call goja.FunctionCall) {
		rl.attach(call.This.(*goja.Object), &abortController{signal: rl.newAbortSignal()})
	})
	ctl.getter("signal", func(call goja.FunctionCall) goja.Value { return thisState[abortController](rl, call).signal.obj })
	ctl.method("abort", func(call goja.FunctionCall) goja.Value {
		rl.abortWith(thisState[abortController](rl, call).signal, call.Argument(0), "AbortError")
		return goja.Undefined()
	})
}

// abortController is the state of an AbortController.
type abortController struct{ signal *abortSignal }

// newAbortSignal creates a signal that has not aborted.
func (rl *Realm) newAbortSignal() *abortSignal {
	s := &abortSignal{eventTarget: eventTarget{attributeHandlers: true}}
	s.obj = rl.abortSignalClass.instance(s)
	return s
}

// abortWith aborts s once: the reason (a DOMException named defaultName
// when reason is undefined), the Go followers, then the abort event and
// onabort. On the loop.
func (rl *Realm) abortWith(s *abortSignal, reason goja.Value, defaultName string) {
	if s.aborted {
		return
	}
	if reason == nil || goja.IsUndefined(reason) {
		msg := "The operation was aborted"
		if defaultName == "TimeoutError" {
			msg += " due to timeout"
		}
		reason = rl.newDOMException(defaultName, msg)
	}
	s.aborted, s.reason = true, reason
	followers := s.followers
	s.followers = nil
	for _, f := range followers {
		f()
	}
	ev := rl.eventClass.instance(rl.trustedEvent("abort", false))
	if err := rl.dispatch(s.obj, &s.eventTarget, ev, stateOf[event](rl, ev)); err != nil {
		rl.rt.ReportError(err)
	}
	if h, ok := goja.AssertFunction(s.onabort); ok {
		if _, err := h(s.obj, ev); err != nil {
			rl.rt.ReportError(err)
		}
	}
}

// signalOf returns the AbortSignal state of v, or nil.
func (rl *Realm) signalOf(v goja.Value) *abortSignal {
	return stateOf[abortSignal](rl, v)
}
