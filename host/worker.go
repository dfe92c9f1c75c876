// Package host serves a worker script over real HTTP and WebSocket
// connections: it loads the script into an isolate (a jsruntime.Runtime with
// the Web APIs installed), turns each HTTP request into a fetch event, writes
// the Response back, and bridges WebSocket upgrades through internal/wsbridge.
//
// It owns the server, the isolates (one, or Options.Isolates copies of the
// worker that share the requests) and their lifetime (reload, watching,
// shutdown), and the request log and error pages. Requests are read through
// internal/httpguard, which holds them to workerd's limits; bodies are
// streamed to the worker as it reads them. It imports bindings and
// jsruntime, and from internal/ config, httpguard and wsbridge; it never
// imports testing code, and only package cmd/workerhost and embedders
// import it.
//
// The package is importable so a Go program or test can run a worker
// in-process:
//
//	srv, err := host.Start(host.Options{Script: "worker.js"}, "127.0.0.1:0")
//	if err != nil { ... } // a *jsruntime.ScriptError for a broken script
//	defer srv.Close()
//	resp, err := http.Get(srv.URL())
//
// Options.Source runs a script given as a string. See [Start] and the
// package example.
package host

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"

	"workerhost/bindings"
	"workerhost/internal/config"
	"workerhost/jsruntime"
)

// Options describes the worker to run. The zero value of each optional field
// is the default.
type Options struct {
	// Script is the path of the worker's entry file (service-worker or ES
	// module format; imports are bundled), or the name of Source.
	Script string
	// Source, when set, is the script's code as a string; relative imports
	// resolve from the working directory.
	Source string
	// Rules are wrangler's module rules for non-JavaScript imports.
	Rules []jsruntime.Rule
	// Watch reloads the worker when the script, one of its imports, or a
	// file in WatchFiles changes (see Server.Reload).
	Watch bool
	// WatchFiles are more files whose change reloads the worker (the
	// wrangler config).
	WatchFiles []string
	// Reconfigure, if set, is called on each reload for fresh options
	// (the CLI re-reads the wrangler config); Watch fields are ignored in
	// what it returns.
	Reconfigure func() (Options, error)
	// ErrorPages answers a request whose handler threw with the error and
	// its stack (an HTML page for browsers) instead of workerd's bare 500.
	ErrorPages bool
	// LogLevel drops console output and request lines below it (request
	// lines count as info); the zero value prints everything.
	LogLevel LogLevel
	// Color colours the log lines (for a terminal).
	Color bool
	// KeepSockets leaves open WebSockets on the old version after a reload,
	// until they close; by default they are closed with 1012 (Service
	// Restart) so clients reconnect to the new code.
	KeepSockets bool
	// TestScheduled makes GET /__scheduled trigger a scheduled event, as
	// wrangler dev's --test-scheduled does (/cdn-cgi/handler/scheduled
	// always does).
	TestScheduled bool
	// CPULimit is the CPU time one request may use, counted over all the
	// JS it runs (its handler, promise callbacks, timers, WebSocket
	// listeners) but not its waiting for I/O or timers, as the
	// platform's cpu_ms limit. Past it the JS is interrupted and the
	// request gets workerd's 503. Zero means DefaultCPULimit; a negative
	// value turns the limit off.
	CPULimit time.Duration
	// Compat is the compatibility date and flags; zero means the newest date.
	Compat Compat
	// Vars are plain bindings (strings, or JSON values as decoded by
	// encoding/json): `env.KEY` for modules, globals for service-worker
	// scripts.
	Vars map[string]any
	// Isolates is how many copies of the worker serve requests, each with
	// its own runtime on its own loop; 0 or 1 is one, as in wrangler dev.
	// More suit a stateless worker: the script is bundled once and its top
	// level runs in each copy, so global state (a counter in module scope)
	// is per copy; each request goes to the copy with the fewest requests
	// in flight, and a WebSocket stays on the copy that accepted it. A
	// reload replaces all copies together. Negative is an error.
	Isolates int
	// Console receives the script's console output. Defaults to os.Stdout.
	// With more than one isolate, the copies' writes (one per line) are
	// serialized, so a writer that is not safe for concurrent use is fine.
	Console io.Writer
	// Log receives one line per request and the errors the worker throws.
	// Defaults to os.Stderr.
	Log io.Writer
	// Name is the worker's name (wrangler's `name`); with a class name it
	// makes a Durable Object namespace's unique key, "<Name>-<ClassName>",
	// as wrangler does, so IDs from idFromName are stable across runs.
	// Empty means "worker".
	Name string
	// DurableObjects are the worker's Durable Object namespaces, each bound
	// in env under its Binding and run by the module's exported class.
	DurableObjects []DurableObject
	// Storage is the directory Durable Objects keep their data under (one
	// SQLite database per object, as wrangler's .wrangler/state/v3/do);
	// "" keeps it in memory, lost when the server stops.
	Storage string
	// HeaderTimeout bounds the wait for a connection's first request head,
	// all of it, from the connection's start; IdleTimeout bounds the wait
	// for the next whole head on a kept-alive connection, from the end of
	// the previous response. Either way the connection then closes without
	// an answer. Zero means workerd's 15 s, a negative value no limit.
	HeaderTimeout, IdleTimeout time.Duration

	// caches is the Cache API's storage, one for the server: its isolates
	// and the versions reloads make share it, as wrangler dev's one cache.
	caches *bindings.CacheStore
}

