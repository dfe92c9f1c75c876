package bindings

// Event and EventTarget: https://dom.spec.whatwg.org/#interface-event and
// #interface-eventtarget, with workerd's restrictions (no capture, no
// passive listeners) and its `on<type>` expando handlers.

import (
	"time"

	"github.com/dop251/goja"
)

// event is the state of an Event.
type event struct {
	typ                       string
	bubbles, cancelable       bool
	composed                  bool
	trusted                   bool
	defaultPrevented          bool
	stopped, stoppedImmediate bool
	dispatching               bool
	target, currentTarget     goja.Value
	timeStamp                 float64
}

// baseState makes the state of every Event subclass, which embeds event,
// reachable by stateOf[event].
func (e *event) baseState() *event { return e }

// Event phases.
const (
	phaseNone     = 0
	phaseAtTarget = 2
)

// installEvent defines the Event class.
func (rl *Realm) installEvent() {
	c := rl.newClass("Event", nil, func(call goja.FunctionCall) {
		rl.attach(call.This.(*goja.Object), rl.newEventFromJS("Event", call))
	})
	rl.eventClass = c
	for i, name := range []string{"NONE", "CAPTURING_PHASE", "AT_TARGET", "BUBBLING_PHASE"} {
		c.constant(name, i)
	}
	get := stateGetter[event](rl, c)
	get("type", func(e *event) goja.Value { return rl.vm.ToValue(e.typ) })
	get("bubbles", func(e *event) goja.Value { return rl.vm.ToValue(e.bubbles) })
	get("cancelable", func(e *event) goja.Value { return rl.vm.ToValue(e.cancelable) })
	get("composed", func(e *event) goja.Value { return rl.vm.ToValue(e.composed) })
	get("isTrusted", func(e *event) goja.Value { return rl.vm.ToValue(e.trusted) })
	get("defaultPrevented", func(e *event) goja.Value { return rl.vm.ToValue(e.defaultPrevented) })
	get("returnValue", func(e *event) goja.Value { return rl.vm.ToValue(!e.defaultPrevented) })
	get("target", func(e *event) goja.Value { return e.target })
	get("srcElement", func(e *event) goja.Value { return e.target })
	get("currentTarget", func(e *event) goja.Value { return e.currentTarget })
	get("timeStamp", func(e *event) goja.Value { return rl.vm.ToValue(e.timeStamp) })
	get("cancelBubble", func(e *event) goja.Value { return rl.vm.ToValue(e.stopped) })
	get("eventPhase", func(e *event) goja.Value {
		if e.dispatching {
			return rl.vm.ToValue(phaseAtTarget)
		}
		return rl.vm.ToValue(phaseNone)
	})
	c.method("preventDefault", func(call goja.FunctionCall) goja.Value {
		if e := thisState[event](rl, call); e.cancelable {
			e.defaultPrevented = true
		}
		return goja.Undefined()
	})
	c.method("stopPropagation", func(call goja.FunctionCall) goja.Value {
		thisState[event](rl, call).stopped = true
		return goja.Undefined()
	})
	c.method("stopImmediatePropagation", func(call goja.FunctionCall) goja.Value {
		e := thisState[event](rl, call)
		e.stopped, e.stoppedImmediate = true, true
		return goja.Undefined()
	})
	c.method("composedPath", func(call goja.FunctionCall) goja.Value {
		e := thisState[event](rl, call)
		if e.dispatching {
			return rl.vm.NewArray(e.currentTarget)
		}
		return rl.vm.NewArray()
	})
}

// trustedEvent returns the base state of an event the runtime dispatches:
// isTrusted true, not cancelable unless asked.
func (rl *Realm) trustedEvent(typ string, cancelable bool) *event {
	return &event{typ: typ, trusted: true, cancelable: cancelable, target: goja.Null(), currentTarget: goja.Null(), timeStamp: rl.now()}
}

// parseEventInit reads the EventInit members into ev.
func parseEventInit(ev *event, v goja.Value) {
	if init, ok := v.(*goja.Object); ok {
		ev.bubbles = boolMember(init, "bubbles")
		ev.cancelable = boolMember(init, "cancelable")
		ev.composed = boolMember(init, "composed")
	}
}

// newEventFromJS builds the base state for `new XEvent(type, init)`.
func (rl *Realm) newEventFromJS(className string, call goja.FunctionCall) *event {
	if len(call.Arguments) == 0 {
		rl.throwTypeError("Failed to construct '" + className + "': 1 argument required, but only 0 present.")
	}
	ev := &event{typ: call.Argument(0).String(), target: goja.Null(), currentTarget: goja.Null(), timeStamp: rl.now()}
	parseEventInit(ev, call.Argument(1))
	return ev
}

// now is the event timestamp: milliseconds since the Unix epoch, as workerd
// reports it.
func (rl *Realm) now() float64 {
	return float64(time.Now().UnixMicro()) / 1000
}

// boolMember reads a dictionary member as a boolean.
func boolMember(o *goja.Object, name string) bool {
	v := o.Get(name)
	return v != nil && v.ToBoolean()
}
