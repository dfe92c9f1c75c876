package wsbridge

// Dialling out: the opening handshake, then a gated connection, for
// new WebSocket(url) and fetch() with Upgrade: websocket.

import (
	"bufio"
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"net/http"

	"github.com/coder/websocket"
)

// Dialled is an open outbound connection and the close gate under it.
type Dialled struct {
	conn *websocket.Conn
	gate *closeGate
	// Protocol and Extensions are the server's Sec-WebSocket-Protocol and
	// Sec-WebSocket-Extensions; "" when it sent none.
	Protocol, Extensions string
}

// RefusedError is a handshake the server answered with another status
// than 101 Switching Protocols.
type RefusedError struct {
	Status int
}

// Error says which status the server answered with.
func (e *RefusedError) Error() string {
	return fmt.Sprintf("failed to dial: the server answered %d, not 101", e.Status)
}

// DialWebSocket runs the opening handshake of new WebSocket(url,
// protocols), offering permessage-deflate when compress is set. A server
// that answers without upgrading gives a *RefusedError.
func DialWebSocket(ctx context.Context, u string, protocols []string, compress bool) (*Dialled, error) {
	opts := &websocket.DialOptions{Subprotocols: protocols, CompressionMode: websocket.CompressionDisabled}
	if compress {
		opts.CompressionMode = websocket.CompressionContextTakeover
	}
	d, resp, err := Dial(ctx, u, opts)
	if err != nil {
		if resp != nil && resp.StatusCode != http.StatusSwitchingProtocols {
			return nil, &RefusedError{Status: resp.StatusCode}
		}
		return nil, err
	}
	return d, nil
}

// Dial runs the opening handshake with opts (its HTTPClient is replaced by
// one that runs each handshake over a connection of its own, gated once the
// server answers 101). On failure the response is returned when the server
// answered, so a refused upgrade can be shown to the script as a plain
// response.
func Dial(ctx context.Context, u string, opts *websocket.DialOptions) (*Dialled, *http.Response, error) {
	tr := &handshakeTransport{}
	o := *opts
	o.HTTPClient = &http.Client{Transport: tr}
	conn, resp, err := websocket.Dial(ctx, u, &o)
	if err != nil {
		return nil, resp, fmt.Errorf("failed to dial %s: %w", u, err)
	}
	d := &Dialled{conn: conn, gate: tr.gate}
	d.Protocol = resp.Header.Get("Sec-WebSocket-Protocol")
	d.Extensions = resp.Header.Get("Sec-WebSocket-Extensions")
	return d, resp, nil
}

// handshakeTransport sends each handshake request on a new connection and
// reads the response itself, so that the gate reads every byte the server
// sends after its 101 and none before (an http.Transport may read frames
// into its own buffer with the response).
type handshakeTransport struct {
	gate *closeGate // the gate of the connection that answered 101
}

// RoundTrip sends req on a new connection. A 101 response's Body is the
// gated connection; any other response's Body closes the connection.
func (t *handshakeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	conn, err := dialFor(req)
	if err != nil {
		return nil, err
	}
	stop := context.AfterFunc(req.Context(), func() { _ = conn.Close() })
	fail := func(err error) (*http.Response, error) {
		stop()
		_ = conn.Close()
		return nil, err
	}
	if err := req.Write(conn); err != nil {
		return fail(fmt.Errorf("failed to send handshake: %w", err))
	}
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, req)
	if err != nil {
		return fail(fmt.Errorf("failed to read handshake response: %w", err))
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		resp.Body = &connBody{ReadCloser: resp.Body, conn: conn, stop: stop}
		return resp, nil
	}
	if !stop() {
		return fail(fmt.Errorf("failed to dial: %w", context.Cause(req.Context())))
	}
	compress := resp.Header.Get("Sec-WebSocket-Extensions") != ""
	t.gate = newCloseGate(conn, br, gateOptions{client: true, compress: compress})
	resp.Body = t.gate
	return resp, nil
}

// dialFor connects to the request's host, with TLS for https.
func dialFor(req *http.Request) (net.Conn, error) {
	port := req.URL.Port()
	if port == "" {
		port = "80"
		if req.URL.Scheme == "https" {
			port = "443"
		}
	}
	addr := net.JoinHostPort(req.URL.Hostname(), port)
	if req.URL.Scheme == "https" {
		return (&tls.Dialer{}).DialContext(req.Context(), "tcp", addr)
	}
	return (&net.Dialer{}).DialContext(req.Context(), "tcp", addr)
}

// connBody is the body of a response that did not upgrade: closing it
// closes the connection.
type connBody struct {
	io.ReadCloser
	conn net.Conn
	stop func() bool
}

// Close implements io.Closer.
func (b *connBody) Close() error {
	b.stop()
	err := b.ReadCloser.Close()
	_ = b.conn.Close()
	return err
}

// Bridge prepares the bridge that pumps frames between the connection and
// peer until one of them ends or ctx does.
func (d *Dialled) Bridge(ctx context.Context, peer Peer) *Bridge {
	return newBridge(ctx, d.conn, peer, d.gate)
}

// CloseNow drops the connection without a close handshake, for a socket
// nobody will use.
func (d *Dialled) CloseNow() { _ = d.conn.CloseNow() }
