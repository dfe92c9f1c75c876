package bindings

// The network side of fetch(): plain HTTP/1.1 with net/http, and the
// WebSocket handshake with coder/websocket. Everything here runs on its own
// goroutine and works on Go data only.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/coder/websocket"
)

// maxRedirects is how many redirects fetch follows, as the Fetch standard
// and workerd allow.
const maxRedirects = 20

// outboundRequest is a fetch() request as plain Go data.
type outboundRequest struct {
	method   string
	url      string
	header   [][2]string
	body     []byte
	manual   bool // redirect: "manual"
	compress bool // offer permessage-deflate on a WebSocket upgrade
}

// inboundResponse is what came back, as plain Go data.
type inboundResponse struct {
	status     int
	statusText string
	header     [][2]string
	body       []byte
	stream     io.ReadCloser // the body still to be read, for a plain response
	done       func()        // releases the request once stream is finished
	url        string
	redirected bool
	socket     *dialled // set for an accepted WebSocket upgrade
}

// errNetwork is workerd's error for a connection that failed.
var errNetwork = errors.New("Network connection lost.")

// httpClient is shared by every fetch; connections are not kept alive, so
// no goroutine outlives the request that opened it.
var httpClient = &http.Client{Transport: &http.Transport{DisableKeepAlives: true, Proxy: nil}}

// doFetch performs a plain HTTP request.
func doFetch(ctx context.Context, req outboundRequest) (*inboundResponse, error) {
	hreq, err := http.NewRequestWithContext(ctx, req.method, req.url, bytes.NewReader(req.body))
	if err != nil {
		return nil, fmt.Errorf("failed to build request: %w", err)
	}
	if req.body == nil {
		hreq.Body = nil
	}
	setHeaders(hreq.Header, req.header)
	if host := hreq.Header.Get("Host"); host != "" {
		hreq.Host = host
	}
	redirected := false
	client := *httpClient
	client.CheckRedirect = func(r *http.Request, via []*http.Request) error {
		if req.manual {
			return http.ErrUseLastResponse
		}
		if len(via) >= maxRedirects {
			return errors.New("too many redirects")
		}
		redirected = true
		return nil
	}
	resp, err := client.Do(hreq)
	if err != nil {
		return nil, errNetwork
	}
	out := fromHTTPResponse(resp, nil)
	out.url, out.redirected = resp.Request.URL.String(), redirected
	if resp.Body != http.NoBody && hreq.Method != http.MethodHead && !nullBodyStatus(resp.StatusCode) {
		out.stream = resp.Body
	} else {
		resp.Body.Close()
	}
	return out, nil
}

// doWebSocketUpgrade dials a WebSocket for fetch() with Upgrade: websocket.
// A server that refuses gives a plain response, not an error.
func doWebSocketUpgrade(ctx context.Context, req outboundRequest) (*inboundResponse, error) {
	opts := &websocket.DialOptions{HTTPHeader: http.Header{}, CompressionMode: websocket.CompressionDisabled}
	if req.compress {
		opts.CompressionMode = websocket.CompressionContextTakeover
	}
	for _, kv := range req.header {
		switch strings.ToLower(kv[0]) {
		case "upgrade", "connection", "sec-websocket-key", "sec-websocket-version", "sec-websocket-extensions":
		case "sec-websocket-protocol":
			for _, p := range strings.Split(kv[1], ",") {
				opts.Subprotocols = append(opts.Subprotocols, strings.TrimSpace(p))
			}
		default:
			opts.HTTPHeader.Add(kv[0], kv[1])
		}
	}
	d, resp, err := dialGated(ctx, req.url, opts)
	if err != nil {
		if resp != nil && resp.StatusCode != http.StatusSwitchingProtocols {
			body, _ := io.ReadAll(resp.Body)
			return fromHTTPResponse(resp, body), nil
		}
		return nil, errNetwork
	}
	out := fromHTTPResponse(resp, nil)
	out.socket = d
	return out, nil
}

// fromHTTPResponse copies a net/http response.
func fromHTTPResponse(resp *http.Response, body []byte) *inboundResponse {
	out := &inboundResponse{status: resp.StatusCode, body: body}
	out.statusText = strings.TrimSpace(strings.TrimPrefix(resp.Status, fmt.Sprint(resp.StatusCode)))
	for name, values := range resp.Header {
		for _, v := range values {
			out.header = append(out.header, [2]string{strings.ToLower(name), v})
		}
	}
	return out
}

// setHeaders copies a header list into an http.Header.
func setHeaders(h http.Header, list [][2]string) {
	for _, kv := range list {
		h.Add(kv[0], kv[1])
	}
}

// release frees what a response holds when nobody will read it.
func (r *inboundResponse) release() {
	if r.stream != nil {
		r.stream.Close()
		r.done()
	}
	if r.socket != nil {
		_ = r.socket.conn.CloseNow()
	}
}
