package main

// Hibernated-socket memory: many WebSockets in one Durable Object room,
// quiet long enough for the runtime to evict the object and keep only the
// sockets, then the server's resident memory, as idle-memory reads it.

import (
	"context"
	"fmt"
	"time"
)

// hibernateAfter is how long both runtimes leave an object with only
// hibernatable sockets and no events before evicting it (workerhost's is
// exactly this; workerd's about the same).
const hibernateAfter = 10 * time.Second

// hibernatedWorkload opens b.sockets WebSockets to the room of
// scripts/bench/broadcast.js and reads the server's resident memory
// before and after they hibernate.
func hibernatedWorkload() workload {
	return workload{
		name: "hibernated-memory",
		about: "resident memory (VmRSS) of the server process with the room's worker at rest (scripts/bench/broadcast.js, one socket joined and gone), " +
			"and its growth per WebSocket with many joined to the room and quiet past the 10 s after which the object is evicted (then one message must still reach them all)",
		metrics: []metric{
			{name: "resident memory at rest, MiB", lower: true},
			{name: "memory per hibernated WebSocket, KiB", lower: true},
		},
		prepare: nothing,
		measure: func(b *bench, t target) ([]float64, error) {
			s, err := t.startDurable(roomWorker)
			if err != nil {
				return nil, err
			}
			defer s.stop()
			rest, per, err := hibernatedMemory(s, b.sockets, b.settle, b.hibernate)
			return []float64{rest / 1024, per}, err
		},
	}
}

// hibernatedMemory returns the server's resident memory after one socket
// joined the room, sent a message and left, in KiB, and how much each of n
// more sockets in the room adds once quiet for hibernate; the first is
// read after settle. It checks that a message then reaches all n.
func hibernatedMemory(s *server, n int, settle, hibernate time.Duration) (rest, perSocket float64, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	warm, err := joinRoom(ctx, s.url, 1)
	if err == nil {
		err = checkBroadcast(ctx, warm, "warm-up")
	}
	closeAll(warm)
	if err != nil {
		return 0, 0, err
	}
	time.Sleep(settle)
	if rest, err = residentKiB(s.pid); err != nil {
		return 0, 0, err
	}
	cs, err := joinRoom(ctx, s.url, n)
	defer closeAll(cs)
	if err != nil {
		return 0, 0, fmt.Errorf("joining %d WebSockets to the room: %w", n, err)
	}
	time.Sleep(hibernate)
	after, err := residentKiB(s.pid)
	if err != nil {
		return 0, 0, err
	}
	if err := checkBroadcast(ctx, cs, "after hibernation"); err != nil {
		return 0, 0, err
	}
	return rest, (after - rest) / float64(n), nil
}
