package bindings

// WebSocket as workerd implements it (src/workerd/api/web-socket.c++): its
// state machine, errors and event order, each checked by a conformance case
// recorded from workerd (conformance/cases.go, the ws_* and client_* cases).

import (
	"context"
	"errors"
	"fmt"

	"github.com/dop251/goja"

	"workerhost/internal/config"
	"workerhost/internal/outbound"
	"workerhost/internal/wsbridge"
	"workerhost/jsruntime"
)

// wsState is where a WebSocket end is in its life.
type wsState int

const (
	// wsAwaiting: a pair end not yet accepted nor returned in a Response.
	wsAwaiting wsState = iota
	// wsAccepted: accept() was called; events are delivered.
	wsAccepted
	// wsReleased: the end was returned in a Response; it belongs to the
	// network now.
	wsReleased
	// wsConnecting: new WebSocket(url) is still in its opening handshake.
	wsConnecting
)

// webSocket is the state of one WebSocket end. Only the loop touches it.
type webSocket struct {
	eventTarget
	rl         *Realm
	obj        *goja.Object
	state      wsState
	partner    *webSocket       // the other end of the pair
	net        *WebSocketPeer   // set when this end was returned in a Response
	inbox      []wsbridge.Frame // frames that arrived before accept()
	scheduled  int              // deliveries queued by schedule and not run yet
	binaryType string
	// buffered is bufferedAmount: payload bytes sent and not yet written
	// to the network or delivered to the partner.
	buffered int

	allowHalfOpen                  bool
	closedOutgoing, closedIncoming bool
	outgoingAborted, errored       bool
	ended                          bool // the peer vanished; no more events

	// owner is the request the socket was created in: only it may use the
	// socket, and its events run there. An accepted socket holds the
	// request open (past its response) until its last event; release ends
	// that hold.
	owner   *jsruntime.IOContext
	release func()
	// hib is set for a socket a Durable Object accepted with
	// ctx.acceptWebSocket(): its events go to the object's handlers.
	hib *hibernation
	// attachment is what serializeAttachment() kept, a structured clone.
	attachment []byte

	// Set for sockets from new WebSocket(url).
	url                  string
	protocol, extensions goja.Value // "" while connecting; the server's header or null after
	cancelDial           context.CancelFunc
}

// WebSocket ready states.
const (
	readyConnecting = 0
	readyOpen       = 1
	readyClosing    = 2
	readyClosed     = 3
)

// installWebSocket defines WebSocket; `new WebSocket(url)` dials out (see
// websocket_dial.go).
func (rl *Realm) installWebSocket() {
	c := rl.newClass("WebSocket", rl.eventTargetClass, rl.constructWebSocket)
	rl.webSocketClass = c
	rl.webSocketCheck = func(v goja.Value) bool { return stateOf[webSocket](rl, v) != nil }
	for _, k := range []struct {
		name  string
		value int
	}{{"READY_STATE_CONNECTING", 0}, {"CONNECTING", 0}, {"READY_STATE_OPEN", 1}, {"OPEN", 1},
		{"READY_STATE_CLOSING", 2}, {"CLOSING", 2}, {"READY_STATE_CLOSED", 3}, {"CLOSED", 3}} {
		c.constant(k.name, k.value)
	}
	c.getter("readyState", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(thisState[webSocket](rl, call).readyState())
	})
	c.getter("bufferedAmount", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(thisState[webSocket](rl, call).buffered)
	})
	c.getter("url", func(call goja.FunctionCall) goja.Value {
		if ws := thisState[webSocket](rl, call); ws.url != "" {
			return rl.vm.ToValue(ws.url)
		}
		return goja.Null()
	})
	stringOr := func(v goja.Value) goja.Value {
		if v == nil {
			return rl.vm.ToValue("")
		}
		return v
	}
	c.getter("protocol", func(call goja.FunctionCall) goja.Value { return stringOr(thisState[webSocket](rl, call).protocol) })
	c.getter("extensions", func(call goja.FunctionCall) goja.Value { return stringOr(thisState[webSocket](rl, call).extensions) })
	c.accessor("binaryType", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(thisState[webSocket](rl, call).binaryType)
	}, func(call goja.FunctionCall) goja.Value {
		ws := thisState[webSocket](rl, call)
		if t := call.Argument(0).String(); t == "blob" || t == "arraybuffer" {
			ws.binaryType = t
		}
		return goja.Undefined()
	})
	rl.installWebSocketAttachments(c)
	c.method("accept", func(call goja.FunctionCall) goja.Value {
		thisState[webSocket](rl, call).accept(call.Argument(0))
		return goja.Undefined()
	})
	c.method("send", func(call goja.FunctionCall) goja.Value {
		thisState[webSocket](rl, call).send(call.Argument(0))
		return goja.Undefined()
	})
	c.method("close", func(call goja.FunctionCall) goja.Value {
		thisState[webSocket](rl, call).close(call.Argument(0), call.Argument(1))
		return goja.Undefined()
	})
}

