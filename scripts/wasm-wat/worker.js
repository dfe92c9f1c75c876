// WebAssembly's edge cases, one path each, answered as text so every value
// and error message shows. edge.wasm is built from edge.wat by build.sh and
// imported as a compiled WebAssembly.Module (wrangler's CompiledWasm rule).
import edge from "./build/edge.wasm";

// The smallest valid module: magic and version 1.
const EMPTY = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

// fmt renders a value unambiguously: BigInts with n, strings quoted.
function fmt(v) {
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "function") return `function name=${JSON.stringify(v.name)} length=${v.length}`;
  if (Array.isArray(v)) return `[${v.map(fmt).join(", ")}]`;
  if (v instanceof ArrayBuffer) return `ArrayBuffer(${v.byteLength})`;
  if (v instanceof WebAssembly.Instance) return "WebAssembly.Instance";
  if (v instanceof WebAssembly.Module) return "WebAssembly.Module";
  if (v && typeof v === "object") {
    return `{${Object.entries(v).map(([k, x]) => `${k}: ${fmt(x)}`).join(", ")}}`;
  }
  return String(v);
}

// show names an exception: its name and message and what it is an
// instance of.
function show(e) {
  if (!(e instanceof Error)) return `a non-Error ${fmt(e)}`;
  const kinds = [
    ["WebAssembly.CompileError", WebAssembly.CompileError],
    ["WebAssembly.LinkError", WebAssembly.LinkError],
    ["WebAssembly.RuntimeError", WebAssembly.RuntimeError],
    ["TypeError", TypeError],
    ["RangeError", RangeError],
  ].filter(([, C]) => e instanceof C).map(([n]) => n);
  return `${e.name}: ${e.message} (instanceof ${kinds.join(", ") || "Error only"}; constructor ${e.constructor.name})`;
}

// run evaluates each [label, fn] pair and reports its value or exception.
function run(checks) {
  return checks.map(([label, fn]) => {
    try {
      return `${label} = ${fmt(fn())}`;
    } catch (e) {
      return `${label} threw ${show(e)}`;
    }
  }).join("\n") + "\n";
}

// instance makes a fresh instance, so no path sees another's changes;
// thrower is what the env.thrower import does.
function instance(thrower = () => {}) {
  return new WebAssembly.Instance(edge, { env: { thrower } }).exports;
}

// Members of the namespace workerhost does not have yet.
const notYet = (name) => !["Exception", "Tag", "JSTag", "Suspending", "SuspendError", "promising"].includes(name);

