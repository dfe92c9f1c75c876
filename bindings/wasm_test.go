package bindings_test

import (
	"runtime"
	"strings"
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
	"workerhost/internal/wasmtools"
)

// edgeWat exercises the JS API's edges: imports that throw, i64 as
// BigInt, traps, memory growth, externref and funcref tables, globals.
const edgeWat = `(module
  (import "env" "log" (func $log (param i32)))
  (import "env" "thrower" (func $thrower))
  (import "env" "ident" (func $ident (param externref) (result externref)))
  (import "env" "pair" (func $pair (result i32 f64)))
  (memory (export "mem") 1 10)
  (table $ext (export "ext") 2 externref)
  (table $fns (export "fns") 3 funcref)
  (elem (table $fns) (i32.const 0) func $add $i64add)
  (global $g (export "g") (mut i32) (i32.const 42))
  (global $c (export "c") i64 (i64.const 7))
  (func $add (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
  (func $i64add (export "i64add") (param i64 i64) (result i64) local.get 0 local.get 1 i64.add)
  (func (export "callLog") (param i32) local.get 0 call $log)
  (func (export "callThrower") call $thrower)
  (func (export "trap") unreachable)
  (func (export "div") (param i32 i32) (result i32) local.get 0 local.get 1 i32.div_s)
  (func (export "oob") (result i32) i32.const 9999999 i32.load)
  (func (export "grow") (param i32) (result i32) local.get 0 memory.grow)
  (func (export "getExt") (param i32) (result externref) local.get 0 table.get $ext)
  (func (export "setExt") (param i32 externref) local.get 0 local.get 1 table.set $ext)
  (func (export "roundtrip") (param externref) (result externref) local.get 0 call $ident)
  (func (export "swap") (param i32 i32) (result i32 i32) local.get 1 local.get 0)
  (func (export "callPair") (result f64) (local f64) call $pair local.set 0 drop local.get 0)
  (func (export "nullExt") (result externref) ref.null extern)
)`

func newWasmRuntime(t *testing.T) *bindingstest.Runtime {
	t.Helper()
	r := bindingstest.NewRuntime(t, bindings.Options{})
	r.SetWasm("mod", wasmtools.Wat(t, edgeWat))
	return r
}

const instantiateEdge = `
const logged = [];
const thrown = new Error("boom");
const { exports: e } = new WebAssembly.Instance(mod, { env: {
  log: (x) => logged.push(x),
  thrower: () => { throw thrown; },
  ident: (x) => x,
  pair: () => [7, 2.5],
}});
`

func TestWasmCallsAndValues(t *testing.T) {
	t.Parallel()
	newWasmRuntime(t).Run("wasm_calls.js", instantiateEdge+`
assertEq(e.add(2, 3), 5, "add");
assertEq(e.add(2 ** 31, 0), -(2 ** 31), "i32 wraps");
assertEq(e.add.length, 2, "length");
assertEq(e.i64add(2n, 40n), 42n, "i64 is BigInt");
assertEq(e.i64add(2n ** 63n, 0n), -(2n ** 63n), "i64 wraps");
assertThrows(() => e.i64add(1, 2), "TypeError", "Cannot convert 1 to a BigInt");
assertEq(e.i64add("010", " 0x10 "), 26n, "StringToBigInt: decimal with leading zeros, hex, white space");
assertEq(e.i64add("", 0n), 0n, "an empty string is 0n");
assertThrows(() => e.i64add("1_0", 0n), "SyntaxError");
e.callLog(7);
assertEq(logged.join(), "7", "import called");
let caught;
try { e.callThrower(); } catch (err) { caught = err; }
assertEq(caught, thrown, "an import's exception reaches the caller as the same object");
assertEq(e.swap(1, 2).join(), "2,1", "multi-value results are an array");
assertEq(e.callPair(), 2.5, "multi-value import results come from an iterable");
assertEq(Object.isFrozen(e), true, "exports are frozen");
assertEq(Object.getPrototypeOf(e), null, "exports have no prototype");
assertEq(Object.keys(e).some((k) => k.startsWith("__workerhost")), false, "accessors are hidden");
assertEq(e.add, e.add, "same function object");
`)
}

