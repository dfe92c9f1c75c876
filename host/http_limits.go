package host

// What a hostile client meets: workerd's limits on request heads (enforced
// by internal/httpguard before net/http reads them), its answers to
// malformed requests, and its timeouts.

import (
	"io"
	"net"
	"net/http"
	"strconv"
	"time"

	"workerhost/internal/httpguard"
)

// workerd's timeouts, measured on workerd 1.20261117.1.
const (
	// defaultHeaderTimeout bounds the wait for a connection's first
	// request head, from the connection's start; workerd then closes the
	// connection without an answer.
	defaultHeaderTimeout = 15 * time.Second
	// defaultIdleTimeout bounds the wait for the next request head on a
	// kept-alive connection, from the end of the previous response; the
	// whole head must come within it.
	defaultIdleTimeout = 15 * time.Second
)

// maxHeaderBytes lets net/http read any head the guard passes it: the
// guard holds heads to httpguard.MaxHeadBytes and answers longer ones.
const maxHeaderBytes = 1 << 20

// timeout is an Options timeout as net/http takes it: zero is workerd's
// default, a negative value none.
func timeout(d, def time.Duration) time.Duration {
	switch {
	case d == 0:
		return def
	case d < 0:
		return 0
	}
	return d
}

// newHTTPServer is the http.Server for s, reading requests through the
// guard with workerd's timeouts. The guard holds each head until it is
// whole, so net/http's wait for a head's first bytes covers the whole head,
// as workerd's timeouts do.
func (s *Server) newHTTPServer() *http.Server {
	return &http.Server{
		Handler:           s,
		ReadHeaderTimeout: timeout(s.opts.HeaderTimeout, defaultHeaderTimeout),
		IdleTimeout:       timeout(s.opts.IdleTimeout, defaultIdleTimeout),
		MaxHeaderBytes:    maxHeaderBytes,
		ConnContext:       httpguard.ConnContext,
	}
}

// serve serves HTTP on ln, through the guard, until the server closes.
func (s *Server) serve(ln net.Listener) {
	defer close(s.served)
	_ = s.srv.Serve(httpguard.NewListener(ln))
}

// writeRejection writes workerd's answer to a request it refuses before
// the worker sees it. One that closes the connection is written byte for
// byte as workerd writes it, on the connection taken over from net/http;
// one that keeps it deals with the request's body as any response does.
func writeRejection(w http.ResponseWriter, g *httpguard.Request, body *requestBody) {
	rej := g.Reject
	if rej.Close {
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			_, _ = conn.Write(rej.Bytes(g.Version))
			_ = httpguard.Hangup(conn)
			return
		}
	}
	h := w.Header()
	h["Date"] = nil
	h["Content-Type"] = nil
	if rej.ContentType != "" {
		h.Set("Content-Type", rej.ContentType)
	}
	h.Set("Content-Length", strconv.Itoa(len(rej.Body)))
	if rej.Close {
		h.Set("Connection", "close")
	} else {
		body.settleBeforeHead(h)
	}
	w.WriteHeader(rej.Status)
	_, _ = io.WriteString(w, rej.Body)
}
