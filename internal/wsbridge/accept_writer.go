package wsbridge

import (
	"bufio"
	"errors"
	"net"
	"net/http"
)

// AcceptWriter wraps the ResponseWriter handed to websocket.Accept so that
// the connection it hijacks passes through a close gate (see
// websocket_gate.go), letting the script answer the client's Close frame.
type AcceptWriter struct {
	http.ResponseWriter
	gate *closeGate
}

// NewAcceptWriter wraps w.
func NewAcceptWriter(w http.ResponseWriter) *AcceptWriter {
	return &AcceptWriter{ResponseWriter: w}
}

// Hijack takes over the connection: the handshake response already
// buffered is flushed, and later writes go through the gate.
func (a *AcceptWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	hj, ok := a.ResponseWriter.(http.Hijacker)
	if !ok {
		return nil, nil, errors.New("failed to hijack: ResponseWriter is not an http.Hijacker")
	}
	c, brw, err := hj.Hijack()
	if err != nil {
		return nil, nil, err
	}
	if err := brw.Writer.Flush(); err != nil {
		c.Close()
		return nil, nil, err
	}
	a.gate = newCloseGate(c, false)
	return a.gate, bufio.NewReadWriter(brw.Reader, bufio.NewWriter(a.gate)), nil
}
