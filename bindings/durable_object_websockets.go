package bindings

// The WebSocket Hibernation API of Durable Objects:
// https://developers.cloudflare.com/durable-objects/best-practices/websockets/
// A socket given to ctx.acceptWebSocket() belongs to the object: its
// events become calls of the object's webSocketMessage, webSocketClose and
// webSocketError handlers (constructing the object again if it was
// evicted), and a message equal to the auto-response's request is answered
// without calling it.

import (
	"fmt"
	"time"

	"github.com/dop251/goja"

	"workerhost/internal/wsbridge"
)

// workerd's limits on hibernatable sockets.
const (
	maxWebSocketTags       = 10
	maxWebSocketTagLength  = 256
	maxAttachmentSize      = 16384
	maxAutoResponseRequest = 2048
)

// hibernation is what a socket accepted with ctx.acceptWebSocket() keeps.
type hibernation struct {
	actor *goja.Object // the JS Actor (durable_objects.js)
	tags  []string
	// autoResponded is when the auto-response last answered it.
	autoResponded time.Time
}

// autoResponse is an object's WebSocketRequestResponsePair, as Go strings.
type autoResponse struct {
	request, response string
}

// webSocketHibernationHelpers adds the helpers durable_objects.js uses for
// hibernatable sockets.
func (rl *Realm) webSocketHibernationHelpers(set func(string, func(goja.FunctionCall) goja.Value)) {
	set("acceptWebSocket", func(call goja.FunctionCall) goja.Value {
		actor := call.Argument(0).(*goja.Object)
		ws := stateOf[webSocket](rl, call.Argument(1))
		if ws == nil {
			rl.throwTypeError("Failed to execute 'acceptWebSocket' on 'DurableObjectState': parameter 1 is not of type 'WebSocket'.")
		}
		var tags []string
		if t, ok := call.Argument(2).(*goja.Object); ok {
			n := int(t.Get("length").ToInteger())
			if n > maxWebSocketTags {
				rl.throwError("Error", fmt.Sprintf("a Hibernatable WebSocket cannot have more than %d tags", maxWebSocketTags))
			}
			for i := 0; i < n; i++ {
				tag := t.Get(fmt.Sprint(i)).String()
				if len(tag) > maxWebSocketTagLength {
					rl.throwError("Error", fmt.Sprintf("\"%s\" is longer than the max tag length (%d characters).", tag, maxWebSocketTagLength))
				}
				tags = append(tags, tag)
			}
		}
		switch ws.state {
		case wsAccepted:
			rl.throwError("Error", "Cannot call `acceptWebSocket()` if the WebSocket was already accepted via `accept()`")
		case wsReleased, wsConnecting:
			rl.throwTypeError("Can't accept() WebSocket that was already used in a response.")
		}
		ws.accept(goja.Undefined())
		// The object answers a Close itself (workerd does not for a
		// hibernatable socket), and binary messages are ArrayBuffers.
		ws.allowHalfOpen = true
		ws.binaryType = "arraybuffer"
		ws.hib = &hibernation{actor: actor, tags: tags}
		sockets := actor.Get("sockets").(*goja.Object)
		add, _ := goja.AssertFunction(sockets.Get("add"))
		_, _ = add(sockets, ws.obj)
		return goja.Undefined()
	})
	set("getWebSockets", func(call goja.FunctionCall) goja.Value {
		actor := call.Argument(0).(*goja.Object)
		tag := call.Argument(1)
		var out []any
		rl.forEachSocket(actor, func(ws *webSocket) {
			if goja.IsUndefined(tag) || hasTag(ws.hib.tags, tag.String()) {
				out = append(out, ws.obj)
			}
		})
		return rl.vm.NewArray(out...)
	})
	set("getTags", func(call goja.FunctionCall) goja.Value {
		ws := stateOf[webSocket](rl, call.Argument(1))
		if ws == nil || ws.hib == nil {
			rl.throwError("Error", "you must call 'acceptWebSocket()' before attempting to access the tags of a WebSocket.")
		}
		out := make([]any, len(ws.hib.tags))
		for i, t := range ws.hib.tags {
			out[i] = t
		}
		return rl.vm.NewArray(out...)
	})
	set("setAutoResponse", func(call goja.FunctionCall) goja.Value {
		actor := call.Argument(0).(*goja.Object)
		pair := call.Argument(1)
		if goja.IsUndefined(pair) {
			_ = actor.Set("autoResponse", goja.Null())
			_ = actor.Set("autoResponseGo", goja.Undefined())
			return goja.Undefined()
		}
		ar := stateOf[autoResponse](rl, pair)
		if ar == nil {
			rl.throwTypeError("Failed to execute 'setWebSocketAutoResponse' on 'DurableObjectState': parameter 1 is not of type 'WebSocketRequestResponsePair'.")
		}
		_ = actor.Set("autoResponse", pair)
		_ = actor.Set("autoResponseGo", rl.vm.ToValue(ar))
		return goja.Undefined()
	})
	set("forgetSocket", func(call goja.FunctionCall) goja.Value {
		actor := call.Argument(0).(*goja.Object)
		sockets := actor.Get("sockets").(*goja.Object)
		del, _ := goja.AssertFunction(sockets.Get("delete"))
		_, _ = del(sockets, call.Argument(1))
		return goja.Undefined()
	})
	set("dropSocket", func(call goja.FunctionCall) goja.Value {
		if ws := stateOf[webSocket](rl, call.Argument(0)); ws != nil {
			ws.drop()
		}
		return goja.Undefined()
	})
	set("autoResponseTimestamp", func(call goja.FunctionCall) goja.Value {
		ws := stateOf[webSocket](rl, call.Argument(1))
		if ws == nil || ws.hib == nil || ws.hib.autoResponded.IsZero() {
			return goja.Null()
		}
		return rl.newDate(ws.hib.autoResponded)
	})
}

