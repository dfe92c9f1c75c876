package conformance

// A raw TCP client, for requests no HTTP library would send: malformed
// heads, smuggling attempts, pipelined requests, bodies that stop short.

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"time"
)

// rawQuiet is how long a connection must stay silent, after its last
// response, to be recorded as open.
const rawQuiet = 500 * time.Millisecond

// RawStep is one part of what a raw client sends: bytes, after a pause.
type RawStep struct {
	Pause time.Duration
	Data  []byte
}

// Raw sends data as it is on a new connection and records every response
// that comes back: its status line as sent, the named headers, whether it
// announces the connection's close, its body (or its length and sum when
// longer than 200 bytes), and then whether the server closed the
// connection or kept it open.
func (s *Session) Raw(label string, data []byte, showHeaders ...string) {
	s.RawSteps(label, []RawStep{{Data: data}}, showHeaders...)
}

// RawSteps is Raw with the data sent in steps, each after its pause.
func (s *Session) RawSteps(label string, steps []RawStep, showHeaders ...string) {
	conn, err := net.DialTimeout("tcp", strings.TrimPrefix(s.base, "http://"), stepTimeout)
	if err != nil {
		s.Record("raw %s -> error", label)
		s.t.Logf("dial: %v", err)
		return
	}
	sent := make(chan struct{})
	go func() {
		defer close(sent)
		for _, step := range steps {
			time.Sleep(step.Pause)
			if _, err := conn.Write(step.Data); err != nil {
				return // the server closed: what it answered is recorded
			}
		}
	}()
	s.Record("raw %s:", label)
	s.readRawResponses(conn, showHeaders)
	conn.Close()
	<-sent
}

// readRawResponses records responses until the connection closes or stays
// quiet.
func (s *Session) readRawResponses(conn net.Conn, showHeaders []string) {
	br := bufio.NewReader(conn)
	wait := stepTimeout
	for {
		_ = conn.SetReadDeadline(time.Now().Add(wait))
		if _, err := br.Peek(1); err != nil {
			s.Record("  %s", rawEnd(err))
			return
		}
		_ = conn.SetReadDeadline(time.Now().Add(stepTimeout))
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			s.Record("  unreadable response: %v", err)
			return
		}
		s.recordRawResponse(resp, showHeaders)
		wait = rawQuiet
	}
}

// recordRawResponse records one response and reads its body.
func (s *Session) recordRawResponse(resp *http.Response, showHeaders []string) {
	s.Record("  %s %s", resp.Proto, resp.Status)
	for _, name := range showHeaders {
		v := resp.Header.Values(name)
		if strings.EqualFold(name, "Transfer-Encoding") {
			v = resp.TransferEncoding // net/http takes it out of the header
		}
		if len(v) > 0 {
			s.Record("  %s: %s", strings.ToLower(name), strings.Join(v, ", "))
		}
	}
	if resp.Close {
		s.Record("  connection: close")
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if len(body) > 200 {
		s.Record("  body: %d bytes, sum %d", len(body), checksum(body))
	} else {
		s.Record("  body: %q", body)
	}
	if err != nil {
		s.Record("  body cut short")
	}
}

// rawEnd describes how a connection ended: closed (by FIN or reset), or
// still open after the quiet period.
func rawEnd(err error) string {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() || errors.Is(err, os.ErrDeadlineExceeded) {
		return "connection open"
	}
	return "connection closed"
}

// checksum sums the bytes of a body too long to record.
func checksum(b []byte) int {
	sum := 0
	for _, c := range b {
		sum = (sum + int(c)) % 65521
	}
	return sum
}

// pattern is n bytes of a repeating, non-uniform pattern.
func pattern(n int) []byte {
	return bytes.Repeat([]byte("0123456789abcdefghijklmnopqrstuvwxyz\n"), n/37+1)[:n]
}
