package conformance

// A raw WebSocket client, for frames no library would send: protocol
// errors, lenient frames, clients that stop reading.

import (
	"bufio"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

// RawWS is a WebSocket client that writes frames byte for byte, broken
// ones included, and records every frame the server sends back and
// whether the server closed the TCP connection. Hostile-client cases use
// it; a library client would refuse to send such frames.
type RawWS struct {
	s    *Session
	conn net.Conn
	br   *bufio.Reader
}

// DialRaw runs the opening handshake on path by hand and records the
// status. It returns nil (after recording why) if the server refused.
func (s *Session) DialRaw(path string) *RawWS {
	addr := strings.TrimPrefix(s.base, "http://")
	conn, err := net.DialTimeout("tcp", addr, stepTimeout)
	if err != nil {
		s.Record("raw %s -> error", path)
		return nil
	}
	s.t.Cleanup(func() { _ = conn.Close() })
	_ = conn.SetDeadline(time.Now().Add(stepTimeout))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"+
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", path, addr)
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		s.Record("raw %s -> error", path)
		return nil
	}
	s.Record("raw %s -> %s", path, resp.Status)
	if resp.StatusCode != http.StatusSwitchingProtocols {
		return nil
	}
	return &RawWS{s: s, conn: conn, br: br}
}

// Send writes one masked frame: first is the frame's first byte (FIN,
// RSV bits and opcode) and the payload length is len(payload).
func (w *RawWS) Send(label string, first byte, payload []byte) {
	w.SendHeader(label, first, uint64(len(payload)), payload)
}

// SendHeader writes one masked frame whose header claims length bytes
// of payload, followed by the payload given (which may be shorter).
func (w *RawWS) SendHeader(label string, first byte, length uint64, payload []byte) {
	w.s.Record("send %s", label)
	f := []byte{first}
	switch {
	case length < 126:
		f = append(f, 0x80|byte(length))
	case length <= 0xffff:
		f = append(f, 0x80|126)
		f = binary.BigEndian.AppendUint16(f, uint16(length))
	default:
		f = append(f, 0x80|127)
		f = binary.BigEndian.AppendUint64(f, length)
	}
	var key [4]byte
	_, _ = rand.Read(key[:])
	f = append(f, key[:]...)
	for i, b := range payload {
		f = append(f, b^key[i%4])
	}
	w.write(f)
}

// SendUnmasked writes one frame without a mask, as RFC 6455 forbids a
// client to do.
func (w *RawWS) SendUnmasked(label string, first byte, payload []byte) {
	w.s.Record("send %s", label)
	w.write(append([]byte{first, byte(len(payload))}, payload...))
}

func (w *RawWS) write(b []byte) {
	_ = w.conn.SetWriteDeadline(time.Now().Add(stepTimeout))
	if _, err := w.conn.Write(b); err != nil {
		w.s.Record("  send failed")
	}
}

// ReadUntil records the frames the server sends until one for which stop
// returns true, the TCP connection ends, or stepTimeout passes.
func (w *RawWS) ReadUntil(stop func(opcode byte, payload []byte) bool) {
	_ = w.conn.SetReadDeadline(time.Now().Add(stepTimeout))
	for {
		op, payload, err := w.readFrame()
		var ne net.Error
		switch {
		case errors.Is(err, io.EOF) || errors.Is(err, net.ErrClosed) || isReset(err):
			w.s.Record("recv: TCP connection closed")
			return
		case errors.As(err, &ne) && ne.Timeout():
			w.s.Record("recv: timeout")
			return
		case err != nil:
			w.s.Record("recv: %v", err)
			return
		}
		w.s.Record("recv %s", describeFrame(op, payload))
		if stop != nil && stop(op, payload) {
			return
		}
	}
}

// ReadToEnd records the frames the server sends until it closes the TCP
// connection.
func (w *RawWS) ReadToEnd() { w.ReadUntil(nil) }

// readFrame reads one frame from the server (unmasked, as servers send).
func (w *RawWS) readFrame() (byte, []byte, error) {
	var h [2]byte
	if _, err := io.ReadFull(w.br, h[:]); err != nil {
		return 0, nil, err
	}
	n := uint64(h[1] & 0x7f)
	switch n {
	case 126:
		var e [2]byte
		if _, err := io.ReadFull(w.br, e[:]); err != nil {
			return 0, nil, err
		}
		n = uint64(binary.BigEndian.Uint16(e[:]))
	case 127:
		var e [8]byte
		if _, err := io.ReadFull(w.br, e[:]); err != nil {
			return 0, nil, err
		}
		n = binary.BigEndian.Uint64(e[:])
	}
	if n > 64<<20 {
		return 0, nil, fmt.Errorf("frame of %d bytes", n)
	}
	payload := make([]byte, n)
	if _, err := io.ReadFull(w.br, payload); err != nil {
		return 0, nil, err
	}
	return h[0], payload, nil
}

// Drop closes the TCP connection.
func (w *RawWS) Drop() {
	w.s.Record("drop connection")
	_ = w.conn.Close()
}

// describeFrame renders a frame the server sent: its opcode (with FIN
// and RSV bits when unusual) and payload, a Close frame's code and reason.
func describeFrame(first byte, payload []byte) string {
	names := map[byte]string{0: "continuation", 1: "text", 2: "binary", 8: "close", 9: "ping", 10: "pong"}
	name, ok := names[first&0x0f]
	if !ok {
		name = fmt.Sprintf("opcode %d", first&0x0f)
	}
	if first&0xf0 != 0x80 {
		name += fmt.Sprintf(" (first byte %#02x)", first)
	}
	if first&0x0f == 8 && len(payload) >= 2 {
		return fmt.Sprintf("%s %d %s", name, binary.BigEndian.Uint16(payload), describeMessage(payload[2:]))
	}
	return name + " " + describeMessage(payload)
}

// isReset reports a connection reset by the server.
func isReset(err error) bool {
	return err != nil && strings.Contains(err.Error(), "connection reset")
}

// Frame first bytes for the raw cases: FIN set, no RSV bits.
const (
	finText   = 0x81
	finBinary = 0x82
	finClose  = 0x88
	finPing   = 0x89
)

// isOpcode stops ReadUntil at the first frame with opcode op.
func isOpcode(op byte) func(byte, []byte) bool {
	return func(first byte, _ []byte) bool { return first&0x0f == op }
}
