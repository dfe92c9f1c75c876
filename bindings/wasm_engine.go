package bindings

// The WebAssembly engine of one isolate: a wazero runtime whose modules and
// instances belong to the realm, driven only from the loop like goja. The
// CPU limit that interrupts JS also stops Wasm, through each module's stop
// flag (wasm_stop.go).

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"weak"

	"github.com/dop251/goja"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
	"github.com/tetratelabs/wazero/sys"

	"workerhost/internal/wasmbin"
	"workerhost/jsruntime"
)

// wasmEngine is a realm's wazero runtime and the JS objects that stand for
// its memories, tables and functions. Loop only.
type wasmEngine struct {
	rl *Realm
	rt wazero.Runtime
	// depth counts Wasm calls in progress; externrefs are only collected
	// at depth 0, when none can be on a Wasm stack.
	depth int
	// memories maps each wazero memory to the state of its JS Memory
	// object, held weakly: one object per memory while it lives, however
	// many instances export it.
	memories map[api.Memory]weak.Pointer[wasmMemory]
	// live are the instances not yet collected (wasm_lifetime.go), and
	// open counts those whose modules are still open.
	live []weak.Pointer[wasmInstance]
	open int
	// views are the memories whose ArrayBuffer is handed out, which a
	// growth must detach.
	views []weak.Pointer[wasmMemory]
	refs  externrefs
	stop  stopState
	// probe is a program of nothing, run to learn of an interruption.
	probe *goja.Program
}

// compilationCache is shared by every isolate of the process, so a reload
// or a second isolate does not compile the same module again; it lives on
// disk under the user's cache directory when there is one, so the next
// start is fast too.
var compilationCache = sync.OnceValue(func() wazero.CompilationCache {
	if dir, err := os.UserCacheDir(); err == nil {
		if c, err := wazero.NewCompilationCacheWithDir(filepath.Join(dir, "workerhost", "wasm")); err == nil {
			return c
		}
	}
	return wazero.NewCompilationCache()
})

// engine returns the realm's Wasm engine, creating it on first use: a
// worker without WebAssembly pays nothing for it. Loop only.
func (rl *Realm) engine() *wasmEngine {
	if rl.wasm.engine != nil {
		return rl.wasm.engine
	}
	cfg := wazero.NewRuntimeConfig().
		WithCoreFeatures(api.CoreFeaturesV2).
		WithMemoryLimitPages(maxMemoryPages).
		WithCompilationCache(compilationCache())
	rt := wazero.NewRuntimeWithConfig(context.Background(), cfg)
	e := &wasmEngine{rl: rl, rt: rt, memories: map[api.Memory]weak.Pointer[wasmMemory]{}}
	e.refs.init()
	context.AfterFunc(rl.rt.Context(), func() { _ = rt.Close(context.Background()) })
	rl.wasm.engine = e
	return e
}

// ctx is the context of a call into Wasm. It is never cancelled: wazero
// would watch a cancellable one with a goroutine per call; the CPU limit
// stops Wasm through the stop flags instead (wasm_stop.go).
func (e *wasmEngine) ctx() context.Context { return context.Background() }

// compile compiles a binary module (already read by wasmbin.Decode),
// normalized for wazero, with its stop checks and table accessors added,
// on every core.
func (e *wasmEngine) compile(raw []byte, info *wasmbin.Module) (wazero.CompiledModule, map[uint32]wasmbin.TableAccessors, error) {
	bin, _, err := info.Normalized(raw)
	if err != nil {
		return nil, nil, err
	}
	if bin, _, err = info.WithoutStart(bin); err != nil {
		return nil, nil, err
	}
	if bin, _, err = info.WithStopChecks(bin); err != nil {
		return nil, nil, err
	}
	bin, acc, err := info.WithTableAccessors(bin)
	if err != nil {
		return nil, nil, err
	}
	ctx := experimental.WithCompilationWorkers(context.Background(), runtime.GOMAXPROCS(0))
	cm, err := e.rt.CompileModule(ctx, bin)
	return cm, acc, err
}

