package bindings_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
)

// newFetchServer starts the loopback peer of the fetch tests and returns
// its URL. Its routes:
//
//	/echo?status=N       the request as JSON (method, url, headers, body), status N (200)
//	/redirect?n=N&code=C  N redirects (status C, 302) to /echo, each Location relative
//	/loop                 redirects to itself forever
//	/nolocation           a 302 without a Location header
//	/custom-status        "299 Custom Reason", written raw
//	/hang                 never answers until the client gives up
//	/stream               "first", then "second" once /release was fetched
//	/release              lets /stream finish
//
// Handlers that wait also stop when the test ends, so Close never blocks.
func newFetchServer(t *testing.T) string {
	t.Helper()
	ending := make(chan struct{})
	release := make(chan struct{})
	var releaseOnce sync.Once
	mux := http.NewServeMux()
	mux.HandleFunc("/echo", serveEcho)
	mux.HandleFunc("/redirect", serveRedirect)
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/nolocation", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusFound)
		io.WriteString(w, "no location")
	})
	mux.HandleFunc("/custom-status", serveCustomStatus)
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-ending:
		}
	})
	mux.HandleFunc("/stream", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "first")
		w.(http.Flusher).Flush()
		select {
		case <-release:
			io.WriteString(w, "second")
		case <-r.Context().Done():
		case <-ending:
		}
	})
	mux.HandleFunc("/release", func(w http.ResponseWriter, r *http.Request) {
		releaseOnce.Do(func() { close(release) })
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(ending) })
	return srv.URL
}

// serveEcho answers with the request as JSON.
func serveEcho(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	status := http.StatusOK
	if s := r.URL.Query().Get("status"); s != "" {
		status, _ = strconv.Atoi(s)
	}
	headers := map[string]string{}
	for name := range r.Header {
		headers[http.CanonicalHeaderKey(name)] = r.Header.Get(name)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Reply", "yes")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"method": r.Method, "url": r.URL.String(), "headers": headers, "body": string(body),
	})
}

// serveRedirect redirects n times, then to /echo.
func serveRedirect(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	code := http.StatusFound
	if c := r.URL.Query().Get("code"); c != "" {
		code, _ = strconv.Atoi(c)
	}
	next := "/echo"
	if n > 1 {
		next = fmt.Sprintf("/redirect?n=%d&code=%d", n-1, code)
	}
	w.Header().Set("Location", next)
	w.WriteHeader(code)
}

// serveCustomStatus writes a response whose reason phrase is not the
// standard one, which net/http's ResponseWriter cannot do.
func serveCustomStatus(w http.ResponseWriter, r *http.Request) {
	conn, buf, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	defer conn.Close()
	buf.WriteString("HTTP/1.1 299 Custom Reason\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
	buf.Flush()
}

// closedURL returns an http URL on a loopback port nothing listens on.
func closedURL(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr + "/"
}
