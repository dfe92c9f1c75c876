package httpguard

// The connection net/http reads through: heads held and checked, bodies
// framed, and what the host learns about each request.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"
)

// Listener hands out a [Conn] for each accepted connection.
type Listener struct{ net.Listener }

// NewListener wraps ln.
func NewListener(ln net.Listener) *Listener { return &Listener{ln} }

// Accept waits for the next connection and wraps it.
func (l *Listener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return newConn(c), nil
}

// connKey finds a request's Conn in its context.
type connKey struct{}

// ConnContext is the http.Server ConnContext hook that lets [Take] find
// each request's Conn.
func ConnContext(ctx context.Context, c net.Conn) context.Context {
	if gc, ok := c.(*Conn); ok {
		return context.WithValue(ctx, connKey{}, gc)
	}
	return ctx
}

// Take returns what the guard read of r, the next request on its
// connection; call it once per request, at the start of the handler. It
// returns nil for a request that did not come through a [Listener].
func Take(r *http.Request) *Request {
	c, _ := r.Context().Value(connKey{}).(*Conn)
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.queue) == 0 {
		return nil
	}
	req := c.queue[0]
	c.queue = c.queue[1:]
	return req
}

// connState is what a Conn is reading.
type connState uint8

const (
	readingHead    connState = iota // holding a head until it is whole
	readingLength                   // passing a Content-Length body
	readingChunked                  // decoding a chunked body
	readingRaw                      // an upgraded connection: bytes as they come
	readingNothing                  // closed for reading: io.EOF
)

// headReadSize is the first read of a head; the buffer doubles as needed,
// up to MaxHeadBytes.
const headReadSize = 4096

// bodyReadSize is how much of a chunked body is read at once.
const bodyReadSize = 64 << 10

// Conn is an accepted connection as net/http reads it through the guard.
// Read is for net/http (one reader at a time, as it reads); Write and the
// deadlines pass through; the [Request] methods may be called from any
// goroutine.
type Conn struct {
	net.Conn

	mu        sync.Mutex
	state     connState
	in        []byte // read from the socket, not yet processed
	out       []byte // processed, for net/http: a head or re-encoded chunks
	remaining int64  // bytes of a Content-Length body still to pass
	dec       chunkedDecoder
	cur       *Request   // the request whose body is being passed
	queue     []*Request // heads passed on, not yet taken by a handler
	reading   bool       // a socket read is in progress, without mu
	idle      *sync.Cond // signalled when reading turns false
	parsedAt  int        // len(in) when the head was last parsed
	scanned   int        // how much of in was searched for the head's end
	deadline  time.Time  // the read deadline net/http last set
	spare     []byte     // a read buffer to reuse once in is used up
}

func newConn(c net.Conn) *Conn {
	gc := &Conn{Conn: c}
	gc.idle = sync.NewCond(&gc.mu)
	return gc
}

// Read passes net/http the next bytes of the request stream.
func (c *Conn) Read(p []byte) (int, error) {
	c.mu.Lock()
	for {
		for c.reading { // BodyArrived is taking in what has arrived
			c.idle.Wait()
		}
		if len(c.out) > 0 {
			n := copy(p, c.out)
			c.out = c.out[n:]
			if len(c.out) == 0 && c.state == readingRaw {
				c.out = nil // let the buffer go (see rawMode)
			}
			c.mu.Unlock()
			return n, nil
		}
		switch c.state {
		case readingNothing:
			c.mu.Unlock()
			return 0, io.EOF
		case readingRaw:
			if len(c.in) > 0 {
				n := copy(p, c.in)
				c.in = c.in[n:]
				if len(c.in) == 0 {
					c.in = nil // the buffer is not needed any more
				}
				c.mu.Unlock()
				return n, nil
			}
			c.mu.Unlock()
			return c.Conn.Read(p)
		case readingLength:
			if n, ok := c.passLength(p); ok {
				c.mu.Unlock()
				return n, nil
			}
			return c.readLength(p)
		case readingChunked, readingHead:
			if c.process() {
				continue
			}
		}
		if err := c.fill(c.readSize(len(p))); err != nil {
			c.mu.Unlock()
			return 0, err
		}
	}
}

// process makes progress on what is buffered; it reports whether it did.
// With mu held.
func (c *Conn) process() bool {
	if c.state == readingHead {
		return c.processHead()
	}
	if len(c.in) == 0 {
		return false
	}
	n, out, err := c.dec.decode(c.in, c.out)
	c.in, c.out = c.in[n:], out
	c.cur.decoded = c.dec.data
	switch {
	case err != nil:
		c.breakBody()
	case c.dec.done():
		c.endBody()
	}
	return true
}

// endBody notes that the current body has been passed whole. With mu held.
func (c *Conn) endBody() {
	c.cur.done = true
	c.state, c.cur = readingHead, nil
}

// breakBody ends a chunked body workerd would refuse: net/http gets a
// chunk it cannot read (so the worker's read fails, while the request
// goes on), and nothing more is read. With mu held.
func (c *Conn) breakBody() {
	c.cur.broken = true
	c.out = append(c.out, "x\r\n"...)
	c.state, c.in = readingNothing, nil
}

// passLength passes up to len(p) buffered bytes of a Content-Length body,
// reporting false when none are buffered. With mu held.
func (c *Conn) passLength(p []byte) (int, bool) {
	if len(c.in) == 0 {
		return 0, false
	}
	n := copy(p[:min(int64(len(p)), c.remaining)], c.in)
	c.in = c.in[n:]
	if c.remaining -= int64(n); c.remaining == 0 {
		c.endBody()
	}
	return n, true
}