// newWebSocketEnd creates one end of a pair.
func (rl *Realm) newWebSocketEnd() *webSocket {
	ws := &webSocket{rl: rl, state: wsAwaiting, binaryType: "arraybuffer", owner: rl.rt.Current()}
	if rl.opts.Compat.Enabled(config.FlagStandardBinaryType) {
		ws.binaryType = "blob"
	}
	ws.obj = rl.webSocketClass.instance(ws)
	return ws
}

// readyState follows workerd's getReadyState.
func (ws *webSocket) readyState() int {
	switch {
	case (ws.closedIncoming && ws.closedOutgoing) || ws.errored:
		return readyClosed
	case ws.closedIncoming || ws.closedOutgoing:
		return readyClosing
	case ws.state == wsConnecting:
		return readyConnecting
	default:
		return readyOpen
	}
}

// accept starts delivering events, beginning with frames that arrived
// before it.
func (ws *webSocket) accept(opts goja.Value) {
	ws.rl.checkIO(ws.owner, ioNative)
	if ws.hib != nil {
		ws.rl.throwTypeError("Can't accept() WebSocket after enabling hibernation.")
	}
	switch ws.state {
	case wsConnecting:
		ws.rl.throwTypeError("Websockets obtained from the 'new WebSocket()' constructor cannot call accept")
	case wsReleased:
		if ws.url != "" {
			return // a failed new WebSocket(): nothing to accept
		}
		ws.rl.throwTypeError("Can't accept() WebSocket that was already used in a response.")
	case wsAccepted:
		return
	}
	ws.state = wsAccepted
	if ws.owner != nil {
		ws.release = ws.owner.Hold(ws.rl.rt)
	}
	ws.allowHalfOpen = !ws.rl.opts.Compat.Enabled(config.FlagAutoReplyToClose)
	if v := member(opts, "allowHalfOpen"); !goja.IsUndefined(v) {
		ws.allowHalfOpen = v.ToBoolean()
	}
	inbox := ws.inbox
	ws.inbox = nil
	for _, f := range inbox {
		ws.schedule(f)
	}
}

// send implements WebSocket.send with workerd's checks in workerd's order.
func (ws *webSocket) send(msg goja.Value) {
	ws.rl.checkIO(ws.owner, ioNative)
	if ws.closedOutgoing {
		ws.rl.throwTypeError("Can't call WebSocket send() after close().")
	}
	if ws.outgoingAborted || ws.state == wsReleased {
		return
	}
	if ws.state != wsAccepted {
		ws.rl.throwTypeError("You must call one of accept() or state.acceptWebSocket() on this WebSocket before sending messages.")
	}
	if b, ok := ws.rl.bufferSource(msg); ok {
		ws.transmit(wsbridge.Frame{Kind: wsbridge.FrameBinary, Data: b})
		return
	}
	ws.transmit(wsbridge.Frame{Kind: wsbridge.FrameText, Data: []byte(toUSVString(msg.String()))})
}

