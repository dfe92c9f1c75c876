package host

import (
	"net/http"
	"strconv"

	"workerhost/bindings"
)

// writeInternalError writes workerd's answer to a handler that threw: status
// 500 with an empty body.
func writeInternalError(w http.ResponseWriter) {
	w.Header().Set("Content-Length", "0")
	w.WriteHeader(http.StatusInternalServerError)
}

// writeResponse writes a worker's Response: its headers in order, a
// Content-Length, and the body. It returns the status and status text
// written.
func writeResponse(w http.ResponseWriter, r *http.Request, resp *bindings.OutgoingResponse) (int, string) {
	h := w.Header()
	for _, kv := range resp.Header {
		h.Add(kv[0], kv[1])
	}
	text := resp.StatusText
	if text == "" {
		text = http.StatusText(resp.Status)
	}
	if h.Get("Content-Length") == "" && !bodylessStatus(resp.Status) {
		h.Set("Content-Length", strconv.Itoa(len(resp.Body)))
	}
	w.WriteHeader(resp.Status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(resp.Body)
	}
	return resp.Status, text
}

// bodylessStatus reports statuses that never carry a body.
func bodylessStatus(status int) bool {
	return status == http.StatusNoContent || status == http.StatusNotModified || (status >= 100 && status < 200)
}
