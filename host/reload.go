package host

import (
	"errors"
	"fmt"

	"workerhost/internal/wsbridge"
)

// errShutDown is Reload's answer once Shutdown has stopped the worker.
var errShutDown = errors.New("failed to reload: the server is shut down")

// Reload loads the worker again and sends new requests to the new version
// (all its isolates, started together). If the new version fails to build
// or to start, the old one keeps serving and the error (a
// *jsruntime.ScriptError for a broken script) is returned. Open WebSockets
// of the old version are closed with 1012 (Service Restart), as production
// closes them on a deploy, unless KeepSockets is set; the old version stops
// once nothing uses it. Safe from any goroutine.
func (s *Server) Reload() error {
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	if s.stopped {
		return errShutDown
	}
	opts, err := s.reloadOptions()
	if err != nil {
		return err
	}
	gen, err := loadGeneration(opts)
	if err != nil {
		return err
	}
	s.trackAll(gen)
	old := s.current.Swap(gen)
	if s.watcher != nil {
		s.watcher.follow(gen.script.Inputs)
	}
	closed := 0
	if !opts.KeepSockets {
		closed = s.sockets.closeOwned(old.isolates, wsbridge.StatusServiceRestart, "Service Restart")
	}
	old.retire()
	logReload(opts, closed)
	return nil
}

// reloadOptions returns the options of the next version: the server's,
// or Reconfigure's with what belongs to the server (output, watching,
// sockets, logging, the number of isolates) kept.
func (s *Server) reloadOptions() (Options, error) {
	opts := s.opts // s.opts never changes; each isolate keeps its own
	if opts.Reconfigure == nil {
		return opts, nil
	}
	fresh, err := opts.Reconfigure()
	if err != nil {
		return Options{}, err
	}
	fresh.Console, fresh.Log, fresh.Isolates = opts.Console, opts.Log, opts.Isolates
	fresh.Watch, fresh.WatchFiles, fresh.Reconfigure, fresh.KeepSockets = opts.Watch, opts.WatchFiles, opts.Reconfigure, opts.KeepSockets
	fresh.ErrorPages, fresh.LogLevel, fresh.Color = opts.ErrorPages, opts.LogLevel, opts.Color
	fresh.TestScheduled = opts.TestScheduled
	fresh.caches = opts.caches
	return fresh.withDefaults(), nil
}

// logReload says what a reload did with the open WebSockets.
func logReload(opts Options, closed int) {
	switch {
	case opts.KeepSockets:
		fmt.Fprintf(opts.Log, "⎔ Reloaded %s; open WebSockets stay on the previous version until they close\n", opts.Script)
	default:
		fmt.Fprintf(opts.Log, "⎔ Reloaded %s; closed %s with 1012 (Service Restart)\n", opts.Script, webSockets(closed))
	}
}

// webSockets is "1 WebSocket" or "N WebSockets".
func webSockets(n int) string {
	if n == 1 {
		return "1 WebSocket"
	}
	return fmt.Sprintf("%d WebSockets", n)
}
