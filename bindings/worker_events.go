package bindings

// The events workerd's global scope dispatches besides fetch:
// ExtendableEvent (FetchEvent's parent, with waitUntil) and
// PromiseRejectionEvent, fired at the global scope as "unhandledrejection"
// for a promise rejected with no handler
// (https://html.spec.whatwg.org/multipage/webappapis.html#promiserejectionevent).
// Scripts can construct neither, as in workerd.

import (
	"github.com/dop251/goja"
)

// extendable is implemented by the state of an event whose handler may
// extend the request's lifetime (FetchEvent).
type extendable interface{ extendsLifetime() }

// promiseRejectionEvent is the state of a PromiseRejectionEvent.
type promiseRejectionEvent struct {
	event
	promise goja.Value
	reason  goja.Value
}

// installWorkerEvents defines ExtendableEvent and PromiseRejectionEvent and
// has unhandled rejections dispatched to the global scope.
func (rl *Realm) installWorkerEvents() {
	ext := rl.newClass("ExtendableEvent", rl.eventClass, nil)
	rl.extendableEventClass = ext
	ext.method("waitUntil", func(call goja.FunctionCall) goja.Value {
		if _, ok := rl.slotValue(call.This).(extendable); !ok {
			panic(rl.vm.NewTypeError(errIllegalInvocation))
		}
		rl.waitUntil(call.Argument(0))
		return goja.Undefined()
	})
	pre := rl.newClass("PromiseRejectionEvent", rl.eventClass, nil)
	rl.rt.OnUnhandledRejection(func(p *goja.Promise) bool {
		if len(rl.globalTarget.listeners["unhandledrejection"]) == 0 {
			return false
		}
		ev := &promiseRejectionEvent{event: *rl.trustedEvent("unhandledrejection", false), promise: rl.vm.ToValue(p), reason: p.Result()}
		o := rl.instanceProperties(pre.instance(ev), rejectionEventProperties, ev.reason, ev.promise)
		if err := rl.dispatchAll(rl.vm.GlobalObject(), rl.globalTarget, o, &ev.event); err != nil {
			rl.rt.ReportError(err)
		}
		return true
	})
}

// HasGlobalListeners reports whether the global scope has listeners for
// events of type typ. On the loop.
func (rl *Realm) HasGlobalListeners(typ string) bool {
	return len(rl.globalTarget.listeners[typ]) > 0
}
