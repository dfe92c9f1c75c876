package bindings

// EventTarget: https://dom.spec.whatwg.org/#interface-eventtarget, as
// workerd implements it (src/workerd/api/basics.c++): capture and passive
// listeners are refused, `on<type>` properties are plain expandos called
// before the listeners, and an exception in a listener stops the dispatch
// and propagates to the dispatcher.

import (
	"github.com/dop251/goja"

	"workerhost/internal/config"
)

// listener is one registered event listener.
type listener struct {
	callback goja.Value // a function or an object with handleEvent
	once     bool
	removed  bool
}

// eventTarget is the state of an EventTarget: listeners by event type.
type eventTarget struct {
	listeners map[string][]*listener
	// attributeHandlers: the interface has real on<type> attributes
	// (AbortSignal.onabort), called after the listeners, so no expando
	// lookup is made at dispatch.
	attributeHandlers bool
}

// baseState makes the state of every EventTarget subclass (WebSocket,
// AbortSignal), which embeds eventTarget, reachable by stateOf[eventTarget].
func (t *eventTarget) baseState() *eventTarget { return t }

// installEventTarget defines the EventTarget class and makes the global
// scope an event target (addEventListener and friends as globals).
func (rl *Realm) installEventTarget() {
	c := rl.newClass("EventTarget", nil, func(call goja.FunctionCall) {
		rl.attach(call.This.(*goja.Object), &eventTarget{})
	})
	rl.eventTargetClass = c
	c.method("addEventListener", func(call goja.FunctionCall) goja.Value {
		rl.addEventListener(thisState[eventTarget](rl, call), call)
		return goja.Undefined()
	})
	c.method("removeEventListener", func(call goja.FunctionCall) goja.Value {
		rl.removeEventListener(thisState[eventTarget](rl, call), call)
		return goja.Undefined()
	})
	c.method("dispatchEvent", func(call goja.FunctionCall) goja.Value {
		return rl.jsDispatchEvent(call.This.(*goja.Object), thisState[eventTarget](rl, call), call.Argument(0))
	})
	global := rl.vm.GlobalObject()
	rl.globalTarget = &eventTarget{}
	rl.global("addEventListener", rl.function("addEventListener", func(call goja.FunctionCall) goja.Value {
		rl.addEventListener(rl.globalTarget, call)
		return goja.Undefined()
	}))
	rl.global("removeEventListener", rl.function("removeEventListener", func(call goja.FunctionCall) goja.Value {
		rl.removeEventListener(rl.globalTarget, call)
		return goja.Undefined()
	}))
	rl.global("dispatchEvent", rl.function("dispatchEvent", func(call goja.FunctionCall) goja.Value {
		return rl.jsDispatchEvent(global, rl.globalTarget, call.Argument(0))
	}))
}

// addEventListener implements EventTarget.addEventListener with workerd's
// checks on the options.
func (rl *Realm) addEventListener(t *eventTarget, call goja.FunctionCall) {
	typ := call.Argument(0).String()
	cb := call.Argument(1)
	once := false
	switch opts := call.Argument(2).(type) {
	case *goja.Object:
		if boolMember(opts, "capture") {
			rl.throwTypeError("addEventListener(): options.capture must be false.")
		}
		if boolMember(opts, "passive") {
			rl.throwTypeError("addEventListener(): options.passive must be false.")
		}
		once = boolMember(opts, "once")
	default:
		if opts != nil && opts.ToBoolean() {
			rl.throwTypeError("addEventListener(): useCapture must be false.")
		}
	}
	if goja.IsNull(cb) || goja.IsUndefined(cb) {
		return
	}
	if _, ok := cb.(*goja.Object); !ok {
		rl.throwTypeError("Failed to execute 'addEventListener' on 'EventTarget': parameter 2 is not of type 'Object'.")
	}
	if t.listeners == nil {
		t.listeners = make(map[string][]*listener)
	}
	for _, l := range t.listeners[typ] {
		if l.callback.SameAs(cb) {
			return
		}
	}
	t.listeners[typ] = append(t.listeners[typ], &listener{callback: cb, once: once})
}

// removeEventListener implements EventTarget.removeEventListener.
func (rl *Realm) removeEventListener(t *eventTarget, call goja.FunctionCall) {
	typ, cb := call.Argument(0).String(), call.Argument(1)
	list := t.listeners[typ]
	for i, l := range list {
		if l.callback.SameAs(cb) {
			l.removed = true
			t.listeners[typ] = append(list[:i:i], list[i+1:]...)
			return
		}
	}
}

