package httpguard

// A head taken whole off the connection: what the worker sees of it, what
// net/http is given, and how its connection ends.

import (
	"bytes"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Request is the guard's view of one request on a [Conn]. Its methods may
// be called from any goroutine.
type Request struct {
	// Reject, when set, is workerd's answer to this request, which must
	// not reach the worker; the http.Request net/http built is a stand-in.
	Reject *Rejection
	// Header holds the fields as received, in order (names as sent), less
	// a Content-Length that Transfer-Encoding overrides; the worker sees
	// these, not net/http's copy, which leaves some out.
	Header [][2]string
	// Host is the Host header, and Path the target's path and query as
	// workerd puts them in request.url ("/" when the target has none, the
	// fragment dropped).
	Host, Path string
	// CloseAfter says the connection must close after the response: the
	// request came with both Content-Length and Transfer-Encoding, which
	// RFC 9112 section 6.3 calls a smuggling attempt.
	CloseAfter bool
	// ContentLength is the body's declared length, -1 for a chunked body.
	ContentLength int64
	// HasBody says the request has a body, even an empty one: it came with
	// a Content-Length or Transfer-Encoding (request.body is null otherwise).
	HasBody bool
	// Version is the request's HTTP version, when the head was whole.
	Version string

	conn      *Conn
	headShare int64 // the head's size when body bytes came with it, else 0
	// Guarded by conn.mu:
	done    bool  // the body has been passed whole (or there was none)
	broken  bool  // the chunked body was malformed
	decoded int64 // bytes of chunked body decoded so far
}

// BodyBroken reports whether the request's chunked body was malformed (the
// worker's read of it failed). workerd then sends no response at all to a
// worker that throws.
func (r *Request) BodyBroken() bool {
	r.conn.mu.Lock()
	defer r.conn.mu.Unlock()
	return r.broken
}

// BodyArrived reports whether the part of the body the worker left unread
// (all but the first consumed bytes) has already arrived and is at most
// MaxArrivedBody bytes: then dropping it costs no waiting and the
// connection can read the next request, as workerd does. Bytes the kernel
// holds are taken in, waiting at most a millisecond for more; a read of
// the body in progress means the rest has not arrived.
func (r *Request) BodyArrived(consumed int64) bool {
	c := r.conn
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		switch {
		case r.done:
			return r.unread(consumed) <= MaxArrivedBody
		case r.broken || c.cur != r || c.reading || r.unread(consumed) > MaxArrivedBody:
			return false
		case c.state == readingLength && c.remaining <= int64(len(c.in)):
			return true
		case c.state == readingChunked && c.process():
			continue
		}
		if !c.fillNow() {
			return false
		}
	}
}

// unread is how much of workerd's read buffer the body the worker has not
// read takes, as far as it is known (for a chunked body, of what was
// decoded so far): the head counts too when body bytes came with it, as
// workerd read them together. With conn.mu held.
func (r *Request) unread(consumed int64) int64 {
	if r.ContentLength < 0 {
		return r.headShare + r.decoded - consumed
	}
	return r.headShare + r.ContentLength - consumed
}

// fillNow reads what the socket has already received, waiting at most
// arrivedWait. With mu held.
func (c *Conn) fillNow() bool {
	_ = c.Conn.SetReadDeadline(time.Now().Add(arrivedWait))
	err := c.fill(bodyReadSize)
	if c.state != readingNothing {
		_ = c.Conn.SetReadDeadline(c.deadline)
	}
	return err == nil && c.state != readingNothing
}

// Kill stops reading the request's connection, which closes once the
// response is written: the rest of the body is never read, and a read of
// it in progress fails.
func (r *Request) Kill() { r.conn.kill() }

// Upgraded passes the connection's bytes on unread from now on, for a
// WebSocket that takes it over.
func (r *Request) Upgraded() { r.conn.rawMode() }

// processHead parses the head held in in once it may be whole and passes
// net/http a canonical copy; it reports whether it made progress. With mu
// held.
func (c *Conn) processHead() bool {
	c.dropBlankLines()
	if !c.headMayBeWhole() {
		return false
	}
	buf := c.in[:min(len(c.in), MaxHeadBytes)]
	c.parsedAt = len(c.in)
	h, rej := parseHead(buf)
	if h == nil && rej == nil {
		if len(c.in) <= MaxHeadBytes {
			return false
		}
		rej = errHeadTooLarge
	}
	if rej != nil {
		c.reject(rej, h)
		return true
	}
	c.accept(h)
	return true
}

// dropBlankLines drops the empty lines a client may send between requests
// (RFC 9112 section 2.2), so that they cost nothing. With mu held.
func (c *Conn) dropBlankLines() {
	n := skipBlankLines(c.in)
	if n > 0 {
		c.in, c.scanned, c.parsedAt = c.in[n:], 0, 0
	}
}

// headMayBeWhole reports whether parsing in is worthwhile: its end (a
// blank line) has arrived, it passed the size limit, or it doubled since
// the last try (so a malformed start is refused before the end comes,
// as workerd refuses it, at a cost linear in the head's size). With mu
// held.
func (c *Conn) headMayBeWhole() bool {
	if len(c.in) == 0 {
		return false
	}
	from := max(c.scanned-2, 0)
	c.scanned = len(c.in)
	if i := bytes.Index(c.in[from:], []byte("\n\r\n")); i >= 0 {
		return true
	}
	if bytes.Contains(c.in[from:], []byte("\n\n")) {
		return true
	}
	return len(c.in) > MaxHeadBytes || len(c.in) >= 2*max(c.parsedAt, 256)
}

