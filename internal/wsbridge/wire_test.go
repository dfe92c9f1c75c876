package wsbridge

import (
	"bytes"
	"encoding/binary"
	"testing"
)

// FuzzParseFrameHeader feeds the header parser arbitrary bytes: it never
// panics, never claims more header than it was given, and reads back the
// length of every frame encodeFrame writes.
func FuzzParseFrameHeader(f *testing.F) {
	f.Add([]byte{0x81, 0x05}, []byte("hello"), false)
	f.Add([]byte{0x88, 0x80, 1, 2, 3, 4}, []byte{0x03, 0xe8}, true)
	f.Add([]byte{0x82, 0x7e, 0x01, 0x00}, bytes.Repeat([]byte{7}, 300), false)
	f.Add([]byte{0x82, 0xff, 0, 0, 0, 0, 0, 1, 0, 0, 9, 9, 9, 9}, bytes.Repeat([]byte{1}, 70000), true)
	f.Add([]byte{0x82}, []byte{}, false)
	f.Fuzz(func(t *testing.T, raw, payload []byte, mask bool) {
		if size, _, ok := parseFrameHeader(raw); ok && (size > len(raw) || size < 2 || size > 14) {
			t.Fatalf("header of %d bytes claims size %d", len(raw), size)
		}
		frame := encodeFrame(opBinary, payload, mask)
		for n := 0; n < 14 && n < len(frame); n++ {
			if _, _, ok := parseFrameHeader(frame[:n]); ok {
				size, _, _ := parseFrameHeader(frame)
				if n < size {
					t.Fatalf("a %d-byte prefix of a %d-byte header parsed", n, size)
				}
			}
		}
		size, length, ok := parseFrameHeader(frame)
		if !ok || length != uint64(len(payload)) || size+len(payload) != len(frame) {
			t.Fatalf("frame of %d payload bytes (mask %v) parsed as size %d length %d ok %v", len(payload), mask, size, length, ok)
		}
		if masked := frame[1]&0x80 != 0; masked != mask {
			t.Fatalf("mask bit %v, want %v", masked, mask)
		}
		if !mask && !bytes.Equal(frame[size:], payload) {
			t.Fatal("unmasked payload changed")
		}
	})
}

func TestClosePayload(t *testing.T) {
	t.Parallel()
	if p := closePayload(NoStatus, "ignored"); p != nil {
		t.Errorf("NoStatus: %v", p)
	}
	p := closePayload(4000, "bye")
	if binary.BigEndian.Uint16(p) != 4000 || string(p[2:]) != "bye" {
		t.Errorf("closePayload(4000, bye) = %v", p)
	}
}
