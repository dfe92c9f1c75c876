package wsbridge

// Writing a frame at once from the goroutine that sends it (the script's
// loop), as workerd does, when the socket takes it without waiting: no
// writer goroutine to start, no other thread to wake.

import (
	"net"
	"syscall"
)

// rawConnFor returns what a frame can be written to without blocking: the
// socket under c, when c is one (*net.TCPConn) or passes writes on to one
// unchanged (the HTTP guard's connection); nil otherwise (TLS, which
// encrypts).
func rawConnFor(c net.Conn) syscall.RawConn {
	if u, ok := c.(interface{ Underlying() net.Conn }); ok {
		c = u.Underlying()
	}
	sc, ok := c.(*net.TCPConn)
	if !ok {
		return nil
	}
	rc, err := sc.SyscallConn()
	if err != nil {
		return nil
	}
	return rc
}

// tryWrite writes f now if the socket takes it without waiting, and
// reports whether it did: false leaves f to the writer goroutine. Only
// without compression, only while no writer runs (the peer sees to that),
// and only at a boundary between frames with no control frame waiting.
// Should the socket take only part of the frame, a goroutine writes the
// rest, holding the gate's write lock meanwhile so that nothing comes
// between. What it wrote is reported with Sent.
func (b *Bridge) tryWrite(f Frame) bool {
	g := b.gate
	if b.now == nil || f.Kind == FrameClose || maxHeaderSize+len(f.Data) > writeBufferSize || !g.wmu.TryLock() {
		return false
	}
	if !g.atBoundary() || g.controlPending() || g.isCloseSent() {
		g.wmu.Unlock()
		return false
	}
	bp := writeBuffers.Get().(*[]byte)
	op := byte(opText)
	if f.Kind == FrameBinary {
		op = opBinary
	}
	buf := appendFrame((*bp)[:0], op, f.Data, g.client)
	n := b.now.writeNow(buf)
	switch {
	case n == len(buf):
		g.wmu.Unlock()
		writeBuffers.Put(bp)
		b.peer.Sent(len(f.Data))
		return true
	case n == 0:
		g.wmu.Unlock()
		writeBuffers.Put(bp)
		return false
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.writeOver { // the connection is ending: the rest would not matter
		g.wmu.Unlock()
		writeBuffers.Put(bp)
		return true
	}
	b.writers.Add(1)
	go func() {
		defer b.writers.Done()
		_, err := g.Conn.Write(buf[n:])
		g.wmu.Unlock()
		writeBuffers.Put(bp)
		if err == nil {
			b.peer.Sent(len(f.Data))
		}
	}()
	return true
}
