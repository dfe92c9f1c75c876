package host

import (
	"context"
	"errors"
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
		streamBody(r.Context(), w, resp.Stream)
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

// streamBody copies a ReadableStream body to the client chunk by chunk,
// flushing each one, until the stream ends or the client goes away.
func streamBody(ctx context.Context, w http.ResponseWriter, s *bindings.BodyStream) {
	flusher, _ := w.(http.Flusher)
	for {
		chunk, err := s.Read(ctx)
		if len(chunk) > 0 {
			if _, werr := w.Write(chunk); werr != nil {
				s.Cancel()
				return
			}
			if flusher != nil {
				flusher.Flush()
			}
		}
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			s.Cancel()
			return
		}
	}
}

// bodylessStatus reports statuses that never carry a body.
func bodylessStatus(status int) bool {
	return status == http.StatusNoContent || status == http.StatusNotModified || (status >= 100 && status < 200)
}
