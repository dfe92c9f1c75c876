package conformance

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/coder/websocket"
)

// WS is a real WebSocket client connection whose every step is recorded in
// the session's transcript.
type WS struct {
	s    *Session
	conn *websocket.Conn
}

// Dial opens a WebSocket to path and records the handshake's status and the
// named response headers. It returns nil (after recording the failure) if
// the server refused the upgrade.
func (s *Session) Dial(path string, opts *websocket.DialOptions, showHeaders ...string) *WS {
	ctx, cancel := context.WithTimeout(context.Background(), stepTimeout)
	defer cancel()
	if opts == nil {
		opts = &websocket.DialOptions{}
	}
	if opts.HTTPClient == nil {
		opts.HTTPClient = s.client
	}
	url := "ws" + strings.TrimPrefix(s.URL(path), "http")
	conn, resp, err := websocket.Dial(ctx, url, opts)
	if err != nil {
		if resp != nil {
			s.Record("ws %s -> refused: %s", path, resp.Status)
		} else {
			s.Record("ws %s -> error", path)
			s.t.Logf("dial %s: %v", url, err)
		}
		return nil
	}
	conn.SetReadLimit(64 << 20)
	s.Record("ws %s -> %s", path, resp.Status)
	recordHeaders(s, resp, showHeaders)
	s.t.Cleanup(func() { _ = conn.CloseNow() })
	return &WS{s: s, conn: conn}
}

func recordHeaders(s *Session, resp *http.Response, names []string) {
	for _, name := range names {
		s.Record("  %s: %s", strings.ToLower(name), strings.Join(resp.Header.Values(name), ", "))
	}
}

// SendText sends a text message and records it.
func (w *WS) SendText(msg string) {
	w.s.Record("send text %s", describeMessage([]byte(msg)))
	w.write(websocket.MessageText, []byte(msg))
}

// SendBinary sends a binary message and records it.
func (w *WS) SendBinary(msg []byte) {
	w.s.Record("send binary %s", describeMessage(msg))
	w.write(websocket.MessageBinary, msg)
}

// SendQuiet sends without recording, for bulk traffic a scenario summarises
// itself.
func (w *WS) SendQuiet(typ websocket.MessageType, msg []byte) error {
	ctx, cancel := context.WithTimeout(context.Background(), stepTimeout)
	defer cancel()
	return w.conn.Write(ctx, typ, msg)
}

func (w *WS) write(typ websocket.MessageType, msg []byte) {
	if err := w.SendQuiet(typ, msg); err != nil {
		w.s.Record("  send failed")
	}
}

// Read reads one message and records it, or records how the connection
// ended (close code and reason, or a drop).
func (w *WS) Read() (websocket.MessageType, []byte, error) {
	return w.ReadWithin(stepTimeout)
}

// ReadWithin is Read with its own timeout, for a message that takes long to
// come (tens of MiB inflated and copied, under the race detector).
func (w *WS) ReadWithin(timeout time.Duration) (websocket.MessageType, []byte, error) {
	typ, data, err := w.read(timeout)
	if err != nil {
		w.s.Record("recv %s", describeEnd(err))
		return 0, nil, err
	}
	kind := "text"
	if typ == websocket.MessageBinary {
		kind = "binary"
	}
	w.s.Record("recv %s %s", kind, describeMessage(data))
	return typ, data, nil
}

// ReadQuiet reads one message without recording it.
func (w *WS) ReadQuiet() (websocket.MessageType, []byte, error) { return w.read(stepTimeout) }

// read reads one message, waiting at most timeout.
func (w *WS) read(timeout time.Duration) (websocket.MessageType, []byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	return w.conn.Read(ctx)
}

// Close runs the close handshake with code and reason and records the code
// the server answered with.
func (w *WS) Close(code websocket.StatusCode, reason string) {
	w.s.Record("close %d %q", code, reason)
	done := make(chan error, 1)
	go func() { done <- w.conn.Close(code, reason) }()
	select {
	case err := <-done:
		if err != nil && !errors.Is(err, context.Canceled) {
			w.s.Record("  close handshake: %s", describeEnd(err))
		} else {
			w.s.Record("  close handshake complete")
		}
	case <-time.After(stepTimeout + time.Second):
		w.s.Record("  close handshake: timeout")
	}
}

// Drop closes the TCP connection without a Close frame.
func (w *WS) Drop() {
	w.s.Record("drop connection")
	_ = w.conn.CloseNow()
}

// describeEnd renders the error that ended a read.
func describeEnd(err error) string {
	var ce websocket.CloseError
	if errors.As(err, &ce) {
		return fmt.Sprintf("close %d %q", ce.Code, ce.Reason)
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "timeout"
	}
	return "connection lost"
}

// describeMessage renders a message for the transcript: short ones in full,
// long ones by size and a checksum-like summary.
func describeMessage(b []byte) string {
	if len(b) <= 256 {
		return fmt.Sprintf("%q", b)
	}
	return fmt.Sprintf("(%d bytes, starts %q)", len(b), b[:16])
}
