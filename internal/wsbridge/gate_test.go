package wsbridge

import (
	"bytes"
	"net"
	"sync"
	"testing"
)

// recordingConn is a net.Conn that keeps what is written to it.
type recordingConn struct {
	net.Conn // nil: only Write and Close are used
	mu       sync.Mutex
	written  bytes.Buffer
	closed   bool
}

func (c *recordingConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.written.Write(p)
}

func (c *recordingConn) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	return nil
}

// FuzzCloseGate writes a stream of frames through a gate in arbitrary
// pieces: every frame before the first Close frame passes unchanged, the
// Close frame and everything after it are held, and closing the connection
// waits for release.
func FuzzCloseGate(f *testing.F) {
	f.Add([]byte{opText, 5, opBinary, 200, opClose, 2, opText, 1}, []byte{1, 3, 7}, false)
	f.Add([]byte{opBinary, 255, opBinary, 255}, []byte{0}, true)
	f.Add([]byte{opClose, 0}, []byte{}, false)
	f.Fuzz(func(t *testing.T, spec, cuts []byte, mask bool) {
		var stream, want []byte
		held := false
		for i := 0; i+1 < len(spec); i += 2 {
			op := spec[i] & 0x0f
			n := int(spec[i+1])
			if op == opText || op == opBinary {
				n *= 300 // reach the 16-bit length form
			}
			frame := encodeFrame(op, bytes.Repeat([]byte{spec[i]}, n), mask)
			stream = append(stream, frame...)
			if op == opClose {
				held = true
			}
			if !held {
				want = append(want, frame...)
			}
		}
		conn := &recordingConn{}
		g := newCloseGate(conn, mask)
		rest := stream
		for i := 0; len(rest) > 0; i++ {
			k := len(rest)
			if i < len(cuts) && int(cuts[i]) < k {
				k = int(cuts[i]) + 1
			}
			if n, err := g.Write(rest[:k]); n != k || err != nil {
				t.Fatalf("Write = %d, %v; want %d", n, err, k)
			}
			rest = rest[k:]
		}
		if !bytes.Equal(conn.written.Bytes(), want) {
			t.Fatalf("passed %d bytes, want %d", conn.written.Len(), len(want))
		}
		if g.heldClose() != held {
			t.Fatalf("heldClose = %v, want %v", g.heldClose(), held)
		}
		_ = g.Close()
		if conn.closed == held {
			t.Fatalf("connection closed = %v with a held Close %v", conn.closed, held)
		}
		if held {
			g.release(1000, "done")
			if !conn.closed {
				t.Fatal("release did not close the connection")
			}
		}
	})
}

func TestGatePassesCloseFramesThePeerAsked(t *testing.T) {
	t.Parallel()
	conn := &recordingConn{}
	g := newCloseGate(conn, false)
	g.permitClose()
	frame := encodeFrame(opClose, closePayload(1001, "going"), false)
	if _, err := g.Write(frame); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(conn.written.Bytes(), frame) || g.heldClose() {
		t.Fatalf("a permitted Close frame was held")
	}
}