func TestWasmTraps(t *testing.T) {
	t.Parallel()
	newWasmRuntime(t).Run("wasm_traps.js", instantiateEdge+`
for (const [f, msg] of [["trap", "unreachable"], ["oob", "memory access out of bounds"]]) {
  assertThrows(() => e[f](), "RuntimeError", msg);
}
assertThrows(() => e.div(1, 0), "RuntimeError", "divide by zero");
const err = (() => { try { e.trap(); } catch (x) { return x; } })();
assertEq(err instanceof Error, true, "RuntimeError is an Error");
assertEq(err.name, "RuntimeError", "name");
assertEq(/workerhost:|construct \(native\)/.test(err.stack), false, "no frames of workerhost's own JS in the stack");
assertEq(err.stack.split("\n")[0], "RuntimeError: unreachable", "stack head");
assertEq(e.add(1, 1), 2, "the instance still works after a trap");
`)
}

func TestWasmMemoryGrowthDetachesTheBuffer(t *testing.T) {
	t.Parallel()
	newWasmRuntime(t).Run("wasm_memory.js", instantiateEdge+`
const before = e.mem.buffer;
const view = new Uint8Array(before);
view[0] = 9;
assertEq(e.mem.buffer, before, "same buffer until the memory grows");
assertEq(e.grow(1), 1, "grown from Wasm");
assertEq(before.byteLength, 0, "the old buffer is detached");
assertEq(view.byteLength, 0, "views over it have length 0");
assertEq(e.mem.buffer.byteLength, 2 * 65536, "the new buffer has the new size");
assertEq(new Uint8Array(e.mem.buffer)[0], 9, "contents survive");
assertEq(e.mem.grow(1), 2, "grown from JS");
assertThrows(() => e.mem.grow(100), "RangeError", "WebAssembly.Memory.grow(): Maximum memory size exceeded");
const m = new WebAssembly.Memory({ initial: 1, maximum: 2 });
assertEq(m.buffer.byteLength, 65536, "a JS-made memory");
assertThrows(() => new WebAssembly.Memory({}), "TypeError", "WebAssembly.Memory(): Property 'initial' is required");
`)
}

func TestWasmTables(t *testing.T) {
	t.Parallel()
	newWasmRuntime(t).Run("wasm_tables.js", instantiateEdge+`
const o = { hi: 1 };
assertEq(e.ext.length, 2, "initial length");
assertEq(e.ext.get(0), null, "initial null");
assertEq(e.ext.grow(2, o), 2, "grow returns the old length");
assertEq(e.getExt(3), o, "Wasm reads what JS grew the table with");
e.ext.set(1, undefined);
assertEq(e.getExt(1), undefined, "undefined is a non-null reference");
e.setExt(0, "from wasm");
assertEq(e.ext.get(0), "from wasm", "JS reads what Wasm stored");
assertEq(e.roundtrip(o), o, "externref round trip");
assertEq(e.nullExt(), null, "ref.null is null");
assertThrows(() => e.ext.get(10), "RangeError");
assertEq(e.fns.length, 3, "funcref length");
assertEq(e.fns.get(0), e.add, "a table entry is the exported function");
assertEq(e.fns.get(1)(5n, 6n), 11n, "callable");
assertEq(e.fns.get(2), null, "empty slot");
const t2 = new WebAssembly.Table({ element: "externref", initial: 2 }, "x");
assertEq(t2.get(1), "x", "JS-made table filled with its initial value");
`)
}

func TestWasmExternrefsAreCollected(t *testing.T) {
	t.Parallel()
	r := newWasmRuntime(t)
	r.Run("wasm_refs.js", instantiateEdge+`
const keep = { keep: true };
e.setExt(0, keep);
for (let i = 0; i < 20000; i++) e.roundtrip({ i });
assertEq(e.getExt(0), keep, "a reference a table holds survives collection");
`)
	if n := bindings.ExternrefCount(r.Realm()); n > 9000 {
		t.Errorf("%d externref handles held after 20,000 short-lived ones; want them collected", n)
	}
}

func TestWasmGlobals(t *testing.T) {
	t.Parallel()
	newWasmRuntime(t).Run("wasm_globals.js", instantiateEdge+`
assertEq(e.g.value, 42, "mutable i32");
e.g.value = 5;
assertEq(e.g.valueOf(), 5, "set");
assertEq(e.c.value, 7n, "immutable i64");
assertThrows(() => { e.c.value = 1n; }, "TypeError", "set WebAssembly.Global.value): Can't set the value of an immutable global.");
const g = new WebAssembly.Global({ value: "f64", mutable: true }, 1.5);
assertEq(g.value, 1.5, "a JS-made global");
`)
}