// readLength reads the next bytes of a Content-Length body straight from
// the socket into p, no further than the body's end. With mu held, which
// it releases.
func (c *Conn) readLength(p []byte) (int, error) {
	p = p[:min(int64(len(p)), c.remaining)]
	c.reading = true
	c.mu.Unlock()
	n, err := c.Conn.Read(p)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.reading = false
	c.idle.Broadcast()
	if c.state != readingLength {
		return 0, io.EOF // killed meanwhile
	}
	if c.remaining -= int64(n); c.remaining == 0 {
		c.endBody()
	}
	if n > 0 {
		return n, nil
	}
	return 0, err
}

// readSize is how much to read from the socket for a Read of want bytes:
// a head grows its buffer by doubling, up to one byte past the limit; a
// Content-Length body reads no further than its end. With mu held.
func (c *Conn) readSize(want int) int {
	switch c.state {
	case readingHead:
		return min(max(len(c.in), headReadSize), MaxHeadBytes+1-len(c.in))
	case readingLength:
		return int(min(int64(max(want, 1)), c.remaining, bodyReadSize))
	}
	return bodyReadSize
}

// fill reads up to size bytes from the socket into in, releasing mu while
// it waits; it returns the socket's error only when nothing was read. With
// mu held.
func (c *Conn) fill(size int) error {
	buf := c.in
	if len(buf) == 0 {
		buf = c.spare[:0]
	}
	if cap(buf)-len(buf) < size {
		buf = append(make([]byte, 0, len(buf)+size), buf...)
		if len(c.in) == 0 && size <= bodyReadSize {
			c.spare = buf
		}
	}
	c.reading = true
	c.mu.Unlock()
	n, err := c.Conn.Read(buf[len(buf) : len(buf)+size])
	c.mu.Lock()
	c.reading = false
	c.idle.Broadcast()
	if c.state == readingNothing {
		return nil // killed meanwhile: Read returns io.EOF
	}
	c.in = buf[:len(buf)+n]
	if len(c.in) == 0 && c.state == readingRaw {
		c.in = nil // upgraded meanwhile (see rawMode): net/http's read was cut short
	}
	if n > 0 {
		return nil
	}
	if err == nil {
		err = io.ErrNoProgress
	}
	return err
}

// kill stops reading the connection: a read in progress returns, and every
// later one gets io.EOF, so net/http closes the connection once the
// response is written.
func (c *Conn) kill() {
	c.mu.Lock()
	c.state, c.in, c.out = readingNothing, nil, nil
	c.mu.Unlock()
	_ = c.Conn.SetReadDeadline(time.Unix(1, 0))
}

// SetReadDeadline sets the socket's deadline, unless the connection was
// killed, whose deadline stays in the past.
func (c *Conn) SetReadDeadline(t time.Time) error {
	c.mu.Lock()
	dead := c.state == readingNothing
	c.deadline = t
	c.mu.Unlock()
	if dead {
		return nil
	}
	return c.Conn.SetReadDeadline(t)
}

// SetDeadline sets both deadlines, keeping a killed connection's read
// deadline in the past.
func (c *Conn) SetDeadline(t time.Time) error {
	if err := c.Conn.SetWriteDeadline(t); err != nil {
		return err
	}
	return c.SetReadDeadline(t)
}

// CloseWrite half-closes the socket when it can, so net/http's last
// response reaches the client before the close (see its closeWriteAndWait).
func (c *Conn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return errors.New("failed to half-close: not supported")
}

// Hangup closes a connection taken over from net/http after a Rejection
// that closes it, as workerd closes: what the client has already sent is
// read and dropped (waiting at most a millisecond for more, up to
// MaxHeadBytes) after a half-close, so that the client reads the response
// and its end rather than a reset that could destroy it.
func Hangup(c net.Conn) error {
	if gc, ok := c.(*Conn); ok {
		gc.kill()
		c = gc.Conn
	}
	if cw, ok := c.(interface{ CloseWrite() error }); ok {
		_ = cw.CloseWrite()
	}
	buf := make([]byte, 32<<10)
	for dropped := 0; dropped < MaxHeadBytes; {
		_ = c.SetReadDeadline(time.Now().Add(arrivedWait))
		n, err := c.Read(buf)
		if err != nil {
			break
		}
		dropped += n
	}
	if err := c.Close(); err != nil {
		return fmt.Errorf("failed to close connection: %w", err)
	}
	return nil
}

// Underlying returns the connection under the guard. The guard passes
// writes on unchanged, so a writer may write to it directly (an upgraded
// connection's non-blocking writes); reads must still go through the guard.
func (c *Conn) Underlying() net.Conn { return c.Conn }

// rawMode passes the connection's bytes on as they come, after an upgrade.
func (c *Conn) rawMode() {
	c.mu.Lock()
	if c.state != readingNothing {
		c.state = readingRaw
	}
	// Reads go straight to the caller's buffer from now on: the read
	// buffer, once what it holds is passed on, would only take memory for
	// as long as the connection lives.
	c.spare = nil
	if len(c.in) == 0 {
		c.in = nil
	}
	if len(c.out) == 0 {
		c.out = nil
	}
	c.mu.Unlock()
}
