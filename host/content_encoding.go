package host

// Automatic content encoding, as workerd does it: a Response whose
// Content-Encoding is gzip or br, unless it was made with encodeBody:
// "manual", has its body compressed on the way out (whatever the client's
// Accept-Encoding), sent chunked.

import (
	"compress/gzip"
	"io"
	"net/http"
	"strings"

	"github.com/andybalholm/brotli"

	"workerhost/bindings"
)

// bodyEncoder returns the compressor the response's body goes through, or
// nil when it is sent as it is.
func bodyEncoder(resp *bindings.OutgoingResponse, h http.Header) func(io.Writer) io.WriteCloser {
	if resp.ManualEncoding || bodylessStatus(resp.Status) {
		return nil
	}
	switch strings.ToLower(strings.TrimSpace(h.Get("Content-Encoding"))) {
	case "gzip":
		return func(w io.Writer) io.WriteCloser { return gzip.NewWriter(w) }
	case "br":
		return func(w io.Writer) io.WriteCloser { return brotli.NewWriter(w) }
	}
	return nil
}

// flushingWriter flushes the response after each write, so a streamed
// body's compressed chunks reach the client as they are made.
type flushingWriter struct {
	w http.ResponseWriter
}

// Write writes p and flushes.
func (f flushingWriter) Write(p []byte) (int, error) {
	n, err := f.w.Write(p)
	if fl, ok := f.w.(http.Flusher); ok && err == nil {
		fl.Flush()
	}
	return n, err
}
