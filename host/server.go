package host

import (
	"fmt"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"workerhost/internal/config"
	"workerhost/internal/httpguard"
	"workerhost/internal/wsbridge"
	"workerhost/jsruntime"
)

// Server serves one worker over HTTP. Create it with [Start].
type Server struct {
	opts    Options
	current atomic.Pointer[generation] // the version new requests go to
	ln      net.Listener
	srv     *http.Server

	sockets  socketSet      // open WebSocket bridges
	served   chan struct{}  // closed when Serve returns
	isolates sync.WaitGroup // every isolate not yet stopped, and restarts under way
	live     atomic.Int64   // how many isolates that is
	reloadMu sync.Mutex     // held while current changes
	stopped  bool           // set, under reloadMu, once shutdown retired current
	watcher  *watcher
}

// Start loads the worker in opts and serves it on addr ("127.0.0.1:0" picks
// a free port). A script that fails to load is returned as a
// *jsruntime.ScriptError and nothing is served.
func Start(opts Options, addr string) (*Server, error) {
	if opts.Isolates < 0 {
		return nil, fmt.Errorf("failed to start: Isolates is %d, want 1 or more (0 means 1)", opts.Isolates)
	}
	if opts.Isolates > 1 && len(opts.DurableObjects) > 0 {
		return nil, fmt.Errorf("failed to start: Durable Objects run in one isolate, so Isolates must be 1 with Durable Object bindings (it is %d)", opts.Isolates)
	}
	opts = opts.withDefaults()
	if opts.Isolates > 1 {
		opts.Console = &lockedWriter{w: opts.Console}
	}
	gen, err := loadGeneration(opts)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		gen.close()
		return nil, fmt.Errorf("failed to listen on %s: %w", addr, err)
	}
	s := &Server{opts: opts, ln: ln, served: make(chan struct{})}
	s.trackAll(gen)
	s.current.Store(gen)
	s.sockets.init()
	if opts.Watch {
		if s.watcher, err = s.watch(gen.script.Inputs); err != nil {
			ln.Close()
			gen.retire()
			return nil, err
		}
	}
	s.srv = s.newHTTPServer()
	go s.serve(ln)
	return s, nil
}

// URL is the server's base URL, "http://127.0.0.1:PORT".
func (s *Server) URL() string { return "http://" + s.ln.Addr().String() }

// Addr is the address the server listens on.
func (s *Server) Addr() net.Addr { return s.ln.Addr() }

// ServeHTTP turns one HTTP request into a fetch event and writes the
// worker's Response.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.isScheduledTrigger(r) {
		s.serveScheduled(w, r)
		return
	}
	start := time.Now()
	g := httpguard.Take(r)
	body := newRequestBody(r, g)
	end := requestEnd{body: body} // a WebSocket takes it over
	defer end.run()
	if g != nil && g.Reject != nil {
		writeRejection(w, g, body)
		return
	}
	// The worker reads the body while the response is written (an echo).
	_ = http.NewResponseController(w).EnableFullDuplex()
	in := incomingRequest(r, g, body)
	upgrade := strings.EqualFold(r.Header.Get("Upgrade"), "websocket")
	iso := s.acquire()
	end.iso = iso
	ctx, done, ok := iso.startEvent("fetch "+r.Method+" "+r.URL.RequestURI(), func(ctx *jsruntime.IOContext, done chan<- fetchOutcome) {
		iso.dispatchFetch(ctx, in, upgrade, done)
	})
	if !ok {
		http.Error(w, "", http.StatusServiceUnavailable)
		return
	}
	// When the response is sent (or the client went away), the request
	// ends: its leftover work is cancelled unless waitUntil() holds it.
	end.ctx = ctx
	var out fetchOutcome
	select {
	case out = <-done:
	case <-r.Context().Done():
		s.logRequest(r, 499, "Client Closed Request", start)
		return
	}
	s.writeOutcome(w, r, iso, out, start, &end)
	s.restartStopped(iso)
}

// acquire returns the least busy isolate of the current version,
// registered as used by the caller.
func (s *Server) acquire() *isolate {
	for {
		if iso := s.current.Load().pick(); iso.acquire() {
			return iso
		}
	}
}

// trackAll tracks each isolate of gen.
func (s *Server) trackAll(gen *generation) {
	for _, iso := range gen.isolates {
		s.track(iso)
	}
}

// track counts an isolate until it stops.
func (s *Server) track(iso *isolate) {
	s.isolates.Add(1)
	s.live.Add(1)
	restart := func() { s.restartStopped(iso) }
	iso.onWasmStopped.Store(&restart)
	stop := iso.stop
	iso.stop = func() {
		stop()
		s.live.Add(-1)
		s.isolates.Done()
	}
}