// forEachSocket calls fn for each hibernatable socket of actor.
func (rl *Realm) forEachSocket(actor *goja.Object, fn func(*webSocket)) {
	sockets := actor.Get("sockets").(*goja.Object)
	values, _ := goja.AssertFunction(sockets.Get("values"))
	it, _ := values(sockets)
	for _, v := range rl.iterate(it) {
		if ws := stateOf[webSocket](rl, v); ws != nil && ws.hib != nil {
			fn(ws)
		}
	}
}

// iterate drains a JS iterator.
func (rl *Realm) iterate(it goja.Value) []goja.Value {
	o := it.(*goja.Object)
	next, _ := goja.AssertFunction(o.Get("next"))
	var out []goja.Value
	for {
		r, err := next(o)
		if err != nil {
			panic(err)
		}
		ro := r.(*goja.Object)
		if ro.Get("done").ToBoolean() {
			return out
		}
		out = append(out, ro.Get("value"))
	}
}

// exportOrNil is v.Export(), nil for a property not set (v nil).
func exportOrNil(v goja.Value) any {
	if v == nil {
		return nil
	}
	return v.Export()
}

func hasTag(tags []string, tag string) bool {
	for _, t := range tags {
		if t == tag {
			return true
		}
	}
	return false
}

// newDate makes a JS Date.
func (rl *Realm) newDate(t time.Time) goja.Value {
	d, err := rl.vm.New(rl.vm.Get("Date").(*goja.Object), rl.vm.ToValue(t.UnixMilli()))
	if err != nil {
		panic(err)
	}
	return d
}

