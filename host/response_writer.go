package host

import (
	"net/http"
	"strconv"

	"workerhost/bindings"
)

// internalErrorBody is workerd's body for a request whose handler failed.
const internalErrorBody = "Internal Server Error"

// writeInternalError writes workerd's answer to a handler that threw: status
// 500, "Internal Server Error" as the body, and the connection closed.
func writeInternalError(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Length", strconv.Itoa(len(internalErrorBody)))
	h.Set("Connection", "close")
	h["Content-Type"] = nil // no sniffed type: workerd sends none
	w.WriteHeader(http.StatusInternalServerError)
	_, _ = w.Write([]byte(internalErrorBody))
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
	h["Date"] = nil // workerd sends no Date header
	if _, has := h["Content-Type"]; !has {
		h["Content-Type"] = nil // net/http would sniff one; workerd sends none
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