// close implements WebSocket.close: arguments are validated before any
// state check, as in workerd.
func (ws *webSocket) close(codeV, reasonV goja.Value) {
	rl := ws.rl
	rl.checkIO(ws.owner, ioNative)
	hasCode := !goja.IsUndefined(codeV)
	code := wsbridge.NoStatus
	if hasCode {
		code = int(codeV.ToInteger())
		if !rl.validCloseCode(code) {
			rl.throwDOMException("InvalidAccessError", fmt.Sprintf("Invalid WebSocket close code: %d.", code))
		}
	}
	reason := ""
	if !goja.IsUndefined(reasonV) {
		reason = toUSVString(reasonV.String())
		if rl.opts.Compat.Enabled(config.FlagCloseReasonByteLimit) && len(reason) > 123 {
			rl.throwDOMException("SyntaxError", "WebSocket close reason must not be longer than 123 bytes when UTF-8 encoded.")
		}
		if !hasCode {
			rl.throwDOMException("InvalidAccessError", "If you specify a WebSocket close reason, you must also specify a code.")
		}
	}
	if ws.state == wsConnecting {
		ws.state = wsReleased // dialled() reports the cancelled handshake
		ws.cancelDial()
		return
	}
	if ws.closedOutgoing || ws.outgoingAborted || ws.state == wsReleased {
		return
	}
	if ws.state != wsAccepted {
		rl.throwTypeError("You must call one of accept() or state.acceptWebSocket() on this WebSocket before sending messages.")
	}
	ws.closedOutgoing = true
	ws.transmit(wsbridge.Frame{Kind: wsbridge.FrameClose, Code: code, Reason: reason})
}

// validCloseCode is workerd's check on the code passed to close().
func (rl *Realm) validCloseCode(code int) bool {
	if rl.opts.Compat.Enabled(config.FlagPedanticWPT) {
		return code == 1000 || (code >= 3000 && code <= 4999)
	}
	return code >= 1000 && code < 5000 && code != 1004 && code != 1005 && code != 1006 && code != 1015
}

// transmit sends a frame from this end to its partner: to the network if
// the partner was returned in a Response, into the partner's events if it
// was accepted, or into its inbox until it is. A script's end counts the
// payload in bufferedAmount until it is written or delivered.
func (ws *webSocket) transmit(f wsbridge.Frame) {
	p := ws.partner
	if p != nil && ws.net == nil {
		ws.buffered += len(f.Data)
	}
	switch {
	case p == nil:
	case p.state == wsReleased && p.net != nil:
		if !p.net.push(f) {
			ws.sendQueueFull()
		}
	case p.state == wsAccepted:
		p.schedule(f)
	default:
		p.inbox = append(p.inbox, f)
	}
}

// wrote takes n written bytes off the bufferedAmount of the script's end
// coupled to this network end. On the loop.
func (ws *webSocket) wrote(n int) {
	if ws.partner != nil {
		ws.partner.buffered -= n
	}
}

// sendQueueFull fails the socket when its peer read nothing while more
// than the send queue's limit was queued (workerd queues without a limit):
// the connection is dropped, and the script sees what workerd shows for a
// connection lost with messages unsent, with a message that says why.
func (ws *webSocket) sendQueueFull() {
	rl := ws.rl
	ws.outgoingAborted = true
	limit := rl.opts.WebSocketSendQueueLimit
	if limit <= 0 {
		limit = DefaultSendQueueLimit
	}
	msg := fmt.Sprintf("WebSocket send queue full: the peer read nothing while %d bytes were queued.", limit)
	rl.logf(config.LevelWarn, "%s The connection was dropped.", msg)
	ws.schedule(wsbridge.Frame{Kind: wsbridge.FrameDisconnect, Reason: msg})
}

// fromNetwork receives a frame the peer sent, on behalf of this end (the
// one coupled to the network), and passes it to its partner. It runs in a
// job of its own, in the partner's event context (see WebSocketPeer), so
// an accepted partner with nothing scheduled before it gets its events
// now; otherwise the frame waits its turn. On the loop.
func (ws *webSocket) fromNetwork(f wsbridge.Frame) {
	if f.Kind == wsbridge.FrameDisconnect || f.Kind == wsbridge.FrameError {
		ws.outgoingAborted = true
	}
	if p := ws.partner; p != nil && p.state == wsAccepted && p.scheduled == 0 {
		p.deliver(f)
		return
	}
	ws.transmit(f)
}

// schedule queues the delivery of a frame as events, after everything
// already queued, so events never fire inside send() and keep their order.
func (ws *webSocket) schedule(f wsbridge.Frame) {
	ws.scheduled++
	ws.rl.rt.EnqueueIn(ws.eventContext(), func(*goja.Runtime) {
		ws.scheduled--
		ws.deliver(f)
	})
}

