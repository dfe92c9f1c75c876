package conformance

import (
	"io"
	"net"
	"sync"
)

// tcpUpstream is the raw TCP server the cloudflare:sockets cases connect
// to: every connection gets back what it sends, and a connection that
// starts with "bye" is answered "bye" and closed by the server.
type tcpUpstream struct {
	ln    net.Listener
	wg    sync.WaitGroup
	mu    sync.Mutex
	conns map[net.Conn]struct{}
}

// startTCPUpstream listens on a loopback port; Close stops it and every
// connection.
func startTCPUpstream() (*tcpUpstream, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	u := &tcpUpstream{ln: ln, conns: map[net.Conn]struct{}{}}
	u.wg.Add(1)
	go u.accept()
	return u, nil
}

// Addr is the host:port the server listens on.
func (u *tcpUpstream) Addr() string { return u.ln.Addr().String() }

// accept serves connections until the listener closes.
func (u *tcpUpstream) accept() {
	defer u.wg.Done()
	for {
		c, err := u.ln.Accept()
		if err != nil {
			return
		}
		u.mu.Lock()
		u.conns[c] = struct{}{}
		u.mu.Unlock()
		u.wg.Add(1)
		go u.serve(c)
	}
}

// serve echoes c until its peer stops sending.
func (u *tcpUpstream) serve(c net.Conn) {
	defer u.wg.Done()
	defer func() {
		u.mu.Lock()
		delete(u.conns, c)
		u.mu.Unlock()
		c.Close()
	}()
	buf := make([]byte, 3)
	n, err := io.ReadFull(c, buf)
	if n > 0 {
		_, _ = c.Write(buf[:n])
	}
	if err != nil || string(buf) == "bye" {
		return
	}
	_, _ = io.Copy(c, c)
	if tc, ok := c.(*net.TCPConn); ok {
		_ = tc.CloseWrite()
	}
}

// Close stops the server and its connections and waits for them.
func (u *tcpUpstream) Close() {
	u.ln.Close()
	u.mu.Lock()
	for c := range u.conns {
		c.Close()
	}
	u.mu.Unlock()
	u.wg.Wait()
}
