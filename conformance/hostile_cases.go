package conformance

import (
	"bytes"
	"encoding/hex"
	"strings"
	"time"

	"github.com/coder/websocket"
)

// hostileCases send frames by hand (raw_client.go): broken ones, which
// workerd refuses with a Close frame of its own and an error event for the
// script, and unusual ones it accepts. Every event the script saw is
// listed at the end (GET /events), so an extra or missing one shows.
var hostileCases = []Case{
	{Name: "ws_protocol_errors", Script: "workers/websockets.js", Run: func(s *Session) {
		refused := []struct {
			id     string
			frames func(w *RawWS)
		}{
			{"orphan-continuation", func(w *RawWS) { w.Send("continuation frame, no message", 0x80, []byte("x")) }},
			{"rsv1", func(w *RawWS) { w.Send("text frame with RSV1 (no compression negotiated)", 0xC1, []byte("x")) }},
			{"rsv2", func(w *RawWS) { w.Send("text frame with RSV2", 0xA1, []byte("x")) }},
			{"rsv3", func(w *RawWS) { w.Send("text frame with RSV3", 0x91, []byte("x")) }},
			{"opcode-3", func(w *RawWS) { w.Send("reserved data opcode 3", 0x83, []byte("x")) }},
			{"opcode-11", func(w *RawWS) { w.Send("reserved control opcode 11", 0x8B, []byte("x")) }},
			{"fragmented-ping", func(w *RawWS) { w.Send("ping without FIN", 0x09, []byte("x")) }},
			{"missing-continuation", func(w *RawWS) {
				w.Send("text frame without FIN", 0x01, []byte("a"))
				w.Send("new text frame", finText, []byte("b"))
			}},
			{"fragmented-rsv1", func(w *RawWS) {
				w.Send("first fragment with RSV1", 0x41, []byte("a"))
				w.Send("last fragment", 0x80, []byte("b"))
			}},
			{"64MiB-header", func(w *RawWS) { w.SendHeader("binary frame header claiming 64 MiB", finBinary, 64<<20, nil) }},
			{"huge-length", func(w *RawWS) { w.SendHeader("binary frame header claiming 2^63 bytes", finBinary, 1<<63, nil) }},
			{"fragments-over-limit", func(w *RawWS) {
				w.Send("binary fragment of 20 MiB", 0x02, bytes.Repeat([]byte{7}, 20<<20))
				w.SendHeader("continuation header claiming 20 MiB more", 0x80, 20<<20, nil)
			}},
			{"ping-over-limit", func(w *RawWS) { w.SendHeader("ping header claiming 32 MiB + 1", finPing, 32<<20+1, nil) }},
		}
		for _, c := range refused {
			w := s.DialRaw("/raw?id=" + c.id)
			if w == nil {
				return
			}
			c.frames(w)
			w.ReadToEnd()
			s.WaitLog("raw " + c.id + ": error")
		}
		s.Fetch("GET", "/events", nil, "")
	}},
	{Name: "ws_deflate_too_large", Script: "workers/websockets.js", Run: func(s *Session) {
		// 32 MiB inflated, copied into the script and echoed compressed
		// can take longer than a step under -race on a loaded 2-core
		// machine; largeMessageTimeout allows for it.
		// A compressed message whose frames are small but inflate to 32 MiB
		// (accepted) and to one byte more (refused).
		for _, c := range []struct {
			id   string
			size int
		}{{"deflate-limit", 32 << 20}, {"deflate-over", 32<<20 + 1}} {
			ws := s.Dial("/raw?id="+c.id, &websocket.DialOptions{CompressionMode: websocket.CompressionContextTakeover}, "sec-websocket-extensions")
			if ws == nil {
				return
			}
			s.Record("send binary of %d zero bytes, compressed", c.size)
			if err := ws.SendQuiet(websocket.MessageBinary, make([]byte, c.size)); err != nil {
				s.Record("  send failed")
			}
			ws.ReadWithin(largeMessageTimeout)
			if c.size > 32<<20 {
				s.WaitLog("raw " + c.id + ": error")
			} else {
				ws.Drop()
				s.WaitLog("raw " + c.id + ": close")
			}
		}
		s.Fetch("GET", "/events", nil, "")
	}},
	{Name: "ws_lenient_frames", Script: "workers/websockets.js", Run: func(s *Session) {
		if w := s.DialRaw("/raw?id=control-frames"); w != nil {
			w.Send("ping of 126 bytes", finPing, bytes.Repeat([]byte("p"), 126))
			w.ReadUntil(isOpcode(10))
			w.Send("text frame without FIN", 0x01, []byte("a"))
			w.Send("ping between fragments", finPing, []byte("mid"))
			w.Send("pong nobody asked for", 0x8A, []byte("unsolicited"))
			w.Send("last fragment", 0x80, []byte("b"))
			w.ReadUntil(isOpcode(1))
			w.SendUnmasked("unmasked text frame", finText, []byte("bare"))
			w.ReadUntil(isOpcode(1))
			// The script closes: after a client's own Close, workerd would
			// add an error event when the client had sent messages (see
			// README, "Where workerhost differs").
			w.Send("text close-me", finText, []byte("close-me"))
			w.ReadUntil(isOpcode(8))
			w.Send("close 1000 (the answer)", finClose, []byte{0x03, 0xe8})
			w.ReadToEnd()
			s.WaitLog("raw control-frames: close")
		}
		for _, c := range []struct {
			id, label string
			payload   []byte
		}{
			{"close-1005", "close with code 1005 on the wire", []byte{0x03, 0xed}},
			{"close-999", "close with code 999", []byte{0x03, 0xe7}},
			{"close-0", "close with code 0 and reason r", []byte{0x00, 0x00, 'r'}},
			{"close-65535", "close with code 65535", []byte{0xff, 0xff}},
			{"close-1-byte", "close with a 1-byte payload", []byte{0x03}},
			{"close-long-reason", "close 1000 with a 198-byte reason", append([]byte{0x03, 0xe8}, strings.Repeat("r", 198)...)},
			{"close-bad-utf8", "close 4000 with reason a, 0xFF, b", []byte{0x0f, 0xa0, 'a', 0xff, 'b'}},
		} {
			if w := s.DialRaw("/raw?id=" + c.id); w != nil {
				w.Send(c.label, finClose, c.payload)
				w.ReadToEnd()
				s.WaitLog("raw " + c.id + ": close")
			}
		}
		s.Fetch("GET", "/events", nil, "")
	}},
	{Name: "ws_text_decoding", Script: "workers/websockets.js", Run: func(s *Session) {
		// Each maximal subpart of an ill-formed sequence becomes one U+FFFD
		// (the Encoding standard's UTF-8 decoder); a BOM is kept in a
		// WebSocket message and dropped by TextDecoder and text().
		inputs := []string{"efbbbf61", "efbbbfefbbbf61", "61ff62", "c0af", "e080af", "eda080", "edbfbf", "f4908080",
			"f8888080", "e28261", "f09f9861", "61e2", "bf80", "fe", "efbb61", "f0908080"}
		w := s.DialRaw("/raw?id=utf8")
		for _, in := range inputs {
			if w == nil {
				break
			}
			b, _ := hex.DecodeString(in)
			w.Send("text "+in, finText, b)
			w.ReadUntil(isOpcode(1))
		}
		if w != nil {
			w.Send("close 1000", finClose, []byte{0x03, 0xe8})
			w.ReadToEnd()
		}
		for _, in := range inputs {
			s.Fetch("GET", "/decode?hex="+in, nil, "")
		}
	}},
	{Name: "ws_buffered_amount", Script: "workers/websockets.js", Run: func(s *Session) {
		ws := s.Dial("/buffered", nil)
		if ws == nil {
			return
		}
		for i := 0; i < 3; i++ {
			ws.Read()
		}
		s.WaitLog("buffered: pair after a timer")
		ws.SendText("read it all")
		ws.Read()
		s.WaitLog("buffered: after close()")
		// The close event comes with the client's answer; wait for it so
		// /events is asked for after it on every machine.
		s.WaitLog("buffered: close")
		s.Fetch("GET", "/events", nil, "")
	}},
	{Name: "ws_unsent_on_drop", Script: "workers/websockets.js", Run: func(s *Session) {
		// The client asks for 16 MiB and drops the connection without
		// reading it: the script's send cannot complete.
		w := s.DialRaw("/unsent")
		if w == nil {
			return
		}
		w.Send("text go", finText, []byte("go"))
		s.WaitLog("unsent: queued")
		w.Drop()
		s.WaitLog("unsent: close")
		s.Fetch("GET", "/events", nil, "")
	}},
}

// largeMessageTimeout is how long a read of a message of tens of MiB may
// take.
const largeMessageTimeout = 60 * time.Second
