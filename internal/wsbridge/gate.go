package wsbridge

// A closeGate sits between coder/websocket and the TCP connection so that
// the script, not the library, answers a peer's Close frame.
//
// coder/websocket answers a Close frame as soon as it reads it and then
// closes the connection. workerd instead hands the Close to the script and
// replies when the script's socket does: at once with the auto-reply flag,
// or only when the script calls close() in half-open mode (before
// 2026-04-07, or with accept({allowHalfOpen: true})). The gate parses the
// frames the library writes, holds back that automatic answer and the
// close of the connection, and lets the bridge write the script's own
// frames afterwards.

import (
	"net"
	"sync"
)

// closeGate wraps the connection under a coder/websocket Conn. It is safe
// for the library's reader and writer goroutines and the bridge together.
type closeGate struct {
	net.Conn
	client bool // frames are masked (the dialling side)

	mu         sync.Mutex
	framing    bool   // the handshake is over; bytes written are frames
	header     []byte // a frame header being accumulated
	remaining  uint64 // payload bytes left in the current frame
	allowClose bool   // the bridge itself is closing: let Close frames through
	held       bool   // the library's automatic Close answer was held back
	closeLater bool   // the library closed the connection while held
	closed     bool
}

// newCloseGate wraps c; framing starts at once for an accepted connection
// and after the handshake (startFraming) for a dialled one.
func newCloseGate(c net.Conn, client bool) *closeGate {
	return &closeGate{Conn: c, client: client, framing: !client}
}

// startFraming is called once the opening handshake has been written.
func (g *closeGate) startFraming() {
	g.mu.Lock()
	g.framing = true
	g.mu.Unlock()
}

// permitClose lets the next Close frame through: the bridge is running the
// close handshake itself.
func (g *closeGate) permitClose() {
	g.mu.Lock()
	g.allowClose = true
	g.mu.Unlock()
}

// Write passes frames through, except a Close frame the library writes on
// its own, which is dropped together with anything after it.
func (g *closeGate) Write(p []byte) (int, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.framing {
		return g.Conn.Write(p)
	}
	n := len(p)
	for len(p) > 0 && !g.held {
		if g.remaining > 0 {
			k := uint64(len(p))
			if k > g.remaining {
				k = g.remaining
			}
			if _, err := g.Conn.Write(p[:k]); err != nil {
				return 0, err
			}
			g.remaining -= k
			p = p[k:]
			continue
		}
		g.header = append(g.header, p[0])
		p = p[1:]
		size, payload, ok := parseFrameHeader(g.header)
		if !ok {
			continue
		}
		if g.header[0]&0x0f == opClose && !g.allowClose {
			g.held, g.header = true, nil
			break
		}
		if _, err := g.Conn.Write(g.header[:size]); err != nil {
			return 0, err
		}
		g.header, g.remaining = nil, payload
	}
	return n, nil
}

// Close closes the connection, unless the library's Close answer is being
// held: then the close waits for the script's own Close frame.
func (g *closeGate) Close() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.held && !g.closed {
		g.closeLater = true
		return nil
	}
	g.closed = true
	return g.Conn.Close()
}

// heldClose reports whether the library's answer to a peer's Close frame
// is being held back, so the bridge must write frames itself.
func (g *closeGate) heldClose() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.held
}

// writeFrame writes one unfragmented frame directly, for the script's
// messages and Close after the library has stopped writing.
func (g *closeGate) writeFrame(opcode byte, payload []byte) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	_, err := g.Conn.Write(encodeFrame(opcode, payload, g.client))
	return err
}

// release writes the script's Close frame and then closes the connection.
func (g *closeGate) release(code int, reason string) {
	_ = g.writeFrame(opClose, closePayload(code, reason))
	g.mu.Lock()
	g.held = false
	g.closed = true
	g.mu.Unlock()
	_ = g.Conn.Close()
}