// hibernatedEvent hands an event of a hibernatable socket to its object.
// On the loop.
func (ws *webSocket) hibernatedEvent(evObj *goja.Object) {
	rl := ws.rl
	actor := ws.hib.actor
	typ := evObj.Get("type").String()
	if typ == "message" {
		data := evObj.Get("data")
		// Get is nil until the object sets an auto-response.
		if ar, ok := exportOrNil(actor.Get("autoResponseGo")).(*autoResponse); ok && data.ExportType() != nil && data.ExportType().Kind().String() == "string" && data.String() == ar.request {
			ws.hib.autoResponded = time.Now()
			if !ws.closedOutgoing && !ws.outgoingAborted {
				ws.transmit(wsbridge.Frame{Kind: wsbridge.FrameText, Data: []byte(ar.response)})
			}
			return
		}
	}
	deliver, _ := goja.AssertFunction(actor.Get("deliverWebSocketEvent"))
	var args []goja.Value
	switch typ {
	case "message":
		args = []goja.Value{rl.vm.ToValue("webSocketMessage"), ws.obj, evObj.Get("data")}
	case "close":
		// A peer gone without a Close frame leaves the socket closing
		// until the object closes it, as in workerd.
		ws.closedIncoming = true
		args = []goja.Value{rl.vm.ToValue("webSocketClose"), ws.obj, evObj.Get("code"), evObj.Get("reason"), evObj.Get("wasClean")}
	case "error":
		args = []goja.Value{rl.vm.ToValue("webSocketError"), ws.obj, evObj.Get("error")}
	default:
		return
	}
	if _, err := deliver(actor, args...); err != nil {
		rl.rt.ReportError(err)
	}
}

// drop ends a hibernatable socket whose object was reset (abort(), a
// blockConcurrencyWhile() callback that threw), as workerd does: its
// connection is dropped without a Close frame (its client sees 1006), and
// it fires no more events. On the loop.
func (ws *webSocket) drop() {
	ws.ended, ws.outgoingAborted = true, true
	switch p := ws.partner; {
	case p == nil:
	case p.net != nil:
		p.net.drop()
	case p.state == wsAccepted:
		p.schedule(wsbridge.Frame{Kind: wsbridge.FrameDisconnect})
	}
	ws.releaseIfDone()
}

// installWebSocketAttachments adds serializeAttachment and
// deserializeAttachment to WebSocket.
func (rl *Realm) installWebSocketAttachments(c *jsClass) {
	c.method("serializeAttachment", func(call goja.FunctionCall) goja.Value {
		ws := thisState[webSocket](rl, call)
		b, err := rl.Serialize(call.Argument(0))
		if err != nil {
			panic(err)
		}
		if len(b) > maxAttachmentSize {
			rl.throwError("Error", fmt.Sprintf("A WebSocket 'attachment' cannot be larger than %d bytes.'attachment' was %d bytes.", maxAttachmentSize, len(b)))
		}
		ws.attachment = b
		return goja.Undefined()
	})
	c.method("deserializeAttachment", func(call goja.FunctionCall) goja.Value {
		ws := thisState[webSocket](rl, call)
		if ws.attachment == nil {
			return goja.Null()
		}
		return rl.mustDeserialize(ws.attachment)
	})
}

// installWebSocketRequestResponsePair defines the auto-response pair class.
func (rl *Realm) installWebSocketRequestResponsePair() {
	c := rl.newClass("WebSocketRequestResponsePair", nil, func(call goja.FunctionCall) {
		for i := 0; i < 2; i++ {
			if goja.IsUndefined(call.Argument(i)) {
				rl.throwTypeError(fmt.Sprintf("Failed to construct 'WebSocketRequestResponsePair': constructor parameter %d is not of type 'string'.", i+1))
			}
		}
		req, res := call.Argument(0).String(), call.Argument(1).String()
		if len(req) > maxAutoResponseRequest {
			rl.throwRangeError(fmt.Sprintf("Request cannot be larger than %d bytes. A request of size %d was provided.", maxAutoResponseRequest, len(req)))
		}
		if len(res) > maxAutoResponseRequest {
			rl.throwRangeError(fmt.Sprintf("Response cannot be larger than %d bytes. A response of size %d was provided.", maxAutoResponseRequest, len(res)))
		}
		rl.attach(call.This.(*goja.Object), &autoResponse{request: req, response: res})
	})
	g := stateGetter[autoResponse](rl, c)
	g("request", func(a *autoResponse) goja.Value { return rl.vm.ToValue(a.request) })
	g("response", func(a *autoResponse) goja.Value { return rl.vm.ToValue(a.response) })
}
