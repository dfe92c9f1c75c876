package host_test

import (
	"bufio"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"workerhost/host"
)

// bodyWorker echoes, reads or ignores the request body.
const bodyWorker = `
	export default {
		async fetch(request) {
			const path = new URL(request.url).pathname;
			if (path === "/echo") return new Response(request.body);
			if (path === "/length") return new Response(String((await request.arrayBuffer()).byteLength));
			return new Response("ignored");
		},
	};`

// patternReader yields n bytes of a repeating pattern and counts what was
// read from it.
type patternReader struct {
	n, read atomic.Int64
}

func newPatternReader(n int64) *patternReader {
	r := &patternReader{}
	r.n.Store(n)
	return r
}

func (r *patternReader) Read(p []byte) (int, error) {
	left := r.n.Load() - r.read.Load()
	if left <= 0 {
		return 0, io.EOF
	}
	p = p[:min(int64(len(p)), left)]
	for i := range p {
		p[i] = byte((r.read.Load() + int64(i)) % 251)
	}
	r.read.Add(int64(len(p)))
	return len(p), nil
}

func TestEchoStreamsALargeBody(t *testing.T) {
	t.Parallel()
	srv, _, _ := startWorker(t, bodyWorker, host.Options{})
	const size = 64 << 20
	want := sha256.New()
	_, _ = io.Copy(want, newPatternReader(size))
	req, _ := http.NewRequest("POST", srv.URL()+"/echo", newPatternReader(size))
	req.ContentLength = size
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	got := sha256.New()
	n, err := io.Copy(got, resp.Body)
	if err != nil || resp.StatusCode != 200 || n != size || resp.ContentLength != size {
		t.Fatalf("echo: %s, %d bytes (Content-Length %d), err %v", resp.Status, n, resp.ContentLength, err)
	}
	if string(got.Sum(nil)) != string(want.Sum(nil)) {
		t.Fatal("the echo differs from what was sent")
	}
}

