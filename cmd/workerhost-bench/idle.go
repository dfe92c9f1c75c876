package main

// Idle-connection memory: many WebSockets open and quiet, the server's
// resident memory before and after.

import (
	"context"
	"fmt"
	"time"
)

// idleSettle is how long the server is left quiet before its memory is
// read: long enough for an idle collection in either runtime (workerhost's
// collects once a second passes with little allocated, internal/gctune).
const idleSettle = 3 * time.Second

// idleWorkload opens b.sockets WebSockets to hello.js and reads the
// server's resident memory (VmRSS) before and after.
func idleWorkload() workload {
	return workload{
		name:  "idle-memory",
		about: "resident memory (VmRSS) of the server process at rest, and its growth per WebSocket with many open and idle (each after its handshake and one echo), each read after 3 s quiet",
		metrics: []metric{
			{name: "resident memory at rest, MiB", lower: true},
			{name: "memory per idle WebSocket, KiB", lower: true, goal: 2, goalText: "≥ 2× less"},
		},
		prepare: nothing,
		measure: func(b *bench, t target) ([]float64, error) {
			s, err := t.start(helloScript, "")
			if err != nil {
				return nil, err
			}
			defer s.stop()
			rest, per, err := idleMemory(s, b.sockets, b.settle)
			return []float64{rest / 1024, per}, err
		},
	}
}

// idleMemory returns the server's resident memory after one WebSocket
// echo, in KiB, and how much each of n more open WebSockets adds, each
// read after the server was left quiet for settle.
func idleMemory(s *server, n int, settle time.Duration) (rest, perSocket float64, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	warm, err := dialAll(ctx, s.url, 1, 64)
	closeAll(warm)
	if err != nil {
		return 0, 0, err
	}
	time.Sleep(settle)
	if rest, err = residentKiB(s.pid); err != nil {
		return 0, 0, err
	}
	cs, err := dialAll(ctx, s.url, n, 64)
	defer closeAll(cs)
	if err != nil {
		return 0, 0, fmt.Errorf("opening %d idle WebSockets: %w", n, err)
	}
	time.Sleep(settle)
	after, err := residentKiB(s.pid)
	if err != nil {
		return 0, 0, err
	}
	return rest, (after - rest) / float64(n), nil
}
