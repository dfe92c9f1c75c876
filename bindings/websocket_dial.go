package bindings

// new WebSocket(url, protocols): a worker dialling out, as workerd does it
// (WebSocket::constructor and initConnection in web-socket.c++).

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/dop251/goja"

	"workerhost/internal/config"
	"workerhost/internal/outbound"
	"workerhost/internal/wsbridge"
)

// connectEnd links ws to a live connection: its partner becomes a released
// end whose peer a Bridge drives until the connection or the runtime ends.
// On the loop.
func (rl *Realm) connectEnd(ws *webSocket, d *wsbridge.Dialled) {
	netEnd := &webSocket{rl: rl, state: wsReleased, owner: ws.owner}
	peer := rl.newWebSocketPeer(netEnd, ws.owner)
	netEnd.net = peer
	ws.partner, netEnd.partner = netEnd, ws
	// The open connection is pending work: a script waiting for its
	// messages is not hung.
	done := rl.rt.Reserve()
	ctx, cancel := context.WithCancel(rl.rt.Context())
	forget := rl.cancelOnRequestEnd(cancel) // workerd drops a request's sockets when it ends
	go func() {
		defer cancel()
		d.Bridge(ctx, peer).Run()
		done(func(*goja.Runtime) { forget() })
	}()
}

// constructWebSocket implements new WebSocket(url, protocols).
func (rl *Realm) constructWebSocket(call goja.FunctionCall) {
	rl.rt.ForbidInGlobalScope()
	raw := call.Argument(0).String()
	u := rl.webSocketURL(raw)
	protocols := rl.webSocketProtocols(call.Argument(1))
	ws := &webSocket{rl: rl, binaryType: "arraybuffer", state: wsConnecting, url: raw, owner: rl.rt.Current()}
	if rl.opts.Compat.Enabled(config.FlagStandardBinaryType) {
		ws.binaryType = "blob"
	}
	ws.obj = call.This.(*goja.Object)
	rl.attach(ws.obj, ws)
	compress := rl.opts.Compat.Enabled(config.FlagWebSocketCompression)
	complete := rl.rt.Reserve()
	ctx, cancel := context.WithCancel(rl.rt.Context())
	ws.cancelDial = cancel
	forget := rl.cancelOnRequestEnd(cancel)
	go func() {
		d, err := wsbridge.DialWebSocket(ctx, u, protocols, compress)
		delivered := complete(func(*goja.Runtime) {
			forget()
			ws.dialled(d, err)
		})
		if !delivered && d != nil {
			d.CloseNow()
		}
	}()
}

// dialled finishes the constructor once the handshake is over: open and a
// running socket, or error then close(1006). On the loop.
func (ws *webSocket) dialled(d *wsbridge.Dialled, err error) {
	rl := ws.rl
	ws.cancelDial()
	if err != nil || ws.state != wsConnecting {
		if d != nil {
			d.CloseNow()
		}
		ws.failConnection(handshakeError(err))
		return
	}
	ws.protocol = stringOrNull(rl, d.Protocol)
	ws.extensions = stringOrNull(rl, d.Extensions)
	ws.state = wsAccepted
	ws.allowHalfOpen = !rl.opts.Compat.Enabled(config.FlagAutoReplyToClose)
	rl.connectEnd(ws, d)
	open := rl.eventClass.instance(rl.trustedEvent("open", false))
	ws.fire(open)
}

// failConnection reports a failed handshake as workerd does: an error
// event, then close{1006, "Failed to establish websocket connection"}.
func (ws *webSocket) failConnection(message string) {
	rl := ws.rl
	ws.errored, ws.outgoingAborted, ws.state = true, true, wsReleased
	ws.fire(rl.newErrorEvent(message, rl.newError("Error", strings.TrimPrefix(message, "Uncaught Error: "))))
	ws.fire(rl.newCloseEvent(1006, "Failed to establish websocket connection", false))
}

// handshakeError is the ErrorEvent message for a failed handshake.
func handshakeError(err error) string {
	var refused *wsbridge.RefusedError
	if errors.As(err, &refused) {
		return fmt.Sprintf("Uncaught TypeError: Failed to establish the WebSocket connection: expected server to reply with HTTP status code 101 (switching protocols), but received %d instead.", refused.Status)
	}
	return "Uncaught Error: " + outbound.ErrNetwork.Error()
}

// stringOrNull is a handshake header's value, or null when the server sent
// none, as workerd reports protocol and extensions.
func stringOrNull(rl *Realm, v string) goja.Value {
	if v != "" {
		return rl.vm.ToValue(v)
	}
	return goja.Null()
}

// webSocketURL validates the constructor's URL with workerd's errors.
func (rl *Realm) webSocketURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || !u.IsAbs() || u.Host == "" {
		rl.throwDOMException("SyntaxError", "WebSocket Constructor: The url is invalid.")
	}
	if u.Scheme != "ws" && u.Scheme != "wss" {
		rl.throwDOMException("SyntaxError", "WebSocket Constructor: The url scheme must be ws or wss.")
	}
	if u.Fragment != "" || strings.Contains(raw, "#") {
		rl.throwDOMException("SyntaxError", "WebSocket Constructor: The url fragment must be empty.")
	}
	u.User = nil
	return u.String()
}

// webSocketProtocols validates the protocols argument: a token or a list of
// distinct tokens.
func (rl *Realm) webSocketProtocols(v goja.Value) []string {
	if goja.IsUndefined(v) {
		return nil
	}
	o, isObj := v.(*goja.Object)
	if !isObj || o.ClassName() != "Array" {
		p := v.String()
		if p == "" || !isToken(p) {
			rl.throwDOMException("SyntaxError", "WebSocket Constructor: The protocol header token is invalid.")
		}
		return []string{p}
	}
	var out []string
	seen := map[string]bool{}
	rl.vm.ForOf(o, func(item goja.Value) bool {
		p := item.String()
		if p == "" || !isToken(p) {
			rl.throwDOMException("SyntaxError", "WebSocket Constructor: One of the protocol header tokens is invalid.")
		}
		if seen[p] {
			rl.throwDOMException("SyntaxError", "WebSocket Constructor: The protocols header cannot have repeating values.")
		}
		seen[p] = true
		out = append(out, p)
		return true
	})
	return out
}
