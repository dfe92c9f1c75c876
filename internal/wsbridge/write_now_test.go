//go:build unix

package wsbridge

import (
	"bytes"
	"context"
	"net"
	"sync"
	"testing"
	"time"
)

// countingPeer is a Peer that only adds up what is reported as sent.
type countingPeer struct {
	Peer
	mu   sync.Mutex
	sent int
}

func (p *countingPeer) Sent(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.sent += n
}

func (p *countingPeer) total() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.sent
}

// tcpPair returns both ends of a loopback TCP connection.
func tcpPair(t *testing.T) (server, client *net.TCPConn) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	done := make(chan net.Conn, 1)
	go func() {
		c, _ := ln.Accept()
		done <- c
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	s := <-done
	if s == nil {
		t.Fatal("accept failed")
	}
	t.Cleanup(func() { s.Close(); c.Close() })
	return s.(*net.TCPConn), c.(*net.TCPConn)
}

// TestTryWriteWritesAtOnceOrLeavesTheFrame: a frame the socket takes goes
// out at once; nothing is written while the gate's writer holds the lock;
// a frame the socket takes only part of is finished by a goroutine, which
// keeps the lock until then, so frames stay whole and in order.
func TestTryWriteWritesAtOnceOrLeavesTheFrame(t *testing.T) {
	t.Parallel()
	server, client := tcpPair(t)
	_ = server.SetWriteBuffer(8 << 10)
	_ = client.SetReadBuffer(8 << 10)
	g := newCloseGate(server, bytes.NewReader(nil), gateOptions{})
	peer := &countingPeer{}
	b := &Bridge{gate: g, peer: peer, direct: true, ctx: context.Background(), cancel: func() {}, now: newNowWriter(rawConnFor(server))}
	if b.now == nil {
		t.Fatal("no raw connection for a *net.TCPConn")
	}

	if !b.tryWrite(Frame{Kind: FrameText, Data: []byte("now")}) {
		t.Fatal("a small frame to an idle socket was not written at once")
	}
	g.wmu.Lock()
	if b.tryWrite(Frame{Kind: FrameText, Data: []byte("busy")}) {
		t.Fatal("written while the gate's writer held the lock")
	}
	g.wmu.Unlock()

	// Fill the socket (the client does not read) until a frame is taken in
	// part: the lock stays held while the rest waits for room.
	var want [][]byte
	want = append(want, []byte("now"))
	partial := false
	for i := 0; i < 10_000 && !partial; i++ {
		payload := bytes.Repeat([]byte{byte(i)}, 12<<10)
		if !b.tryWrite(Frame{Kind: FrameBinary, Data: payload}) {
			break // full at a frame boundary: nothing written
		}
		want = append(want, payload)
		if !g.wmu.TryLock() {
			partial = true
		} else {
			g.wmu.Unlock()
		}
	}
	if !partial {
		t.Skip("the socket never took a frame in part")
	}
	if b.tryWrite(Frame{Kind: FrameText, Data: []byte("later")}) {
		t.Fatal("written while the rest of a frame was waiting")
	}

	// Read everything: whole frames, in order, and all of them reported.
	read := make(chan [][]byte, 1)
	go func() {
		var got [][]byte
		var buf bytes.Buffer
		tmp := make([]byte, 64<<10)
		_ = client.SetReadDeadline(time.Now().Add(10 * time.Second))
		for len(got) < len(want) {
			n, err := client.Read(tmp)
			buf.Write(tmp[:n])
			for {
				b := buf.Bytes()
				size, length, ok := parseFrameHeader(b)
				if !ok || uint64(len(b)-size) < length {
					break
				}
				got = append(got, append([]byte(nil), b[size:size+int(length)]...))
				buf.Next(size + int(length))
			}
			if err != nil {
				break
			}
		}
		read <- got
	}()
	got := <-read
	if len(got) != len(want) {
		t.Fatalf("%d frames arrived, want %d", len(got), len(want))
	}
	for i := range want {
		if !bytes.Equal(got[i], want[i]) {
			t.Fatalf("frame %d changed", i)
		}
	}
	b.writers.Wait()
	sent := 0
	for _, p := range want {
		sent += len(p)
	}
	if peer.total() != sent {
		t.Errorf("Sent reported %d bytes, want %d", peer.total(), sent)
	}
}
