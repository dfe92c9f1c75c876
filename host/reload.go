package host

import (
	"fmt"

	"workerhost/internal/wsbridge"
)

// Reload loads the worker again and sends new requests to the new version.
// If the new version fails to build or to start, the old one keeps serving
// and the error (a *jsruntime.ScriptError for a broken script) is returned.
// Open WebSockets of the old version are closed with 1012 (Service
// Restart), as production closes them on a deploy, unless KeepSockets is
// set; the old version stops once nothing uses it. Safe from any goroutine.
func (s *Server) Reload() error {
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	opts := s.opts // s.opts never changes; each isolate keeps its own
	if opts.Reconfigure != nil {
		fresh, err := opts.Reconfigure()
		if err != nil {
			return err
		}
		fresh.Console, fresh.Log = opts.Console, opts.Log
		fresh.Watch, fresh.WatchFiles, fresh.Reconfigure, fresh.KeepSockets = opts.Watch, opts.WatchFiles, opts.Reconfigure, opts.KeepSockets
		fresh.ErrorPages, fresh.LogLevel, fresh.Color = opts.ErrorPages, opts.LogLevel, opts.Color
		opts = fresh.withDefaults()
	}
	iso, err := loadIsolate(opts)
	if err != nil {
		return err
	}
	s.track(iso)
	old := s.current.Swap(iso)
	if s.watcher != nil {
		s.watcher.follow(iso.script.Inputs)
	}
	closed := 0
	if !opts.KeepSockets {
		closed = s.sockets.closeIsolate(old, wsbridge.StatusServiceRestart, "Service Restart")
	}
	old.retire()
	logReload(opts, closed)
	return nil
}

// logReload says what a reload did with the open WebSockets.
func logReload(opts Options, closed int) {
	switch {
	case opts.KeepSockets:
		fmt.Fprintf(opts.Log, "⎔ Reloaded %s; open WebSockets stay on the previous version until they close\n", opts.Script)
	case closed == 1:
		fmt.Fprintf(opts.Log, "⎔ Reloaded %s; closed 1 WebSocket with 1012 (Service Restart)\n", opts.Script)
	default:
		fmt.Fprintf(opts.Log, "⎔ Reloaded %s; closed %d WebSockets with 1012 (Service Restart)\n", opts.Script, closed)
	}
}

// restartStopped replaces an isolate whose WebAssembly the CPU limit
// stopped (its Wasm state was cut off mid-operation), once, in the
// background, as the platform replaces an isolate that exceeded its
// limit. It is called on the isolate's loop when the stop happens, and
// after each request; it never blocks.
func (s *Server) restartStopped(iso *isolate) {
	if !iso.wasmStopped.Load() || s.current.Load() != iso || !iso.restarting.CompareAndSwap(false, true) {
		return
	}
	fmt.Fprintf(s.opts.Log, "⎔ A WebAssembly call ran out of CPU time and its instance was stopped; restarting %s\n", s.opts.Script)
	go func() {
		if err := s.Reload(); err != nil {
			s.reportError(err)
		}
	}()
}