func TestWasmRefusesCodeGenerationFromBytes(t *testing.T) {
	t.Parallel()
	newWasmRuntime(t).Run("wasm_codegen.js", `(async () => {
const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
assertThrows(() => new WebAssembly.Module(bytes), "CompileError", "WebAssembly.Module(): Wasm code generation disallowed by embedder");
await assertRejects(WebAssembly.compile(bytes), "CompileError");
await assertRejects(WebAssembly.instantiate(bytes), "CompileError");
assertEq(WebAssembly.validate(bytes), true, "validate");
assertEq(WebAssembly.validate(new Uint8Array([1, 2])), false, "invalid");
const inst = await WebAssembly.instantiate(mod, { env: { log() {}, thrower() {}, ident: (x) => x, pair: () => [0, 0] } });
assertEq(inst instanceof WebAssembly.Instance, true, "instantiate(Module) gives an Instance");
assertEq(String(WebAssembly), "[object WebAssembly]", "toStringTag");
})()`)
}

func TestWasmLinkErrors(t *testing.T) {
	t.Parallel()
	newWasmRuntime(t).Run("wasm_link.js", `
const read = [];
const env = new Proxy({ log() {}, thrower() {}, ident: (x) => x, pair: () => [1, 2] }, { get(o, k) { read.push(k); return o[k]; } });
new WebAssembly.Instance(mod, { env });
assertEq(read.join(), "log,thrower,ident,pair", "imports are read in the module's order");
assertThrows(() => new WebAssembly.Instance(mod), "TypeError", "WebAssembly.Instance(): Imports argument must be present and must be an object");
assertThrows(() => new WebAssembly.Instance(mod, {}), "TypeError", 'WebAssembly.Instance(): Import #0 "env": module is not an object or function');
assertThrows(() => new WebAssembly.Instance(mod, { env: {} }), "LinkError", 'WebAssembly.Instance(): Import #0 "env" "log": function import requires a callable');
`)
}

func TestWasmImportedMemoryIsShared(t *testing.T) {
	t.Parallel()
	r := bindingstest.NewRuntime(t, bindings.Options{})
	r.SetWasm("mod", wasmtools.Wat(t, `(module
  (import "env" "mem" (memory 1))
  (import "env" "base" (global i32))
  (import "env" "f" (func $f (result i32)))
  (func (export "store") (param i32) global.get 0 local.get 0 i32.store)
  (func (export "f") (result i32) call $f))`))
	out := r.Run("wasm_shared.js", `
const mem = new WebAssembly.Memory({ initial: 1 });
const { exports: e } = new WebAssembly.Instance(mod, { env: { mem, base: 8, f: () => 3 } });
e.store(1234);
assertEq(new Int32Array(mem.buffer)[2], 1234, "the instance writes the JS-made memory");
assertEq(e.f(), 3, "functions beside a memory in one import module");
console.log("ok");
`)
	if !strings.Contains(out, "ok") {
		t.Errorf("output %q", out)
	}
}

func TestWasmReentrantCalls(t *testing.T) {
	t.Parallel()
	r := bindingstest.NewRuntime(t, bindings.Options{})
	// depth(n) calls the JS import again, which calls depth(n-1): the
	// same export runs several times at once, as Go's js/wasm resume does.
	r.SetWasm("mod", wasmtools.Wat(t, `(module
  (import "env" "again" (func $again (param i32) (result i32)))
  (global $sp (mut i32) (i32.const 1000))
  (memory (export "mem") 1)
  (func (export "depth") (param i32) (result i32) (local i32)
    global.get $sp local.set 1
    global.get $sp i32.const 16 i32.sub global.set $sp
    local.get 1 local.get 0 i32.store
    local.get 0 i32.eqz
    if (result i32) i32.const 0
    else local.get 0 i32.const 1 i32.sub call $again end
    local.get 1 i32.load i32.add
    local.get 1 global.set $sp))`))
	r.Run("wasm_reentrant.js", `
let e;
e = new WebAssembly.Instance(mod, { env: { again: (n) => e.depth(n) } }).exports;
assertEq(e.depth(10), 55, "each nested call keeps its own frame");
assertEq(e.depth(3), 6, "and the function is reusable after");
`)
}

