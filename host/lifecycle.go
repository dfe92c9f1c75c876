package host

import (
	"sync"
)

// lifecycle counts the requests and sockets using an isolate so that an
// isolate replaced by a reload stops only once the last of them is done.
type lifecycle struct {
	mu      sync.Mutex
	users   int
	retired bool
	stopped bool
	stop    func()
}

// acquire registers a user; it reports false for a retired isolate, which
// takes no new work.
func (l *lifecycle) acquire() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.retired {
		return false
	}
	l.users++
	return true
}

// release ends a use; the last one out of a retired isolate stops it.
func (l *lifecycle) release() {
	l.mu.Lock()
	l.users--
	last := l.retired && l.users == 0 && !l.stopped
	if last {
		l.stopped = true
	}
	l.mu.Unlock()
	if last {
		l.stop()
	}
}

// retire takes the isolate out of service; it stops now if unused.
func (l *lifecycle) retire() {
	l.mu.Lock()
	l.retired = true
	now := l.users == 0 && !l.stopped
	if now {
		l.stopped = true
	}
	l.mu.Unlock()
	if now {
		l.stop()
	}
}
