package host

import (
	"io"
	"sync"
)

// lockedWriter serializes writes to w. With several isolates, each copy's
// console writes from its own loop; one Write is one line, so lines never
// interleave, and the embedder's writer need not be safe for concurrent
// use.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

// Write implements io.Writer.
func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
