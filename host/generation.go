package host

import (
	"cmp"
	"slices"
	"sync"
	"sync/atomic"

	"workerhost/bindings"
	"workerhost/jsruntime"
)

// generation is one version of the worker: its script, bundled and
// compiled once, and the copies of it (isolates, Options.Isolates of
// them) that serve requests, each on its own loop. A generation never
// changes once made: a reload swaps in a new one, and restarting one copy
// (restartStopped) swaps in one that differs in that copy alone.
type generation struct {
	script   *jsruntime.Script
	isolates []*isolate
	// next is where the next pick starts looking, so that ties between
	// equally busy copies go round-robin.
	next atomic.Uint32
}

// loadGeneration bundles the script once and starts opts.Isolates copies
// of it (goja Programs may run in several runtimes at once). A broken
// script comes back as a *jsruntime.ScriptError; if any copy fails to
// start, the others are stopped and the error of the first is returned.
//
// The first copy's runtime and Web APIs are made while esbuild bundles:
// the two take about as long, and a start is what a developer waits for.
func loadGeneration(opts Options) (*generation, error) {
	var first *isolate
	var firstErr error
	var wg sync.WaitGroup
	wg.Go(func() { first, firstErr = newIsolate(opts) })
	script, err := jsruntime.Bundle(jsruntime.BundleOptions{Entry: opts.Script, Source: opts.Source, Rules: opts.Rules, Builtins: bindings.ModulesFor(opts.Compat)})
	wg.Wait()
	if err != nil || firstErr != nil {
		if first != nil {
			first.close()
		}
		return nil, cmp.Or(err, firstErr)
	}
	isos, err := startIsolates(script, opts, max(opts.Isolates, 1), first)
	if err != nil {
		return nil, err
	}
	return &generation{script: script, isolates: isos}, nil
}

// startIsolates starts n copies of script, the first in first (made by
// newIsolate): the first alone, so that the others find its WebAssembly in
// the compilation cache, then the rest at once. It returns all of them, or
// none and the first copy's error.
func startIsolates(script *jsruntime.Script, opts Options, n int, first *isolate) ([]*isolate, error) {
	isos := make([]*isolate, n)
	errs := make([]error, n)
	if errs[0] = first.run(script); errs[0] == nil {
		isos[0] = first
	}
	if errs[0] == nil {
		var wg sync.WaitGroup
		for i := 1; i < n; i++ {
			wg.Go(func() { isos[i], errs[i] = startIsolate(script, opts) })
		}
		wg.Wait()
	}
	for _, err := range errs {
		if err != nil {
			for _, iso := range isos {
				if iso != nil {
					iso.close()
				}
			}
			return nil, err
		}
	}
	return isos, nil
}

// pick returns the copy with the fewest requests in flight (an open
// WebSocket counts as one); ties go round-robin. It takes no lock: one
// atomic add, and one atomic load per copy until an idle one is found.
// Safe from any goroutine.
func (g *generation) pick() *isolate {
	n := len(g.isolates)
	if n == 1 {
		return g.isolates[0]
	}
	start := int(g.next.Add(1) % uint32(n))
	best := g.isolates[start]
	load := best.users()
	for i := 1; i < n && load > 0; i++ {
		iso := g.isolates[(start+i)%n]
		if l := iso.users(); l < load {
			best, load = iso, l
		}
	}
	return best
}

// has reports whether iso is one of the generation's copies.
func (g *generation) has(iso *isolate) bool { return slices.Contains(g.isolates, iso) }

// replacing returns a generation like g with fresh in old's place.
func (g *generation) replacing(old, fresh *isolate) *generation {
	isos := slices.Clone(g.isolates)
	isos[slices.Index(isos, old)] = fresh
	return &generation{script: g.script, isolates: isos}
}

// retire takes every copy out of service; each stops once unused.
func (g *generation) retire() {
	for _, iso := range g.isolates {
		iso.retire()
	}
}

// close stops every copy at once; for a generation never served.
func (g *generation) close() {
	for _, iso := range g.isolates {
		iso.close()
	}
}
