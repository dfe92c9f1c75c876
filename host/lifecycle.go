package host

import (
	"sync/atomic"
)

// retiredBit marks a retired isolate in lifecycle.state, above any count
// of users.
const retiredBit = int64(1) << 62

// lifecycle counts the requests and sockets using an isolate so that an
// isolate replaced by a reload stops only once the last of them is done.
// It takes no lock: one word holds the count of users and the retired
// mark, so a request's acquire and release are one atomic operation each
// and the count doubles as the isolate's load (generation.pick).
type lifecycle struct {
	state   atomic.Int64 // users, plus retiredBit once retired
	stopped atomic.Bool
	stop    func()
}

// acquire registers a user; it reports false for a retired isolate, which
// takes no new work.
func (l *lifecycle) acquire() bool {
	for {
		s := l.state.Load()
		if s&retiredBit != 0 {
			return false
		}
		if l.state.CompareAndSwap(s, s+1) {
			return true
		}
	}
}

// release ends a use; the last one out of a retired isolate stops it.
func (l *lifecycle) release() {
	if l.state.Add(-1) == retiredBit {
		l.stopOnce()
	}
}

// retire takes the isolate out of service; it stops now if unused.
func (l *lifecycle) retire() {
	if s := l.state.Or(retiredBit); s == 0 {
		l.stopOnce()
	}
}

// users is how many requests and sockets use the isolate now: its load.
func (l *lifecycle) users() int64 { return l.state.Load() &^ retiredBit }

// stopOnce calls stop the first time only.
func (l *lifecycle) stopOnce() {
	if l.stopped.CompareAndSwap(false, true) {
		l.stop()
	}
}
