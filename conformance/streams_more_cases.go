package conformance

// CompressionStream, DecompressionStream, the text streams and
// FixedLengthStream (workers/streams-more.js), recorded from workerd: the
// client decompresses what the worker compressed and compresses what the
// worker decompresses, with Go's compress packages.

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"crypto/sha256"
	"io"
	"net/http"
	"strings"
)

// moreText is what workers/streams-more.js compresses.
var moreText = strings.Repeat("Compressed by the worker: héllo wörld € 😀\n", 3000)

// streamsMoreCases drive conformance/workers/streams-more.js.
var streamsMoreCases = []Case{
	{Name: "streams_compression", Script: "workers/streams-more.js", Run: func(s *Session) {
		for _, f := range []string{"gzip", "deflate", "deflate-raw"} {
			s.fetchDecompressed(f)
		}
		upload := "Uploaded by the client: ünïcödé ✓\n"
		for _, f := range []string{"gzip", "deflate", "deflate-raw"} {
			s.Fetch("POST", "/decompress?format="+f, nil, compressWith(f, strings.Repeat(upload, 2000)[:200]))
			resp, body := s.fetch("POST", "/decompress?format="+f, nil, compressWith(f, strings.Repeat(upload, 5000)), nil)
			if resp != nil && body != nil {
				s.Record("  body: %d bytes, sha256 %x", len(body), sha256.Sum256(body))
			}
		}
		s.Fetch("GET", "/fixed", nil, "", "Content-Length")
		s.Fetch("GET", "/probes", nil, "")
	}},
}

// fetchDecompressed fetches /compress in format f and records what the
// client got once it decompressed it.
func (s *Session) fetchDecompressed(f string) {
	ctx, cancel := context.WithTimeout(context.Background(), fetchTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", s.URL("/compress?format="+f), nil)
	if err != nil {
		s.t.Fatalf("failed to build request: %v", err)
	}
	resp, err := s.client.Do(req)
	if err != nil {
		s.Record("GET /compress %s -> error", f)
		return
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		s.Record("GET /compress %s -> %s (body read failed)", f, resp.Status)
		return
	}
	var zr io.Reader
	switch f {
	case "gzip":
		zr, err = gzip.NewReader(bytes.NewReader(raw))
	case "deflate":
		zr, err = zlib.NewReader(bytes.NewReader(raw))
	default:
		zr = flate.NewReader(bytes.NewReader(raw))
	}
	var plain []byte
	if err == nil {
		plain, err = io.ReadAll(zr)
	}
	s.Record("GET /compress %s -> %s, decompressed: %v, smaller: %v, same text: %v",
		f, resp.Status, err == nil, len(raw) < len(moreText)/10, string(plain) == moreText)
}

// compressWith compresses text in format f.
func compressWith(f, text string) string {
	var b bytes.Buffer
	var w io.WriteCloser
	switch f {
	case "gzip":
		w = gzip.NewWriter(&b)
	case "deflate":
		w = zlib.NewWriter(&b)
	default:
		w, _ = flate.NewWriter(&b, flate.DefaultCompression)
	}
	_, _ = io.WriteString(w, text)
	_ = w.Close()
	return b.String()
}
