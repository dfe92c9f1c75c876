package wsbridge

// A closeGate sits between coder/websocket and the TCP connection so that
// control frames go as in workerd, not as the library would send them.
//
// Reading (inbound.go): the peer's control frames never reach the library.
// Its Close frame is handed to the bridge, which lets the script answer it,
// as workerd does (at once with the auto-reply flag, or when the script
// calls close() in half-open mode); the library would answer by itself and
// close the connection.
//
// Writing: the library's frames pass through, parsed as they go so that
// the gate knows where each one ends. A Close frame the library writes on
// its own is dropped: the bridge sends its own Close frames (sendClose),
// with workerd's codes and reasons. Pongs and the bridge's Close frame are
// written between the library's frames, by a goroutine of the gate's, so
// that neither the reader nor the script ever waits for them. Like kj,
// the gate keeps only the latest unanswered ping when pongs cannot be
// written as fast as pings arrive (RFC 6455 section 5.5.3 allows it), and
// writes nothing after its Close frame.

import (
	"io"
	"net"
	"sync"
)

// closeGate wraps the connection under a coder/websocket Conn. Read is
// called by the library's reader only; the other methods are safe from any
// goroutine.
type closeGate struct {
	net.Conn
	in     *inbound
	client bool // this side dialled: the frames it writes are masked

	// Write state, guarded by wmu, which is held while writing to Conn.
	wmu       sync.Mutex
	header    []byte // a library frame header being accumulated
	remaining uint64 // payload bytes left in the library's current frame
	dropping  bool   // the library wrote a Close frame: drop it and the rest

	mu        sync.Mutex
	pong      []byte // payload of the latest ping not answered yet
	hasPong   bool
	closeMsg  []byte // payload of the Close frame to send
	hasClose  bool   // sendClose was called
	closeSent bool   // the Close frame was written (or can no longer be)
	closeDone chan struct{}
	flushing  bool // a goroutine is writing control frames
	closed    bool
}

// gateOptions say who is on the other side of the connection.
type gateOptions struct {
	client   bool // this side dialled
	compress bool // permessage-deflate was negotiated
}

// newCloseGate wraps c; src is where the peer's bytes are read from (c, or
// a buffered reader over it that may hold bytes already read).
func newCloseGate(c net.Conn, src io.Reader, opts gateOptions) *closeGate {
	g := &closeGate{Conn: c, client: opts.client, closeDone: make(chan struct{})}
	g.in = &inbound{src: src, server: !opts.client, compress: opts.compress, onPing: g.queuePong}
	return g
}

// Read reads the peer's data frames (see inbound).
func (g *closeGate) Read(p []byte) (int, error) { return g.in.Read(p) }

// Write passes the library's frames through, except a Close frame, and
// writes pending control frames between them. What passes through goes out
// in as few writes as it can: one for the whole of p unless a control frame
// has to go in between. Once the gate's own Close frame is written, it
// refuses the library's frames with net.ErrClosed.
func (g *closeGate) Write(p []byte) (int, error) {
	g.wmu.Lock()
	defer g.wmu.Unlock()
	w := spanWriter{conn: g.Conn, p: p}
	for w.i < len(p) && !g.dropping {
		switch {
		case g.remaining > 0:
			k := min(uint64(len(p)-w.i), g.remaining)
			w.i += int(k)
			g.remaining -= k
			if g.remaining == 0 {
				if err := g.controlAt(&w); err != nil {
					return w.start, err
				}
			}
		case len(g.header) > 0:
			if err := g.continueHeader(&w); err != nil {
				return w.start, err
			}
		default:
			// Like kj, a pending control frame goes before the next
			// message.
			if err := g.controlAt(&w); err != nil {
				return w.start, err
			}
			if g.isCloseSent() {
				return w.start, net.ErrClosed
			}
			if err := g.startFrame(&w); err != nil {
				return w.start, err
			}
		}
	}
	if err := w.flush(); err != nil {
		return w.start, err
	}
	return len(p), nil
}

// spanWriter writes the bytes of one Write that pass through: p[start:i]
// is passed and not yet written.
type spanWriter struct {
	conn     net.Conn
	p        []byte
	start, i int
}

// flush writes what has passed so far.
func (w *spanWriter) flush() error {
	if w.start == w.i {
		return nil
	}
	_, err := w.conn.Write(w.p[w.start:w.i])
	if err == nil {
		w.start = w.i
	}
	return err
}

// skip drops the bytes up to i: they are not passed on.
func (w *spanWriter) skip() { w.start = w.i }

// controlAt writes the pending control frames, after what has passed so
// far, at a boundary between the library's frames. wmu held.
func (g *closeGate) controlAt(w *spanWriter) error {
	if !g.controlPending() {
		return nil
	}
	if err := w.flush(); err != nil {
		return err
	}
	g.writeControl()
	return nil
}

