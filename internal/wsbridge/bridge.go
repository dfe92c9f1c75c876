package wsbridge

// A Bridge pumps frames between a coder/websocket connection and a Peer,
// for sockets the host accepted and sockets a worker dialled alike.

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/coder/websocket"
)

// MaxMessageSize is workerd's limit on a received WebSocket message
// (WEBSOCKET_MAX_MESSAGE_SIZE, 32 MiB). A bigger message closes the
// connection with 1009 and the script sees an error event.
const MaxMessageSize = 32 << 20

// closeTimeout bounds how long a Close frame may take to be written, and
// how long the host waits for the answer to a Close frame it sent itself
// (on shutdown or reload), before it drops the connection.
const closeTimeout = 5 * time.Second

// Peer is the Go side of a script's WebSocket end, as the bridge sees it.
// Its methods are called from the bridge's goroutines.
type Peer interface {
	// Attach is called once, when the bridge starts, with the function
	// that starts a writer. The peer calls it, from any goroutine and
	// without blocking, whenever it queues a frame for the network while
	// no writer is active (for frames queued before Attach, at once); the
	// writer then takes frames until Take finds none. While no writer is
	// active, the peer may first offer a frame to tryWrite, which writes
	// it at once if the socket takes it without waiting (and reports it
	// with Sent), and otherwise returns false: the frame is then queued.
	Attach(startWriter func(), tryWrite func(Frame) bool)
	// Take returns the frames the script queued for the network (text,
	// binary or close, in send order), taking dst (emptied, the frames a
	// writer took before) to queue the next ones in. With none queued it
	// returns none and the writer stops: the peer starts one again for its
	// next frame. It returns an error once the peer is closed, and
	// ErrQueueFull once its queue overflowed.
	Take(dst []Frame) ([]Frame, error)
	// Sent reports that frames Take returned were written, with n bytes
	// of payload.
	Sent(n int)
	// Wait blocks until the script can take more from the network: the
	// bridge reads nothing while frames it delivered are still unhandled,
	// or while too much is queued for a peer that does not read, so that
	// the connection pushes back instead of memory growing. It returns an
	// error once the peer is closed or ctx ends.
	Wait(ctx context.Context) error
	// Deliver hands a frame read from the network to the script without
	// blocking on it; false means the script can take no more.
	Deliver(f Frame) bool
	// Close releases the peer once the connection is gone.
	Close()
}

// Bridge joins a JS WebSocket end to a real connection: one goroutine reads
// frames from the network and delivers them to the script. What the script
// sends is written at once, on the script's loop, when the socket takes it
// without waiting (write_now.go), and otherwise by a goroutine that runs
// only while there is something to write; so an idle connection costs one
// goroutine. Without compression the bridge reads and writes messages
// itself, through the gate; with it, through the library. Its methods are
// safe from any goroutine.
type Bridge struct {
	conn   *websocket.Conn
	gate   *closeGate
	peer   Peer
	direct bool // no compression: messages bypass the library
	parent context.Context
	ctx    context.Context
	// cancel ends the bridge: it cancels ctx and closes the connection,
	// which ends a read or write in progress.
	cancel func()
	done   chan struct{} // closed when Run returns

	mu        sync.Mutex
	sentClose bool // this side's Close frame is queued
	gotClose  bool // the peer's Close frame arrived
	writeOver bool // no writer starts any more
	writers   sync.WaitGroup
	writeFn   func() // writeQueued, made once

	now *nowWriter // writes to the socket that do not wait; nil: none
}

// newBridge prepares a bridge over conn and the gate under it.
func newBridge(ctx context.Context, conn *websocket.Conn, peer Peer, gate *closeGate) *Bridge {
	// Uncompressed messages are limited by the gate; this limits what a
	// compressed one inflates to.
	conn.SetReadLimit(MaxMessageSize)
	b := &Bridge{conn: conn, peer: peer, gate: gate, direct: !gate.in.compress, parent: ctx, done: make(chan struct{})}
	if b.direct {
		b.now = newNowWriter(rawConnFor(gate.Conn))
	}
	ctx, cancel := context.WithCancel(ctx)
	b.ctx = ctx
	b.cancel = func() {
		cancel()
		_ = gate.Close()
	}
	return b
}

// Run pumps both directions and returns when both have ended (or the
// context the bridge was made with ends); the connection is then closed
// and the peer released.
func (b *Bridge) Run() {
	defer close(b.done)
	if b.parent.Done() != nil {
		stop := context.AfterFunc(b.parent, b.cancel)
		defer stop()
	}
	b.peer.Attach(b.startWriter, b.tryWrite)
	b.readLoop()
	b.endWriting()
	b.peer.Close()
	b.cancel()
	_ = b.conn.CloseNow()
}

