package wsbridge

import (
	"bytes"
	"context"
	"testing"
	"time"
)

// sentPeer is a Peer that only counts what the writer reports as sent.
type sentPeer struct {
	Peer
	sent int
}

func (p *sentPeer) Sent(n int) { p.sent += n }

// TestWriterGathersFrames: what the script queued goes out as whole frames,
// in order, masked only by a client, small ones gathered into one write and
// a big one written on its own; frames after a Close frame are not written.
func TestWriterGathersFrames(t *testing.T) {
	t.Parallel()
	// A client masks a big payload in place (the frame is the writer's):
	// each case has its own.
	big := func() []byte { return bytes.Repeat([]byte("b"), writeBufferSize) }
	for _, tc := range []struct {
		name       string
		client     bool
		frames     []Frame
		wantWrites int
		wantMore   bool
	}{
		{"three small ones, one write", false, []Frame{{Kind: FrameText, Data: []byte("a")}, {Kind: FrameBinary, Data: []byte{1, 2}}, {Kind: FrameText}}, 1, true},
		{"masked by a client", true, []Frame{{Kind: FrameText, Data: []byte("hello")}, {Kind: FrameBinary, Data: []byte{9}}}, 1, true},
		{"a big one between small ones", false, []Frame{{Kind: FrameText, Data: []byte("a")}, {Kind: FrameBinary, Data: big()}, {Kind: FrameText, Data: []byte("c")}}, 4, true},
		{"a big one from a client", true, []Frame{{Kind: FrameBinary, Data: big()}}, 2, true},
		{"nothing after a Close", false, []Frame{{Kind: FrameText, Data: []byte("a")}, {Kind: FrameClose, Code: 1000, Reason: "bye"}, {Kind: FrameText, Data: []byte("late")}}, 2, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			conn := &recordingConn{}
			g := newCloseGate(conn, bytes.NewReader(nil), gateOptions{client: tc.client})
			peer := &sentPeer{}
			b := &Bridge{gate: g, peer: peer, direct: true, ctx: context.Background(), cancel: func() {}}
			var want []wireFrame
			wantSent := 0
			for _, f := range tc.frames {
				if f.Kind == FrameClose {
					want = append(want, wireFrame{opcode: opClose, masked: tc.client, payload: closePayload(f.Code, f.Reason)})
					break
				}
				op := byte(opText)
				if f.Kind == FrameBinary {
					op = opBinary
				}
				want = append(want, wireFrame{opcode: op, masked: tc.client, payload: append([]byte(nil), f.Data...)})
				wantSent += len(f.Data)
			}
			if more := b.writeFrames(tc.frames); more != tc.wantMore {
				t.Fatalf("writeFrames = %v, want %v", more, tc.wantMore)
			}
			if !tc.wantMore {
				select {
				case <-g.closeWritten():
				case <-time.After(5 * time.Second):
					t.Fatal("the Close frame was not written")
				}
			}
			settle(t, g)
			got := splitFrames(t, conn.bytes())
			if len(got) != len(want) {
				t.Fatalf("%d frames on the wire, want %d", len(got), len(want))
			}
			for i := range want {
				if got[i].opcode != want[i].opcode || got[i].masked != want[i].masked || !bytes.Equal(got[i].payload, want[i].payload) {
					t.Errorf("frame %d: opcode %d masked %v %d bytes, want opcode %d masked %v %d bytes",
						i, got[i].opcode, got[i].masked, len(got[i].payload), want[i].opcode, want[i].masked, len(want[i].payload))
				}
			}
			if conn.writes != tc.wantWrites {
				t.Errorf("%d writes to the connection, want %d", conn.writes, tc.wantWrites)
			}
			if peer.sent != wantSent {
				t.Errorf("Sent reported %d bytes, want %d", peer.sent, wantSent)
			}
		})
	}
}
