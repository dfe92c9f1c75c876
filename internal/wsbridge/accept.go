package wsbridge

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
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
	// The gate reads what the server's reader holds (frames the client sent
	// right after its request), then the connection, through a small
	// buffer of its own: the server's buffers are let go, so that an idle
	// socket holds little. The library reads from the gate.
	a.gate = newCloseGate(c, sourceAfterHijack(c, brw.Reader), gateOptions{compress: compress})
	// The library reads and writes only compressed messages (see Bridge):
	// its reader needs no more than bufio's least, the gate's source being
	// buffered, and only a compressing one needs a write buffer (the
	// server's, flushed, is the caller's after Hijack).
	w := bufio.NewWriterSize(a.gate, libraryBufferSize)
	if compress {
		brw.Writer.Reset(a.gate)
		w = brw.Writer
	}
	return a.gate, bufio.NewReadWriter(bufio.NewReaderSize(a.gate, libraryBufferSize), w), nil
}

// Buffer sizes of an accepted connection.
const (
	// readBufferSize is the buffer the gate reads the connection through:
	// a few small frames at once, while a long payload is read straight
	// into its message.
	readBufferSize = 1 << 10
	// libraryBufferSize is the library's read buffer over the gate, and
	// its write buffer when it writes nothing.
	libraryBufferSize = 64
)

// sourceAfterHijack is what the gate reads from: the bytes held is holding,
// then c, through a buffer of readBufferSize.
func sourceAfterHijack(c net.Conn, held *bufio.Reader) *bufio.Reader {
	r := &prefixedReader{Reader: c}
	if n := held.Buffered(); n > 0 {
		b, _ := held.Peek(n)
		r.prefix = append([]byte(nil), b...)
	}
	return bufio.NewReaderSize(r, readBufferSize)
}

// prefixedReader reads prefix, then Reader.
type prefixedReader struct {
	prefix []byte
	io.Reader
}

// Read implements io.Reader.
func (r *prefixedReader) Read(p []byte) (int, error) {
	if len(r.prefix) == 0 {
		return r.Reader.Read(p)
	}
	n := copy(p, r.prefix)
	r.prefix = r.prefix[n:]
	if len(r.prefix) == 0 {
		r.prefix = nil
	}
	return n, nil
}
