package host

import (
	"fmt"

	"workerhost/internal/wsbridge"
)

// restartStopped replaces an isolate whose WebAssembly the CPU limit
// stopped (its Wasm state was cut off mid-operation), once, in the
// background, as the platform replaces an isolate that exceeded its
// limit. It is called on the isolate's loop when the stop happens, and
// after each request; it never blocks.
func (s *Server) restartStopped(iso *isolate) {
	if !iso.wasmStopped.Load() || !s.current.Load().has(iso) || !iso.acquire() {
		return
	}
	if !iso.restarting.CompareAndSwap(false, true) {
		iso.release()
		return
	}
	fmt.Fprintf(s.opts.Log, "⎔ A WebAssembly call ran out of CPU time and its instance was stopped; restarting %s\n", s.opts.Script)
	// iso, held, is not stopped, so the count is above zero: Shutdown's
	// wait covers this goroutine.
	s.isolates.Add(1)
	go func() {
		defer s.isolates.Done()
		defer iso.release()
		if err := s.restart(iso); err != nil {
			s.reportError(err)
		}
	}()
}

// restart replaces iso, a copy of the current version, by a fresh copy of
// the same bundled script (what runs, not what is on disk now: a restart
// is no reload). Only that copy is replaced: the others keep their global
// state and their WebSockets, while iso's sockets are closed with 1012 as
// on a reload.
func (s *Server) restart(iso *isolate) error {
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	gen := s.current.Load()
	if s.stopped || !gen.has(iso) {
		return nil // shut down, or a reload replaced it meanwhile
	}
	fresh, err := startIsolate(gen.script, iso.opts)
	if err != nil {
		return err
	}
	s.track(fresh)
	s.current.Store(gen.replacing(iso, fresh))
	closed := s.sockets.closeOwned([]*isolate{iso}, wsbridge.StatusServiceRestart, "Service Restart")
	iso.retire()
	fmt.Fprintf(s.opts.Log, "⎔ Restarted %s; closed %s with 1012 (Service Restart)\n", s.opts.Script, webSockets(closed))
	return nil
}
