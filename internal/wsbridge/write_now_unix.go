//go:build unix

package wsbridge

import "syscall"

// nowWriter writes to a socket without waiting. Each bridge makes one, so
// that a write does not allocate its callback; only the goroutine that
// sends frames (the script's loop) uses it.
type nowWriter struct {
	rc syscall.RawConn
	p  []byte
	n  int
	fn func(fd uintptr) bool // write, made once
}

// newNowWriter returns a writer to rc, or nil when rc is nil.
func newNowWriter(rc syscall.RawConn) *nowWriter {
	if rc == nil {
		return nil
	}
	w := &nowWriter{rc: rc}
	w.fn = w.write
	return w
}

// writeNow writes as much of p as the socket takes without waiting and
// returns how much that was.
func (w *nowWriter) writeNow(p []byte) int {
	w.p, w.n = p, 0
	_ = w.rc.Write(w.fn)
	n := w.n
	w.p = nil
	return n
}

// write is the RawConn callback: it never asks to wait for the socket.
func (w *nowWriter) write(fd uintptr) bool {
	for w.n < len(w.p) {
		m, err := syscall.Write(int(fd), w.p[w.n:])
		if m > 0 {
			w.n += m
		}
		if err == syscall.EINTR {
			continue
		}
		if err != nil || m <= 0 {
			break
		}
	}
	return true
}
