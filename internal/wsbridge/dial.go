package wsbridge

// Dialling out: the opening handshake over a gated connection, for
// new WebSocket(url) and fetch() with Upgrade: websocket.

import (
	"context"
	"crypto/tls"
	"fmt"
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
// one whose connections are gated and not kept alive). On failure the
// response is returned when the server answered, so a refused upgrade can
// be shown to the script as a plain response.
func Dial(ctx context.Context, u string, opts *websocket.DialOptions) (*Dialled, *http.Response, error) {
	var gate *closeGate
	wrap := func(c net.Conn, err error) (net.Conn, error) {
		if err != nil {
			return nil, err
		}
		gate = newCloseGate(c, true)
		return gate, nil
	}
	tr := &http.Transport{
		DisableKeepAlives: true,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return wrap((&net.Dialer{}).DialContext(ctx, network, addr))
		},
		DialTLSContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return wrap((&tls.Dialer{}).DialContext(ctx, network, addr))
		},
	}
	o := *opts
	o.HTTPClient = &http.Client{Transport: tr}
	conn, resp, err := websocket.Dial(ctx, u, &o)
	if err != nil {
		return nil, resp, fmt.Errorf("failed to dial %s: %w", u, err)
	}
	gate.startFraming()
	d := &Dialled{conn: conn, gate: gate}
	d.Protocol = resp.Header.Get("Sec-WebSocket-Protocol")
	d.Extensions = resp.Header.Get("Sec-WebSocket-Extensions")
	return d, resp, nil
}

// Bridge prepares the bridge that pumps frames between the connection and
// peer until one of them ends or ctx does.
func (d *Dialled) Bridge(ctx context.Context, peer Peer) *Bridge {
	return newBridge(ctx, d.conn, peer, d.gate)
}

// CloseNow drops the connection without a close handshake, for a socket
// nobody will use.
func (d *Dialled) CloseNow() { _ = d.conn.CloseNow() }
