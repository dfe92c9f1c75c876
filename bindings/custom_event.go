package bindings

// CustomEvent (https://dom.spec.whatwg.org/#interface-customevent) and
// reportError (https://html.spec.whatwg.org/multipage/webappapis.html#dom-reporterror),
// as workerd gives them.

import (
	"github.com/dop251/goja"
)

// customEvent is the state of a CustomEvent.
type customEvent struct {
	event
	detail goja.Value
}

// installCustomEvent defines CustomEvent and reportError; it runs after
// the events and EventTarget.
func (rl *Realm) installCustomEvent() {
	c := rl.newClass("CustomEvent", rl.eventClass, func(call goja.FunctionCall) {
		if len(call.Arguments) == 0 {
			rl.throwTypeError("Failed to construct 'CustomEvent': constructor parameter 1 is not of type 'string'.")
		}
		ce := &customEvent{event: *rl.newEventFromJS("CustomEvent", call), detail: goja.Null()}
		if d := member(call.Argument(1), "detail"); !goja.IsUndefined(d) {
			ce.detail = d
		}
		rl.attach(call.This.(*goja.Object), ce)
	})
	c.getter("detail", func(call goja.FunctionCall) goja.Value { return thisState[customEvent](rl, call).detail })

	rl.global("reportError", rl.function("reportError", func(call goja.FunctionCall) goja.Value {
		if len(call.Arguments) == 0 {
			rl.throwTypeError("Failed to execute 'reportError' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'Value'.")
		}
		rl.reportError(call.Argument(0))
		return goja.Undefined()
	}))
}

// reportError dispatches an ErrorEvent for err on the global scope, with
// workerd's message ("Uncaught " and the error as a string) and the
// caller's location. As in workerd, an error nobody listens for is not
// logged. A listener that throws is logged as uncaught.
func (rl *Realm) reportError(err goja.Value) {
	message := "Uncaught " + rl.errorString(err)
	evObj := rl.newErrorEvent(message, err)
	ee := stateOf[errorEvent](rl, evObj)
	if frames := rl.vm.CaptureCallStack(2, nil); len(frames) > 1 {
		pos := frames[1].Position()
		ee.filename, ee.lineno, ee.colno = frames[1].SrcName(), pos.Line, pos.Column
	}
	if dispatchErr := rl.DispatchGlobal(evObj); dispatchErr != nil {
		rl.rt.ReportError(dispatchErr)
	}
}

// errorString is String(v), or "" where that throws (a Symbol, an object
// whose toString throws).
func (rl *Realm) errorString(v goja.Value) (s string) {
	if ex := rl.vm.Try(func() { s = v.String() }); ex != nil {
		return ""
	}
	return s
}
