package wsbridge

import (
	"bytes"
	"errors"
	"net"
	"runtime"
	"sync"
	"testing"
	"time"
)

// recordingConn is a net.Conn that keeps what is written to it.
type recordingConn struct {
	net.Conn // nil: only Write and Close are used
	mu       sync.Mutex
	written  bytes.Buffer
	writes   int
	closed   bool
}

func (c *recordingConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.writes++
	return c.written.Write(p)
}

func (c *recordingConn) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	return nil
}

func (c *recordingConn) bytes() []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]byte(nil), c.written.Bytes()...)
}

// settle waits until the gate's control-frame goroutine has stopped.
func settle(t *testing.T, g *closeGate) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); ; {
		g.mu.Lock()
		busy := g.flushing
		g.mu.Unlock()
		if !busy {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the gate's writer did not stop")
		}
		runtime.Gosched()
	}
}

// wireFrame is one frame as it went out on the wire, unmasked.
type wireFrame struct {
	opcode  byte
	masked  bool
	payload []byte
}

// splitFrames parses a stream of whole frames.
func splitFrames(t *testing.T, b []byte) []wireFrame {
	t.Helper()
	var out []wireFrame
	for len(b) > 0 {
		size, n, ok := parseFrameHeader(b)
		if !ok || uint64(len(b)-size) < n {
			t.Fatalf("the output ends inside a frame: % x", b)
		}
		h := decodeHeader(b[:size])
		p := append([]byte(nil), b[size:size+int(n)]...)
		if h.masked {
			maskBytes(h.maskKey, 0, p)
		}
		out = append(out, wireFrame{opcode: h.opcode, masked: h.masked, payload: p})
		b = b[size+int(n):]
	}
	return out
}

// FuzzCloseGate writes the library's frames through a gate in arbitrary
// pieces while pings are answered and the bridge's Close frame is queued
// between the pieces. On the wire: whole frames only; the library's data
// frames in order and unchanged; the library's own Close frame never; a
// pong only with the payload of a ping not answered yet; the gate's Close
// frame once, last.
func FuzzCloseGate(f *testing.F) {
	// Spec bytes: 0 text, 1 binary, 2 continuation, 3 the library's Close.
	f.Add([]byte{0, 5, 1, 200, 3, 2, 0, 1}, []byte{1, 3, 7}, []byte{0, 1, 1, 2}, false)
	f.Add([]byte{1, 255, 1, 255}, []byte{0}, []byte{1, 1, 1, 1, 1}, true)
	f.Add([]byte{3, 0}, []byte{}, []byte{2}, false)
	f.Add([]byte{0, 0, 2, 3}, []byte{0, 0, 0, 0, 0}, []byte{1, 2, 1}, true)
	f.Fuzz(checkGate)
}

// checkGate is FuzzCloseGate's body.
func checkGate(t *testing.T, spec, cuts, events []byte, mask bool) {
	{
		var stream []byte
		var library []wireFrame
		for i := 0; i+1 < len(spec); i += 2 {
			// What the library writes: data frames and its own Close.
			op := []byte{opText, opBinary, opContinuation, opClose}[spec[i]%4]
			n := int(spec[i+1])
			if op != opClose {
				n *= 300 // reach the 16-bit length form
			}
			payload := bytes.Repeat([]byte{spec[i]}, n)
			stream = append(stream, encodeFrame(op, payload, mask)...)
			library = append(library, wireFrame{opcode: op, masked: mask, payload: payload})
		}
		conn := &recordingConn{}
		g := newCloseGate(conn, bytes.NewReader(nil), gateOptions{client: mask})
		var pings [][]byte
		var closeMsg []byte
		var closeDone <-chan struct{}
		refused := false
		for i := 0; len(stream) > 0 && !refused; i++ {
			if i < len(events) {
				switch events[i] % 3 {
				case 1:
					p := []byte{byte(i), 'p'}
					pings = append(pings, p)
					g.queuePong(p)
				case 2:
					if closeDone == nil {
						closeMsg = closePayload(4000+i, "bye")
						closeDone = g.sendClose(closeMsg)
					}
				}
			}
			k := len(stream)
			if i < len(cuts) && int(cuts[i]) < k {
				k = int(cuts[i]) + 1
			}
			n, err := g.Write(stream[:k])
			switch {
			case errors.Is(err, net.ErrClosed) && closeDone != nil:
				refused = true
			case err != nil || n != k:
				t.Fatalf("Write = %d, %v; want %d", n, err, k)
			}
			stream = stream[k:]
		}
		settle(t, g)
		checkGateOutput(t, splitFrames(t, conn.bytes()), library, pings, closeMsg, mask)
		if closeDone != nil {
			select {
			case <-closeDone:
			default:
				t.Fatal("the Close frame was never written")
			}
		}
		_ = g.Close()
		if !conn.closed {
			t.Fatal("Close did not close the connection")
		}
	}
}

// checkGateOutput checks the frames a gate wrote against what the library
// wrote, the pings it was asked to answer and the Close frame it was asked
// to send (nil: none).
func checkGateOutput(t *testing.T, got, library []wireFrame, pings [][]byte, closeMsg []byte, mask bool) {
	t.Helper()
	nextLib, nextPing, closed := 0, 0, false
	for _, f := range got {
		if closed {
			t.Fatalf("a frame (opcode %d) after the Close frame", f.opcode)
		}
		if f.masked != mask {
			t.Fatalf("frame with opcode %d masked %v, want %v", f.opcode, f.masked, mask)
		}
		switch f.opcode {
		case opPong:
			i := nextPing
			for i < len(pings) && !bytes.Equal(pings[i], f.payload) {
				i++
			}
			if i == len(pings) {
				t.Fatalf("pong %q answers no pending ping", f.payload)
			}
			nextPing = i + 1
		case opClose:
			if closeMsg == nil || !bytes.Equal(f.payload, closeMsg) {
				t.Fatalf("Close frame %q, want the gate's %q", f.payload, closeMsg)
			}
			closed = true
		default:
			for nextLib < len(library) && library[nextLib].opcode == opClose {
				t.Fatalf("a frame after the library's Close frame")
			}
			if nextLib == len(library) || library[nextLib].opcode != f.opcode || !bytes.Equal(library[nextLib].payload, f.payload) {
				t.Fatalf("library frame %d changed or out of order", nextLib)
			}
			nextLib++
		}
	}
	if closeMsg != nil && !closed {
		t.Fatal("the gate's Close frame is missing")
	}
	if closeMsg == nil && nextLib < len(library) && library[nextLib].opcode != opClose {
		t.Fatalf("only %d of the library's frames before its Close went out", nextLib)
	}
}

func TestGateAnswersOnlyTheLatestPingWhileTheLibraryWrites(t *testing.T) {
	t.Parallel()
	conn := &recordingConn{}
	g := newCloseGate(conn, bytes.NewReader(nil), gateOptions{})
	frame := encodeFrame(opBinary, bytes.Repeat([]byte{1}, 1000), false)
	if _, err := g.Write(frame[:10]); err != nil { // the library is mid-frame
		t.Fatal(err)
	}
	for i := 0; i < 100; i++ {
		g.queuePong([]byte{byte(i)})
	}
	settle(t, g)
	if _, err := g.Write(frame[10:]); err != nil {
		t.Fatal(err)
	}
	settle(t, g)
	got := splitFrames(t, conn.bytes())
	if len(got) != 2 || got[0].opcode != opBinary || got[1].opcode != opPong || !bytes.Equal(got[1].payload, []byte{99}) {
		t.Fatalf("want the message, then one pong for the last ping; got %+v", got)
	}
}
