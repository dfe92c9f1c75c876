package bindings

// MessageEvent (https://html.spec.whatwg.org/multipage/comms.html#messageevent),
// CloseEvent (https://websockets.spec.whatwg.org/#the-closeevent-interface)
// and ErrorEvent (https://html.spec.whatwg.org/multipage/webappapis.html#errorevent).

import (
	"github.com/dop251/goja"
)

// messageEvent is the state of a MessageEvent.
type messageEvent struct {
	event
	data        goja.Value
	origin      goja.Value
	lastEventID string
}

// closeEvent is the state of a CloseEvent.
type closeEvent struct {
	event
	code     int
	reason   string
	wasClean bool
}

// errorEvent is the state of an ErrorEvent.
type errorEvent struct {
	event
	message  string
	filename string
	lineno   int
	colno    int
	err      goja.Value
}

// member reads an optional dictionary member, or undefined.
func member(v goja.Value, name string) goja.Value {
	o, ok := v.(*goja.Object)
	if !ok {
		return goja.Undefined()
	}
	if m := o.Get(name); m != nil {
		return m
	}
	return goja.Undefined()
}

// installMessageEvents defines MessageEvent, CloseEvent and ErrorEvent.
func (rl *Realm) installMessageEvents() {
	vm := rl.vm
	msg := rl.newClass("MessageEvent", rl.eventClass, func(call goja.FunctionCall) {
		me := &messageEvent{event: *rl.newEventFromJS("MessageEvent", call), data: goja.Null(), origin: vm.ToValue("")}
		if d := member(call.Argument(1), "data"); !goja.IsUndefined(d) {
			me.data = d
		}
		if o := member(call.Argument(1), "origin"); !goja.IsUndefined(o) {
			me.origin = vm.ToValue(o.String())
		}
		if id := member(call.Argument(1), "lastEventId"); !goja.IsUndefined(id) {
			me.lastEventID = id.String()
		}
		rl.attach(call.This.(*goja.Object), me)
		rl.messageEventMembers(call.This.(*goja.Object), me)
	})
	rl.messageEventClass = msg

	cl := rl.newClass("CloseEvent", rl.eventClass, func(call goja.FunctionCall) {
		ce := &closeEvent{event: *rl.newEventFromJS("CloseEvent", call)}
		init := call.Argument(1)
		if c := member(init, "code"); !goja.IsUndefined(c) {
			ce.code = int(uint16(c.ToInteger()))
		}
		if r := member(init, "reason"); !goja.IsUndefined(r) {
			ce.reason = toUSVString(r.String())
		}
		ce.wasClean = member(init, "wasClean").ToBoolean()
		rl.attach(call.This.(*goja.Object), ce)
		rl.closeEventMembers(call.This.(*goja.Object), ce)
	})
	rl.closeEventClass = cl

	er := rl.newClass("ErrorEvent", rl.eventClass, func(call goja.FunctionCall) {
		ee := &errorEvent{event: *rl.newEventFromJS("ErrorEvent", call), err: goja.Undefined()}
		init := call.Argument(1)
		if m := member(init, "message"); !goja.IsUndefined(m) {
			ee.message = m.String()
		}
		if f := member(init, "filename"); !goja.IsUndefined(f) {
			ee.filename = f.String()
		}
		ee.lineno = int(member(init, "lineno").ToInteger())
		ee.colno = int(member(init, "colno").ToInteger())
		ee.err = member(init, "error")
		rl.attach(call.This.(*goja.Object), ee)
	})
	rl.errorEventClass = er
	er.getter("message", func(call goja.FunctionCall) goja.Value { return vm.ToValue(thisState[errorEvent](rl, call).message) })
	er.getter("filename", func(call goja.FunctionCall) goja.Value { return vm.ToValue(thisState[errorEvent](rl, call).filename) })
	er.getter("lineno", func(call goja.FunctionCall) goja.Value { return vm.ToValue(thisState[errorEvent](rl, call).lineno) })
	er.getter("colno", func(call goja.FunctionCall) goja.Value { return vm.ToValue(thisState[errorEvent](rl, call).colno) })
	er.getter("error", func(call goja.FunctionCall) goja.Value { return thisState[errorEvent](rl, call).err })
}

// newMessageEvent creates a trusted "message" event carrying data.
func (rl *Realm) newMessageEvent(data goja.Value) *goja.Object {
	me := &messageEvent{event: *rl.trustedEvent("message", false), data: data, origin: goja.Null()}
	return rl.messageEventMembers(rl.messageEventClass.instance(me), me)
}

// messageEventMembers gives a MessageEvent its instance properties.
func (rl *Realm) messageEventMembers(o *goja.Object, me *messageEvent) *goja.Object {
	return rl.instanceProperties(o, messageEventProperties, rl.vm.NewArray(), goja.Null(), rl.vm.ToValue(me.lastEventID), me.origin, me.data)
}

// closeEventMembers gives a CloseEvent its instance properties.
func (rl *Realm) closeEventMembers(o *goja.Object, ce *closeEvent) *goja.Object {
	return rl.instanceProperties(o, closeEventProperties, rl.vm.ToValue(ce.wasClean), rl.vm.ToValue(ce.reason), rl.vm.ToValue(ce.code))
}

// newCloseEvent creates a trusted "close" event.
func (rl *Realm) newCloseEvent(code int, reason string, wasClean bool) *goja.Object {
	ce := &closeEvent{event: *rl.trustedEvent("close", false), code: code, reason: reason, wasClean: wasClean}
	return rl.closeEventMembers(rl.closeEventClass.instance(ce), ce)
}

// newErrorEvent creates a trusted "error" event for err.
func (rl *Realm) newErrorEvent(message string, err goja.Value) *goja.Object {
	return rl.errorEventClass.instance(&errorEvent{event: *rl.trustedEvent("error", false), message: message, err: err})
}