// readLoop delivers each message from the peer to the script, then the
// way the connection ended: a Close frame, a protocol error, or a drop.
// After the peer's Close frame, the writer goes on until the script
// answers it or the peer goes away.
func (b *Bridge) readLoop() {
	for {
		if err := b.peer.Wait(b.ctx); err != nil {
			b.disconnected()
			return
		}
		f, err := b.readMessage()
		if err != nil {
			b.readEnded(err)
			return
		}
		if !b.peer.Deliver(f) {
			b.cancel()
			return
		}
	}
}

// readMessage reads the peer's next message.
func (b *Bridge) readMessage() (Frame, error) {
	if b.direct {
		op, data, err := b.gate.in.readMessage()
		if err != nil {
			return Frame{}, err
		}
		if op == opBinary {
			return Frame{Kind: FrameBinary, Data: data}, nil
		}
		return Frame{Kind: FrameText, Data: data}, nil
	}
	// The bridge's context closes the connection when it ends; the
	// library needs no context of its own to watch.
	typ, data, err := b.conn.Read(context.Background())
	if err != nil {
		return Frame{}, err
	}
	if typ == websocket.MessageBinary {
		return Frame{Kind: FrameBinary, Data: data}, nil
	}
	return Frame{Kind: FrameText, Data: data}, nil
}

// readEnded tells the script how reading ended and ends the connection,
// unless the script still has to answer the peer's Close frame.
func (b *Bridge) readEnded(err error) {
	var closed *closeReceived
	var refused *ProtocolError
	switch {
	case errors.As(err, &closed):
		b.mu.Lock()
		b.gotClose = true
		answered := b.sentClose
		b.mu.Unlock()
		switch {
		case !b.peer.Deliver(Frame{Kind: FrameClose, Code: closed.code, Reason: closed.reason}):
		case answered:
			// The handshake is complete once this side's Close frame is
			// out.
			b.waitWritten(b.gate.closeWritten())
		default:
			// The script has yet to answer; if the peer goes away
			// meanwhile, the connection ends without waiting for it.
			b.gate.drain()
		}
		b.cancel()
		return
	case errors.Is(err, websocket.ErrMessageTooBig):
		// A compressed message inflated past the limit (kj's words).
		refused = &ProtocolError{Code: int(websocket.StatusMessageTooBig), Description: "Message is too large"}
	case errors.As(err, &refused):
	default:
		b.disconnected()
		return
	}
	// As in workerd, the script learns of the error once the Close frame
	// is written.
	b.markSent()
	b.waitWritten(b.gate.sendClose(closePayload(refused.Code, refused.Description)))
	b.peer.Deliver(Frame{Kind: FrameError, Reason: refused.Error()})
	b.cancel()
}

// disconnected ends the connection and then tells the script it was
// lost (unless the peer is closed). No writer runs by then, so what was
// written has been reported (Sent) before: whether messages were left
// unsent is settled.
func (b *Bridge) disconnected() {
	b.cancel()
	b.endWriting()
	b.peer.Deliver(Frame{Kind: FrameDisconnect})
}

// ErrQueueFull is returned by a Peer's Take when the script queued more
// than the peer allows for a connection that does not drain: the bridge
// then drops the connection.
var ErrQueueFull = errors.New("failed to send: the WebSocket send queue is full")

// markSent records that this side's Close frame is queued and reports
// whether the peer's had already arrived.
func (b *Bridge) markSent() (gotClose, first bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	first = !b.sentClose
	b.sentClose = true
	return b.gotClose, first
}

// close sends a Close frame with code (NoStatus: an empty Close frame) and
// reason. If it answers the peer's Close frame, the handshake is complete
// once it is written and the connection ends; otherwise readLoop ends it
// when the peer answers.
func (b *Bridge) close(code int, reason string) {
	gotClose, first := b.markSent()
	if !first {
		return
	}
	done := b.gate.sendClose(closePayload(code, reason))
	if gotClose {
		b.waitWritten(done)
		b.cancel()
	}
}

// waitWritten waits, for closeTimeout at most, until a Close frame is
// written.
func (b *Bridge) waitWritten(done <-chan struct{}) {
	t := time.NewTimer(closeTimeout)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
	}
}

// Refuse ends a bridge that will not run (the server is shutting down):
// the client gets 1001 Going Away and the script a disconnect.
func (b *Bridge) Refuse() {
	b.markSent()
	b.waitWritten(b.gate.sendClose(closePayload(StatusGoingAway, "")))
	b.peer.Deliver(Frame{Kind: FrameDisconnect})
	b.peer.Close()
	b.cancel()
	_ = b.conn.CloseNow()
}

// CloseWith closes the connection from the host's side with code and
// reason (1001 on shutdown, 1012 on reload) and waits until the bridge has
// stopped: when the peer answers, or after closeTimeout.
func (b *Bridge) CloseWith(code int, reason string) {
	b.close(code, reason)
	t := time.NewTimer(closeTimeout)
	defer t.Stop()
	select {
	case <-b.done:
		return
	case <-t.C:
	}
	b.cancel()
	<-b.done
}
