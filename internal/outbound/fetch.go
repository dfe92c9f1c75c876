package outbound

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/coder/websocket"

	"workerhost/internal/wsbridge"
)

// MaxRedirects is how many redirects fetch follows, as the Fetch standard
// and workerd allow.
const MaxRedirects = 20

// Request is a fetch() request as plain Go data.
type Request struct {
	Method string
	URL    string
	// Header is the header list in order, names lower-cased.
	Header [][2]string
	// Body is nil for a request without a body.
	Body []byte
	// Manual returns a redirect response instead of following it
	// (redirect: "manual").
	Manual bool
	// Compress offers permessage-deflate on a WebSocket upgrade.
	Compress bool
}

// Response is what came back, as plain Go data.
type Response struct {
	Status     int
	StatusText string
	// Header is the header list, names lower-cased.
	Header [][2]string
	// Body is a body read whole (a refused upgrade's); nil otherwise.
	Body []byte
	// Stream is the body still to be read, for a plain response; nil when
	// the response has no body.
	Stream io.ReadCloser
	// URL is the URL of the last request, after redirects.
	URL        string
	Redirected bool
	// Socket is the open connection of an accepted WebSocket upgrade.
	Socket *wsbridge.Dialled
}

// client is shared by every fetch; connections are not kept alive, so no
// goroutine outlives the request that opened it.
var client = &http.Client{Transport: &http.Transport{DisableKeepAlives: true, Proxy: nil}}

// Do performs a plain HTTP request, following redirects unless req.Manual.
// The caller closes the returned Stream.
func Do(ctx context.Context, req Request) (*Response, error) {
	hreq, err := http.NewRequestWithContext(ctx, req.Method, req.URL, bytes.NewReader(req.Body))
	if err != nil {
		return nil, &NetworkError{Cause: fmt.Errorf("failed to build request: %w", err)}
	}
	if req.Body == nil {
		hreq.Body = nil
	}
	for _, kv := range req.Header {
		hreq.Header.Add(kv[0], kv[1])
	}
	if host := hreq.Header.Get("Host"); host != "" {
		hreq.Host = host
	}
	var resp *http.Response
	redirected := false
	if req.Manual {
		// Straight to the transport: http.Client would parse a redirect's
		// Location even when not following it, and fail on a bad one.
		resp, err = client.Transport.RoundTrip(hreq)
	} else {
		resp, err = follow(hreq, &redirected)
	}
	if err != nil {
		return nil, classify(err)
	}
	out := fromHTTPResponse(resp, nil)
	out.URL, out.Redirected = resp.Request.URL.String(), redirected
	if resp.Body != http.NoBody && hreq.Method != http.MethodHead && !nullBodyStatus(resp.StatusCode) {
		out.Stream = resp.Body
	} else {
		resp.Body.Close()
	}
	return out, nil
}

// follow sends hreq, following up to MaxRedirects redirects as the Fetch
// standard does, and sets *redirected when it followed any.
func follow(hreq *http.Request, redirected *bool) (*http.Response, error) {
	c := *client
	c.CheckRedirect = func(r *http.Request, via []*http.Request) error {
		if len(via) > MaxRedirects {
			tooMany := &TooManyRedirectsError{}
			for _, v := range via {
				tooMany.URLs = append(tooMany.URLs, v.URL.String())
			}
			return tooMany
		}
		*redirected = true
		return nil
	}
	return c.Do(hreq)
}

// classify turns a failed http.Client.Do into the error workerd reports.
func classify(err error) error {
	var tooMany *TooManyRedirectsError
	if errors.As(err, &tooMany) {
		return tooMany
	}
	// net/http reports an unparsable Location only in its message
	// (client.go: "failed to parse Location header").
	if strings.Contains(err.Error(), "failed to parse Location header") {
		return &InvalidLocationError{Cause: err}
	}
	return &NetworkError{Cause: err}
}

// nullBodyStatus reports a status whose response has no body (Fetch's
// null body status).
func nullBodyStatus(status int) bool {
	return status == 101 || status == 204 || status == 205 || status == 304
}

// Upgrade dials a WebSocket for fetch() with Upgrade: websocket. A server
// that refuses gives a plain response, not an error.
func Upgrade(ctx context.Context, req Request) (*Response, error) {
	opts := &websocket.DialOptions{HTTPHeader: http.Header{}, CompressionMode: websocket.CompressionDisabled}
	if req.Compress {
		opts.CompressionMode = websocket.CompressionContextTakeover
	}
	for _, kv := range req.Header {
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
	d, resp, err := wsbridge.Dial(ctx, req.URL, opts)
	if err != nil {
		if resp != nil && resp.StatusCode != http.StatusSwitchingProtocols {
			body, _ := io.ReadAll(resp.Body)
			return fromHTTPResponse(resp, body), nil
		}
		return nil, &NetworkError{Cause: err}
	}
	out := fromHTTPResponse(resp, nil)
	out.Socket = d
	return out, nil
}

// fromHTTPResponse copies a net/http response.
func fromHTTPResponse(resp *http.Response, body []byte) *Response {
	out := &Response{Status: resp.StatusCode, Body: body}
	out.StatusText = strings.TrimSpace(strings.TrimPrefix(resp.Status, fmt.Sprint(resp.StatusCode)))
	for name, values := range resp.Header {
		for _, v := range values {
			out.Header = append(out.Header, [2]string{strings.ToLower(name), v})
		}
	}
	return out
}

// Release frees what a response holds when nobody will read it.
func (r *Response) Release() {
	if r.Stream != nil {
		r.Stream.Close()
	}
	if r.Socket != nil {
		r.Socket.CloseNow()
	}
}