// withDefaults returns a copy of o with defaults applied.
func (o Options) withDefaults() Options {
	if o.Console == nil {
		o.Console = os.Stdout
	}
	if o.Log == nil {
		o.Log = os.Stderr
	}
	if o.Compat.Date == "" {
		o.Compat, _ = config.NewCompat("", nil) // the newest date is always valid
	}
	if o.CPULimit == 0 {
		o.CPULimit = DefaultCPULimit
	}
	if o.caches == nil {
		o.caches = bindings.NewCacheStore()
	}
	return o
}

// DefaultCPULimit is the CPU time a request may use when Options sets none:
// the platform's default for paid plans (30,000 ms).
const DefaultCPULimit = 30 * time.Second

// isolate is one loaded copy of the worker: its runtime, realm, and entry
// points. Its JS fields are only touched on its loop.
type isolate struct {
	lifecycle
	rt      *jsruntime.Runtime
	realm   *bindings.Realm
	script  *jsruntime.Script
	opts    Options      // the options this version was loaded with
	exports *goja.Object // module namespace; nil for service-worker scripts
	env     *goja.Object // the env argument of a module's fetch
	entry   entrypoint   // what handles a module's fetch events (entrypoint.go)

	// wasmStopped is set when the CPU limit stopped a WebAssembly call,
	// which leaves the instance closed: the server then replaces the
	// isolate (restartStopped).
	wasmStopped atomic.Bool
	restarting  atomic.Bool
	// onWasmStopped is the server's restart, set once it tracks the
	// isolate, so a stop in a WebSocket event restarts it too.
	onWasmStopped atomic.Pointer[func()]

	// inflight holds, for each fetch event still waiting for its Response,
	// the function that fails it; loop only.
	inflight map[*jsruntime.IOContext]func()
}

// startIsolate runs a compiled script's top level in a new runtime whose
// loop is then left running. A script that throws comes back as a
// *jsruntime.ScriptError.
func startIsolate(script *jsruntime.Script, opts Options) (*isolate, error) {
	iso, err := newIsolate(opts)
	if err != nil {
		return nil, err
	}
	if err := iso.run(script); err != nil {
		return nil, err
	}
	return iso, nil
}

// newIsolate makes a runtime with the Web APIs installed and its loop
// running, ready for a script (run). It needs no script, so the first
// copy is made while the script is still being bundled.
func newIsolate(opts Options) (*isolate, error) {
	// The Web APIs install without a CPU limit: the limit is the script's,
	// and a slow (-race) build may spend it on workerhost's own JS.
	rt := jsruntime.New(jsruntime.Options{ErrorLog: opts.Log})
	iso := &isolate{rt: rt, opts: opts}
	iso.stop = func() {
		rt.Stop()
		if iso.realm != nil {
			iso.realm.CloseDurableObjects()
		}
	}
	iso.inflight = make(map[*jsruntime.IOContext]func())
	rt.SetIdleHandler(iso.cancelHung)
	rt.Start()
	err := rt.Do(func(vm *goja.Runtime) error {
		realm, err := bindings.Install(rt, bindings.Options{Compat: opts.Compat, Console: opts.Console, ConsoleLevel: opts.LogLevel, Log: opts.Log, Caches: opts.caches,
			OnWasmStopped: func() {
				iso.wasmStopped.Store(true)
				if f := iso.onWasmStopped.Load(); f != nil {
					(*f)()
				}
			}})
		if err != nil {
			return fmt.Errorf("failed to install Web APIs: %w", err)
		}
		iso.realm = realm
		rt.SetCPULimit(max(opts.CPULimit, 0))
		return nil
	})
	if err != nil {
		rt.Stop()
		return nil, err
	}
	return iso, nil
}

// run runs script's top level in iso, made by newIsolate; on an error,
// iso is stopped.
func (iso *isolate) run(script *jsruntime.Script) error {
	iso.script = script
	err := iso.rt.Do(func(vm *goja.Runtime) error {
		if err := iso.realm.InstallCompiledWasm(script.Wasm); err != nil {
			return &jsruntime.ScriptError{File: script.Entry, Text: "Uncaught " + err.Error()}
		}
		iso.env = iso.makeEnv(vm, iso.opts.Vars, script.Modules)
		if err := iso.bindDurableObjects(iso.env); err != nil {
			return err
		}
		iso.realm.SetEnv(iso.env)
		exports, err := iso.rt.RunScript(script)
		if err != nil {
			return err
		}
		iso.exports = exports
		if err := iso.checkDurableObjectClasses(); err != nil {
			return err
		}
		return iso.checkEntryPoint()
	})
	if err != nil {
		iso.stop()
	}
	return err
}

// makeEnv builds the env object of a module worker from text vars. For a
// service-worker script, vars become globals instead, as in workerd.
func (iso *isolate) makeEnv(vm *goja.Runtime, vars map[string]any, modules bool) *goja.Object {
	env := vm.NewObject()
	target := env
	if !modules {
		target = vm.GlobalObject()
	}
	for k, v := range vars {
		_ = target.Set(k, jsonValue(vm, v))
	}
	return env
}

// jsonValue turns a Go value decoded from JSON or TOML into a plain JS value
// (not a Go-backed wrapper), as workerd's JSON bindings are.
func jsonValue(vm *goja.Runtime, v any) goja.Value {
	if s, ok := v.(string); ok {
		return vm.ToValue(s)
	}
	data, err := json.Marshal(v)
	if err != nil {
		return vm.ToValue(fmt.Sprint(v))
	}
	parse, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("parse"))
	out, err := parse(goja.Undefined(), vm.ToValue(string(data)))
	if err != nil {
		return vm.ToValue(string(data))
	}
	return out
}

// close stops the isolate's loop at once.
func (iso *isolate) close() { iso.stop() }
