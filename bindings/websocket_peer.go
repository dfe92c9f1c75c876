package bindings

import (
	"context"
	"io"
	"sync"

	"github.com/dop251/goja"
)

// FrameKind says what a Frame carries.
type FrameKind int

// The kinds of frames that cross between a JS WebSocket end and the network.
const (
	// FrameText is a text message; Data holds its UTF-8 bytes.
	FrameText FrameKind = iota
	// FrameBinary is a binary message.
	FrameBinary
	// FrameClose is a Close frame with Code and Reason; Code 0 means a Close
	// frame with no payload (the receiver sees 1005).
	FrameClose
	// FrameDisconnect means the connection was lost without a Close frame;
	// the script sees close{1006, "WebSocket disconnected without sending
	// Close frame.", false}.
	FrameDisconnect
	// FrameError is a protocol error (such as a message over the size
	// limit); the script sees only an error event whose message is Reason.
	FrameError
)

// Frame is one message or close crossing between a JS WebSocket end and the
// network.
type Frame struct {
	Kind   FrameKind
	Data   []byte
	Code   int
	Reason string
}

// WebSocketPeer is the Go side of the WebSocket end a worker returned in a
// 101 Response: the host bridges it to the client's real connection. Every
// method is safe from any goroutine.
type WebSocketPeer struct {
	rt interface {
		Enqueue(func(*goja.Runtime)) bool
	}
	end *webSocket // the coupled end; only touched on the loop

	mu     sync.Mutex
	queue  []Frame
	closed bool
	signal chan struct{}
}

// push queues a frame for the network and wakes Next. Safe from any
// goroutine; frames pushed after Close are dropped.
func (p *WebSocketPeer) push(f Frame) {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return
	}
	p.queue = append(p.queue, f)
	p.mu.Unlock()
	select {
	case p.signal <- struct{}{}:
	default:
	}
}

// Next blocks until the script has a frame for the network (text, binary or
// close, in send order, including frames sent before the Response was
// returned) or ctx ends. After Close it returns io.EOF.
func (p *WebSocketPeer) Next(ctx context.Context) (Frame, error) {
	for {
		p.mu.Lock()
		if len(p.queue) > 0 {
			f := p.queue[0]
			p.queue[0] = Frame{}
			p.queue = p.queue[1:]
			p.mu.Unlock()
			return f, nil
		}
		closed := p.closed
		p.mu.Unlock()
		if closed {
			return Frame{}, io.EOF
		}
		select {
		case <-p.signal:
		case <-ctx.Done():
			return Frame{}, ctx.Err()
		}
	}
}

// Deliver hands a frame read from the network to the script: a message, a
// close, a disconnect or an error. It reports false once the peer is closed
// or the runtime has stopped. It never blocks on JS.
func (p *WebSocketPeer) Deliver(f Frame) bool {
	p.mu.Lock()
	closed := p.closed
	p.mu.Unlock()
	if closed {
		return false
	}
	return p.rt.Enqueue(func(*goja.Runtime) { p.end.fromNetwork(f) })
}

// Close releases the peer once the connection is gone: Next returns io.EOF
// and later frames are dropped.
func (p *WebSocketPeer) Close() {
	p.mu.Lock()
	p.closed = true
	p.queue = nil
	p.mu.Unlock()
	select {
	case p.signal <- struct{}{}:
	default:
	}
}