// writeOutcome writes the fetch event's result: an error as workerd's bare
// 500 (503 for an exceeded limit; after the request's body broke, no answer
// at all, as workerd), a 101 as a WebSocket bridge, anything else as an
// HTTP response.
func (s *Server) writeOutcome(w http.ResponseWriter, r *http.Request, iso *isolate, out fetchOutcome, start time.Time, end *requestEnd) {
	body := end.body
	switch {
	case out.err != nil:
		s.reportError(out.err)
		if body.broken() {
			body.kill()
			panic(http.ErrAbortHandler) // closes the connection unanswered
		}
		// As for any response: a body left unread is dropped when it has
		// arrived, and otherwise the connection closes after the answer.
		// (Killing it outright let net/http's own drain start a read
		// behind its back: "invalid concurrent Body.Read call".)
		body.settleBeforeHead(w.Header())
		status := http.StatusInternalServerError
		if out.err.Overloaded {
			status = http.StatusServiceUnavailable
		}
		if iso.opts.ErrorPages {
			writeErrorPage(w, r, status, out.err)
		} else {
			writeWorkerdError(w, status)
		}
		s.logRequest(r, status, http.StatusText(status), start)
	case out.resp.WebSocket != nil:
		s.logRequest(r, http.StatusSwitchingProtocols, "Switching Protocols", start)
		body.upgraded()
		s.serveWebSocket(w, r, iso, out.resp, end)
	default:
		status, text := writeResponse(w, r, out.resp, body)
		s.logRequest(r, status, text, start)
	}
}

// reportError logs an uncaught handler error with its stack, as workerd
// logs "Uncaught (in response)".
func (s *Server) reportError(err error) {
	if !s.opts.LogLevel.Allows(config.LevelError) {
		return
	}
	fmt.Fprintf(s.opts.Log, "%s\n", s.paint(colorRed, "Uncaught (in response) "+jsruntime.FormatError(err)))
}

// reportScheduledError logs the error a scheduled handler threw.
func (s *Server) reportScheduledError(err error) {
	if !s.opts.LogLevel.Allows(config.LevelError) {
		return
	}
	fmt.Fprintf(s.opts.Log, "%s\n", s.paint(colorRed, "Uncaught "+jsruntime.FormatError(err)))
}

// logRequest prints one line per request the way wrangler dev does.
func (s *Server) logRequest(r *http.Request, status int, text string, start time.Time) {
	if !s.opts.LogLevel.Allows(config.LevelInfo) {
		return
	}
	ms := time.Since(start).Milliseconds()
	line := fmt.Sprintf("%s %s %s (%dms)", r.Method, r.URL.RequestURI(), s.paint(statusColor(status), strconv.Itoa(status)+" "+text), ms)
	fmt.Fprintf(s.opts.Log, "%s %s\n", s.paint(colorDim, "[workerhost:info]"), line)
}

// socketSet tracks open WebSocket bridges, and the isolate each belongs
// to, so Close and Reload can end them.
type socketSet struct {
	mu     sync.Mutex
	open   map[*wsbridge.Bridge]*isolate
	closed bool
	wg     sync.WaitGroup
}

func (ss *socketSet) init() { ss.open = make(map[*wsbridge.Bridge]*isolate) }

// add registers b; it reports false when the server is closing.
func (ss *socketSet) add(b *wsbridge.Bridge, iso *isolate) bool {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.closed {
		return false
	}
	ss.open[b] = iso
	ss.wg.Add(1)
	return true
}

func (ss *socketSet) remove(b *wsbridge.Bridge) {
	ss.mu.Lock()
	delete(ss.open, b)
	ss.mu.Unlock()
	ss.wg.Done()
}

// closeAll closes every open bridge with code and refuses new ones.
func (ss *socketSet) closeAll(code int, reason string) {
	ss.mu.Lock()
	ss.closed = true
	ss.mu.Unlock()
	ss.closeWhere(func(*isolate) bool { return true }, code, reason).Wait()
}

// closeOwned starts closing the bridges of the given isolates and reports
// how many there were; the closes finish in the background.
func (ss *socketSet) closeOwned(isos []*isolate, code int, reason string) int {
	owned := func(owner *isolate) bool { return slices.Contains(isos, owner) }
	ss.mu.Lock()
	n := 0
	for _, owner := range ss.open {
		if owned(owner) {
			n++
		}
	}
	ss.mu.Unlock()
	ss.closeWhere(owned, code, reason)
	return n
}

// closeWhere closes the matching bridges, each on its own goroutine; the
// bridges' own accounting (wg) covers those goroutines, since a bridge is
// removed only after its close handshake.
func (ss *socketSet) closeWhere(match func(*isolate) bool, code int, reason string) *sync.WaitGroup {
	ss.mu.Lock()
	var targets []*wsbridge.Bridge
	for b, owner := range ss.open {
		if match(owner) {
			targets = append(targets, b)
		}
	}
	ss.mu.Unlock()
	var wg sync.WaitGroup
	for _, b := range targets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b.CloseWith(code, reason)
		}()
	}
	return &wg
}

func (ss *socketSet) wait() { ss.wg.Wait() }
