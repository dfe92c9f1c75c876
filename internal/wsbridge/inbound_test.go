package wsbridge

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// clientFrame is a frame as a client sends it: masked, with first byte
// b0 (FIN, RSV bits, opcode) and the payload given.
func clientFrame(b0 byte, payload []byte) []byte {
	return rawFrame(b0, uint64(len(payload)), payload, true)
}

// rawFrame is a frame whose header claims length bytes and whose payload
// (possibly shorter) follows, masked or not.
func rawFrame(b0 byte, length uint64, payload []byte, mask bool) []byte {
	h := frameHeader{fin: b0&0x80 != 0, rsv1: b0&0x40 != 0, rsv2: b0&0x20 != 0, rsv3: b0&0x10 != 0,
		opcode: b0 & 0x0f, masked: mask, maskKey: [4]byte{1, 2, 3, 4}, length: length}
	f := appendHeader(nil, h)
	p := append([]byte(nil), payload...)
	if mask {
		maskBytes(h.maskKey, 0, p)
	}
	return append(f, p...)
}

// readInbound reads src through an inbound filter to the end, as the
// library would, and describes what came out: each frame passed on, each
// ping answered, and how reading ended.
func readInbound(t *testing.T, src []byte, server, compress bool) string {
	t.Helper()
	var out []string
	in := &inbound{src: bytes.NewReader(src), server: server, compress: compress, onPing: func(p []byte) {
		out = append(out, fmt.Sprintf("ping %q", p))
	}}
	var passed bytes.Buffer
	buf := make([]byte, 7) // small reads, as through a buffer of any size
	var err error
	for err == nil {
		var n int
		n, err = in.Read(buf)
		passed.Write(buf[:n])
	}
	b := passed.Bytes()
	for len(b) > 0 {
		size, n, ok := parseFrameHeader(b)
		if !ok || uint64(len(b)-size) < n {
			out = append(out, fmt.Sprintf("cut frame: %d bytes", len(b)))
			break
		}
		h := decodeHeader(b[:size])
		if h.masked != server {
			t.Fatalf("frame passed with mask %v to a library on the server side %v", h.masked, server)
		}
		p := append([]byte(nil), b[size:size+int(n)]...)
		maskBytes(h.maskKey, 0, p)
		desc := fmt.Sprintf("%q", p)
		if len(p) > 200 {
			desc = fmt.Sprintf("(%d bytes)", len(p))
		}
		out = append(out, fmt.Sprintf("frame fin=%v rsv1=%v op=%d %s", h.fin, h.rsv1, h.opcode, desc))
		b = b[size+int(n):]
	}
	return strings.Join(append(out, "end: "+describeEnd(err)), "\n")
}

// describeEnd renders how reading ended.
func describeEnd(err error) string {
	var pe *ProtocolError
	var cr *closeReceived
	switch {
	case errors.As(err, &pe):
		return fmt.Sprintf("refused %d %q", pe.Code, pe.Description)
	case errors.As(err, &cr):
		return fmt.Sprintf("Close %d %q", cr.code, cr.reason)
	}
	return err.Error()
}

func u16(n int) []byte { return binary.BigEndian.AppendUint16(nil, uint16(n)) }

