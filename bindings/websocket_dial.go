package bindings

// new WebSocket(url, protocols): a worker dialling out, as workerd does it
// (WebSocket::constructor and initConnection in web-socket.c++).

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/coder/websocket"
	"github.com/dop251/goja"

	"workerhost/internal/config"
)

// connectEnd links ws to a live connection: its partner becomes a released
// end whose peer a Bridge drives until the connection or the runtime ends.
// On the loop.
func (rl *Realm) connectEnd(ws *webSocket, d *dialled) {
	netEnd := &webSocket{rl: rl, state: wsReleased}
	peer := &WebSocketPeer{rt: rl.rt, end: netEnd, signal: make(chan struct{}, 1)}
	netEnd.net = peer
	ws.partner, netEnd.partner = netEnd, ws
	// The open connection is pending work: a script waiting for its
	// messages is not hung.
	done := rl.rt.Reserve()
	go func() {
		newBridge(rl.rt.Context(), d.conn, peer, d.gate).Run()
		done(func(*goja.Runtime) {})
	}()
}

// dialled is an open outbound connection and the gate under it.
type dialled struct {
	conn *websocket.Conn
	gate *closeGate
}

// dialGated runs the opening handshake over a gated connection.
func dialGated(ctx context.Context, u string, opts *websocket.DialOptions) (*dialled, *http.Response, error) {
	var gate *closeGate
	wrap := func(c net.Conn, err error) (net.Conn, error) {
		if err != nil {
			return nil, err
		}
		gate = newCloseGate(c, true)
		return gate, nil
	}
	tr := &http.Transport{
		DisableKeepAlives: true,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return wrap((&net.Dialer{}).DialContext(ctx, network, addr))
		},
		DialTLSContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return wrap((&tls.Dialer{}).DialContext(ctx, network, addr))
		},
	}
	opts.HTTPClient = &http.Client{Transport: tr}
	conn, resp, err := websocket.Dial(ctx, u, opts)
	if err != nil {
		return nil, resp, err
	}
	gate.startFraming()
	return &dialled{conn: conn, gate: gate}, resp, nil
}

// constructWebSocket implements new WebSocket(url, protocols).
func (rl *Realm) constructWebSocket(call goja.FunctionCall) {
	rl.rt.ForbidInGlobalScope()
	raw := call.Argument(0).String()
	u := rl.webSocketURL(raw)
	protocols := rl.webSocketProtocols(call.Argument(1))
	ws := &webSocket{rl: rl, binaryType: "arraybuffer", state: wsConnecting, url: raw}
	if rl.opts.Compat.Enabled(config.FlagStandardBinaryType) {
		ws.binaryType = "blob"
	}
	ws.obj = call.This.(*goja.Object)
	rl.attach(ws.obj, ws)
	compress := rl.opts.Compat.Enabled(config.FlagWebSocketCompression)
	complete := rl.rt.Reserve()
	ctx, cancel := context.WithCancel(rl.rt.Context())
	ws.cancelDial = cancel
	go func() {
		d, resp, err := dialWebSocket(ctx, u, protocols, compress)
		delivered := complete(func(*goja.Runtime) { ws.dialled(d, resp, err) })
		if !delivered && d != nil {
			_ = d.conn.CloseNow()
		}
	}()
}

// dialWebSocket runs the opening handshake.
func dialWebSocket(ctx context.Context, u string, protocols []string, compress bool) (*dialled, *http.Response, error) {
	opts := &websocket.DialOptions{Subprotocols: protocols, CompressionMode: websocket.CompressionDisabled}
	if compress {
		opts.CompressionMode = websocket.CompressionContextTakeover
	}
	return dialGated(ctx, u, opts)
}

// dialled finishes the constructor once the handshake is over: open and a
// running socket, or error then close(1006). On the loop.
func (ws *webSocket) dialled(d *dialled, resp *http.Response, err error) {
	rl := ws.rl
	ws.cancelDial()
	if err != nil || ws.state != wsConnecting {
		if d != nil {
			_ = d.conn.CloseNow()
		}
		ws.failConnection(handshakeError(resp, err))
		return
	}
	ws.protocol = headerOrNull(rl, resp, "Sec-WebSocket-Protocol")
	ws.extensions = headerOrNull(rl, resp, "Sec-WebSocket-Extensions")
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
func handshakeError(resp *http.Response, err error) string {
	if resp != nil && resp.StatusCode != http.StatusSwitchingProtocols {
		return fmt.Sprintf("Uncaught TypeError: Failed to establish the WebSocket connection: expected server to reply with HTTP status code 101 (switching protocols), but received %d instead.", resp.StatusCode)
	}
	return "Uncaught Error: Network connection lost."
}

// headerOrNull is a response header's value, or null when absent, as
// workerd reports protocol and extensions.
func headerOrNull(rl *Realm, resp *http.Response, name string) goja.Value {
	if v := resp.Header.Get(name); v != "" {
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
