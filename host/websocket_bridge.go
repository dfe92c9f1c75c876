package host

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/coder/websocket"

	"workerhost/bindings"
)

// maxMessageSize is workerd's limit on a received WebSocket message
// (WEBSOCKET_MAX_MESSAGE_SIZE, 32 MiB). A bigger message closes the
// connection with 1009 and the script sees an error event.
const maxMessageSize = 32 << 20

// bridge joins the worker's end of a WebSocketPair to the client's real
// connection: one goroutine reads frames from the network and delivers them
// to the script, one writes what the script sends.
type bridge struct {
	conn   *websocket.Conn
	peer   *bindings.WebSocketPeer
	ctx    context.Context
	cancel context.CancelFunc

	mu      sync.Mutex
	closing *closeAttempt // the close handshake this side started, if any
}

// closeAttempt is a close handshake started by the server side. conn.Close
// may itself read the client's answering Close frame, so the reader then
// learns the outcome from here instead of from Read.
type closeAttempt struct {
	code   int
	reason string
	err    error
	done   chan struct{}
}

// closeWith runs the close handshake with code (0: an empty Close frame)
// and records its outcome for readLoop.
func (b *bridge) closeWith(code int, reason string) {
	a := &closeAttempt{code: code, reason: reason, done: make(chan struct{})}
	b.mu.Lock()
	if b.closing != nil {
		b.mu.Unlock()
		return
	}
	b.closing = a
	b.mu.Unlock()
	status := websocket.StatusCode(code)
	if code == 0 {
		status = websocket.StatusNoStatusRcvd
	}
	a.err = b.conn.Close(status, reason)
	close(a.done)
}

// closedByServer returns the frame the script should see when reading
// ended because the server's own close handshake consumed the client's
// Close frame, or false if this side started no close.
func (b *bridge) closedByServer() (bindings.Frame, bool) {
	b.mu.Lock()
	a := b.closing
	b.mu.Unlock()
	if a == nil {
		return bindings.Frame{}, false
	}
	<-a.done
	var ce websocket.CloseError
	switch {
	case a.err == nil: // the client answered with the same code
		return bindings.Frame{Kind: bindings.FrameClose, Code: a.code, Reason: a.reason}, true
	case errors.As(a.err, &ce):
		return endFrame(ce), true
	}
	return bindings.Frame{}, false
}

// serveWebSocket completes the upgrade for a 101 Response and runs the
// bridge until both directions are finished.
func (s *Server) serveWebSocket(w http.ResponseWriter, r *http.Request, resp *bindings.OutgoingResponse, peer *bindings.WebSocketPeer) {
	conn, err := websocket.Accept(w, r, s.acceptOptions(w, resp))
	if err != nil {
		peer.Deliver(bindings.Frame{Kind: bindings.FrameDisconnect})
		peer.Close()
		fmt.Fprintf(s.opts.Log, "failed to accept WebSocket: %v\n", err)
		return
	}
	conn.SetReadLimit(maxMessageSize)
	ctx, cancel := context.WithCancel(context.Background())
	b := &bridge{conn: conn, peer: peer, ctx: ctx, cancel: cancel}
	if !s.sockets.add(b) {
		cancel()
		_ = conn.Close(websocket.StatusGoingAway, "")
		peer.Deliver(bindings.Frame{Kind: bindings.FrameDisconnect})
		peer.Close()
		return
	}
	defer s.sockets.remove(b)
	b.run()
}

// acceptOptions copies the Response's headers into the handshake and picks
// the subprotocol and compression from them, as workerd does: the worker
// chooses a subprotocol by setting Sec-WebSocket-Protocol itself.
func (s *Server) acceptOptions(w http.ResponseWriter, resp *bindings.OutgoingResponse) *websocket.AcceptOptions {
	opts := &websocket.AcceptOptions{InsecureSkipVerify: true, CompressionMode: websocket.CompressionDisabled}
	if s.opts.Compat.Enabled(bindings.FlagWebSocketCompression) {
		opts.CompressionMode = websocket.CompressionContextTakeover
	}
	for _, kv := range resp.Header {
		switch strings.ToLower(kv[0]) {
		case "sec-websocket-protocol":
			opts.Subprotocols = append(opts.Subprotocols, kv[1])
		case "sec-websocket-extensions", "sec-websocket-accept", "upgrade", "connection":
		default:
			w.Header().Add(kv[0], kv[1])
		}
	}
	return opts
}

// run pumps both directions and returns when both have ended.
func (b *bridge) run() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		b.writeLoop()
	}()
	b.readLoop()
	wg.Wait()
	b.peer.Close()
	_ = b.conn.CloseNow()
}

// readLoop delivers each message from the client to the script, then the
// way the connection ended: a Close frame, a protocol error, or a drop.
func (b *bridge) readLoop() {
	defer b.cancel()
	for {
		typ, data, err := b.conn.Read(b.ctx)
		if err != nil {
			f := endFrame(err)
			if f.Kind == bindings.FrameDisconnect {
				if cf, ok := b.closedByServer(); ok {
					f = cf
				}
			}
			b.peer.Deliver(f)
			return
		}
		kind := bindings.FrameText
		if typ == websocket.MessageBinary {
			kind = bindings.FrameBinary
		}
		if !b.peer.Deliver(bindings.Frame{Kind: kind, Data: data}) {
			return
		}
	}
}

// endFrame classifies the error that ended reading.
func endFrame(err error) bindings.Frame {
	var ce websocket.CloseError
	switch {
	case errors.As(err, &ce):
		code := int(ce.Code)
		if ce.Code == websocket.StatusNoStatusRcvd {
			code = 0
		}
		return bindings.Frame{Kind: bindings.FrameClose, Code: code, Reason: ce.Reason}
	case errors.Is(err, websocket.ErrMessageTooBig):
		return bindings.Frame{Kind: bindings.FrameError, Code: int(websocket.StatusMessageTooBig),
			Reason: fmt.Sprintf("WebSocket protocol error; protocolError.statusCode = 1009; protocolError.description = Message is too large: more than %d bytes", maxMessageSize)}
	default:
		return bindings.Frame{Kind: bindings.FrameDisconnect}
	}
}

// writeLoop writes what the script sends, in order, until the script closes
// the socket or reading has ended.
func (b *bridge) writeLoop() {
	for {
		f, err := b.peer.Next(b.ctx)
		if err != nil {
			return
		}
		switch f.Kind {
		case bindings.FrameText:
			err = b.conn.Write(b.ctx, websocket.MessageText, f.Data)
		case bindings.FrameBinary:
			err = b.conn.Write(b.ctx, websocket.MessageBinary, f.Data)
		case bindings.FrameClose:
			// The client's reply reaches the script through readLoop.
			b.closeWith(f.Code, f.Reason)
			return
		}
		if err != nil {
			return
		}
	}
}

// goingAway closes the connection with 1001 (Going Away) for server
// shutdown and waits for the close handshake.
func (b *bridge) goingAway() {
	b.closeWith(int(websocket.StatusGoingAway), "")
}
