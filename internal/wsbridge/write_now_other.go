//go:build !unix

package wsbridge

import "syscall"

// nowWriter would write without waiting; there is none here, so every
// frame goes to the writer goroutine.
type nowWriter struct{}

// newNowWriter returns nil: no writes that do not wait.
func newNowWriter(syscall.RawConn) *nowWriter { return nil }

// writeNow is never called on a nil writer.
func (*nowWriter) writeNow([]byte) int { return 0 }