// startFrame reads the header of the library's next frame at p[i:]: a
// whole one passes through (a Close frame is dropped, and all that
// follows it), a cut one is held back until its end arrives. wmu held.
func (g *closeGate) startFrame(w *spanWriter) error {
	size, payload, ok := parseFrameHeader(w.p[w.i:])
	if !ok {
		if err := w.flush(); err != nil {
			return err
		}
		g.header = append(g.header, w.p[w.i:]...)
		w.i = len(w.p)
		w.skip()
		return nil
	}
	if w.p[w.i]&0x0f == opClose {
		g.dropping = true
		return w.flush()
	}
	w.i += size
	g.remaining = payload
	if payload == 0 {
		return g.controlAt(w)
	}
	return nil
}

// continueHeader adds the next byte to a header held back from an earlier
// Write, and writes the header once it is whole. wmu held.
func (g *closeGate) continueHeader(w *spanWriter) error {
	g.header = append(g.header, w.p[w.i])
	w.i++
	w.skip()
	size, payload, ok := parseFrameHeader(g.header)
	if !ok {
		return nil
	}
	if g.header[0]&0x0f == opClose {
		g.dropping, g.header = true, nil
		return nil
	}
	if _, err := g.Conn.Write(g.header[:size]); err != nil {
		return err
	}
	g.header, g.remaining = g.header[:0], payload
	if payload == 0 {
		return g.controlAt(w)
	}
	return nil
}

// controlPending reports whether a control frame waits to be written.
func (g *closeGate) controlPending() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return !g.closeSent && !g.closed && (g.hasPong || g.hasClose)
}

// isCloseSent reports whether the gate's Close frame is out.
func (g *closeGate) isCloseSent() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.closeSent
}

// atBoundary reports whether no library frame is half written. wmu held.
func (g *closeGate) atBoundary() bool { return len(g.header) == 0 && g.remaining == 0 }

// writeControl writes the pending Close frame, or else the pending pong.
// wmu held, at a frame boundary.
func (g *closeGate) writeControl() {
	for {
		g.mu.Lock()
		var frame []byte
		isClose := false
		switch {
		case g.closeSent || g.closed:
		case g.hasClose:
			frame, isClose = encodeFrame(opClose, g.closeMsg, g.client), true
		case g.hasPong:
			frame, g.pong, g.hasPong = encodeFrame(opPong, g.pong, g.client), nil, false
		}
		g.mu.Unlock()
		if frame == nil {
			return
		}
		_, err := g.Conn.Write(frame)
		if isClose || err != nil {
			g.markCloseSent()
			return
		}
	}
}

// markCloseSent records that nothing more will be written.
func (g *closeGate) markCloseSent() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.closeSent {
		g.closeSent = true
		g.hasPong, g.pong = false, nil
		close(g.closeDone)
	}
}

// queuePong answers a ping: its payload replaces any pong not written yet.
// It never blocks.
func (g *closeGate) queuePong(payload []byte) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.hasClose || g.closeSent || g.closed {
		return
	}
	g.pong, g.hasPong = payload, true
	g.kick()
}

// sendClose queues the Close frame with payload (written once, at the end
// of the library's current frame; later calls are ignored) and returns a
// channel closed once it is written or can no longer be.
func (g *closeGate) sendClose(payload []byte) <-chan struct{} {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.hasClose && !g.closeSent {
		g.closeMsg, g.hasClose = payload, true
		g.pong, g.hasPong = nil, false
		g.kick()
	}
	return g.closeDone
}

// closeWritten is closed once the Close frame is written or can no longer
// be.
func (g *closeGate) closeWritten() <-chan struct{} { return g.closeDone }

// kick starts the goroutine that writes control frames, unless it runs.
// mu held.
func (g *closeGate) kick() {
	if g.flushing || g.closed {
		return
	}
	g.flushing = true
	go g.flush()
}

// flush writes control frames while there are some and no library frame
// is half written; otherwise the library's Write writes them at the end of
// its frame. A write blocked on a peer that does not read ends when the
// connection is closed.
func (g *closeGate) flush() {
	for {
		g.wmu.Lock()
		boundary := g.atBoundary()
		if boundary {
			g.writeControl()
		}
		g.wmu.Unlock()
		g.mu.Lock()
		more := !g.closeSent && !g.closed && (g.hasPong || g.hasClose)
		if !boundary || !more {
			g.flushing = false
			g.mu.Unlock()
			return
		}
		g.mu.Unlock()
	}
}

// drain reads and drops what the peer sends after its Close frame until
// the connection ends, so that a peer that goes away is noticed. Only the
// reader calls it, once the library has read the Close frame.
func (g *closeGate) drain() {
	buf := make([]byte, 512)
	for {
		if _, err := g.in.src.Read(buf); err != nil {
			return
		}
	}
}

// Close closes the connection; a blocked write returns, and a Close frame
// not written yet never will be.
func (g *closeGate) Close() error {
	g.mu.Lock()
	if g.closed {
		g.mu.Unlock()
		return nil
	}
	g.closed = true
	g.mu.Unlock()
	g.markCloseSent()
	return g.Conn.Close()
}