// TestIgnoredBodyIsNotRead sends a 90 MB body to a worker that never reads
// it: the answer comes while nearly all of it is still unsent (it was not
// read into memory first), and the connection then closes, as in workerd.
func TestIgnoredBodyIsNotRead(t *testing.T) {
	t.Parallel()
	srv, _, _ := startWorker(t, bodyWorker, host.Options{})
	conn, err := net.Dial("tcp", srv.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	const size = 90 << 20
	body := newPatternReader(size)
	sent := make(chan struct{})
	go func() {
		defer close(sent)
		fmt.Fprintf(conn, "POST /ignore HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n", size)
		_, _ = io.Copy(conn, body) // fails once the server closes
	}()
	_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	sentAtAnswer := body.read.Load()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || string(data) != "ignored" || !resp.Close {
		t.Errorf("got %s %q, close %v; want 200 \"ignored\" and Connection: close", resp.Status, data, resp.Close)
	}
	if sentAtAnswer > size/4 {
		t.Errorf("the answer came after %d of %d bytes were sent: the body was read first", sentAtAnswer, size)
	}
	if _, err := br.ReadByte(); err == nil {
		t.Error("the connection stayed open")
	}
	conn.Close()
	<-sent
	if body.read.Load() == size {
		t.Error("all of the body was taken in")
	}
}

// TestUnreadSmallBodyKeepsTheConnection: a small body that came with its
// head is dropped and the next request on the connection answered.
func TestUnreadSmallBodyKeepsTheConnection(t *testing.T) {
	t.Parallel()
	srv, _, _ := startWorker(t, bodyWorker, host.Options{})
	conn, err := net.Dial("tcp", srv.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprint(conn, "POST /ignore HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"+
		"POST /length HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc")
	_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	br := bufio.NewReader(conn)
	for _, want := range []string{"ignored", "3"} {
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatalf("waiting for %q: %v", want, err)
		}
		data, _ := io.ReadAll(resp.Body)
		if string(data) != want || resp.Close {
			t.Errorf("got %q (close %v), want %q on an open connection", data, resp.Close, want)
		}
	}
}

// TestClientGoneMidBody: a client that stops halfway through a body ends
// its request; nothing is left running (goleak checks at the end).
func TestClientGoneMidBody(t *testing.T) {
	t.Parallel()
	srv, _, log := startWorker(t, bodyWorker, host.Options{})
	conn, err := net.Dial("tcp", srv.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(conn, "POST /length HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nonly part of it")
	time.Sleep(50 * time.Millisecond)
	conn.Close()
	waitFor(t, func() bool { return strings.Contains(log.String(), "POST /length 499") }, log)
}

// TestTimeouts runs workerd's two timeouts, shortened: a connection whose
// first head does not come whole in time, and an idle one, are closed
// without an answer; one that sends its request in time is served.
func TestTimeouts(t *testing.T) {
	t.Parallel()
	// The header timeout is long here, so only the idle timeout can end the
	// third connection in time.
	srv, _, _ := startWorker(t, bodyWorker, host.Options{HeaderTimeout: 300 * time.Millisecond, IdleTimeout: 600 * time.Millisecond})
	slow, _, _ := startWorker(t, bodyWorker, host.Options{HeaderTimeout: time.Minute, IdleTimeout: 600 * time.Millisecond})
	dialTo := func(s *host.Server) (net.Conn, *bufio.Reader) {
		conn, err := net.Dial("tcp", s.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
		return conn, bufio.NewReader(conn)
	}
	dial := func() (net.Conn, *bufio.Reader) { return dialTo(srv) }
	closedUnanswered := func(name string, br *bufio.Reader) {
		t.Helper()
		b, err := br.ReadByte()
		var ne net.Error
		switch {
		case err == nil:
			t.Errorf("%s: the server answered (%q...) instead of closing", name, b)
		case errors.As(err, &ne) && ne.Timeout():
			t.Errorf("%s: still open after 10 s", name)
		}
	}

	conn, br := dial()
	fmt.Fprint(conn, "GET /ignore HTTP/1.1\r\nHost: x\r\n") // never finished
	closedUnanswered("unfinished first head", br)

	answered := func(conn net.Conn, br *bufio.Reader) {
		t.Helper()
		fmt.Fprint(conn, "GET /ignore HTTP/1.1\r\nHost: x\r\n\r\n")
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatalf("a request in time: %v", err)
		}
		if data, _ := io.ReadAll(resp.Body); string(data) != "ignored" {
			t.Fatalf("a request in time: %s %q", resp.Status, data)
		}
	}
	conn, br = dial()
	answered(conn, br)
	closedUnanswered("idle connection", br)

	// The idle timeout covers the whole next head, not its first byte.
	conn, br = dialTo(slow)
	answered(conn, br)
	time.Sleep(300 * time.Millisecond)
	fmt.Fprint(conn, "GET /ignore HTTP/1.1\r\n")
	closedUnanswered("next head unfinished", br)
}

// TestShortConnectionsReturnDescriptors opens 2,000 connections of one
// request each; afterwards the process holds no more descriptors than
// before (by hand, 20,000 do the same).
func TestShortConnectionsReturnDescriptors(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("counts descriptors in /proc/self/fd")
	}
	srv, _, _ := startWorker(t, bodyWorker, host.Options{})
	before := openDescriptors(t)
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	for i := range 2000 {
		resp, err := client.Post(srv.URL()+"/length", "text/plain", strings.NewReader("some body"))
		if err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
		_, _ = io.ReadAll(resp.Body)
		resp.Body.Close()
	}
	deadline := time.Now().Add(5 * time.Second)
	for openDescriptors(t) > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if after := openDescriptors(t); after > before {
		t.Errorf("%d descriptors open before, %d after 2000 connections", before, after)
	}
}