// TestInboundReadsAsWorkerd checks the filter against what workerd
// 1.20261117.1 did with the same frames (measured with raw clients; the
// conformance cases ws_protocol_errors and ws_lenient_frames replay most).
func TestInboundReadsAsWorkerd(t *testing.T) {
	t.Parallel()
	cat := func(frames ...[]byte) []byte { return bytes.Join(frames, nil) }
	for _, tc := range []struct {
		name     string
		src      []byte
		client   bool // the filter reads a server's frames
		compress bool
		want     string
	}{
		{"text", clientFrame(0x81, []byte("hi")), false, false,
			"frame fin=true rsv1=false op=1 \"hi\"\nend: EOF"},
		{"fragments with a ping between", cat(clientFrame(0x01, []byte("a")), clientFrame(0x89, []byte("p")), clientFrame(0x80, []byte("b"))), false, false,
			"ping \"p\"\nframe fin=false rsv1=false op=1 \"a\"\nframe fin=true rsv1=false op=0 \"b\"\nend: EOF"},
		{"unmasked frame from a client gets a zero mask", rawFrame(0x82, 3, []byte{1, 2, 3}, false), false, false,
			"frame fin=true rsv1=false op=2 \"\\x01\\x02\\x03\"\nend: EOF"},
		{"masked frame from a server is unmasked", rawFrame(0x81, 2, []byte("ok"), true), true, false,
			"frame fin=true rsv1=false op=1 \"ok\"\nend: EOF"},
		{"ping of 126 bytes", clientFrame(0x89, bytes.Repeat([]byte("p"), 126)), false, false,
			fmt.Sprintf("ping %q\nend: EOF", strings.Repeat("p", 126))},
		{"ping with RSV1", clientFrame(0xC9, []byte("p")), false, false, "ping \"p\"\nend: EOF"},
		{"pong is dropped", clientFrame(0x8A, []byte("x")), false, false, "end: EOF"},
		{"close", clientFrame(0x88, append(u16(4000), "bye"...)), false, false, "end: Close 4000 \"bye\""},
		{"close 1005 on the wire", clientFrame(0x88, u16(1005)), false, false, "end: Close 1005 \"\""},
		{"close 0 on the wire", clientFrame(0x88, append(u16(0), 'r')), false, false, "end: Close 0 \"r\""},
		{"close 999", clientFrame(0x88, u16(999)), false, false, "end: Close 999 \"\""},
		{"close of 1 byte", clientFrame(0x88, []byte{3}), false, false, "end: Close 1005 \"\""},
		{"close reason of 198 bytes", clientFrame(0x88, append(u16(1000), bytes.Repeat([]byte("r"), 198)...)), false, false,
			fmt.Sprintf("end: Close 1000 %q", strings.Repeat("r", 198))},
		{"nothing after close", cat(clientFrame(0x88, nil), clientFrame(0x81, []byte("late"))), false, false, "end: Close 1005 \"\""},
		{"orphan continuation", clientFrame(0x80, []byte("x")), false, false, "end: refused 1002 \"Unexpected continuation frame\""},
		{"missing continuation", cat(clientFrame(0x01, []byte("a")), clientFrame(0x81, []byte("b"))), false, false,
			"frame fin=false rsv1=false op=1 \"a\"\nend: refused 1002 \"Missing continuation frame\""},
		{"rsv2", clientFrame(0xA1, []byte("x")), false, false, "end: refused 1002 \"Received frame had RSV bits 2 or 3 set\""},
		{"rsv3 before the size", rawFrame(0x92, 64<<20, nil, true), false, false, "end: refused 1002 \"Received frame had RSV bits 2 or 3 set\""},
		{"rsv1 without compression", clientFrame(0xC1, []byte("x")), false, false, "end: refused 1002 \"" + compressionRefused + "\""},
		{"rsv1 on a first fragment", cat(clientFrame(0x41, []byte("a")), clientFrame(0x80, []byte("b"))), false, false,
			"end: refused 1002 \"" + compressionRefused + "\""},
		{"rsv1 with compression", clientFrame(0xC1, []byte("x")), false, true, "frame fin=true rsv1=true op=1 \"x\"\nend: EOF"},
		{"rsv1 on a continuation is cleared", cat(clientFrame(0x41, []byte("a")), clientFrame(0xC0, []byte("b"))), false, true,
			"frame fin=false rsv1=true op=1 \"a\"\nframe fin=true rsv1=false op=0 \"b\"\nend: EOF"},
		{"reserved data opcode, after its payload", clientFrame(0x83, []byte("x")), false, false, "end: refused 1002 \"Unknown opcode 3\""},
		{"reserved data opcode, fragmented", cat(clientFrame(0x03, []byte("a")), clientFrame(0x80, []byte("b"))), false, false,
			"end: refused 1002 \"Unknown opcode 3\""},
		{"reserved data opcode, cut short", rawFrame(0x83, 10, []byte{1}, true), false, false, "end: unexpected EOF"},
		{"reserved control opcode", clientFrame(0x8B, []byte("x")), false, false, "end: refused 1002 \"Unknown opcode 11\""},
		{"fragmented ping", clientFrame(0x09, []byte("x")), false, false, "end: refused 1002 \"Received fragmented control frame\""},
		{"64 MiB", rawFrame(0x82, 64<<20, nil, true), false, false, "end: refused 1009 \"Message is too large: 67108864 > 33554432\""},
		{"2^63 bytes", rawFrame(0x82, 1<<63, nil, true), false, false, "end: refused 1009 \"Message is too large: 9223372036854775808 > 33554432\""},
		{"fragments over the limit", cat(rawFrame(0x02, 20<<20, make([]byte, 20<<20), true), rawFrame(0x80, 20<<20, nil, true)), false, false,
			"frame fin=false rsv1=false op=2 (20971520 bytes)\nend: refused 1009 \"Message is too large: 20971520 > 12582912\""},
		{"ping over the limit", rawFrame(0x89, 32<<20+1, nil, true), false, false, "end: refused 1009 \"Message is too large: 33554433 > 33554432\""},
		{"EOF in a header", clientFrame(0x81, []byte("x"))[:3], false, false, "end: unexpected EOF"},
		{"EOF in a payload", clientFrame(0x81, []byte("xyz"))[:8], false, false, "cut frame: 8 bytes\nend: unexpected EOF"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := readInbound(t, tc.src, !tc.client, tc.compress); got != tc.want {
				if len(got) > 300 {
					got = got[:300] + "..."
				}
				t.Errorf("got\n%s\nwant\n%.300s", got, tc.want)
			}
		})
	}
}

