package bindings

import (
	"context"
	"io"
	"sync"

	"github.com/dop251/goja"

	"workerhost/internal/wsbridge"
)

// What a WebSocketPeer holds for its connection is bounded: the bridge
// stops reading from the network while the script is behind (frames
// delivered but not yet handled) or while its peer is not reading (frames
// queued but not yet written), so a client that sends without reading
// meets TCP back-pressure instead of growing the host's memory. A script
// that itself queues more than the send queue's limit has its connection
// dropped (see webSocket.sendQueueFull).
const (
	// queuedFrameCost is what a frame counts for beyond its payload:
	// roughly what it costs in memory while it waits.
	queuedFrameCost = 128
	// readAheadLimit is how much (payload plus queuedFrameCost per frame)
	// may wait, delivered or queued, before the bridge stops reading.
	readAheadLimit = 1 << 20
	// DefaultSendQueueLimit is Options.WebSocketSendQueueLimit's default.
	DefaultSendQueueLimit = 128 << 20
)

// frameCost is what f counts for against the bounds.
func frameCost(f wsbridge.Frame) int { return len(f.Data) + queuedFrameCost }

// WebSocketPeer is the Go side of a WebSocket end whose other end is a real
// connection: the end a worker returned in a 101 Response, which the host
// bridges to the client, or the end of a socket the worker dialled. It is
// the [wsbridge.Peer] of that connection's bridge. Every method is safe
// from any goroutine.
type WebSocketPeer struct {
	rt interface {
		Enqueue(func(*goja.Runtime)) bool
		Context() context.Context // cancelled when the runtime stops
	}
	end   *webSocket // the coupled end; only touched on the loop
	limit int        // the send queue's limit

	mu        sync.Mutex
	queue     []wsbridge.Frame
	queued    int  // cost of queue
	unhandled int  // cost of frames delivered to the loop and not handled yet
	written   int  // payload bytes written and not yet reported to the loop
	reporting bool // a report of written bytes is queued on the loop
	full      bool // the send queue overflowed; the connection is dropped
	closed    bool
	signal    chan struct{} // wakes Next
	room      chan struct{} // wakes Wait
}

// newWebSocketPeer creates the peer of end, the end coupled to the network.
func (rl *Realm) newWebSocketPeer(end *webSocket) *WebSocketPeer {
	limit := rl.opts.WebSocketSendQueueLimit
	if limit <= 0 {
		limit = DefaultSendQueueLimit
	}
	return &WebSocketPeer{rt: rl.rt, end: end, limit: limit, signal: make(chan struct{}, 1), room: make(chan struct{}, 1)}
}

// wake signals c without blocking.
func wake(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}

// push queues a frame for the network and wakes Next. It reports false,
// and drops the queue, when the frame would take the queue over its limit;
// frames pushed after that or after Close are dropped. Safe from any
// goroutine.
func (p *WebSocketPeer) push(f wsbridge.Frame) bool {
	p.mu.Lock()
	if p.closed || p.full {
		p.mu.Unlock()
		return true
	}
	c := frameCost(f)
	if f.Kind != wsbridge.FrameClose && p.queued+c > p.limit {
		p.full, p.queue, p.queued = true, nil, 0
		p.mu.Unlock()
		wake(p.signal)
		wake(p.room)
		return false
	}
	p.queue = append(p.queue, f)
	p.queued += c
	p.mu.Unlock()
	wake(p.signal)
	return true
}

// Next blocks until the script has a frame for the network (text, binary or
// close, in send order, including frames sent before the Response was
// returned) or ctx ends. After Close it returns io.EOF, and after the
// queue overflowed wsbridge.ErrQueueFull.
func (p *WebSocketPeer) Next(ctx context.Context) (wsbridge.Frame, error) {
	for {
		p.mu.Lock()
		if p.full {
			p.mu.Unlock()
			return wsbridge.Frame{}, wsbridge.ErrQueueFull
		}
		if len(p.queue) > 0 {
			f := p.queue[0]
			p.queue[0] = wsbridge.Frame{}
			p.queue = p.queue[1:]
			p.queued -= frameCost(f)
			p.mu.Unlock()
			wake(p.room)
			return f, nil
		}
		closed := p.closed
		p.mu.Unlock()
		if closed {
			return wsbridge.Frame{}, io.EOF
		}
		select {
		case <-p.signal:
		case <-ctx.Done():
			return wsbridge.Frame{}, ctx.Err()
		}
	}
}

// Sent reports that n bytes of a frame's payload were written; the
// script's bufferedAmount goes down by them on the loop, in one task for
// however many frames were written meanwhile.
func (p *WebSocketPeer) Sent(n int) {
	p.mu.Lock()
	p.written += n
	if p.reporting || p.written == 0 {
		p.mu.Unlock()
		return
	}
	p.reporting = true
	p.mu.Unlock()
	p.rt.Enqueue(func(*goja.Runtime) {
		p.mu.Lock()
		n := p.written
		p.written, p.reporting = 0, false
		p.mu.Unlock()
		p.end.wrote(n)
	})
}

// Wait blocks while the script has more than readAheadLimit delivered and
// not handled, or queued and not written. It returns io.EOF once the peer
// is closed or its queue overflowed, or the runtime stopped (frames it
// never handled would hold the bridge for ever), or ctx's error.
func (p *WebSocketPeer) Wait(ctx context.Context) error {
	for {
		p.mu.Lock()
		over := p.closed || p.full
		ready := p.unhandled < readAheadLimit && p.queued < readAheadLimit
		p.mu.Unlock()
		switch {
		case over:
			return io.EOF
		case ready:
			return nil
		}
		select {
		case <-p.room:
		case <-p.rt.Context().Done():
			return io.EOF
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// Deliver hands a frame read from the network to the script: a message, a
// close, a disconnect or an error. It reports false once the peer is closed
// or the runtime has stopped. It never blocks on JS.
func (p *WebSocketPeer) Deliver(f wsbridge.Frame) bool {
	c := frameCost(f)
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return false
	}
	p.unhandled += c
	p.mu.Unlock()
	return p.rt.Enqueue(func(*goja.Runtime) {
		p.mu.Lock()
		p.unhandled -= c
		p.mu.Unlock()
		wake(p.room)
		p.end.fromNetwork(f)
	})
}

// Close releases the peer once the connection is gone: Next returns io.EOF
// and later frames are dropped.
func (p *WebSocketPeer) Close() {
	p.mu.Lock()
	p.closed = true
	p.queue, p.queued = nil, 0
	p.mu.Unlock()
	wake(p.signal)
	wake(p.room)
}
