package bindings

import (
	"context"
	"io"
	"sync"

	"github.com/dop251/goja"

	"workerhost/internal/wsbridge"
)

// WebSocketPeer is the Go side of a WebSocket end whose other end is a real
// connection: the end a worker returned in a 101 Response, which the host
// bridges to the client, or the end of a socket the worker dialled. It is
// the [wsbridge.Peer] of that connection's bridge. Every method is safe
// from any goroutine.
type WebSocketPeer struct {
	rt interface {
		Enqueue(func(*goja.Runtime)) bool
	}
	end *webSocket // the coupled end; only touched on the loop

	mu     sync.Mutex
	queue  []wsbridge.Frame
	closed bool
	signal chan struct{}
}

// push queues a frame for the network and wakes Next. Safe from any
// goroutine; frames pushed after Close are dropped.
func (p *WebSocketPeer) push(f wsbridge.Frame) {
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
func (p *WebSocketPeer) Next(ctx context.Context) (wsbridge.Frame, error) {
	for {
		p.mu.Lock()
		if len(p.queue) > 0 {
			f := p.queue[0]
			p.queue[0] = wsbridge.Frame{}
			p.queue = p.queue[1:]
			p.mu.Unlock()
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

// Deliver hands a frame read from the network to the script: a message, a
// close, a disconnect or an error. It reports false once the peer is closed
// or the runtime has stopped. It never blocks on JS.
func (p *WebSocketPeer) Deliver(f wsbridge.Frame) bool {
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
