// Package bindings gives worker scripts the Web APIs of the Workers runtime:
// one file per interface, installed into a jsruntime.Runtime by [Install].
//
// Everything here runs on the runtime's loop (see package jsruntime): the
// JS-facing state of every object is only read or written there.
//
// It owns what scripts see: the classes, their brand checks (class.go),
// their errors, and the conversion between JS values and the plain Go data
// the lower layers move. It may import jsruntime, goja and the packages
// under internal/ that do the Go side of its APIs without touching goja:
// config (compatibility flags, log level), wsbridge (WebSocket
// connections), outbound (fetch's HTTP), wasmbin (WebAssembly binaries),
// doid (Durable Object IDs) and dostorage (Durable Object storage),
// and wazero, on which its WebAssembly namespace runs (wasm_*.go). It never
// imports host, and nothing outside it reaches into its network code.
package bindings

import (
	"io"
	"os"

	"github.com/dop251/goja"

	"workerhost/internal/config"
	"workerhost/jsruntime"
)

// Options configures the APIs installed into one runtime. The zero value is
// usable: console output goes to os.Stdout and the compatibility date is
// the newest one workerhost knows.
type Options struct {
	// Compat is the compatibility date and flags in force.
	Compat config.Compat
	// Console receives console output, one line per call.
	Console io.Writer
	// ConsoleLevel drops console calls and log lines less severe than it;
	// the zero value prints everything.
	ConsoleLevel config.LogLevel
	// Log receives workerhost's own diagnostics about the script's I/O,
	// such as why a fetch failed. Defaults to os.Stderr.
	Log io.Writer
	// WebSocketSendQueueLimit bounds what one WebSocket may queue for a
	// connection that does not drain, in bytes of payload plus 128 per
	// message; past it the connection is dropped. Zero means
	// DefaultSendQueueLimit (128 MiB). workerd has no such limit.
	WebSocketSendQueueLimit int
	// OnWasmStopped is called on the loop, once, when the CPU limit stops
	// a call into WebAssembly: the Wasm state was cut off mid-operation
	// and every instance stays stopped, so the host should load a fresh
	// copy of the worker (as the platform replaces an isolate that
	// exceeded its limit). It must not block.
	OnWasmStopped func()
	// Caches is the storage of caches.default and caches.open, which
	// realms given the same store share (cache_store.go); nil gives the
	// realm a store of its own.
	Caches *CacheStore
}

// Realm holds the per-runtime constructors and prototypes of the Web APIs.
// goja values cannot cross runtimes, so each runtime has its own Realm.
type Realm struct {
	rt     *jsruntime.Runtime
	vm     *goja.Runtime
	opts   Options
	slot   *goja.Symbol // key of the hidden slot holding an instance's Go state
	global func(name string, v goja.Value)
	// extendableEventClass is FetchEvent's parent (worker_events.go).
	extendableEventClass *jsClass
	// scheduled_event.go
	scheduledEventClass, scheduledControllerClass *jsClass
	// consoleState is console's groups, counters and timers
	// (console_extras.go).
	consoleState consoleState
	// globalNames are the names global has defined, in order.
	globalNames []string
	// lazyGlobals are the globals made on first use (lazy_global.go).
	lazyGlobals map[string]lazyProperty

	classFactory goja.Callable
	domException *goja.Object
	isView       goja.Callable
	blobClass    *jsClass
	bodyClass    *jsClass // body.go
	// crypto_key.go
	cryptoKeyClass *jsClass
	// formdata.go
	formDataClass *jsClass
	fileClass     *jsClass
	// execution_context.go, fetch_event.go
	executionContextClass *jsClass
	fetchEventClass       *jsClass
	// events.go, event_target.go, message_events.go
	eventClass          *jsClass
	eventTargetClass    *jsClass
	globalTarget        *eventTarget
	warnedAsyncListener bool
	messageEventClass   *jsClass
	closeEventClass     *jsClass
	errorEventClass     *jsClass
	// headers.go, request.go, response.go, url.go
	headersClass        *jsClass
	requestClass        *jsClass
	responseClass       *jsClass
	urlCtor             *goja.Object
	urlSearchParamsCtor *goja.Object
	// url_search_params.go
	urlSearchParamsClass *jsClass
	// websocket.go
	webSocketClass *jsClass
	// abort.go
	abortSignalClass *jsClass
	// streams.go
	streams streamHelpers
	// waitUntils counts waitUntil promises not yet settled (wait_until.go).
	waitUntils waitUntilTracker
	// clone is what structured cloning keeps (structured_clone.go).
	clone cloneState
	// wasm is the WebAssembly namespace's state (wasm_*.go).
	wasm wasmState
	// durable is the Durable Object state (durable_objects.go).
	durable durableObjects
	// workers holds what cloudflare_workers.go keeps of the module
	// "cloudflare:workers".
	workers workersModule
	// node holds the Node.js modules' values (node_modules.go).
	node nodeState
	// webSocketCheck reports whether a value is a WebSocket; set by the
	// WebSocket installer so Response can validate its webSocket option.
	webSocketCheck func(goja.Value) bool
	// rewriterClasses are HTMLRewriter's token classes (html_rewriter*.go).
	rewriterClasses rewriterClasses
}

