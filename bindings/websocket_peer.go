package bindings

import (
	"context"
	"io"
	"sync"

	"github.com/dop251/goja"

	"workerhost/internal/wsbridge"
	"workerhost/jsruntime"
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
//
// A frame from the network reaches the script in one job on the loop: the
// job runs in an event context of its own (a sub-event of the request
// that owns the script's end), and fires the events itself. A frame the
// script sends is queued here; the bridge's writer, started when the queue
// stops being empty, takes everything queued at once.
type WebSocketPeer struct {
	rt interface {
		EnqueueIn(*jsruntime.IOContext, func(*goja.Runtime)) bool
		Enqueue(func(*goja.Runtime)) bool
		Context() context.Context // cancelled when the runtime stops
	}
	end   *webSocket           // the coupled end; only touched on the loop
	owner *jsruntime.IOContext // the request that owns the script's end (nil: none)
	limit int                  // the send queue's limit

	mu          sync.Mutex
	queue       []wsbridge.Frame
	spare       []wsbridge.Frame          // the writer's last batch, emptied: the next queue
	queued      int                       // cost of queue, and of the frames the writer took and has not written
	taken       int                       // cost of the frames the writer took last
	startWriter func()                    // from the bridge; nil until it runs
	tryWrite    func(wsbridge.Frame) bool // from the bridge: a write that does not wait
	writing     bool                      // a writer was started and has not found the queue empty
	unhandled   int                       // cost of frames delivered to the loop and not handled yet
	waiting     bool                      // Wait is blocked on room
	abandoned   bool                      // the owning request ended: frames are dropped
	written     int                       // payload bytes written and not yet reported to the loop
	reporting   bool                      // a report of written bytes is queued on the loop
	report      func(*goja.Runtime)       // reportWritten, made once
	full        bool                      // the send queue overflowed, or drop: the connection is dropped
	closed      bool
	room        chan struct{} // wakes Wait
}

// newWebSocketPeer creates the peer of end, the end coupled to the network,
// whose partner belongs to owner. On the loop.
func (rl *Realm) newWebSocketPeer(end *webSocket, owner *jsruntime.IOContext) *WebSocketPeer {
	limit := rl.opts.WebSocketSendQueueLimit
	if limit <= 0 {
		limit = DefaultSendQueueLimit
	}
	return &WebSocketPeer{rt: rl.rt, end: end, owner: owner, limit: limit, room: make(chan struct{}, 1)}
}

// wake signals c without blocking.
func wake(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}

// push writes a frame to the network at once when it can (see Attach), or
// queues it and starts the bridge's writer if none is active. It reports false, and drops the queue, when the frame
// would take the queue over its limit; frames pushed after that or after
// Close are dropped. Safe from any goroutine.
func (p *WebSocketPeer) push(f wsbridge.Frame) bool {
	p.mu.Lock()
	if p.closed || p.full {
		p.mu.Unlock()
		return true
	}
	c := frameCost(f)
	if f.Kind != wsbridge.FrameClose && p.queued+c > p.limit {
		p.full, p.queue, p.queued, p.taken = true, nil, 0, 0
		start := p.claimWriter() // to drop the connection
		p.mu.Unlock()
		wake(p.room)
		if start != nil {
			start()
		}
		return false
	}
	if p.tryWrite != nil && !p.writing && len(p.queue) == 0 && f.Kind != wsbridge.FrameClose {
		// No writer runs: write it now if the socket takes it without
		// waiting, as workerd does. Meanwhile the attempt stands for the
		// writer, and the frame counts as queued.
		p.writing, p.queued = true, p.queued+c
		p.mu.Unlock()
		written := p.tryWrite(f)
		p.mu.Lock()
		p.writing = false
		if written || p.closed || p.full { // (Close and an overflow zero queued)
			if !p.closed && !p.full {
				p.queued -= c
			}
			p.mu.Unlock()
			return true
		}
		p.queued -= c
	}
	p.queue = append(p.queue, f)
	p.queued += c
	start := p.claimWriter()
	p.mu.Unlock()
	if start != nil {
		start()
	}
	return true
}

// claimWriter returns the function that starts a writer when one is
// needed: frames are queued, the bridge runs and no writer is active. mu
// held.
func (p *WebSocketPeer) claimWriter() func() {
	if p.writing || p.startWriter == nil || (len(p.queue) == 0 && !p.full) {
		return nil
	}
	p.writing = true
	return p.startWriter
}

// Attach records how to start the bridge's writer, and starts one for
// frames sent before the bridge ran (before the Response was returned,
// say).
func (p *WebSocketPeer) Attach(startWriter func(), tryWrite func(wsbridge.Frame) bool) {
	p.mu.Lock()
	p.startWriter, p.tryWrite = startWriter, tryWrite
	start := p.claimWriter()
	p.mu.Unlock()
	if start != nil {
		start()
	}
}

// Take hands the writer every frame queued, in send order, and keeps dst
// (emptied: the frames the writer took before) to queue the next ones in,
// so that in the steady state neither side allocates. With none queued,
// the writer is done: the next push starts another. After Close it
// returns io.EOF, and after the queue overflowed wsbridge.ErrQueueFull.
func (p *WebSocketPeer) Take(dst []wsbridge.Frame) ([]wsbridge.Frame, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	// The writer comes back once it is done with what it took last.
	p.queued -= p.taken
	p.taken = 0
	if p.waiting {
		wake(p.room)
	}
	if cap(dst) > 0 && cap(dst) <= maxSpareFrames {
		p.spare = dst[:0]
	}
	switch {
	case p.full:
		return nil, wsbridge.ErrQueueFull
	case p.closed:
		return nil, io.EOF
	case len(p.queue) == 0:
		p.writing = false
		return nil, nil
	}
	frames := p.queue
	p.queue, p.spare, p.taken = p.spare, nil, p.queued
	return frames, nil
}

// maxSpareFrames bounds the queue a peer keeps for the next frames: one
// that grew past it in a burst is let go.
const maxSpareFrames = 64

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
	if p.report == nil {
		p.report = p.reportWritten // made once, not for each report
	}
	report := p.report
	p.mu.Unlock()
	p.rt.Enqueue(report)
}

