// Package jsruntimetest holds helpers for tests of code built on jsruntime.
// Only tests (and the conformance suite) import it; it imports only the
// standard library.
package jsruntimetest

import (
	"bytes"
	"sync"
)

// Buffer is a goroutine-safe bytes.Buffer, for capturing console and log
// output that the runtime's goroutines write while a test reads it.
type Buffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

// Write appends p.
func (b *Buffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

// String returns everything written so far.
func (b *Buffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
