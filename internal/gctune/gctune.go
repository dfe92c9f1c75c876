// Package gctune sets the Go garbage collector for a server whose live heap
// is small and whose requests allocate a lot: every goja object, closure
// and string is a Go allocation, so with Go's default (collect when the
// heap doubles) a worker with a 10 MB heap collects dozens of times a
// second under load, and the collector's assists slow the one loop that
// runs JavaScript.
//
// Tune gives the heap a floor of headroom instead: the next collection
// starts at twice the live heap or the live heap plus the floor, whichever
// is larger, re-set after every collection. A big heap keeps Go's own
// pacing. When the process goes quiet after a burst, it collects once and
// returns the free memory to the system, so an idle server's resident
// memory is what it really holds (V8 does the same on idle). The settings
// apply to the whole process; the command sets them, never the host
// package, whose embedders choose their own.
//
// Imports: the standard library only.
package gctune

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// DefaultFloor is the headroom a small heap gets before the next
// collection.
const DefaultFloor = 64 << 20

// idleTick is how often Tune checks whether the process went quiet, and
// idleAllocs the most a quiet second allocates.
const (
	idleTick   = time.Second
	idleAllocs = 1 << 20
)

// Tune starts tuning with the given floor in bytes and returns a function
// that stops it and restores Go's default. It does nothing when GOGC is
// set in the environment: the user's setting wins.
func Tune(floor uint64) (stop func()) {
	if _, set := os.LookupEnv("GOGC"); set || floor == 0 {
		return func() {}
	}
	t := &tuner{floor: floor, done: make(chan struct{})}
	t.arm()
	t.wg.Add(1)
	go t.watchIdle()
	return func() {
		t.mu.Lock()
		t.stopped = true
		debug.SetGCPercent(100)
		t.mu.Unlock()
		close(t.done)
		t.wg.Wait()
	}
}

// tuner re-sets the collector's goal after each collection.
type tuner struct {
	floor uint64
	done  chan struct{}
	wg    sync.WaitGroup

	mu      sync.Mutex // guards the two below, and the setting itself
	percent int
	stopped bool
}

// arm registers a cleanup on a fresh sentinel object: the first collection
// that finds it unreachable runs adjust, which arms the next one.
func (t *tuner) arm() {
	runtime.AddCleanup(new(sentinel), func(t *tuner) { t.adjust() }, t)
}

// sentinel holds a pointer so that it is never batched with other small
// objects (Go's tiny allocator), which could keep it alive past a
// collection.
type sentinel struct {
	_ *byte
	_ [8]byte
}

// adjust sets the percent for the live heap the last collection found.
func (t *tuner) adjust() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return
	}
	if p := Percent(liveHeap(), t.floor); p != t.percent {
		t.percent = p
		debug.SetGCPercent(p)
	}
	t.arm()
}

// Percent is the GOGC that starts the next collection at the larger of
// twice live and live plus floor.
func Percent(live, floor uint64) int {
	const minLive = 1 << 20
	live = max(live, minLive)
	return max(100, int(floor*100/live))
}

// watchIdle collects once, and returns free memory to the system, each
// time the process goes quiet after allocating.
func (t *tuner) watchIdle() {
	defer t.wg.Done()
	tick := time.NewTicker(idleTick)
	defer tick.Stop()
	last, busy := totalAllocs(), false
	for {
		select {
		case <-t.done:
			return
		case <-tick.C:
		}
		now := totalAllocs()
		quiet := now-last < idleAllocs
		last = now
		if quiet && busy {
			debug.FreeOSMemory()
			last = totalAllocs()
		}
		busy = !quiet
	}
}

// liveHeap is the heap the last collection marked live.
func liveHeap() uint64 { return readUint64("/gc/heap/live:bytes") }

// totalAllocs is every byte the process has allocated on the heap.
func totalAllocs() uint64 { return readUint64("/gc/heap/allocs:bytes") }

// readUint64 reads one runtime metric.
func readUint64(name string) uint64 {
	s := []metrics.Sample{{Name: name}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