const paths = {
  "/traps": () => {
    const x = instance();
    return run([
      ["unreachable()", () => x.unreachable()],
      ["div(7, 2)", () => x.div(7, 2)],
      ["div(1, 0)", () => x.div(1, 0)],
      ["div(-2147483648, -1)", () => x.div(-2147483648, -1)],
      ["load(65532)", () => x.load(65532)],
      ["load(65533)", () => x.load(65533)],
      ["store(-1, 1)", () => x.store(-1, 1)],
      ["recurse(0)", () => x.recurse(0)],
      ["callIndirect(0)", () => x.callIndirect(0)],
      ["callIndirect(1) (wrong signature)", () => x.callIndirect(1)],
      ["callIndirect(2) (past the table's 2 entries)", () => x.callIndirect(2)],
      ["callIndirect(-1)", () => x.callIndirect(-1)],
      ["still usable: answer()", () => x.answer()],
    ]);
  },

  "/memory": () => {
    const x = instance();
    const mem = x.memory;
    const old = mem.buffer;
    const view = new Uint32Array(old);
    view[1] = 0xdeadbeef;
    return run([
      ["memory instanceof WebAssembly.Memory", () => mem instanceof WebAssembly.Memory],
      ["buffer.byteLength", () => old.byteLength],
      ["buffer === buffer", () => mem.buffer === mem.buffer],
      ["load(4) after a JS write", () => x.load(4) >>> 0],
      ["pages()", () => x.pages()],
      ["grow(1) from Wasm", () => x.grow(1)],
      ["old buffer.byteLength (detached)", () => old.byteLength],
      ["old view.length", () => view.length],
      ["old view[1]", () => view[1]],
      ["new buffer !== old", () => mem.buffer !== old],
      ["new buffer.byteLength", () => mem.buffer.byteLength],
      ["new view[1]", () => new Uint32Array(mem.buffer)[1] >>> 0],
      ["load(65536) in the new page", () => x.load(65536)],
      ["memory.grow(1) from JS", () => mem.grow(1)],
      ["pages() after", () => x.pages()],
      ["grow(5) past the maximum, from Wasm", () => x.grow(5)],
      ["memory.grow(5) past the maximum, from JS", () => mem.grow(5)],
      ["memory.grow(0)", () => mem.grow(0)],
      ["buffer.byteLength at the end", () => mem.buffer.byteLength],
      ["memory.grow(-1)", () => mem.grow(-1)],
      ["bytes 4..8", () => Array.from(new Uint8Array(mem.buffer, 4, 4))],
    ]);
  },

  "/tables": () => {
    const x = instance();
    const t = x.funcs;
    return run([
      ["funcs instanceof WebAssembly.Table", () => t instanceof WebAssembly.Table],
      ["funcs.length", () => t.length],
      ["funcs.get(0)", () => t.get(0)],
      ["funcs.get(0)()", () => t.get(0)()],
      ["funcs.get(1)(21)", () => t.get(1)(21)],
      ["funcs.get(0) === answer", () => t.get(0) === x.answer],
      ["funcs.grow(1)", () => t.grow(1)],
      ["funcs.length after grow", () => t.length],
      ["funcs.get(2)", () => t.get(2)],
      ["funcs.set(2, answer)", () => t.set(2, x.answer)],
      ["callIndirect(2)", () => x.callIndirect(2)],
      ["funcs.set(2, a JS function)", () => t.set(2, () => 1)],
      ["funcs.set(2, null)", () => t.set(2, null)],
      // Only the class: V8 says "null function" where wazero reports an
      // empty slot like an index out of bounds (README, "Where workerhost
      // differs").
      ["callIndirect(2) after null", () => {
        try { x.callIndirect(2); } catch (e) { return e.constructor.name; }
      }],
      ["funcs.get(9)", () => t.get(9)],
      ["funcs.grow(5) past the maximum", () => t.grow(5)],
      ["funcs.grow(1, answer)", () => t.grow(1, x.answer)],
      ["callIndirect(3)", () => x.callIndirect(3)],
      ["funcs.length at the end", () => t.length],
    ]);
  },

  "/externref": () => {
    const x = instance();
    const t = x.refs;
    const obj = { hello: "world" };
    return run([
      ["refs.length", () => t.length],
      ["refs.get(0)", () => t.get(0)],
      ["getRef(0) from Wasm", () => x.getRef(0)],
      ["refs.grow(2, \"init\")", () => t.grow(2, "init")],
      ["refCount() from Wasm", () => x.refCount()],
      ["refs.set(1, obj)", () => t.set(1, obj)],
      ["getRef(1) === obj", () => x.getRef(1) === obj],
      ["getRef(2)", () => x.getRef(2)],
      ["refs.set(0, 12345678901234567890n)", () => t.set(0, 12345678901234567890n)],
      ["getRef(0)", () => x.getRef(0)],
      ["refs.set(0, undefined)", () => t.set(0, undefined)],
      ["getRef(0) after undefined", () => x.getRef(0)],
      ["refs.grow(1)", () => t.grow(1)],
      ["getRef(3) (grown without a value)", () => x.getRef(3)],
      ["getRef(4) (out of bounds)", () => x.getRef(4)],
      ["refs.set(9, 1)", () => t.set(9, 1)],
    ]);
  },

  "/throwing-import": () => {
    const err = new Error("from JS");
    let thrown = err;
    let calls = [];
    const x = instance((n) => {
      calls.push(n);
      if (thrown !== undefined) throw thrown;
    });
    const caught = (fn) => {
      try {
        return `returned ${fmt(fn())}`;
      } catch (e) {
        return e === thrown ? "threw the same object" : `threw another: ${show(e)}`;
      }
    };
    return run([
      ["callThrower(1) with an Error", () => caught(() => x.callThrower(1))],
      ["its message", () => { try { x.callThrower(2); } catch (e) { return e.message; } }],
      ["callThrower(3) with a string", () => { thrown = "a string"; return caught(() => x.callThrower(3)); }],
      ["callThrower(4) with a TypeError", () => { thrown = new TypeError("typed"); return caught(() => x.callThrower(4)); }],
      ["callThrower(5), not throwing", () => { thrown = undefined; return x.callThrower(5); }],
      ["the import saw", () => calls],
      ["still usable: answer()", () => x.answer()],
    ]);
  },

  "/bigint": () => {
    const x = instance();
    return run([
      ["add64(1n, 2n)", () => x.add64(1n, 2n)],
      ["add64(2n ** 63n - 1n, 1n) wraps", () => x.add64(2n ** 63n - 1n, 1n)],
      ["add64(2n ** 64n + 5n, 0n)", () => x.add64(2n ** 64n + 5n, 0n)],
      ["add64(-1n, 0n)", () => x.add64(-1n, 0n)],
      ["add64(1, 2)", () => x.add64(1, 2)],
      ["add64(\"3\", true)", () => x.add64("3", true)],
      ["add64(\"x\", 0n)", () => x.add64("x", 0n)],
      ["add64(1n)", () => x.add64(1n)],
      ["add64(Symbol(), 0n)", () => x.add64(Symbol(), 0n)],
      ["pair(-3)", () => x.pair(-3)],
      ["div(\"7\", 2.9) (i32 from Number)", () => x.div("7", 2.9)],
      ["div(2 ** 32 + 8, 2)", () => x.div(2 ** 32 + 8, 2)],
      ["div(7n, 1)", () => x.div(7n, 1)],
      ["double(undefined)", () => x.double(undefined)],
    ]);
  },

  "/globals": () => {
    const x = instance();
    return run([
      ["counter instanceof WebAssembly.Global", () => x.counter instanceof WebAssembly.Global],
      ["counter.value", () => x.counter.value],
      ["bump()", () => x.bump()],
      ["counter.value after bump", () => x.counter.value],
      ["counter.value = 10", () => (x.counter.value = 10)],
      ["bump() after", () => x.bump()],
      ["counter.value = \"12\"", () => (x.counter.value = "12")],
      ["counter.valueOf()", () => x.counter.valueOf()],
      ["big.value", () => x.big.value],
      ["big.value = 1n", () => (x.big.value = 1n)],
      ["wide.value", () => x.wide.value],
      ["wide.value = 5", () => (x.wide.value = 5)],
      ["wide.value = 2n ** 64n + 3n", () => (x.wide.value = 2n ** 64n + 3n)],
      ["wide.value after", () => x.wide.value],
      ["pi.value", () => x.pi.value],
      ["pi.value = 3", () => (x.pi.value = 3)],
    ]);
  },

  "/reflection": () => {
    const x = instance();
    return run([
      ["edge instanceof WebAssembly.Module", () => edge instanceof WebAssembly.Module],
      ["Object.prototype.toString.call(edge)", () => Object.prototype.toString.call(edge)],
      ["Module.imports(edge)", () => WebAssembly.Module.imports(edge)],
      ["Module.exports(edge)", () => WebAssembly.Module.exports(edge)],
      ["Module.customSections(edge, \"name\")", () => WebAssembly.Module.customSections(edge, "name")],
      ["Module.customSections(edge, \"missing\")", () => WebAssembly.Module.customSections(edge, "missing")],
      ["Module.customSections(edge)", () => WebAssembly.Module.customSections(edge)],
      ["Module.exports({})", () => WebAssembly.Module.exports({})],
      ["Object.keys(exports)", () => Object.keys(x)],
      ["Object.isFrozen(exports)", () => Object.isFrozen(x)],
      ["Object.getPrototypeOf(exports)", () => Object.getPrototypeOf(x)],
      ["exports.answer", () => x.answer],
      ["exports.double", () => x.double],
      ["exports.answer === exports.answer", () => x.answer === x.answer],
    ]);
  },

  // The exception-handling (Tag, Exception, JSTag) and JS promise
  // integration (Suspending, SuspendError, promising) members are left out:
  // workerhost does not have them (README, "Where workerhost differs").
  "/namespace": () =>
    run([
      ["typeof WebAssembly", () => typeof WebAssembly],
      ["Object.prototype.toString.call(WebAssembly)", () => Object.prototype.toString.call(WebAssembly)],
      ["Object.keys(WebAssembly)", () => Object.keys(WebAssembly).filter(notYet)],
      ["Object.getOwnPropertyNames(WebAssembly).sort()", () => Object.getOwnPropertyNames(WebAssembly).filter(notYet).sort()],
      ["typeof WebAssembly.Module", () => typeof WebAssembly.Module],
      ["WebAssembly.Module.length", () => WebAssembly.Module.length],
      ["WebAssembly.Instance.length", () => WebAssembly.Instance.length],
      ["Object.keys(WebAssembly.Instance.prototype)", () => Object.keys(WebAssembly.Instance.prototype)],
      ["String(WebAssembly.Memory.prototype)", () => String(WebAssembly.Memory.prototype)],
    ]),

  "/validate": () =>
    run([
      ["validate(empty module bytes)", () => WebAssembly.validate(new Uint8Array(EMPTY))],
      ["validate(its ArrayBuffer)", () => WebAssembly.validate(new Uint8Array(EMPTY).buffer)],
      ["validate(bad version)", () => WebAssembly.validate(new Uint8Array([0, 0x61, 0x73, 0x6d, 2, 0, 0, 0]))],
      ["validate(nothing)", () => WebAssembly.validate(new Uint8Array(0))],
      ["validate(\"\\0asm\")", () => WebAssembly.validate("\0asm\x01\0\0\0")],
      ["validate()", () => WebAssembly.validate()],
    ]),

  "/compile": async () => {
    const bytes = new Uint8Array(EMPTY);
    const lines = [run([
      ["new WebAssembly.Module(bytes)", () => new WebAssembly.Module(bytes)],
      ["new WebAssembly.Module(garbage)", () => new WebAssembly.Module(new Uint8Array([1, 2, 3]))],
      ["WebAssembly.Module(bytes) without new", () => WebAssembly.Module(bytes)],
      ["new WebAssembly.Instance(edge) without new", () => WebAssembly.Instance(edge, { env: { thrower() {} } })],
    ])];
    for (const [label, fn] of [
      ["await WebAssembly.compile(bytes)", () => WebAssembly.compile(bytes)],
      ["await WebAssembly.instantiate(bytes)", () => WebAssembly.instantiate(bytes)],
      ["await WebAssembly.instantiate(edge, imports)", () => WebAssembly.instantiate(edge, { env: { thrower() {} } })],
      ["await WebAssembly.instantiate(edge, {})", () => WebAssembly.instantiate(edge, {})],
    ]) {
      try {
        lines.push(`${label} = ${fmt(await fn())}\n`);
      } catch (e) {
        lines.push(`${label} threw ${show(e)}\n`);
      }
    }
    return lines.join("");
  },

  "/link": () =>
    run([
      ["new Instance(edge)", () => new WebAssembly.Instance(edge)],
      ["new Instance(edge, {})", () => new WebAssembly.Instance(edge, {})],
      ["new Instance(edge, { env: {} })", () => new WebAssembly.Instance(edge, { env: {} })],
      ["new Instance(edge, { env: { thrower: 1 } })", () => new WebAssembly.Instance(edge, { env: { thrower: 1 } })],
      ["new Instance(edge, { env: { thrower() {} } })", () => new WebAssembly.Instance(edge, { env: { thrower() {} } })],
      ["new Instance(\"edge\", {})", () => new WebAssembly.Instance("edge", {})],
      ["new Instance(edge, 5)", () => new WebAssembly.Instance(edge, 5)],
    ]),

  "/js-objects": () =>
    run([
      ["new Memory({ initial: 1, maximum: 2 }).buffer.byteLength", () => new WebAssembly.Memory({ initial: 1, maximum: 2 }).buffer.byteLength],
      ["new Memory({ initial: 1, maximum: 2 }).grow(2)", () => new WebAssembly.Memory({ initial: 1, maximum: 2 }).grow(2)],
      ["new Memory({ initial: 3, maximum: 2 })", () => new WebAssembly.Memory({ initial: 3, maximum: 2 })],
      ["new Memory({})", () => new WebAssembly.Memory({})],
      ["new Table({ element: \"anyfunc\", initial: 2 }).length", () => new WebAssembly.Table({ element: "anyfunc", initial: 2 }).length],
      ["new Table({ element: \"externref\", initial: 1 }, \"x\").get(0)", () => new WebAssembly.Table({ element: "externref", initial: 1 }, "x").get(0)],
      ["new Table({ element: \"i32\", initial: 1 })", () => new WebAssembly.Table({ element: "i32", initial: 1 })],
      ["new Global({ value: \"i64\", mutable: true }, 5n).value", () => new WebAssembly.Global({ value: "i64", mutable: true }, 5n).value],
      ["new Global({ value: \"i32\" }).value", () => new WebAssembly.Global({ value: "i32" }).value],
      ["new Global({ value: \"f32\" }, 0.1).value", () => new WebAssembly.Global({ value: "f32" }, 0.1).value],
      ["new Global({ value: \"x\" })", () => new WebAssembly.Global({ value: "x" })],
      ["new WebAssembly.RuntimeError(\"m\")", () => show(new WebAssembly.RuntimeError("m"))],
      ["new WebAssembly.CompileError(\"m\")", () => show(new WebAssembly.CompileError("m"))],
      ["new WebAssembly.LinkError(\"m\")", () => show(new WebAssembly.LinkError("m"))],
      ["WebAssembly.RuntimeError.prototype.name", () => WebAssembly.RuntimeError.prototype.name],
      ["Object.getPrototypeOf(WebAssembly.RuntimeError) === Error", () => Object.getPrototypeOf(WebAssembly.RuntimeError) === Error],
    ]),

  // A trap nobody catches fails the request.
  "/uncaught-trap": () => {
    instance().unreachable();
  },
};

export default {
  async fetch(request) {
    const { pathname } = new URL(request.url);
    const handler = paths[pathname];
    if (!handler) {
      return new Response(`paths: ${Object.keys(paths).join(" ")}\n`, { status: 404 });
    }
    return new Response(await handler());
  },
};
