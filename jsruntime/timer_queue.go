package jsruntime

// The timers' due times, kept in one heap per runtime with one Go timer for
// the earliest, so that callbacks are queued to the loop in the order the
// HTML standard gives them: by due time, and by when they were set for
// equal times. A Go timer per JS timer would queue each from a goroutine
// of its own, which a loaded machine may run in any order.

import (
	"container/heap"
	"sync"
	"time"
)

// dueTimer is one entry of the heap: timer id, armed at round (an
// interval is armed again each time it fires), due at due; seq breaks ties.
type dueTimer struct {
	due   time.Time
	seq   uint64
	id    int64
	round uint64
}

// dueHeap orders entries by due time, then seq.
type dueHeap []dueTimer

// Len is heap.Interface's: the number of entries.
func (h dueHeap) Len() int { return len(h) }

// Less orders by due time, then seq.
func (h dueHeap) Less(i, j int) bool {
	if !h[i].due.Equal(h[j].due) {
		return h[i].due.Before(h[j].due)
	}
	return h[i].seq < h[j].seq
}

// Swap is heap.Interface's.
func (h dueHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }

// Push is heap.Interface's.
func (h *dueHeap) Push(x any) { *h = append(*h, x.(dueTimer)) }

// Pop is heap.Interface's.
func (h *dueHeap) Pop() any {
	old := *h
	e := old[len(old)-1]
	*h = old[:len(old)-1]
	return e
}

// arm puts t (id) in the heap, due after its interval from now, and wakes
// the Go timer earlier if it is now the first. With tt.mu held.
func (tt *timerTable) arm(id int64, t *timer) {
	tt.seq++
	t.round = tt.seq
	heap.Push(&tt.due, dueTimer{due: time.Now().Add(t.interval), seq: tt.seq, id: id, round: t.round})
	tt.rewake()
}

// rewake sets the Go timer to the earliest live entry. With tt.mu held.
func (tt *timerTable) rewake() {
	for len(tt.due) > 0 && !tt.live(tt.due[0]) {
		heap.Pop(&tt.due)
	}
	if len(tt.due) == 0 {
		if tt.wake != nil {
			tt.wake.Stop()
		}
		return
	}
	d := time.Until(tt.due[0].due)
	if tt.wake == nil {
		tt.wake = time.AfterFunc(d, tt.expire)
		return
	}
	tt.wake.Reset(d)
}

// compact drops the entries of cleared timers once they outnumber the
// live ones, so that timers set and cleared in a loop do not pile up until
// their due times. With tt.mu held.
func (tt *timerTable) compact() {
	if len(tt.due) < 64 || len(tt.due) < 2*len(tt.byID) {
		return
	}
	kept := tt.due[:0]
	for _, e := range tt.due {
		if tt.live(e) {
			kept = append(kept, e)
		}
	}
	clear(tt.due[len(kept):])
	tt.due = kept
	heap.Init(&tt.due)
}

// live reports whether an entry is still its timer's current arming.
func (tt *timerTable) live(e dueTimer) bool {
	t, ok := tt.byID[e.id]
	return ok && t.round == e.round
}

// expire queues every due timer's callback to the loop, earliest first.
// On the Go timer's goroutine; fireMu keeps two of them from interleaving.
func (tt *timerTable) expire() {
	tt.fireMu.Lock()
	defer tt.fireMu.Unlock()
	tt.mu.Lock()
	now := time.Now()
	var due []dueTimer
	var ctxs []*IOContext
	for len(tt.due) > 0 && !tt.due[0].due.After(now) {
		e := heap.Pop(&tt.due).(dueTimer)
		if tt.live(e) {
			due = append(due, e)
			ctxs = append(ctxs, tt.byID[e.id].ctx)
		}
	}
	tt.rewake()
	fire := tt.fire
	tt.mu.Unlock()
	for i, e := range due {
		fire(ctxs[i], e.id, e.round)
	}
}

// timerQueue is what timerTable adds for ordering: the heap, the Go timer
// and how a due timer reaches the loop.
type timerQueue struct {
	due    dueHeap
	seq    uint64
	wake   *time.Timer
	fireMu sync.Mutex
	// fire queues timer id's callback (armed at round) to the loop.
	fire func(ctx *IOContext, id int64, round uint64)
}