func TestWasmHostileImports(t *testing.T) {
	t.Parallel()
	newWasmRuntime(t).Run("wasm_hostile.js", `
const boom = new Error("getter");
const env = { get log() { throw boom; }, thrower() {}, ident: (x) => x, pair: () => [1, 2] };
let caught;
try { new WebAssembly.Instance(mod, { env }); } catch (err) { caught = err; }
assertEq(caught, boom, "a throwing getter's exception passes through");
const proxied = new Proxy({ log() {}, thrower() {}, ident: (x) => x, pair: () => [1, 2] }, {});
const { exports: p } = new WebAssembly.Instance(mod, { env: proxied });
assertEq(p.add(1, 2), 3, "a proxy as an import module");
const { exports: q } = new WebAssembly.Instance(mod, { env: { log() {}, thrower() {}, ident: (x) => x, pair: () => 5 } });
assertThrows(() => q.callPair(), "TypeError");
const { exports: r } = new WebAssembly.Instance(mod, { env: { log() {}, thrower() {}, ident: () => { throw 42; }, pair: () => [1, 2] } });
let v;
try { r.roundtrip({}); } catch (x) { v = x; }
assertEq(v, 42, "a thrown primitive passes through Wasm");
assertThrows(() => WebAssembly.Module.exports({}), "TypeError", "WebAssembly.Module.exports(): Argument 0 must be a WebAssembly.Module");
assertThrows(() => WebAssembly.Memory.prototype.grow.call({}, 1), "TypeError");
assertEq(r.add({ valueOf() { return 2; } }, "3"), 5, "ToInt32 of objects and strings");
`)
}

func TestWasmUnreachableInstancesAreClosed(t *testing.T) {
	t.Parallel()
	r := newWasmRuntime(t)
	r.Run("wasm_keep.js", instantiateEdge+`
globalThis.kept = e;
for (let i = 0; i < 30; i++) {
  // The imports call back into the instance's own exports, as glue does.
  let x;
  const imports = { env: { log(v) { x.add(v, 1); }, thrower() {}, ident: (v) => x && v, pair: () => [1, 2] } };
  x = new WebAssembly.Instance(mod, imports).exports;
  x.callLog(i);
  x.mem.buffer;
  x.ext.grow(1, {});
  new WebAssembly.Memory({ initial: 1 });
}
`)
	before := bindings.WasmOpenInstances(r.Realm())
	for i := 0; i < 10 && bindings.WasmOpenInstances(r.Realm()) > 1; i++ {
		runtime.GC()
		r.Run("wasm_tick.js", "0")
	}
	t.Logf("open: %d before collection, %d after", before, bindings.WasmOpenInstances(r.Realm()))
	if n := bindings.WasmOpenInstances(r.Realm()); n != 1 {
		t.Errorf("%d instances open after collection (%d before); want only the one the script keeps", n, before)
	}
	r.Run("wasm_kept.js", `assertEq(kept.add(2, 2), 4, "the kept instance still works");`)
}

func TestWasmLimitsAndDefaults(t *testing.T) {
	t.Parallel()
	newWasmRuntime(t).Run("wasm_limits.js", `
assertThrows(() => new WebAssembly.Memory({ initial: 65536 }), "RangeError", "WebAssembly.Memory(): could not allocate memory");
const m = new WebAssembly.Memory({ initial: 1 });
assertThrows(() => m.grow(4096), "RangeError", "WebAssembly.Memory.grow(): Maximum memory size exceeded");
const g = new WebAssembly.Global({ value: "externref" });
assertEq(g.value, undefined, "an externref global starts undefined");
const h = new WebAssembly.Global({ value: "i32", mutable: true }, 7);
assertEq(h.value, 7, "a mutable global set after instantiation");
const t = new WebAssembly.Table({ element: "externref", initial: 100000 }, "x");
assertEq(t.get(99999), "x", "a large table filled at once");
`)
}

func TestWasmSharedTableRefusesForeignFunctions(t *testing.T) {
	t.Parallel()
	r := bindingstest.NewRuntime(t, bindings.Options{})
	r.SetWasm("a", wasmtools.Wat(t, `(module
  (table (export "t") 3 funcref)
  (type $r (func (result i32)))
  (func $a1 (export "a1") (result i32) i32.const 101)
  (elem (i32.const 0) func $a1)
  (func (export "call") (param i32) (result i32) local.get 0 call_indirect (type $r)))`))
	r.SetWasm("b", wasmtools.Wat(t, `(module
  (import "a" "t" (table 3 funcref))
  (func $b1 (result i32) i32.const 201)
  (elem (i32.const 1) func $b1))`))
	r.Run("wasm_shared_table.js", `
const A = new WebAssembly.Instance(a).exports;
new WebAssembly.Instance(b, { a: { t: A.t } }); // its element segment puts $b1 in slot 1
assertEq(A.call(1), 201, "B's function in A's table");
assertEq(A.t.get(1)(), 201, "read back from JS");
assertThrows(() => A.t.set(2, A.t.get(1)), "TypeError");
A.t.set(2, A.a1);
assertEq(A.call(2), 101, "A's own export can be stored");
`)
}