// eventContext is the context an event of the socket runs in: a sub-event
// of the request that owns it, with a CPU budget of its own.
func (ws *webSocket) eventContext() *jsruntime.IOContext {
	if ws.owner == nil {
		return nil
	}
	return ws.owner.Child("websocket event")
}

// deliver turns one received frame into events. On the loop.
func (ws *webSocket) deliver(f wsbridge.Frame) {
	if s := ws.partner; s != nil && s.net == nil {
		s.buffered -= len(f.Data) // delivered from the script's other end
	}
	if ws.closedIncoming || ws.errored || ws.ended {
		return
	}
	rl := ws.rl
	switch f.Kind {
	case wsbridge.FrameText:
		// A text message keeps a leading BOM, as in workerd.
		ws.fire(rl.newMessageEvent(rl.vm.ToValue(decodeUTF8KeepBOM(f.Data))))
	case wsbridge.FrameBinary:
		ws.fire(rl.newMessageEvent(ws.binaryData(f.Data)))
	case wsbridge.FrameClose:
		ws.closedIncoming = true
		if !ws.allowHalfOpen && !ws.closedOutgoing && !ws.outgoingAborted {
			ws.closedOutgoing = true
			ws.transmit(wsbridge.Frame{Kind: wsbridge.FrameClose, Code: f.Code, Reason: f.Reason})
		}
		ws.fire(rl.newCloseEvent(f.Code, decodeUTF8KeepBOM([]byte(f.Reason)), true))
	case wsbridge.FrameDisconnect:
		ws.disconnected(f.Reason)
	case wsbridge.FrameError:
		ws.errored, ws.outgoingAborted = true, true
		ws.fire(rl.newErrorEvent("Uncaught Error: "+f.Reason, rl.newError("Error", f.Reason)))
	}
}

// disconnected reports a connection lost without a Close frame. As in
// workerd, messages still unsent make it an error first ("Network
// connection lost.", or why the host dropped it), and readyState CLOSED;
// otherwise readyState stays OPEN: the peer is gone, so later sends are
// dropped, but neither direction saw a Close frame.
func (ws *webSocket) disconnected(why string) {
	rl := ws.rl
	ws.ended, ws.outgoingAborted = true, true
	if why == "" && ws.buffered > 0 {
		why = outbound.ErrNetwork.Error()
	}
	if why != "" {
		ws.errored = true
		ws.fire(rl.newErrorEvent("Uncaught Error: "+why, rl.newError("Error", why)))
	}
	ws.fire(rl.newCloseEvent(1006, "WebSocket disconnected without sending Close frame.", false))
}

// binaryData is a binary message as binaryType asks: a Blob or an
// ArrayBuffer.
func (ws *webSocket) binaryData(b []byte) goja.Value {
	if ws.binaryType == "blob" {
		return ws.rl.newBlob(b, "")
	}
	return ws.rl.newArrayBuffer(b)
}

// fire dispatches an event on this socket. As in workerd, a listener that
// throws does not stop the other listeners, but it ends the socket: an
// error event carries the exception, readyState becomes CLOSED, later
// sends are ignored and no more events follow.
func (ws *webSocket) fire(evObj *goja.Object) {
	defer ws.releaseIfDone()
	if ws.hib != nil {
		ws.hibernatedEvent(evObj)
		return
	}
	rl := ws.rl
	err := rl.dispatchAll(ws.obj, &ws.eventTarget, evObj, stateOf[event](rl, evObj))
	if err == nil || ws.errored {
		if err != nil {
			rl.rt.ReportError(err)
		}
		return
	}
	ws.errored, ws.outgoingAborted, ws.ended = true, true, true
	rl.rt.ReportError(err)
	var value goja.Value = goja.Undefined()
	var ex *goja.Exception
	if errors.As(err, &ex) {
		value = ex.Value()
	}
	ev := rl.newErrorEvent("Uncaught "+jsruntime.ErrorMessage(err), value)
	if derr := rl.dispatchAll(ws.obj, &ws.eventTarget, ev, stateOf[event](rl, ev)); derr != nil {
		rl.rt.ReportError(derr)
	}
}

// releaseIfDone lets the owning request end once the socket can fire no
// more events. On the loop.
func (ws *webSocket) releaseIfDone() {
	if ws.release != nil && (ws.readyState() == readyClosed || ws.ended) {
		ws.release()
		ws.release = nil
	}
}
