package httpguard

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// The seed corpora are in testdata/fuzz/<target>/; run a target with, for
// instance, go test ./internal/httpguard -fuzz FuzzConn -fuzztime 60s.

// FuzzParseHead feeds the head parser arbitrary bytes: it never panics;
// a whole head it returns lies within its input and parses the same from
// its own bytes; and one it accepts, as forwarded, is read by net/http
// with the same method and framing, so net/http never refuses it.
func FuzzParseHead(f *testing.F) {
	f.Add([]byte("GET / HTTP/1.1\r\nHost: x\r\n\r\n"))
	f.Add([]byte("POST /a?b HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"))
	f.Add([]byte("\r\nPUT http://h/p HTTP/1.0\nHost: a b\nX: \x01\nExpect: foo\n\n"))
	f.Add([]byte("GET /" + strings.Repeat("a", MaxTargetBytes) + " HTTP/1.1\r\nHost: x\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		h, rej := parseHead(data)
		if h == nil {
			return
		}
		if h.size > len(data) {
			t.Fatalf("head of %d bytes from %d", h.size, len(data))
		}
		again, rej2 := parseHead(data[:h.size])
		if again == nil || again.size != h.size || rej2 != rej {
			t.Fatalf("the head's own bytes parse differently: %v %v", again, rej2)
		}
		if rej != nil {
			return
		}
		checkForwarded(t, h)
	})
}

// checkForwarded reads h's forwarded head with net/http's request parser
// and the checks its server adds.
func checkForwarded(t *testing.T, h *head) {
	t.Helper()
	fwd := h.forward(nil)
	req, err := http.ReadRequest(bufio.NewReader(bytes.NewReader(fwd)))
	if err != nil {
		t.Fatalf("net/http refuses the forwarded head %q: %v", fwd, err)
	}
	if req.Method != h.method || req.Proto != h.version {
		t.Fatalf("net/http read %s %s from %q", req.Method, req.Proto, fwd)
	}
	if h.chunked != (len(req.TransferEncoding) == 1) || !h.chunked && req.ContentLength != h.length {
		t.Fatalf("framing: guard chunked=%v length=%d, net/http %v %d", h.chunked, h.length, req.TransferEncoding, req.ContentLength)
	}
	if !validHost(req.Host) {
		t.Fatalf("net/http would refuse Host %q", req.Host)
	}
	for name, values := range req.Header {
		for _, v := range values {
			if strings.ContainsFunc(v, func(r rune) bool { return r < ' ' && r != '\t' || r == 0x7f }) {
				t.Fatalf("net/http would refuse %s: %q", name, v)
			}
		}
	}
	if req.Header.Get("Expect") != "" && !strings.EqualFold(req.Header.Get("Expect"), "100-continue") {
		t.Fatalf("net/http would answer Expect: %q with 417", req.Header.Get("Expect"))
	}
}

// FuzzConn sends arbitrary bytes down a connection, through a Conn, to a
// real net/http server whose handler reads every body: every response
// comes from the handler (net/http never answers with its own error),
// there is one handler call per request the guard passed on, and a body
// read fails only when the guard broke that body.
func FuzzConn(f *testing.F) {
	f.Add([]byte("GET / HTTP/1.1\r\nHost: x\r\n\r\nPOST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"))
	f.Add([]byte("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3;e\r\nabc\r\n0\r\nT: 1\r\n\r\nGET / HTTP/1.1\r\nHost: y\r\n\r\n"))
	f.Add([]byte("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n"))
	f.Add([]byte("POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\nabGET / HTTP/1.1\r\nHost: x\r\n\r\n"))
	f.Add([]byte("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"))
	f.Add([]byte("GET / HTTP/1.1\r\nHost: x\r\nX: " + strings.Repeat("a", MaxHeadBytes) + "\r\n\r\n"))
	srv := startFuzzServer(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		srv.run(t, data)
	})
}

// fuzzServer is a net/http server reading through the guard from
// in-memory connections.
type fuzzServer struct {
	conns chan net.Conn
	srv   *http.Server
	done  chan struct{}

	mu       sync.Mutex
	handled  int
	problems []string
}

