package bindings

// WebSocketPair: two linked WebSocket ends, `0` and `1`, as workerd gives
// them (own enumerable getters, iterable).

import (
	"github.com/dop251/goja"

	"workerhost/jsruntime"
)

// webSocketPair is the state of a WebSocketPair.
type webSocketPair struct {
	ends [2]*webSocket
}

// installWebSocketPair defines WebSocketPair.
func (rl *Realm) installWebSocketPair() {
	c := rl.newClass("WebSocketPair", nil, func(call goja.FunctionCall) {
		rl.rt.ForbidInGlobalScope()
		a, b := rl.newWebSocketEnd(), rl.newWebSocketEnd()
		a.partner, b.partner = b, a
		pair := &webSocketPair{ends: [2]*webSocket{a, b}}
		this := call.This.(*goja.Object)
		rl.attach(this, pair)
		for i, end := range pair.ends {
			obj := end.obj
			getter := rl.vm.ToValue(func(goja.FunctionCall) goja.Value { return obj })
			if err := this.DefineAccessorProperty(string(rune('0'+i)), getter, nil, goja.FLAG_FALSE, goja.FLAG_TRUE); err != nil {
				panic(err)
			}
		}
	})
	iterator := func(call goja.FunctionCall) goja.Value {
		pair := thisState[webSocketPair](rl, call)
		return rl.arrayIterator([]interface{}{pair.ends[0].obj, pair.ends[1].obj})
	}
	if err := c.proto.DefineDataPropertySymbol(goja.SymIterator, rl.vm.ToValue(iterator), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		panic(err)
	}
}

// CoupleWebSocket is called by the host, on the loop, when it sends a
// Response whose webSocket is v. It applies workerd's checks, marks v
// released (send and close on it are then ignored, accept throws), and
// returns the peer through which the other end talks to the network.
func (rl *Realm) CoupleWebSocket(v goja.Value) (*WebSocketPeer, error) {
	ws := stateOf[webSocket](rl, v)
	var msg string
	switch {
	case ws == nil:
		msg = "Failed to construct 'Response': member webSocket is not of type WebSocket."
	case ws.url != "":
		msg = "Can't return WebSocket in a Response if it was created with `new WebSocket()`"
	case ws.state == wsReleased:
		msg = "Can't return WebSocket that was already used in a response."
	case ws.state == wsAccepted:
		msg = "Can't return WebSocket in a Response after calling accept()."
	}
	if msg != "" {
		return nil, rl.exception(rl.vm.NewTypeError(msg))
	}
	var owner *jsruntime.IOContext
	if ws.partner != nil {
		owner = ws.partner.owner
	}
	peer := rl.newWebSocketPeer(ws, owner)
	if owner != nil {
		owner.OnEnd(peer.abandon) // the socket holds its request: this is for an abort
	}
	ws.state, ws.net = wsReleased, peer
	for _, f := range ws.inbox {
		if !peer.push(f) && ws.partner != nil {
			ws.partner.sendQueueFull()
			break
		}
	}
	ws.inbox = nil
	return peer, nil
}
