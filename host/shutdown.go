package host

import (
	"context"
	"fmt"
	"time"

	"workerhost/internal/wsbridge"
)

// DefaultGrace is how long Close gives in-flight requests and waitUntil
// work to finish.
const DefaultGrace = 10 * time.Second

// Close shuts the server down as Shutdown does, with DefaultGrace.
func (s *Server) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), DefaultGrace)
	defer cancel()
	return s.Shutdown(ctx)
}

// Shutdown stops the server gracefully, in this order:
//
//  1. it stops accepting connections and closes open WebSockets with 1001
//     (Going Away);
//  2. requests in flight finish;
//  3. promises passed to waitUntil settle;
//  4. the isolates (every copy, old versions too) stop.
//
// When ctx ends first, connections are cut, the isolates are told to stop,
// and Shutdown returns at once with an error that says what was still
// running; a script stuck in a loop may then leave its goroutine behind, so
// a process should exit after that error. Safe from any goroutine; call it
// once.
func (s *Server) Shutdown(ctx context.Context) error {
	if s.watcher != nil {
		s.watcher.close()
	}
	sockets := runAsync(func() { s.sockets.closeAll(wsbridge.StatusGoingAway, "") })
	if err := s.srv.Shutdown(ctx); err != nil {
		_ = s.srv.Close()
		runAsync(s.stopAll)
		return fmt.Errorf("failed to shut down: requests still running after the grace period: %w", err)
	}
	<-s.served
	for _, iso := range s.current.Load().isolates {
		if err := waitFor(ctx, iso.realm.WaitUntilSettled()); err != nil {
			runAsync(s.stopAll)
			return fmt.Errorf("failed to shut down: waitUntil work still pending after the grace period: %w", err)
		}
	}
	if err := waitFor(ctx, sockets); err != nil {
		runAsync(s.stopAll)
		return fmt.Errorf("failed to shut down: WebSockets still closing after the grace period: %w", err)
	}
	if err := waitFor(ctx, runAsync(s.stopAll)); err != nil {
		return fmt.Errorf("failed to shut down: the worker did not stop within the grace period (a loop that never ends?): %w", err)
	}
	return nil
}

// stopAll retires the current version, refuses further reloads and
// restarts, and waits until every isolate has stopped.
func (s *Server) stopAll() {
	s.reloadMu.Lock()
	s.stopped = true
	s.current.Load().retire()
	s.reloadMu.Unlock()
	s.sockets.wait()
	s.isolates.Wait()
}

// runAsync runs fn on a new goroutine and returns a channel closed when it
// returns.
func runAsync(fn func()) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	return done
}

// waitFor waits for done or for ctx to end.
func waitFor(ctx context.Context, done <-chan struct{}) error {
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