// jsDispatchEvent implements EventTarget.dispatchEvent for scripts.
func (rl *Realm) jsDispatchEvent(target *goja.Object, t *eventTarget, evV goja.Value) goja.Value {
	ev := stateOf[event](rl, evV)
	if ev == nil {
		rl.throwTypeError("Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is not of type 'Event'.")
	}
	if ev.dispatching {
		rl.throwDOMException("InvalidStateError", "The event is already being dispatched.")
	}
	if err := rl.dispatch(target, t, evV.(*goja.Object), ev); err != nil {
		panic(err)
	}
	return rl.vm.ToValue(!ev.defaultPrevented)
}

// dispatch runs the `on<type>` handler and then the listeners of t for ev.
// The first exception stops the dispatch and is returned. On the loop.
func (rl *Realm) dispatch(target *goja.Object, t *eventTarget, evObj *goja.Object, ev *event) error {
	return rl.dispatchWith(target, t, evObj, ev, true)
}

// dispatchAll is dispatch for events the runtime fires on a WebSocket:
// as in workerd, a listener that throws does not keep the others from
// running; the first exception is returned once all have run.
func (rl *Realm) dispatchAll(target *goja.Object, t *eventTarget, evObj *goja.Object, ev *event) error {
	return rl.dispatchWith(target, t, evObj, ev, false)
}

// dispatchWith implements both; stop says whether an exception ends it.
func (rl *Realm) dispatchWith(target *goja.Object, t *eventTarget, evObj *goja.Object, ev *event, stop bool) (first error) {
	keep := func(err error) bool {
		if err != nil && first == nil {
			first = err
		}
		return err != nil && stop
	}
	ev.dispatching, ev.target, ev.currentTarget = true, target, target
	ev.stopped, ev.stoppedImmediate = false, false
	defer func() { ev.dispatching, ev.currentTarget = false, goja.Null() }()
	if !t.attributeHandlers {
		if h, ok := goja.AssertFunction(target.Get("on" + ev.typ)); ok {
			if keep(rl.callListener(h, target, evObj)) {
				return first
			}
		}
	}
	for _, l := range append([]*listener(nil), t.listeners[ev.typ]...) {
		if ev.stoppedImmediate {
			break
		}
		if l.removed {
			continue
		}
		if l.once {
			rl.removeEventListener(t, goja.FunctionCall{Arguments: []goja.Value{rl.vm.ToValue(ev.typ), l.callback}})
		}
		if keep(rl.invokeListener(l.callback, target, evObj)) {
			return first
		}
	}
	return first
}

// invokeListener calls a listener: a function with `this` the target, or
// an object's handleEvent with `this` the object.
func (rl *Realm) invokeListener(cb goja.Value, target, evObj *goja.Object) error {
	if fn, ok := goja.AssertFunction(cb); ok {
		return rl.callListener(fn, target, evObj)
	}
	obj := cb.(*goja.Object)
	fn, ok := goja.AssertFunction(obj.Get("handleEvent"))
	if !ok {
		return rl.exception(rl.vm.NewTypeError("The 'handleEvent' property of the event listener is not a function."))
	}
	return rl.callListener(fn, obj, evObj)
}

// callListener calls fn and warns once, as workerd does, when it returns a
// promise that will be ignored.
func (rl *Realm) callListener(fn goja.Callable, this, evObj goja.Value) error {
	ret, err := fn(this, evObj)
	if err != nil {
		return err
	}
	if _, isPromise := safeExport(ret).(*goja.Promise); isPromise && !rl.warnedAsyncListener {
		rl.warnedAsyncListener = true
		rl.consoleLine(config.LevelWarn, "An event handler returned a promise that will be ignored. Event handlers should not have a return value and should not be async functions.")
	}
	return nil
}

// DispatchGlobal dispatches a runtime-made event on the global scope, where
// service-worker scripts register their `fetch` listeners. It returns the
// exception a listener threw, if any. On the loop.
func (rl *Realm) DispatchGlobal(evObj *goja.Object) error {
	ev := stateOf[event](rl, evObj)
	if ev == nil {
		return rl.exception(rl.vm.NewTypeError("not an Event"))
	}
	return rl.dispatch(rl.vm.GlobalObject(), rl.globalTarget, evObj, ev)
}