// reportWritten takes what was written off bufferedAmount. On the loop.
func (p *WebSocketPeer) reportWritten(*goja.Runtime) {
	p.mu.Lock()
	n := p.written
	p.written, p.reporting = 0, false
	p.mu.Unlock()
	p.end.wrote(n)
}

// Wait blocks while the script has more than readAheadLimit delivered and
// not handled, or queued and not written (taken by the writer included). It returns io.EOF once the peer
// is closed or its queue overflowed, or the runtime stopped (frames it
// never handled would hold the bridge for ever), or ctx's error.
func (p *WebSocketPeer) Wait(ctx context.Context) error {
	for {
		p.mu.Lock()
		over := p.closed || p.full
		ready := p.abandoned || (p.unhandled < readAheadLimit && p.queued < readAheadLimit)
		p.waiting = !over && !ready
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
// close, a disconnect or an error, as one job on the loop that fires its
// events. It reports false once the peer is closed or the runtime has
// stopped. It never blocks on JS.
func (p *WebSocketPeer) Deliver(f wsbridge.Frame) bool {
	c := frameCost(f)
	p.mu.Lock()
	switch {
	case p.closed:
		p.mu.Unlock()
		return false
	case p.abandoned:
		p.mu.Unlock()
		return true
	}
	p.unhandled += c
	p.mu.Unlock()
	var ctx *jsruntime.IOContext
	if p.owner != nil {
		ctx = p.owner.Child("websocket event")
	}
	return p.rt.EnqueueIn(ctx, func(*goja.Runtime) {
		p.mu.Lock()
		p.unhandled -= c
		if p.waiting {
			wake(p.room)
		}
		p.mu.Unlock()
		p.end.fromNetwork(f)
	})
}

// abandon drops what arrives from now on: the request that owns the
// script's end has ended (or was aborted), so its events would never run,
// and the bridge reads on rather than wait for them. On the loop.
func (p *WebSocketPeer) abandon() {
	p.mu.Lock()
	p.abandoned = true
	p.mu.Unlock()
	wake(p.room)
}

// drop drops the connection, from the script's side, as an overflowed
// send queue does: Take returns wsbridge.ErrQueueFull and the bridge
// closes the connection without a Close frame. On the loop.
func (p *WebSocketPeer) drop() {
	p.mu.Lock()
	if p.closed || p.full {
		p.mu.Unlock()
		return
	}
	p.full, p.queue, p.queued, p.taken = true, nil, 0, 0
	start := p.claimWriter()
	p.mu.Unlock()
	wake(p.room)
	if start != nil {
		start()
	}
}

// Close releases the peer once the connection is gone: Take returns io.EOF
// and later frames are dropped.
func (p *WebSocketPeer) Close() {
	p.mu.Lock()
	p.closed = true
	p.queue, p.queued, p.taken = nil, 0, 0
	p.mu.Unlock()
	wake(p.room)
}