// Install defines the Web APIs as globals of rt and returns their realm.
// Call it once per runtime, before any script runs, on the loop (or before
// the loop starts).
func Install(rt *jsruntime.Runtime, opts Options) (*Realm, error) {
	if opts.Console == nil {
		opts.Console = os.Stdout
	}
	if opts.Log == nil {
		opts.Log = os.Stderr
	}
	if opts.Compat.Date == "" {
		c, err := config.NewCompat("", nil)
		if err != nil {
			return nil, err
		}
		opts.Compat = c
	}
	vm := rt.VM()
	rl := &Realm{
		rt: rt, vm: vm, opts: opts,
		slot: goja.NewSymbol("workerhost.state"),
	}
	g := vm.GlobalObject()
	rl.global = func(name string, v goja.Value) {
		rl.globalNames = append(rl.globalNames, name)
		if err := g.DefineDataProperty(name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			panic(err)
		}
	}
	var err error
	if ex := vm.Try(func() { rl.installAll() }); ex != nil {
		err = ex
	}
	return rl, err
}

// installAll runs each API's installer in dependency order, then shapes the
// global scope (global_scope.go).
func (rl *Realm) installAll() {
	for _, install := range []func(){
		rl.installGlobalScope,
		rl.installDOMException,
		rl.installConsole,
		rl.installBlob,
		rl.installFormData,
		rl.installBase64,
		rl.installTextEncoder,
		rl.installTextDecoder,
		rl.installCrypto,
		rl.installURL,
		rl.installURLPattern,
		rl.installStreams,
		rl.installBlobStream,
		rl.installEvent,
		rl.installEventTarget,
		rl.installPerformance,
		rl.installPerformanceTimeline,
		rl.installMessageEvents,
		rl.installCustomEvent,
		rl.installMessageChannel,
		rl.installScheduler,
		rl.installAbort,
		rl.installWritableStreams,
		rl.installHeaders,
		rl.installHeadersGetAll,
		rl.installBody,
		rl.installRequest,
		rl.installResponse,
		rl.installCaches,
		rl.installWebSocket,
		rl.installWebSocketPair,
		rl.installFetch,
		rl.installEventSource,
		rl.installCloudflareGlobal,
		rl.installNavigator,
		rl.installExecutionContext,
		rl.installWorkerEvents,
		rl.installScheduledEvent,
		rl.installFetchEvent,
		rl.installWebAssembly,
		rl.installWebSocketRequestResponsePair,
		rl.installDurableObjects,
		rl.installWorkersModule,
		rl.installSockets,
		rl.installStructuredClone,
		rl.installHTMLRewriter,
		rl.installDigestStream,
		rl.installNode,
	} {
		install()
	}
	// Last, whatever the list holds: it moves the globals defined above.
	rl.installGlobalScopeClasses()
}

// installGlobalScope makes `self` refer to the global object, as in a
// ServiceWorkerGlobalScope.
func (rl *Realm) installGlobalScope() {
	rl.global("self", rl.vm.GlobalObject())
}

// mustRun evaluates trusted binding source and panics on failure.
func (rl *Realm) mustRun(name, src string) goja.Value {
	v, err := jsruntime.RunInternal(rl.vm, name, src)
	if err != nil {
		panic(err)
	}
	return v
}

// Runtime returns the runtime the realm was installed into.
func (rl *Realm) Runtime() *jsruntime.Runtime { return rl.rt }

// Compat returns the compatibility date and flags in force.
func (rl *Realm) Compat() config.Compat { return rl.opts.Compat }

// isWebSocket reports whether v is a WebSocket of this realm. websocket.go
// sets webSocketCheck; until then nothing is a WebSocket.
func (rl *Realm) isWebSocket(v goja.Value) bool {
	return rl.webSocketCheck != nil && rl.webSocketCheck(v)
}
