package host_test

// Hostile WebSocket clients: broken frames, clients that vanish, clients
// that ping or send without reading. What they get on the wire is
// workerd's (conformance cases ws_protocol_errors and ws_lenient_frames);
// these tests check that none of them costs a descriptor or a goroutine
// once it is gone, and that the host pushes back instead of buffering.
// The descriptor and memory tests are not parallel: they count the
// process's open descriptors and heap.

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"

	"workerhost/host"
	"workerhost/internal/config"
)

// rawClient is a TCP connection that completed a WebSocket handshake and
// writes frames by hand.
type rawClient struct {
	net.Conn
	br *bufio.Reader
}

// dialRaw opens a WebSocket to srv by hand. Safe from any goroutine.
func dialRaw(srv *host.Server) (*rawClient, error) {
	c, err := net.Dial("tcp", srv.Addr().String())
	if err != nil {
		return nil, err
	}
	_ = c.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(c, "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"+
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
	br := bufio.NewReader(c)
	resp, err := http.ReadResponse(br, nil)
	if err != nil || resp.StatusCode != http.StatusSwitchingProtocols {
		c.Close()
		return nil, fmt.Errorf("handshake: %v %v", resp, err)
	}
	return &rawClient{Conn: c, br: br}, nil
}

// manyClients runs client n times, 200 at a time, and fails the test with
// the errors it returns.
func manyClients(t *testing.T, n int, client func(i int) error) {
	t.Helper()
	errs := make(chan error, n)
	for start := 0; start < n; start += 200 {
		var wg sync.WaitGroup
		for i := start; i < start+200 && i < n; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := client(i); err != nil {
					errs <- err
				}
			}()
		}
		wg.Wait()
	}
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// frame is a masked client frame whose header claims length bytes, with
// payload (possibly shorter) after it.
func frame(b0 byte, length uint64, payload []byte) []byte {
	f := []byte{b0}
	switch {
	case length < 126:
		f = append(f, 0x80|byte(length))
	case length <= 0xffff:
		f = binary.BigEndian.AppendUint16(append(f, 0x80|126), uint16(length))
	default:
		f = binary.BigEndian.AppendUint64(append(f, 0x80|127), length)
	}
	f = append(f, 0, 0, 0, 0) // a zero mask key
	return append(f, payload...)
}

// readFrame reads one server frame: its first byte and payload.
func (c *rawClient) readFrame() (byte, []byte, error) {
	var h [2]byte
	if _, err := io.ReadFull(c.br, h[:]); err != nil {
		return 0, nil, err
	}
	n := uint64(h[1] & 0x7f)
	switch n {
	case 126:
		var e [2]byte
		_, _ = io.ReadFull(c.br, e[:])
		n = uint64(binary.BigEndian.Uint16(e[:]))
	case 127:
		var e [8]byte
		_, _ = io.ReadFull(c.br, e[:])
		n = binary.BigEndian.Uint64(e[:])
	}
	p := make([]byte, n)
	_, err := io.ReadFull(c.br, p)
	return h[0], p, err
}

// openDescriptors counts the process's open file descriptors.
func openDescriptors(t testing.TB) int {
	t.Helper()
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatalf("cannot count descriptors: %v", err)
	}
	return len(entries)
}

