package host

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"workerhost/bindings"
)

// writeWorkerdError writes workerd's answer to a request whose handler
// failed: status 500 (503 when the worker exceeded a limit), the status
// text as the body, and the connection closed.
func writeWorkerdError(w http.ResponseWriter, status int) {
	body := http.StatusText(status)
	h := w.Header()
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("Connection", "close")
	h["Content-Type"] = nil // no sniffed type: workerd sends none
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

// writeResponse writes a worker's Response: its headers in order, and the
// body with a Content-Length, or streamed (chunked, unless its length is
// known) when it is a ReadableStream. The request's body is settled when
// the response is done: before the head for a whole body, after the last
// chunk for a streamed one. It returns the status and status text written.
func writeResponse(w http.ResponseWriter, r *http.Request, resp *bindings.OutgoingResponse, body *requestBody) (int, string) {
	h := w.Header()
	for _, kv := range resp.Header {
		h.Add(kv[0], kv[1])
	}
	text := resp.StatusText
	if text == "" {
		text = http.StatusText(resp.Status)
	}
	h["Date"] = nil // workerd sends no Date header
	if _, has := h["Content-Type"]; !has {
		h["Content-Type"] = nil // net/http would sniff one; workerd sends none
	}
	if enc := bodyEncoder(resp, h); enc != nil {
		h.Del("Content-Length")
		writeEncoded(w, r, resp, body, enc)
		return resp.Status, text
	}
	if resp.Stream != nil {
		// A stream's length is its own (an echoed or fetched body's), not
		// what the script's headers say: a script's ReadableStream goes
		// out chunked whatever Content-Length it set, as in workerd.
		h.Del("Content-Length")
		if resp.StreamLength > 0 && !bodylessStatus(resp.Status) {
			h.Set("Content-Length", strconv.FormatInt(resp.StreamLength, 10))
		}
		body.settleStreamHead(h)
		w.WriteHeader(resp.Status)
		if err := streamBody(r.Context(), w, resp.Stream); err != nil {
			abortStream(body)
		}
		body.settle()
		return resp.Status, text
	}
	if h.Get("Content-Length") == "" && !bodylessStatus(resp.Status) {
		h.Set("Content-Length", strconv.Itoa(len(resp.Body)))
	}
	body.settleBeforeHead(h)
	w.WriteHeader(resp.Status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(resp.Body)
	}
	return resp.Status, text
}

// writeEncoded writes a response whose body the host compresses (enc),
// chunked: a whole body at once, a stream chunk by chunk, each flushed
// through the compressor.
func writeEncoded(w http.ResponseWriter, r *http.Request, resp *bindings.OutgoingResponse, body *requestBody, enc func(io.Writer) io.WriteCloser) {
	if resp.Stream == nil {
		body.settleBeforeHead(w.Header())
		w.WriteHeader(resp.Status)
		// Sending the head first makes net/http send the body chunked, as
		// workerd does, rather than measure a small one.
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
		if r.Method != http.MethodHead {
			zw := enc(w)
			_, _ = zw.Write(resp.Body)
			_ = zw.Close()
		}
		return
	}
	body.settleStreamHead(w.Header())
	w.WriteHeader(resp.Status)
	zw := enc(flushingWriter{w})
	if err := streamBody(r.Context(), zw, resp.Stream); err != nil {
		abortStream(body)
	}
	_ = zw.Close()
	body.settle()
}

// errStreamFailed is streamBody's report of a body stream that errored.
var errStreamFailed = errors.New("failed to stream the response body")

// abortStream ends a response whose body stream errored as workerd does:
// the connection closes, with no response at all when no chunk went out
// (the head waits for the first chunk), else with the chunked body left
// unterminated, so the client sees it cut short.
func abortStream(body *requestBody) {
	body.kill()
	panic(http.ErrAbortHandler)
}

// streamBody copies a ReadableStream body to w chunk by chunk, flushing
// each one (through w's own Flush, when it has one, then the client's),
// until the stream ends or the client goes away. It returns
// errStreamFailed, wrapping the stream's error, when the stream errored;
// nil otherwise.
func streamBody(ctx context.Context, w io.Writer, s *bindings.BodyStream) error {
	flush := func() {}
	switch f := w.(type) {
	case http.Flusher:
		flush = f.Flush
	case interface{ Flush() error }:
		flush = func() { _ = f.Flush() }
	}
	for {
		chunk, err := s.Read(ctx)
		if len(chunk) > 0 {
			if _, werr := w.Write(chunk); werr != nil {
				s.Cancel()
				return nil
			}
			flush()
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			s.Cancel()
			if ctx.Err() != nil {
				return nil // the client went away
			}
			return fmt.Errorf("%w: %w", errStreamFailed, err)
		}
	}
}

// bodylessStatus reports statuses that never carry a body.
func bodylessStatus(status int) bool {
	return status == http.StatusNoContent || status == http.StatusNotModified || (status >= 100 && status < 200)
}