// FuzzInbound reads arbitrary bytes through the filter: it never panics,
// the library only gets whole data frames it accepts (masked on the
// server side, no RSV2 or RSV3, RSV1 only where compression allows, within
// the message limit), and reading ends with EOF, a Close frame or one of
// workerd's protocol errors.
func FuzzInbound(f *testing.F) {
	f.Add(clientFrame(0x81, []byte("hi")), false, false)
	f.Add(bytes.Join([][]byte{clientFrame(0x01, []byte("a")), clientFrame(0x89, []byte("p")), clientFrame(0x80, []byte("b"))}, nil), false, false)
	f.Add(clientFrame(0x88, append(u16(1000), "bye"...)), true, false)
	f.Add(rawFrame(0x82, 64<<20, nil, true), false, true)
	f.Add(bytes.Join([][]byte{clientFrame(0x41, []byte("a")), clientFrame(0xC0, []byte("b"))}, nil), false, true)
	f.Add(rawFrame(0x81, 2, []byte("ok"), true), true, false)
	f.Fuzz(func(t *testing.T, src []byte, client, compress bool) {
		in := &inbound{src: bytes.NewReader(src), server: !client, compress: compress, onPing: func([]byte) {}}
		var passed bytes.Buffer
		buf := make([]byte, 5)
		var err error
		for err == nil {
			var n int
			n, err = in.Read(buf)
			passed.Write(buf[:n])
		}
		var pe *ProtocolError
		var cr *closeReceived
		switch {
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.As(err, &cr):
		case errors.As(err, &pe):
			if pe.Code != 1002 && pe.Code != 1009 {
				t.Fatalf("refused with code %d", pe.Code)
			}
		default:
			t.Fatalf("reading ended with %v", err)
		}
		checkPassed(t, passed.Bytes(), !client, compress, errors.Is(err, io.ErrUnexpectedEOF))
	})
}

// checkPassed checks the frames the library got.
func checkPassed(t *testing.T, b []byte, server, compress, cut bool) {
	t.Helper()
	inMessage := false
	var size uint64
	for len(b) > 0 {
		n, length, ok := parseFrameHeader(b)
		if !ok || uint64(len(b)-n) < length {
			if cut {
				return // the peer's bytes ended mid-frame
			}
			t.Fatalf("the library got a cut frame")
		}
		h := decodeHeader(b[:n])
		switch {
		case h.masked != server:
			t.Fatalf("mask %v on the server side %v", h.masked, server)
		case h.rsv2 || h.rsv3:
			t.Fatal("RSV2 or RSV3 passed")
		case h.rsv1 && (!compress || h.opcode == opContinuation):
			t.Fatal("RSV1 passed where the library refuses it")
		case h.opcode != opContinuation && h.opcode != opText && h.opcode != opBinary:
			t.Fatalf("opcode %d passed", h.opcode)
		case (h.opcode == opContinuation) != inMessage:
			t.Fatalf("opcode %d passed with a message open %v", h.opcode, inMessage)
		}
		size += length
		if size > MaxMessageSize {
			t.Fatalf("a message of %d bytes passed", size)
		}
		inMessage = !h.fin
		if h.fin {
			size = 0
		}
		b = b[n+int(length):]
	}
}
