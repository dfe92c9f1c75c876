package host_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"testing"
	"time"

	"workerhost/host"
)

// TestIdleWebSocketsAreCheap: an open WebSocket that does nothing costs one
// goroutine (its reader: the writer runs only while there is something to
// write, and the HTTP handler has returned) and little memory, and it still
// works.
func TestIdleWebSocketsAreCheap(t *testing.T) {
	srv, _, _ := startWorker(t, benchWorker, host.Options{})
	addr := srv.URL()[len("http://"):]
	open := func() net.Conn {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(c, "GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil || resp.StatusCode != http.StatusSwitchingProtocols {
			t.Fatalf("handshake: %v %v", resp, err)
		}
		return c
	}
	for range 20 { // pay the one-time costs first
		open().Close()
	}
	const n = 500
	before, goroutines := idleFootprint(t, 0) // once the warm-up sockets are gone
	conns := make([]net.Conn, n)
	for i := range conns {
		conns[i] = open()
	}
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	after, added := idleFootprint(t, goroutines+n)
	if extra := added - goroutines; extra < n-5 || extra > n+5 {
		t.Errorf("%d goroutines for %d idle sockets, want one each", extra, n)
	}
	// About 13 KiB as measured, against 52 KiB and two goroutines while
	// the handler's goroutine read the socket, with net/http's buffers and
	// the parsed request, and a writer waited beside it.
	per := (after - before) / n
	t.Logf("an idle socket takes %.1f KiB of heap and stack", float64(per)/1024)
	if per > 20<<10 {
		t.Errorf("that is more than 20 KiB")
	}
	// They still echo: a masked "hi" comes back unmasked.
	c := conns[n/2]
	if _, err := c.Write([]byte{0x81, 0x82, 1, 2, 3, 4, 'h' ^ 1, 'i' ^ 2}); err != nil {
		t.Fatal(err)
	}
	_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
	got := make([]byte, 4)
	if _, err := io.ReadFull(c, got); err != nil || string(got) != "\x81\x02hi" {
		t.Fatalf("echo: %q %v", got, err)
	}
}

// idleFootprint waits (up to 5 s) until the goroutines number at most want
// and stay as many for 50 ms, then returns the heap and stack in use after
// a collection, and the goroutines.
func idleFootprint(t *testing.T, want int) (bytes uint64, goroutines int) {
	t.Helper()
	last := -1
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
		g := runtime.NumGoroutine()
		if g == last && (want == 0 || g <= want) {
			break
		}
		last = g
		time.Sleep(50 * time.Millisecond)
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc + m.StackInuse, runtime.NumGoroutine()
}
