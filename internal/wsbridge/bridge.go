package wsbridge

// A Bridge pumps frames between a coder/websocket connection and a Peer,
// for sockets the host accepted and sockets a worker dialled alike.

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/coder/websocket"
)

// MaxMessageSize is workerd's limit on a received WebSocket message
// (WEBSOCKET_MAX_MESSAGE_SIZE, 32 MiB). A bigger message closes the
// connection with 1009 and the script sees an error event.
const MaxMessageSize = 32 << 20

// Peer is the Go side of a script's WebSocket end, as the bridge sees it.
// Its methods are called from the bridge's goroutines.
type Peer interface {
	// Next blocks until the script has a frame for the network (text,
	// binary or close, in send order) or ctx ends; it returns an error
	// once the peer is closed.
	Next(ctx context.Context) (Frame, error)
	// Deliver hands a frame read from the network to the script without
	// blocking on it; false means the script can take no more.
	Deliver(f Frame) bool
	// Close releases the peer once the connection is gone.
	Close()
}

// Bridge joins a JS WebSocket end to a real connection: one goroutine reads
// frames from the network and delivers them to the script, one writes what
// the script sends. Its methods are safe from any goroutine.
type Bridge struct {
	conn   *websocket.Conn
	peer   Peer
	ctx    context.Context
	cancel context.CancelFunc

	gate *closeGate // holds back the library's own Close answers; may be nil

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
func (b *Bridge) closeWith(code int, reason string) {
	a := &closeAttempt{code: code, reason: reason, done: make(chan struct{})}
	b.mu.Lock()
	if b.closing != nil {
		b.mu.Unlock()
		return
	}
	b.closing = a
	b.mu.Unlock()
	if b.gate != nil {
		b.gate.permitClose()
	}
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
func (b *Bridge) closedByServer() (Frame, bool) {
	b.mu.Lock()
	a := b.closing
	b.mu.Unlock()
	if a == nil {
		return Frame{}, false
	}
	<-a.done
	var ce websocket.CloseError
	switch {
	case a.err == nil: // the client answered with the same code
		return Frame{Kind: FrameClose, Code: a.code, Reason: a.reason}, true
	case errors.As(a.err, &ce):
		return endFrame(ce), true
	}
	return Frame{}, false
}

// newBridge prepares a bridge over conn and the gate under it (nil: none).
func newBridge(ctx context.Context, conn *websocket.Conn, peer Peer, gate *closeGate) *Bridge {
	conn.SetReadLimit(MaxMessageSize)
	ctx, cancel := context.WithCancel(ctx)
	return &Bridge{conn: conn, peer: peer, ctx: ctx, cancel: cancel, gate: gate}
}

// halfClosed reports whether the client's Close frame arrived and its
// answer is held for the script, so frames are written through the gate.
func (b *Bridge) halfClosed() bool {
	return b.gate != nil && b.gate.heldClose()
}

// Run pumps both directions and returns when both have ended; the
// connection is then closed and the peer released.
func (b *Bridge) Run() {
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
// After a Close frame whose answer is held, the writer goes on until the
// script closes its side.
func (b *Bridge) readLoop() {
	for {
		typ, data, err := b.conn.Read(b.ctx)
		if err != nil {
			f := endFrame(err)
			if f.Kind == FrameDisconnect {
				if cf, ok := b.closedByServer(); ok {
					f = cf
				}
			}
			if !b.peer.Deliver(f) || !b.halfClosed() {
				b.cancel()
			}
			return
		}
		kind := FrameText
		if typ == websocket.MessageBinary {
			kind = FrameBinary
		}
		if !b.peer.Deliver(Frame{Kind: kind, Data: data}) {
			b.cancel()
			return
		}
	}
}

// endFrame classifies the error that ended reading.
func endFrame(err error) Frame {
	var ce websocket.CloseError
	switch {
	case errors.As(err, &ce):
		code := int(ce.Code)
		if ce.Code == websocket.StatusNoStatusRcvd {
			code = 0
		}
		return Frame{Kind: FrameClose, Code: code, Reason: ce.Reason}
	case errors.Is(err, websocket.ErrMessageTooBig):
		return Frame{Kind: FrameError, Code: int(websocket.StatusMessageTooBig),
			Reason: fmt.Sprintf("WebSocket protocol error; protocolError.statusCode = 1009; protocolError.description = Message is too large: more than %d bytes", MaxMessageSize)}
	default:
		return Frame{Kind: FrameDisconnect}
	}
}

// writeLoop writes what the script sends, in order, until the script closes
// the socket or reading has ended.
func (b *Bridge) writeLoop() {
	for {
		f, err := b.peer.Next(b.ctx)
		if err != nil {
			return
		}
		half := b.halfClosed()
		switch {
		case f.Kind == FrameClose && half:
			b.gate.release(f.Code, f.Reason)
			return
		case f.Kind == FrameClose:
			// The client's reply reaches the script through readLoop.
			b.closeWith(f.Code, f.Reason)
			return
		case half:
			op := byte(opText)
			if f.Kind == FrameBinary {
				op = opBinary
			}
			err = b.gate.writeFrame(op, f.Data)
		case f.Kind == FrameText:
			err = b.conn.Write(b.ctx, websocket.MessageText, f.Data)
		case f.Kind == FrameBinary:
			err = b.conn.Write(b.ctx, websocket.MessageBinary, f.Data)
		}
		if err != nil {
			return
		}
	}
}

// Refuse ends a bridge that will not run (the server is shutting down):
// the client gets 1001 Going Away and the script a disconnect.
func (b *Bridge) Refuse() {
	b.closeWith(StatusGoingAway, "")
	b.peer.Deliver(Frame{Kind: FrameDisconnect})
	b.peer.Close()
	b.cancel()
}

// CloseWith closes the connection from the host's side with code and
// reason (1001 on shutdown, 1012 on reload) and waits for the close
// handshake.
func (b *Bridge) CloseWith(code int, reason string) {
	if b.halfClosed() {
		b.gate.release(code, reason)
		b.cancel()
		return
	}
	b.closeWith(code, reason)
}
