package host

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"workerhost/jsruntime"
)

// debounce is how long a burst of file events (an editor's save) is
// collected before one reload.
const debounce = 50 * time.Millisecond

// watcher reloads the server when a file of the worker changes. It watches
// directories, since editors often replace a file rather than write it.
type watcher struct {
	s    *Server
	fsw  *fsnotify.Watcher
	done chan struct{}

	mu    sync.Mutex
	files map[string]bool // the files whose change matters
	dirs  map[string]bool // the directories being watched
}

// watch starts watching inputs (the bundle's files) and the configured
// extra files.
func (s *Server) watch(inputs []string) (*watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("failed to watch files: %w", err)
	}
	w := &watcher{s: s, fsw: fsw, done: make(chan struct{}), files: map[string]bool{}, dirs: map[string]bool{}}
	w.follow(inputs)
	go w.loop()
	return w, nil
}

// follow makes the watched set the given inputs plus the extra files;
// packages under node_modules are left out. Safe from any goroutine.
func (w *watcher) follow(inputs []string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.files = map[string]bool{}
	for _, f := range append(append([]string(nil), inputs...), w.s.opts.WatchFiles...) {
		abs, err := filepath.Abs(f)
		if err != nil || strings.Contains(abs, string(filepath.Separator)+"node_modules"+string(filepath.Separator)) {
			continue
		}
		w.files[abs] = true
		if dir := filepath.Dir(abs); !w.dirs[dir] {
			if err := w.fsw.Add(dir); err == nil {
				w.dirs[dir] = true
			}
		}
	}
}

// matters reports whether an event's file is one of the worker's.
func (w *watcher) matters(name string) bool {
	abs, err := filepath.Abs(name)
	if err != nil {
		return false
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.files[abs]
}

// loop turns bursts of relevant events into reloads until close.
func (w *watcher) loop() {
	defer close(w.done)
	var timer *time.Timer
	var fire <-chan time.Time
	for {
		select {
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if ev.Op&(fsnotify.Write|fsnotify.Create|fsnotify.Rename|fsnotify.Remove) == 0 || !w.matters(ev.Name) {
				continue
			}
			if timer == nil {
				timer = time.NewTimer(debounce)
			} else {
				timer.Reset(debounce)
			}
			fire = timer.C
		case <-fire:
			fire = nil
			w.reload()
		case _, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
		}
	}
}

// reload reloads and reports a failure without stopping the old version.
func (w *watcher) reload() {
	if err := w.s.Reload(); err != nil {
		fmt.Fprintf(w.s.opts.Log, "✘ [ERROR] %s\n  (still serving the previous version)\n", jsruntime.FormatError(err))
	}
}

// close stops watching and waits for the loop to end.
func (w *watcher) close() {
	w.fsw.Close()
	<-w.done
}