// waitForDescriptors waits until at most want descriptors are open.
func waitForDescriptors(t testing.TB, want int) int {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		n := openDescriptors(t)
		if n <= want || time.Now().After(deadline) {
			return n
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// refusedFrames are frames workerd answers with a Close frame of its own
// and by closing the connection.
var refusedFrames = []struct {
	name string
	data []byte
	code int
}{
	{"orphan continuation", frame(0x80, 1, []byte("x")), 1002},
	{"reserved bits", frame(0xA1, 1, []byte("x")), 1002},
	{"reserved opcode", frame(0x83, 1, []byte("x")), 1002},
	{"fragmented ping", frame(0x09, 1, []byte("x")), 1002},
	{"missing continuation", append(frame(0x01, 1, []byte("a")), frame(0x81, 1, []byte("b"))...), 1002},
	{"message over 32 MiB", frame(0x82, 64<<20, nil), 1009},
}

// TestProtocolErrorsCloseTheConnection sends each refused frame from 200
// clients: each gets workerd's Close frame and the end of the connection,
// and the server's descriptors return to where they were.
func TestProtocolErrorsCloseTheConnection(t *testing.T) {
	srv, _, _ := startWorker(t, echoWorker, host.Options{})
	baseline := openDescriptors(t)
	manyClients(t, 200, func(i int) error {
		bad := refusedFrames[i%len(refusedFrames)]
		c, err := dialRaw(srv)
		if err != nil {
			return err
		}
		defer c.Close()
		if _, _, err := c.readFrame(); err != nil { // "welcome"
			return fmt.Errorf("%s: %w", bad.name, err)
		}
		_, _ = c.Write(bad.data)
		first, payload, err := c.readFrame()
		if err != nil || first != 0x88 || len(payload) < 2 || int(binary.BigEndian.Uint16(payload)) != bad.code {
			return fmt.Errorf("%s: want Close %d, got %#x %q %v", bad.name, bad.code, first, payload, err)
		}
		if _, _, err := c.readFrame(); !errors.Is(err, io.EOF) {
			return fmt.Errorf("%s: the server did not close the connection: %v", bad.name, err)
		}
		return nil
	})
	n := waitForDescriptors(t, baseline)
	if n > baseline {
		t.Errorf("%d descriptors open after 200 refused clients, %d before", n, baseline)
	}
	t.Logf("descriptors: %d before, %d after 200 refused clients", baseline, n)
}

// TestDroppedWebSocketsReleaseDescriptors drops 2,000 WebSockets without
// a Close frame, 200 at a time: the descriptors return to where they were.
// (This passed before the gate's rework too; it guards the drop path.)
func TestDroppedWebSocketsReleaseDescriptors(t *testing.T) {
	srv, _, _ := startWorker(t, echoWorker, host.Options{})
	baseline := openDescriptors(t)
	manyClients(t, 2000, func(int) error {
		c, err := dialRaw(srv)
		if err != nil {
			return err
		}
		_, _, err = c.readFrame() // "welcome": the socket is up
		c.Close()
		return err
	})
	n := waitForDescriptors(t, baseline)
	if n > baseline {
		t.Errorf("%d descriptors open after 2,000 dropped WebSockets, %d before", n, baseline)
	}
	t.Logf("descriptors: %d before, %d after 2,000 dropped WebSockets", baseline, n)
}

// TestHalfOpenSocketsEndWhenTheClientLeaves: before 2026-04-07 the
// script answers a client's Close itself, and this one never does; 200
// clients send a Close frame and drop the connection, and the server's
// descriptors return to where they were.
func TestHalfOpenSocketsEndWhenTheClientLeaves(t *testing.T) {
	compat, err := config.NewCompat("2026-01-01", nil)
	if err != nil {
		t.Fatal(err)
	}
	srv, _, _ := startWorker(t, echoWorker, host.Options{Compat: compat})
	baseline := openDescriptors(t)
	manyClients(t, 200, func(int) error {
		c, err := dialRaw(srv)
		if err != nil {
			return err
		}
		defer c.Close()
		if _, _, err := c.readFrame(); err != nil { // "welcome"
			return err
		}
		_, err = c.Write(frame(0x88, 2, []byte{0x03, 0xe8}))
		return err
	})
	n := waitForDescriptors(t, baseline)
	if n > baseline {
		t.Errorf("%d descriptors open after 200 half-open clients left, %d before", n, baseline)
	}
	t.Logf("descriptors: %d before, %d after 200 half-open clients left", baseline, n)
}

// TestPingsDoNotStopReading: while a 16 MiB message cannot be written
// because the client does not read, the client's pings and its next
// message are still read (before, the first pong blocked reading and the
// connection was cut after 5 s); when it reads, it gets the whole message
// and then one pong, for its last ping.
func TestPingsDoNotStopReading(t *testing.T) {
	t.Parallel()
	srv, console, _ := startWorker(t, `
		export default {
			fetch() {
				const [client, server] = Object.values(new WebSocketPair());
				server.accept();
				server.addEventListener("message", (e) => {
					console.log("got " + e.data);
					if (e.data === "big") server.send("x".repeat(16 << 20));
				});
				return new Response(null, { status: 101, webSocket: client });
			},
		};`, host.Options{})
	c, err := dialRaw(srv)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_, _ = c.Write(frame(0x81, 3, []byte("big")))
	// The header of the big message: the server is writing it now.
	var h [10]byte
	if _, err := io.ReadFull(c.br, h[:]); err != nil || h[0] != 0x81 || binary.BigEndian.Uint64(h[2:]) != 16<<20 {
		t.Fatalf("want the big message's header, got % x %v", h, err)
	}
	for i := range 1000 {
		p := fmt.Appendf(nil, "%d", i)
		_, _ = c.Write(frame(0x89, uint64(len(p)), p))
	}
	_, _ = c.Write(frame(0x81, 5, []byte("after")))
	waitFor(t, func() bool { return strings.Contains(console.String(), "got after") }, console)
	if n, err := io.CopyN(io.Discard, c.br, 16<<20); err != nil {
		t.Fatalf("the big message was cut after %d bytes: %v", n, err)
	}
	first, payload, err := c.readFrame()
	if err != nil || first != 0x8A || string(payload) != "999" {
		t.Fatalf("want one pong for the last ping, got %#x %q %v", first, payload, err)
	}
}

// TestUnreadEchoesPushBack: a client that sends 4,000 messages of 8 KiB
// to an echo without reading is stopped by TCP (the host stops reading
// while the echoes cannot be sent) instead of filling the host's memory;
// once it reads, every echo arrives in order.
func TestUnreadEchoesPushBack(t *testing.T) {
	srv, _, _ := startWorker(t, echoWorker, host.Options{})
	ctx := context.Background()
	c := dial(t, srv)
	if _, msg, err := read(t, c); err != nil || msg != "welcome" {
		t.Fatalf("first message %q %v", msg, err)
	}
	const total = 4_000
	var sent sync.WaitGroup
	sent.Add(1)
	progress := make(chan int, 1)
	go func() {
		defer sent.Done()
		for i := range total {
			if err := c.Write(ctx, websocket.MessageText, message(i)); err != nil {
				return
			}
			select {
			case progress <- i:
			default:
			}
		}
	}()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	last := -1
	for stalled := false; !stalled; {
		select {
		case i := <-progress:
			last = i
		case <-time.After(300 * time.Millisecond):
			stalled = true
		}
	}
	if last >= total-1 {
		t.Fatalf("all %d messages were accepted without the client reading", total)
	}
	var during runtime.MemStats
	runtime.ReadMemStats(&during)
	if grown := int64(during.HeapInuse) - int64(before.HeapInuse); grown > 64<<20 {
		t.Errorf("the heap grew by %d MiB while the client did not read", grown>>20)
	}
	for i := range total {
		_, msg, err := read(t, c)
		if want := message(i); err != nil || msg != string(want) {
			t.Fatalf("echo %d: %.20q %v, want %.20q", i, msg, err, want)
		}
	}
	sent.Wait()
	t.Logf("the client was stopped after about %d messages", last+1)
}

// message is the i-th message of TestUnreadEchoesPushBack: 8 KiB.
func message(i int) []byte {
	return fmt.Appendf(nil, "message %06d %s", i, strings.Repeat("x", 8<<10-15))
}
