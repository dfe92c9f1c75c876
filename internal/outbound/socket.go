package outbound

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
)

// ErrSocketConnect is workerd's message when connect() from
// cloudflare:sockets could not reach the address.
var ErrSocketConnect = errors.New("proxy request failed, cannot connect to the specified address")

// SocketError is a connect() that failed; its message is workerd's and
// Cause says what really happened, for the log.
type SocketError struct {
	Cause error
}

// Error is workerd's message; the cause is in Cause.
func (e *SocketError) Error() string { return ErrSocketConnect.Error() }

// Unwrap returns ErrSocketConnect and the cause.
func (e *SocketError) Unwrap() []error { return []error{ErrSocketConnect, e.Cause} }

// DialSocket opens the TCP connection of a cloudflare:sockets connect() to
// host:port, with TLS from the start when secure. It dials as fetch does
// (no proxy, any address), and ctx bounds the dial and the handshake; the
// caller closes the connection.
func DialSocket(ctx context.Context, host, port string, secure bool) (net.Conn, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", net.JoinHostPort(host, port))
	if err != nil {
		return nil, &SocketError{Cause: fmt.Errorf("failed to dial: %w", err)}
	}
	if !secure {
		return conn, nil
	}
	tc, err := HandshakeTLS(ctx, conn, host)
	if err != nil {
		return nil, &SocketError{Cause: err}
	}
	return tc, nil
}

// HandshakeTLS runs a TLS client handshake over conn for host, as connect()
// with secureTransport "on" and startTls() do; on failure conn is closed.
func HandshakeTLS(ctx context.Context, conn net.Conn, host string) (net.Conn, error) {
	tc := tls.Client(conn, &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12})
	if err := tc.HandshakeContext(ctx); err != nil {
		conn.Close()
		return nil, fmt.Errorf("failed to handshake TLS: %w", err)
	}
	return tc, nil
}

// CloseWrite shuts down the writing side of conn, so the peer reads the
// end of the stream, where the connection supports it.
func CloseWrite(conn net.Conn) error {
	if cw, ok := conn.(interface{ CloseWrite() error }); ok {
		if err := cw.CloseWrite(); err != nil {
			return fmt.Errorf("failed to close the writing side: %w", err)
		}
	}
	return nil
}