// enter and leave bracket a call into Wasm; the outermost call of a job
// arms the stop flags for the job's CPU limit.
func (e *wasmEngine) enter() {
	if e.depth == 0 {
		e.armStop()
	}
	if e.depth >= maxWasmDepth {
		e.rl.throwRangeError("Maximum call stack size exceeded")
	}
	e.depth++
	e.stop.running.Store(int32(e.depth))
}

func (e *wasmEngine) leave() {
	e.depth--
	e.stop.running.Store(int32(e.depth))
	e.sync()
	if e.depth == 0 {
		e.refs.maybeCollect(e)
	}
}

// sync runs whenever control passes from Wasm to JS: a memory that grew
// gets its old ArrayBuffer detached, as the JS API requires, so glue that
// caches a view notices (its byteLength becomes 0).
// Only memories whose buffer is out are looked at (views).
func (e *wasmEngine) sync() {
	kept := e.views[:0]
	for _, w := range e.views {
		if m := w.Value(); m != nil {
			m.syncBuffer()
			if m.viewed = m.buf != nil; m.viewed {
				kept = append(kept, w)
			}
		}
	}
	clear(e.views[len(kept):])
	e.views = kept
}

// callErr turns the error of a call into Wasm into what JS sees, and
// throws it: the exception a JS import threw, or a RuntimeError for a
// trap. A call that trapped because the job ran out of CPU time (its stop
// flag) throws goja's own uncatchable interruption, as JS that ran out of
// time does; a call into an instance stopped that way, or closed, throws
// an Error. Call it only with a non-nil error. Loop only.
func (e *wasmEngine) callErr(err error) {
	var thrown *jsThrow
	if errors.As(err, &thrown) {
		panic(thrown.value)
	}
	if e.stopping() {
		e.stopped()
		if ie := e.interruption(); ie != nil {
			panic(ie)
		}
		panic(e.rl.newError("Error", errWasmStopped))
	}
	var exit *sys.ExitError
	if errors.As(err, &exit) {
		panic(e.rl.newError("Error", errWasmStopped))
	}
	panic(e.rl.wasmTrap(err))
}

// interruption returns goja's interruption when the job was interrupted
// (it ran out of CPU time), or nil: running any JS raises it.
func (e *wasmEngine) interruption() *goja.InterruptedError {
	if e.probe == nil {
		e.probe = goja.MustCompile(jsruntime.InternalSourcePrefix+"interruption", "0", false)
	}
	_, err := e.rl.vm.RunProgram(e.probe)
	var ie *goja.InterruptedError
	if errors.As(err, &ie) {
		return ie
	}
	return nil
}

// maxMemoryPages bounds each Wasm memory: 128 MiB, the platform's memory
// limit for a whole isolate. A module or Memory that asks for more is
// refused, and growing past it fails as running out of memory does.
const maxMemoryPages = 2048

// maxWasmDepth is how deeply calls into Wasm may nest (Wasm calling JS
// calling Wasm): each level runs on a wazero call engine of its own.
const maxWasmDepth = 1000

// errWasmStopped is what a call into an instance that the CPU limit
// stopped throws (workerhost's own message: workerd replaces the isolate).
const errWasmStopped = "WebAssembly instance was stopped: a request ran out of CPU time while it ran; workerhost is restarting the worker"

// jsThrow carries a JS exception through wazero, which recovers a host
// function's panic and returns it wrapped as an error.
type jsThrow struct{ value any }

func (t *jsThrow) Error() string { return "JavaScript exception in a WebAssembly import" }

// wasmState is the realm's WebAssembly state (the wasm_*.go files).
type wasmState struct {
	engine     *wasmEngine
	ns         *goja.Object
	module     *jsClass
	instance   *jsClass
	memory     *jsClass
	table      *jsClass
	global     *jsClass
	compileErr *goja.Object
	linkErr    *goja.Object
	runtimeErr *goja.Object
	// freeze and arrayFrom are Object.freeze and Array.from as they were
	// at install time (a script may replace the globals).
	freeze, arrayFrom goja.Callable
}
