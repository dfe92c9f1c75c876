package conformance

import (
	"strings"
)

// bodyLengthCases check how a streamed body is framed on the wire: with a
// Content-Length when its length is known, chunked otherwise.
var bodyLengthCases = []Case{
	{Name: "stream_length", Script: "workers/stream-length.js", Upstream: true, Run: func(s *Session) {
		for _, path := range []string{"/script-stream", "/script-stream-with-length", "/proxied", "/proxied-rewrapped"} {
			framing(s, "GET", path, "")
		}
		framing(s, "POST", "/echo", "twelve bytes")
	}},
}

// framing records a response's status, how its body was framed
// (Content-Length or chunked) and the body.
func framing(s *Session, method, path, body string) {
	resp, data := s.fetch(method, path, nil, body, nil)
	if resp == nil || data == nil {
		return
	}
	frame := "content-length " + resp.Header.Get("Content-Length")
	if len(resp.TransferEncoding) > 0 {
		frame = "transfer-encoding " + strings.Join(resp.TransferEncoding, ",")
	}
	s.Record("  %s, body %q", frame, data)
}
