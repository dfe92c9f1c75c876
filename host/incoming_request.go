package host

// The request a worker receives: its head as the guard read it, and its
// body read from the connection as the worker reads it, and how the
// connection ends when the worker leaves some of the body unread.

import (
	"errors"
	"io"
	"net/http"
	"sync"
	"sync/atomic"

	"workerhost/bindings"
	"workerhost/internal/httpguard"
)

// incomingRequest is what the worker receives of r: the head as received
// (g's fields, with workerd's request.url), and the body as a stream.
func incomingRequest(r *http.Request, g *httpguard.Request, body *requestBody) bindings.IncomingRequest {
	in := bindings.IncomingRequest{Method: r.Method, URL: requestURL(r, g), Length: r.ContentLength, Proto: r.Proto}
	if g != nil {
		in.Header = g.Header
	} else {
		for name, values := range r.Header {
			for _, v := range values {
				in.Header = append(in.Header, [2]string{name, v})
			}
		}
		if r.Host != "" {
			in.Header = append(in.Header, [2]string{"Host", r.Host})
		}
	}
	if g != nil && g.HasBody || g == nil && !body.eof.Load() {
		in.Stream = body
	}
	return in
}

// requestURL is the absolute URL the script sees as request.url: the Host
// header and the target's path and query, unescaped, as workerd builds it.
func requestURL(r *http.Request, g *httpguard.Request) string {
	if g != nil {
		return "http://" + g.Host + g.Path
	}
	host := r.Host
	if host == "" {
		host = "localhost"
	}
	return "http://" + host + r.URL.RequestURI()
}

// errBodyEnded is a read of the request body after its request finished.
var errBodyEnded = errors.New("failed to read request body: the request has ended")

// requestBody is a request's body as the worker reads it (request.body,
// text(), an echo): straight from the connection, nothing held in memory.
// net/http allows no read of it once the handler returns, so finish waits
// for a read in progress and refuses later ones. Read and Close are safe
// from any goroutine.
type requestBody struct {
	g        *httpguard.Request // nil for a request not read through the guard
	consumed atomic.Int64       // bytes the worker has read
	eof      atomic.Bool        // the worker read to the end

	mu       sync.Mutex // held for each read of src, so finish can wait
	src      io.Reader
	finished bool
}

// newRequestBody wraps r's body; a request without one reads as ended.
func newRequestBody(r *http.Request, g *httpguard.Request) *requestBody {
	b := &requestBody{g: g, src: r.Body}
	if r.Body == nil || r.Body == http.NoBody {
		b.src = http.NoBody
		b.eof.Store(true)
	}
	return b
}

// Read reads the next bytes of the body from the connection.
func (b *requestBody) Read(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.finished {
		return 0, errBodyEnded
	}
	n, err := b.src.Read(p)
	b.consumed.Add(int64(n))
	if errors.Is(err, io.EOF) {
		b.eof.Store(true)
	}
	return n, err
}

// Close is the worker's stream ending (read to the end, cancelled or
// failed); what is left of the body is dealt with by settle.
func (b *requestBody) Close() error { return nil }

// settle decides, once the response is written or about to be, whether
// the connection may read another request, as workerd decides: yes when
// the worker read the whole body, or when what it left has already
// arrived and is small (it is dropped now); otherwise the connection stops
// reading (a read in progress fails) and closes after the response. A
// request that came with both Content-Length and Transfer-Encoding always
// closes it (RFC 9112 section 6.3).
func (b *requestBody) settle() (keep bool) {
	switch {
	case b.g == nil:
		return b.eof.Load()
	case b.g.CloseAfter:
	case b.eof.Load():
		return true
	case b.dropArrived():
		return true
	}
	b.g.Kill()
	return false
}

// settleBeforeHead settles the body before a response head that goes out
// with the whole response: a connection that will close says so.
func (b *requestBody) settleBeforeHead(h http.Header) {
	if !b.settle() && !b.broken() { // a broken body closes unannounced
		h.Set("Connection", "close")
	}
}

// settleStreamHead prepares the head of a streamed response, whose body
// the worker may still be reading (an echo): only a request that must
// close the connection says so now; settle follows the last chunk.
func (b *requestBody) settleStreamHead(h http.Header) {
	if b.g != nil && b.g.CloseAfter {
		h.Set("Connection", "close")
	}
}

// dropArrived reads and drops the rest of the body if it has arrived and
// is small (as httpguard's BodyArrived decides). A read by the worker in
// progress means it has not.
func (b *requestBody) dropArrived() bool {
	if !b.mu.TryLock() {
		return false
	}
	defer b.mu.Unlock()
	if b.finished || !b.g.BodyArrived(b.consumed.Load()) {
		return false
	}
	_, err := io.Copy(io.Discard, b.src)
	b.eof.Store(err == nil)
	return err == nil
}

// broken reports whether the body broke on the wire (malformed chunks).
func (b *requestBody) broken() bool { return b.g != nil && b.g.BodyBroken() }

// upgraded hands the connection's later bytes to a WebSocket unread.
func (b *requestBody) upgraded() {
	if b.g != nil {
		b.g.Upgraded()
	}
}

// kill stops reading the connection, which closes after the response.
func (b *requestBody) kill() {
	if b.g != nil {
		b.g.Kill()
	}
}

// finish ends the worker's access to the body before the handler
// returns: it waits for a read in progress, and later reads fail. A body
// not read to its end stops the connection first, so no read blocks.
func (b *requestBody) finish() {
	if !b.eof.Load() {
		b.kill()
	}
	b.mu.Lock()
	b.finished = true
	b.mu.Unlock()
}
