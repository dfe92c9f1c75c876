package conformance

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"

	"github.com/andybalholm/brotli"
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
	{Name: "content_encoding", Script: "workers/content-encoding.js", Run: func(s *Session) {
		for _, q := range []string{"enc=gzip", "enc=br", "enc=deflate", "enc=gzip&manual=1", "enc=identity"} {
			encoded(s, "/?"+q)
		}
	}},
}

// encoded GETs path, asking for no encoding, and records the encoding and
// framing the response came with and its body decoded once by that
// encoding (gzip or br).
func encoded(s *Session, path string) {
	resp, data := s.fetch("GET", path, map[string]string{"Accept-Encoding": "identity"}, "", []string{"content-encoding"})
	if resp == nil || data == nil {
		return
	}
	var zr io.Reader
	switch resp.Header.Get("Content-Encoding") {
	case "gzip":
		if len(data) > 1 && data[0] == 0x1f && data[1] == 0x8b {
			r, err := gzip.NewReader(bytes.NewReader(data))
			if err != nil {
				s.Record("  broken gzip: %v", err)
				return
			}
			zr = r
		}
	case "br":
		zr = brotli.NewReader(bytes.NewReader(data))
	}
	how := "as sent"
	if zr != nil {
		plain, err := io.ReadAll(zr)
		if err != nil {
			s.Record("  broken %s: %v", resp.Header.Get("Content-Encoding"), err)
			return
		}
		data, how = plain, "decoded"
	}
	frame := "content-length " + resp.Header.Get("Content-Length")
	if len(resp.TransferEncoding) > 0 {
		frame = "transfer-encoding " + strings.Join(resp.TransferEncoding, ",")
	}
	s.Record("  %s, body %s %q", frame, how, data)
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
