package conformance

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// stepTimeout bounds every wait in a scenario: a read, a log line, a close.
const stepTimeout = 5 * time.Second

// fetchTimeout bounds an HTTP request. No recording has a request that
// fails, so the bound only needs to be generous: a report of many steps
// (durable_storage's limits write values of 16 MiB) takes seconds under
// -race on a loaded CI machine.
const fetchTimeout = 60 * time.Second

// Session is what a scenario drives: one worker running on one target (the
// reference workerd or workerhost), and the transcript of what the client
// saw. Scenario code is the same for both targets; only the transcript is
// compared.
type Session struct {
	t    testing.TB
	base string        // "http://127.0.0.1:PORT"
	logs func() string // the worker's console output so far

	client *http.Client // its own connections, closed with the session
	redact map[string]string

	mu    sync.Mutex
	lines []string
	seen  int // log lines already consumed by WaitLog
}

// newSession starts a transcript for the worker served at base. Its HTTP
// connections are closed when the test ends.
func newSession(t testing.TB, base string, logs func() string) *Session {
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	return &Session{t: t, base: base, logs: logs, client: &http.Client{Transport: tr}}
}

// Record appends one line to the transcript.
func (s *Session) Record(format string, args ...any) {
	line := fmt.Sprintf(format, args...)
	for from, to := range s.redact {
		line = strings.ReplaceAll(line, from, to)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lines = append(s.lines, line)
}

// Transcript returns the recorded lines joined with newlines.
func (s *Session) Transcript() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Join(s.lines, "\n") + "\n"
}

// URL returns the absolute http URL of path on the worker.
func (s *Session) URL(path string) string { return s.base + path }

// Fetch sends an HTTP request and records the status line, the named
// response headers (lowercased, in the order asked) and the body.
func (s *Session) Fetch(method, path string, reqHeaders map[string]string, body string, showHeaders ...string) *http.Response {
	resp, data := s.fetch(method, path, reqHeaders, body, showHeaders)
	if data != nil {
		s.Record("  body: %q", data)
	}
	return resp
}

// FetchDigest is Fetch for a binary body: it records the body's length and
// SHA-256 instead of the body.
func (s *Session) FetchDigest(method, path string, reqHeaders map[string]string, body string, showHeaders ...string) *http.Response {
	resp, data := s.fetch(method, path, reqHeaders, body, showHeaders)
	if data != nil {
		s.Record("  body: %d bytes, sha256 %x", len(data), sha256.Sum256(data))
	}
	return resp
}

// fetch sends an HTTP request, records the status line and the named
// headers, and returns the response with its body, or a nil body when it
// could not be read (which it records).
func (s *Session) fetch(method, path string, reqHeaders map[string]string, body string, showHeaders []string) (*http.Response, []byte) {
	ctx, cancel := context.WithTimeout(context.Background(), fetchTimeout)
	defer cancel()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, s.URL(path), rd)
	if err != nil {
		s.t.Fatalf("failed to build request: %v", err)
	}
	for k, v := range reqHeaders {
		req.Header.Set(k, v)
	}
	resp, err := s.client.Do(req)
	if err != nil {
		s.Record("%s %s -> error", method, path)
		return nil, nil
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		s.Record("%s %s -> %s (body read failed)", method, path, resp.Status)
		return resp, nil
	}
	s.Record("%s %s -> %s", method, path, resp.Status)
	for _, name := range showHeaders {
		s.Record("  %s: %s", strings.ToLower(name), strings.Join(resp.Header.Values(name), ", "))
	}
	if data == nil {
		data = []byte{}
	}
	return resp, data
}

// WaitLog waits until the worker has printed a console line containing
// substr (after the lines already consumed) and records it as "log: ...".
// It records "log: (timeout waiting for ...)" if none comes.
func (s *Session) WaitLog(substr string) {
	deadline := time.Now().Add(stepTimeout)
	for {
		if line, ok := s.nextLog(substr); ok {
			s.Record("log: %s", line)
			return
		}
		if time.Now().After(deadline) {
			s.Record("log: (timeout waiting for %q)", substr)
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// nextLog finds the first unconsumed console line containing substr.
func (s *Session) nextLog(substr string) (string, bool) {
	lines := strings.Split(strings.TrimRight(s.logs(), "\n"), "\n")
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := s.seen; i < len(lines); i++ {
		if strings.Contains(lines[i], substr) {
			s.seen = i + 1
			return lines[i], true
		}
	}
	return "", false
}