func startFuzzServer(f *testing.F) *fuzzServer {
	s := &fuzzServer{conns: make(chan net.Conn), done: make(chan struct{})}
	s.srv = &http.Server{Handler: http.HandlerFunc(s.handle), ConnContext: ConnContext, MaxHeaderBytes: 1 << 20, ErrorLog: nil}
	go func() {
		defer close(s.done)
		_ = s.srv.Serve(NewListener(chanListener(s.conns)))
	}()
	f.Cleanup(func() {
		close(s.conns)
		_ = s.srv.Shutdown(context.Background())
		<-s.done
	})
	return s
}

// handle reads the whole body and answers with a marked response.
func (s *fuzzServer) handle(w http.ResponseWriter, r *http.Request) {
	g := Take(r)
	w.Header().Set("X-Handler", "1")
	s.mu.Lock()
	s.handled++
	s.mu.Unlock()
	if g == nil {
		s.problem("a request without the guard's view")
		return
	}
	if g.Reject != nil {
		w.WriteHeader(g.Reject.Status)
		return
	}
	_ = http.NewResponseController(w).EnableFullDuplex()
	n, err := io.Copy(io.Discard, r.Body)
	switch {
	case err != nil && !g.BodyBroken() && !errors.Is(err, io.ErrUnexpectedEOF): // not cut short
		s.problem(fmt.Sprintf("body read failed after %d bytes: %v", n, err))
	case err == nil && g.ContentLength >= 0 && n != g.ContentLength:
		s.problem(fmt.Sprintf("body of %d bytes, the guard framed %d", n, g.ContentLength))
	}
}

func (s *fuzzServer) problem(p string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.problems = append(s.problems, p)
}

// run serves data on one connection and checks the outcome.
func (s *fuzzServer) run(t *testing.T, data []byte) {
	c := &memConn{in: bytes.NewReader(data), closed: make(chan struct{})}
	s.mu.Lock()
	s.handled, s.problems = 0, nil
	s.mu.Unlock()
	s.conns <- c
	select {
	case <-c.closed:
	case <-time.After(3 * time.Second):
		t.Fatalf("the connection was not closed: %q", data)
	}
	s.mu.Lock()
	handled, problems := s.handled, s.problems
	s.mu.Unlock()
	if len(problems) > 0 {
		t.Fatalf("%v for %q", problems, data)
	}
	responses := 0
	c.mu.Lock()
	out := bytes.Clone(c.out.Bytes())
	c.mu.Unlock()
	br := bufio.NewReader(bytes.NewReader(out))
	for {
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			break
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		if resp.Header.Get("X-Handler") == "" && resp.StatusCode != http.StatusContinue {
			t.Fatalf("net/http answered by itself (%s) to %q", resp.Status, data)
		}
		if resp.StatusCode != http.StatusContinue {
			responses++
		}
	}
	if responses != handled {
		t.Fatalf("%d responses for %d handler calls: %q", responses, handled, data)
	}
}

// chanListener accepts the connections sent on it.
type chanListener chan net.Conn

func (l chanListener) Accept() (net.Conn, error) {
	c, ok := <-l
	if !ok {
		return nil, net.ErrClosed
	}
	return c, nil
}
func (l chanListener) Close() error   { return nil }
func (l chanListener) Addr() net.Addr { return memAddr{} }

// memConn is a connection whose peer sent in, then half-closed; what the
// server writes is kept.
type memConn struct {
	in     *bytes.Reader
	mu     sync.Mutex
	out    bytes.Buffer
	once   sync.Once
	closed chan struct{}
}

func (c *memConn) Read(p []byte) (int, error) {
	select {
	case <-c.closed:
		return 0, net.ErrClosed
	default:
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.in.Read(p)
}

func (c *memConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.out.Write(p)
}

func (c *memConn) Close() error {
	c.once.Do(func() { close(c.closed) })
	return nil
}

func (c *memConn) LocalAddr() net.Addr              { return memAddr{} }
func (c *memConn) RemoteAddr() net.Addr             { return memAddr{} }
func (c *memConn) SetDeadline(time.Time) error      { return nil }
func (c *memConn) SetReadDeadline(time.Time) error  { return nil }
func (c *memConn) SetWriteDeadline(time.Time) error { return nil }

type memAddr struct{}

func (memAddr) Network() string { return "mem" }
func (memAddr) String() string  { return "mem" }
