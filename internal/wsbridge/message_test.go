package wsbridge

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// messagesViaRead reads src as the library does, through Read, and
// assembles the messages it would return; it describes them, then the
// pings answered, then how reading ended.
func messagesViaRead(t *testing.T, src []byte, server bool) string {
	t.Helper()
	var out, pings []string
	in := &inbound{src: bytes.NewReader(src), server: server, onPing: func(p []byte) {
		pings = append(pings, fmt.Sprintf("ping %q", p))
	}}
	var passed bytes.Buffer
	buf := make([]byte, 7)
	var err error
	for err == nil {
		var n int
		n, err = in.Read(buf)
		passed.Write(buf[:n])
	}
	b := passed.Bytes()
	var msg []byte
	var op byte
	for len(b) > 0 {
		size, n, ok := parseFrameHeader(b)
		if !ok || uint64(len(b)-size) < n {
			break // cut: no message
		}
		h := decodeHeader(b[:size])
		p := append([]byte(nil), b[size:size+int(n)]...)
		if h.masked {
			maskBytes(h.maskKey, 0, p)
		}
		if h.opcode != opContinuation {
			op, msg = h.opcode, nil
		}
		msg = append(msg, p...)
		if h.fin {
			out = append(out, describeMessage(op, msg))
		}
		b = b[size+int(n):]
	}
	out = append(out, pings...)
	return strings.Join(append(out, "end: "+describeEnd(err)), "\n")
}

// messagesDirect reads src with readMessage and describes the same.
func messagesDirect(src []byte, server bool) string {
	var out, pings []string
	in := &inbound{src: bytes.NewReader(src), server: server, onPing: func(p []byte) {
		pings = append(pings, fmt.Sprintf("ping %q", p))
	}}
	for {
		op, msg, err := in.readMessage()
		if err != nil {
			out = append(out, pings...)
			return strings.Join(append(out, "end: "+describeEnd(err)), "\n")
		}
		out = append(out, describeMessage(op, msg))
	}
}

// describeMessage renders a message, long ones by size.
func describeMessage(op byte, msg []byte) string {
	if len(msg) > 200 {
		return fmt.Sprintf("message op=%d (%d bytes)", op, len(msg))
	}
	return fmt.Sprintf("message op=%d %q", op, msg)
}

// TestReadMessageReadsWhatTheLibraryWould: whole messages read straight
// from the filter are the ones the library assembles from what Read
// passes it, with the same pings answered and the same end.
func TestReadMessageReadsWhatTheLibraryWould(t *testing.T) {
	t.Parallel()
	cat := func(frames ...[]byte) []byte { return bytes.Join(frames, nil) }
	for _, tc := range []struct {
		name string
		src  []byte
		want string
	}{
		{"text", clientFrame(0x81, []byte("hi")), "message op=1 \"hi\"\nend: EOF"},
		{"empty binary", clientFrame(0x82, nil), "message op=2 \"\"\nend: EOF"},
		{"fragments with a ping between", cat(clientFrame(0x01, []byte("a")), clientFrame(0x89, []byte("p")), clientFrame(0x80, []byte("b"))),
			"message op=1 \"ab\"\nping \"p\"\nend: EOF"},
		{"unmasked frame from a client", rawFrame(0x82, 3, []byte{1, 2, 3}, false), "message op=2 \"\\x01\\x02\\x03\"\nend: EOF"},
		{"two messages, then a close", cat(clientFrame(0x81, []byte("1")), clientFrame(0x81, []byte("2")), clientFrame(0x88, append(u16(4000), "bye"...))),
			"message op=1 \"1\"\nmessage op=1 \"2\"\nend: Close 4000 \"bye\""},
		{"a long payload", clientFrame(0x82, bytes.Repeat([]byte{7}, 3*directReadChunk+5)), fmt.Sprintf("message op=2 (%d bytes)\nend: EOF", 3*directReadChunk+5)},
		{"cut in a second fragment", cat(clientFrame(0x01, []byte("a")), clientFrame(0x80, []byte("bcd"))[:7]), "end: unexpected EOF"},
		{"missing continuation", cat(clientFrame(0x01, []byte("a")), clientFrame(0x81, []byte("b"))), "end: refused 1002 \"Missing continuation frame\""},
		{"rsv1 without compression", clientFrame(0xC1, []byte("x")), "end: refused 1002 \"" + compressionRefused + "\""},
		{"64 MiB", rawFrame(0x82, 64<<20, nil, true), "end: refused 1009 \"Message is too large: 67108864 > 33554432\""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := messagesDirect(tc.src, true)
			if got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
			if lib := messagesViaRead(t, tc.src, true); lib != got {
				t.Errorf("direct\n%s\nthrough the library\n%s", got, lib)
			}
		})
	}
}

// FuzzReadMessage reads arbitrary bytes both ways, on either side of the
// connection: the messages, pings and end are the same.
func FuzzReadMessage(f *testing.F) {
	f.Add(clientFrame(0x81, []byte("hi")), false)
	f.Add(bytes.Join([][]byte{clientFrame(0x01, []byte("a")), clientFrame(0x89, []byte("p")), clientFrame(0x80, []byte("b"))}, nil), false)
	f.Add(clientFrame(0x88, append(u16(1000), "bye"...)), true)
	f.Add(rawFrame(0x82, 64<<20, nil, true), false)
	f.Add(rawFrame(0x81, 2, []byte("ok"), true), true)
	f.Add(bytes.Join([][]byte{clientFrame(0x02, []byte("ab")), clientFrame(0x83, []byte("c"))}, nil), false)
	f.Fuzz(func(t *testing.T, src []byte, client bool) {
		direct := messagesDirect(src, !client)
		if lib := messagesViaRead(t, src, !client); lib != direct {
			t.Fatalf("direct\n%s\nthrough the library\n%s", direct, lib)
		}
	})
}
