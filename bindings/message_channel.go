package bindings

// MessageChannel and MessagePort
// (https://html.spec.whatwg.org/multipage/web-messaging.html#message-channels),
// within one worker, as workerd has them: postMessage clones its value
// (structured clone, V8's format) and the other port receives it as a
// MessageEvent in a microtask; a message that finds no onmessage handler
// and no listener waits on its port until onmessage is set or start() is
// called; a closed port sends nothing and receives nothing more; a
// transfer list is refused.

import (
	"github.com/dop251/goja"
)

// messagePort is the state of a MessagePort.
type messagePort struct {
	eventTarget
	obj       *goja.Object
	other     *messagePort
	closed    bool
	onmessage goja.Value
	held      [][]byte // messages that arrived before anything received them
}

// installMessageChannel defines MessagePort (not constructible) and
// MessageChannel; it runs after EventTarget and MessageEvent.
func (rl *Realm) installMessageChannel() {
	queueMicrotask, _ := goja.AssertFunction(rl.vm.Get("queueMicrotask"))
	port := rl.newClass("MessagePort", rl.eventTargetClass, nil)
	port.method("postMessage", func(call goja.FunctionCall) goja.Value {
		p := thisState[messagePort](rl, call)
		if t := call.Argument(1); transferList(t) {
			panic(rl.newError("Error", "Transfer list is not supported"))
		}
		data, err := rl.Serialize(call.Argument(0))
		if err != nil {
			panic(err)
		}
		to := p.other
		if p.closed || to == nil || to.closed {
			return goja.Undefined()
		}
		to.held = append(to.held, data)
		rl.scheduleDelivery(queueMicrotask, to)
		return goja.Undefined()
	})
	port.method("close", func(call goja.FunctionCall) goja.Value {
		p := thisState[messagePort](rl, call)
		p.closed = true
		if p.other != nil {
			p.other.closed = true
		}
		return goja.Undefined()
	})
	port.method("start", func(call goja.FunctionCall) goja.Value {
		p := thisState[messagePort](rl, call)
		for range p.held {
			rl.scheduleDelivery(queueMicrotask, p)
		}
		return goja.Undefined()
	})
	port.accessor("onmessage", func(call goja.FunctionCall) goja.Value {
		if h := thisState[messagePort](rl, call).onmessage; h != nil {
			return h
		}
		return goja.Null()
	}, func(call goja.FunctionCall) goja.Value {
		p := thisState[messagePort](rl, call)
		p.onmessage = call.Argument(0)
		if _, ok := goja.AssertFunction(p.onmessage); ok {
			for range p.held {
				rl.scheduleDelivery(queueMicrotask, p)
			}
		}
		return goja.Undefined()
	})

	rl.newClass("MessageChannel", nil, func(call goja.FunctionCall) {
		a, b := &messagePort{}, &messagePort{}
		a.other, b.other = b, a
		a.obj, b.obj = port.instance(a), port.instance(b)
		this := call.This.(*goja.Object)
		rl.attach(this, &struct{ a, b *messagePort }{a, b})
		// workerd defines port2 first (Object.keys gives port2, port1).
		for _, p := range []struct {
			name string
			port *goja.Object
		}{{"port2", b.obj}, {"port1", a.obj}} {
			if err := this.DefineDataProperty(p.name, p.port, goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
				panic(err)
			}
		}
	})
}

// transferList reports whether a postMessage's second argument names
// anything to transfer: a non-empty list, or options with one.
func transferList(v goja.Value) bool {
	o, ok := v.(*goja.Object)
	if !ok {
		return false
	}
	if t := o.Get("transfer"); t != nil && !goja.IsUndefined(t) {
		o, ok = t.(*goja.Object)
		if !ok {
			return false
		}
	}
	l := o.Get("length")
	return l != nil && l.ToInteger() > 0
}

// scheduleDelivery queues a microtask that hands p its oldest held message,
// if by then something receives it.
func (rl *Realm) scheduleDelivery(queueMicrotask goja.Callable, p *messagePort) {
	deliver := rl.function("", func(goja.FunctionCall) goja.Value {
		if len(p.held) == 0 || !rl.portReceives(p) {
			return goja.Undefined()
		}
		data := p.held[0]
		p.held[0] = nil
		p.held = p.held[1:]
		v, err := rl.Deserialize(data)
		if err != nil {
			panic(err)
		}
		evObj := rl.newMessageEvent(v)
		// A handler that throws is an uncaught error, not a rejection.
		if err := rl.dispatch(p.obj, &p.eventTarget, evObj, stateOf[event](rl, evObj)); err != nil {
			rl.rt.ReportError(err)
		}
		return goja.Undefined()
	})
	if _, err := queueMicrotask(goja.Undefined(), deliver); err != nil {
		panic(err)
	}
}

// portReceives reports whether p has an onmessage handler or a message
// listener.
func (rl *Realm) portReceives(p *messagePort) bool {
	if _, ok := goja.AssertFunction(p.onmessage); ok {
		return true
	}
	for _, l := range p.listeners["message"] {
		if !l.removed {
			return true
		}
	}
	return false
}
