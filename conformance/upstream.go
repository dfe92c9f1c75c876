package conformance

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"time"

	"github.com/coder/websocket"
)

// startUpstream starts the server a worker connects out to in the client
// cases: a WebSocket echo on every path (choosing the subprotocol "chat"
// when offered, and negotiating compression on /deflate), and plain HTTP
// routes for fetch(), among them an endless redirect (/loop/N) and a
// redirect to an unparsable Location (/bad-location).
func startUpstream() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.EqualFold(r.Header.Get("Upgrade"), "websocket") && r.URL.Path != "/plain" {
			echoWebSocket(w, r)
			return
		}
		switch {
		case strings.HasPrefix(r.URL.Path, "/loop/"):
			// Redirects for ever, each time to a new URL.
			n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/loop/"))
			http.Redirect(w, r, "/loop/"+strconv.Itoa(n+1), http.StatusFound)
			return
		case r.URL.Path == "/bad-location":
			w.Header().Set("Location", "http://[::1")
			w.WriteHeader(http.StatusFound)
			return
		}
		switch r.URL.Path {
		case "/redirect":
			http.Redirect(w, r, "/target", http.StatusFound)
		case "/slow":
			select {
			case <-time.After(2 * time.Second):
			case <-r.Context().Done():
				return
			}
			_, _ = io.WriteString(w, "slow body")
		case "/events":
			serverSentEvents(w, r)
		case "/echo-body":
			body, _ := io.ReadAll(r.Body)
			_, _ = w.Write(body)
		default:
			_, _ = io.WriteString(w, "plain body at "+r.URL.Path)
		}
	}))
}

// echoWebSocket sends every message back until the peer closes.
func echoWebSocket(w http.ResponseWriter, r *http.Request) {
	opts := &websocket.AcceptOptions{Subprotocols: []string{"chat"}}
	if r.URL.Path == "/deflate" {
		opts.CompressionMode = websocket.CompressionContextTakeover
	}
	conn, err := websocket.Accept(w, r, opts)
	if err != nil {
		return
	}
	defer conn.CloseNow()
	ctx := context.Background()
	for {
		typ, data, err := conn.Read(ctx)
		if err != nil {
			return
		}
		if err := conn.Write(ctx, typ, data); err != nil {
			return
		}
	}
}

// serverSentEvents serves an event stream for EventSource: the first
// connection sets a short retry, sends two events (the second with an id)
// and ends; a reconnection reports the Last-Event-ID it came with.
func serverSentEvents(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	if last := r.Header.Get("Last-Event-ID"); last != "" {
		_, _ = io.WriteString(w, "event: again\ndata: reconnected after "+last+"\n\n")
		return
	}
	_, _ = io.WriteString(w, "retry: 50\ndata: accept "+r.Header.Get("Accept")+", cache-control "+r.Header.Get("Cache-Control")+"\n\n")
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
	_, _ = io.WriteString(w, "id: 41\ndata: second\n\n")
}