// accept queues h for the handler and passes net/http its canonical head.
// With mu held.
func (c *Conn) accept(h *head) {
	req := &Request{conn: c, Header: h.workerFields(), Host: h.host(), Path: pathAndQuery(h.target), CloseAfter: h.closeAfter, Version: h.version}
	c.out = h.forward(c.out)
	c.startBody(req, h)
}

// startBody queues req and reads the body that follows h as h frames it.
// With mu held.
func (c *Conn) startBody(req *Request, h *head) {
	c.in = c.in[h.size:]
	if len(c.in) > 0 {
		req.headShare = int64(h.size)
	}
	c.scanned, c.parsedAt = 0, 0
	c.queue = append(c.queue, req)
	req.ContentLength, req.HasBody = h.length, h.chunked || h.hasLength
	switch {
	case h.chunked:
		req.ContentLength = -1
		c.state, c.cur, c.dec = readingChunked, req, chunkedDecoder{}
	case h.length > 0:
		c.state, c.cur, c.remaining = readingLength, req, h.length
	default:
		req.done = true
	}
}

// reject queues the rejection and passes net/http a stand-in request to
// answer it with. A rejection that keeps the connection skips the body
// (the stand-in has the same framing); any other ends reading. h is the
// head when it was whole. With mu held.
func (c *Conn) reject(rej *Rejection, h *head) {
	version := "HTTP/1.1"
	if !rej.HTTP11 && h != nil {
		version = h.version
	}
	req := &Request{conn: c, Reject: rej}
	if h != nil {
		req.Version = h.version
	}
	c.out = append(c.out, "GET / "+version+"\r\nHost: workerhost\r\n"...)
	if rej.Close || h == nil {
		c.out = append(c.out, "\r\n"...)
		c.queue = append(c.queue, req)
		req.done = true
		c.state, c.in = readingNothing, nil
		return
	}
	c.out = h.framing(c.out)
	c.startBody(req, h)
}

// workerFields are the fields the worker sees: all of them, less a
// Content-Length that Transfer-Encoding overrides, and but one of equal
// Content-Lengths.
func (h *head) workerFields() [][2]string {
	out := make([][2]string, 0, len(h.fields))
	seenLength := false
	for _, f := range h.fields {
		if strings.EqualFold(f[0], "Content-Length") {
			if h.chunked || seenLength {
				continue
			}
			seenLength = true
		}
		out = append(out, f)
	}
	return out
}

// forward appends the head net/http reads: the request line (with a
// target net/http can parse), the fields net/http accepts, and one framing
// field. Fields left out still reach the worker through Request.Header.
func (h *head) forward(out []byte) []byte {
	target := h.target
	if _, err := url.ParseRequestURI(target); err != nil {
		target = "/"
	}
	out = append(out, h.method+" "+target+" "+h.version+"\r\n"...)
	out = append(out, "Host: "+h.forwardHost()+"\r\n"...)
	for _, f := range h.fields {
		if !forwarded(f[0], f[1]) {
			continue
		}
		out = append(out, f[0]+": "+f[1]+"\r\n"...)
	}
	return h.framing(out)
}

// framing appends the head's one framing field and the blank line.
func (h *head) framing(out []byte) []byte {
	switch {
	case h.chunked:
		out = append(out, "Transfer-Encoding: chunked\r\n"...)
	case h.length > 0:
		out = append(out, "Content-Length: "+strconv.FormatInt(h.length, 10)+"\r\n"...)
	}
	return append(out, "\r\n"...)
}

// forwarded reports whether net/http is given a field: not the Host and
// framing ones (forward writes its own), not an Expect it would answer 417
// to, and no value with control bytes, which it refuses with 400 (workerd
// takes them).
func forwarded(name, value string) bool {
	switch {
	case strings.EqualFold(name, "Host"), strings.EqualFold(name, "Content-Length"), strings.EqualFold(name, "Transfer-Encoding"):
		return false
	case strings.EqualFold(name, "Expect") && !strings.EqualFold(value, "100-continue"):
		return false
	}
	for i := 0; i < len(value); i++ {
		if c := value[i]; (c < ' ' && c != '\t') || c == 0x7f {
			return false
		}
	}
	return true
}

// pathAndQuery is the part of a request target workerd puts after the host
// in request.url: the path and query of an origin-form or absolute-form
// target, without the fragment; "*" as it is; "/" for anything else.
func pathAndQuery(target string) string {
	target, _, _ = strings.Cut(target, "#")
	switch {
	case target == "*", strings.HasPrefix(target, "/"):
		return target
	}
	if _, rest, ok := strings.Cut(target, "://"); ok {
		if i := strings.IndexAny(rest, "/?"); i >= 0 {
			if rest[i] == '?' {
				return "/" + rest[i:]
			}
			return rest[i:]
		}
	}
	return "/"
}

// arrivedWait is how long BodyArrived waits for bytes the kernel may be
// about to hand over; it only tells "arrived" from "still to come".
const arrivedWait = time.Millisecond
