package wsbridge

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"

	"github.com/coder/websocket"
)

// Close codes the host sends when it ends sockets itself.
const (
	// StatusGoingAway (1001) closes sockets when the server shuts down.
	StatusGoingAway = int(websocket.StatusGoingAway)
	// StatusServiceRestart (1012) closes sockets of a replaced version.
	StatusServiceRestart = int(websocket.StatusServiceRestart)
)

// AcceptOptions are the choices a worker's 101 Response makes for the
// handshake.
type AcceptOptions struct {
	// Subprotocols are the subprotocols the worker chose (its
	// Sec-WebSocket-Protocol header); the one the client offered is used.
	Subprotocols []string
	// Compress negotiates permessage-deflate when the client offers it.
	Compress bool
}

// Accept completes the opening handshake of r on w, over a close gate, and
// returns the bridge between the connection and peer, not yet running.
// Headers already set on w are sent with the 101.
func Accept(w http.ResponseWriter, r *http.Request, peer Peer, opts AcceptOptions) (*Bridge, error) {
	wo := &websocket.AcceptOptions{Subprotocols: opts.Subprotocols, InsecureSkipVerify: true, CompressionMode: websocket.CompressionDisabled}
	if opts.Compress {
		wo.CompressionMode = websocket.CompressionContextTakeover
	}
	aw := &acceptWriter{ResponseWriter: w}
	conn, err := websocket.Accept(aw, r, wo)
	if err != nil {
		return nil, fmt.Errorf("failed to accept WebSocket: %w", err)
	}
	return newBridge(context.Background(), conn, peer, aw.gate), nil
}

// acceptWriter wraps the ResponseWriter handed to websocket.Accept so that
// the connection it hijacks passes through a close gate (see gate.go),
// letting the script answer the client's Close frame.
type acceptWriter struct {
	http.ResponseWriter
	gate *closeGate
}

// Hijack takes over the connection: the handshake response already
// buffered is flushed, and later reads and writes go through the gate.
func (a *acceptWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	hj, ok := a.ResponseWriter.(http.Hijacker)
	if !ok {
		return nil, nil, errors.New("failed to hijack: ResponseWriter is not an http.Hijacker")
	}
	compress := a.ResponseWriter.Header().Get("Sec-WebSocket-Extensions") != ""
	c, brw, err := hj.Hijack()
	if err != nil {
		return nil, nil, err
	}
	if err := brw.Writer.Flush(); err != nil {
		c.Close()
		return nil, nil, err
	}
	// The gate reads from the server's reader, which may hold frames the
	// client sent right after its request; the library reads from the gate.
	a.gate = newCloseGate(c, brw.Reader, gateOptions{compress: compress})
	return a.gate, bufio.NewReadWriter(bufio.NewReader(a.gate), bufio.NewWriter(a.gate)), nil
}
