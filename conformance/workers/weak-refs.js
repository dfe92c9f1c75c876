// Conformance worker: WeakRef and FinalizationRegistry, the parts that do
// not depend on when the garbage collector runs: argument errors, brand
// checks and how they name the receiver, the shapes of the constructors and
// prototypes, deref() of a live target, and what unregister() returns.
// One route per topic, a line per probe.

function attempt(out, label, fn) {
  try {
    const v = fn();
    out.push(`${label}: ok ${typeof v === "string" ? JSON.stringify(v) : String(v)}`);
  } catch (e) {
    out.push(`${label}: throws ${e.constructor.name}: ${e.message}`);
  }
}

function describe(o, key) {
  const d = Object.getOwnPropertyDescriptor(o, key);
  if (!d) {
    return "missing";
  }
  let v = d.value;
  if (typeof v === "function") {
    v = `function ${v.name}/${v.length}`;
  } else if (v !== null && typeof v === "object") {
    v = "object";
  }
  return `value=${String(v)} writable=${d.writable} enumerable=${d.enumerable} configurable=${d.configurable}`;
}

const noop = () => {};

const routes = {
  "/constructors": (out) => {
    attempt(out, "new WeakRef(1)", () => new WeakRef(1));
    attempt(out, "new WeakRef()", () => new WeakRef());
    attempt(out, "new WeakRef(null)", () => new WeakRef(null));
    attempt(out, "new WeakRef('s')", () => new WeakRef("s"));
    attempt(out, "new WeakRef(Symbol.for('x'))", () => new WeakRef(Symbol.for("x")));
    attempt(out, "new WeakRef(Symbol('d')).deref()", () => new WeakRef(Symbol("d")).deref().toString());
    attempt(out, "new WeakRef(Symbol.iterator).deref()", () => new WeakRef(Symbol.iterator).deref().toString());
    attempt(out, "new WeakRef(function)", () => typeof new WeakRef(noop).deref());
    attempt(out, "new WeakRef(new Proxy({}, {}))", () => typeof new WeakRef(new Proxy({}, {})).deref());
    attempt(out, "WeakRef({})", () => WeakRef({}));
    attempt(out, "WeakRef.call({}, {})", () => WeakRef.call({}, {}));
    attempt(out, "FinalizationRegistry(noop)", () => FinalizationRegistry(noop));
    attempt(out, "new FinalizationRegistry(5)", () => new FinalizationRegistry(5));
    attempt(out, "new FinalizationRegistry()", () => new FinalizationRegistry());
    attempt(out, "new FinalizationRegistry({})", () => new FinalizationRegistry({}));
    attempt(out, "new FinalizationRegistry(class {})", () => Object.prototype.toString.call(new FinalizationRegistry(class {})));
  },
  "/register": (out) => {
    const reg = new FinalizationRegistry(noop);
    const o = {};
    attempt(out, "register(1)", () => reg.register(1));
    attempt(out, "register()", () => reg.register());
    attempt(out, "register(Symbol.for('y'))", () => reg.register(Symbol.for("y")));
    attempt(out, "register(Symbol())", () => reg.register(Symbol()));
    attempt(out, "register(o, o)", () => reg.register(o, o));
    attempt(out, "register(o, o, 1)", () => reg.register(o, o, 1));
    attempt(out, "register(sym, sym)", () => { const s = Symbol(); return reg.register(s, s); });
    attempt(out, "register(1, 1, 1)", () => reg.register(1, 1, 1));
    attempt(out, "register(o, 1, 1)", () => reg.register(o, 1, 1));
    attempt(out, "register(o, 1, 'abc')", () => reg.register(o, 1, "abc"));
    attempt(out, "register(o, 1, null)", () => reg.register(o, 1, null));
    attempt(out, "register(o, 1, Symbol.for('z'))", () => reg.register(o, 1, Symbol.for("z")));
    attempt(out, "register(o, 1, Symbol())", () => reg.register(o, 1, Symbol()));
    attempt(out, "register(o, 1, undefined)", () => reg.register(o, 1, undefined));
    attempt(out, "register(o, 1, o)", () => reg.register(o, 1, o));
    attempt(out, "register(o)", () => reg.register(o));
    attempt(out, "register(function, 1)", () => reg.register(noop, 1));
    attempt(out, "register(reg, 1, reg)", () => reg.register(reg, 1, reg));
  },
  "/unregister": (out) => {
    const reg = new FinalizationRegistry(noop);
    const o = {};
    const token = {};
    const sym = Symbol("token");
    reg.register({}, 1, o);
    reg.register({}, 1, token);
    reg.register({}, 2, token);
    reg.register({}, 3, sym);
    reg.register(o, "held", o);
    for (const [label, v] of [["1", 1], ["undefined", undefined], ["null", null], ["'abc'", "abc"], ["10n", 10n], ["true", true], ["Symbol.for('z')", Symbol.for("z")]]) {
      attempt(out, `unregister(${label})`, () => reg.unregister(v));
    }
    attempt(out, "unregister()", () => reg.unregister());
    attempt(out, "unregister({})", () => reg.unregister({}));
    attempt(out, "unregister(Symbol())", () => reg.unregister(Symbol()));
    attempt(out, "unregister(o)", () => reg.unregister(o));
    attempt(out, "unregister(o) again", () => reg.unregister(o));
    attempt(out, "unregister(token) (two registrations)", () => reg.unregister(token));
    attempt(out, "unregister(token) again", () => reg.unregister(token));
    attempt(out, "unregister(sym)", () => reg.unregister(sym));
    attempt(out, "unregister(sym) again", () => reg.unregister(sym));
    attempt(out, "register after unregister", () => reg.register(o, 4, token));
    attempt(out, "unregister(token) once more", () => reg.unregister(token));
    const other = new FinalizationRegistry(noop);
    reg.register({}, 5, token);
    attempt(out, "other registry's unregister(token)", () => other.unregister(token));
    attempt(out, "own unregister(token)", () => reg.unregister(token));
  },
  "/deref": (out) => {
    const target = { a: 1 };
    const wr = new WeakRef(target);
    attempt(out, "deref() === target", () => wr.deref() === target);
    attempt(out, "deref() twice", () => wr.deref() === wr.deref());
    const sym = Symbol("s");
    attempt(out, "symbol deref", () => new WeakRef(sym).deref() === sym);
    attempt(out, "own keys of a WeakRef", () => Reflect.ownKeys(wr).length);
    attempt(out, "own keys of a registry", () => Reflect.ownKeys(new FinalizationRegistry(noop)).length);
    attempt(out, "toString of a WeakRef", () => Object.prototype.toString.call(wr));
    attempt(out, "toString of a registry", () => Object.prototype.toString.call(new FinalizationRegistry(noop)));
    attempt(out, "WeakRef instanceof", () => wr instanceof WeakRef);
    attempt(out, "expando on a WeakRef", () => { wr.x = 1; Object.defineProperty(wr, "y", { get() { return 2; } }); return wr.x + wr.y; });
    attempt(out, "frozen WeakRef derefs", () => Object.freeze(new WeakRef(target)).deref() === target);
    class Sub extends WeakRef {
      constructor(t) {
        super(t);
        this.extra = 1;
      }
    }
    attempt(out, "subclass", () => { const s = new Sub(target); return `${s instanceof Sub} ${s instanceof WeakRef} ${s.deref() === target} ${s.extra}`; });
    class SubRegistry extends FinalizationRegistry {}
    attempt(out, "subclass registry", () => { const s = new SubRegistry(noop); return `${s instanceof SubRegistry} ${s.register({}, 1)} ${s.unregister({})}`; });
    attempt(out, "Reflect.construct with a newTarget", () => {
      function F() {}
      F.prototype = { marker: 1 };
      const w = Reflect.construct(WeakRef, [target], F);
      return `${Object.getPrototypeOf(w) === F.prototype} ${WeakRef.prototype.deref.call(w) === target}`;
    });
    attempt(out, "deref of Object.create(wr)", () => Object.create(wr).deref());
    attempt(out, "cleanupSome", () => typeof FinalizationRegistry.prototype.cleanupSome);
  },
  "/receivers": (out) => {
    const deref = WeakRef.prototype.deref;
    const reg = new FinalizationRegistry(noop);
    class Foo {}
    class Tagged {
      get [Symbol.toStringTag]() {
        return "Tag";
      }
    }
    class MyMap extends Map {}
    const named = new Error("m");
    named.name = "";
    const receivers = [
      ["undefined", undefined], ["null", null], ["1", 1], ["1.5", 1.5], ["-0", -0], ["NaN", NaN], ["true", true],
      ["'abc'", "abc"], ["''", ""], ["10n", 10n], ["Symbol('d')", Symbol("d")], ["Symbol()", Symbol()],
      ["{}", {}], ["[1, 2]", [1, 2]], ["Object.create(null)", Object.create(null)], ["new Foo()", new Foo()],
      ["new Tagged()", new Tagged()], ["{ [Symbol.toStringTag]: 'T' }", { [Symbol.toStringTag]: "T" }],
      ["Object.create(null) tagged", Object.assign(Object.create(null), { [Symbol.toStringTag]: "TT" })],
      ["new Error('boom')", new Error("boom")], ["new TypeError('bad')", new TypeError("bad")],
      ["an Error named ''", named], ["new Error('')", new Error("")],
      ["{ name, message, toString: Error.prototype.toString }", { name: "N", message: "M", toString: Error.prototype.toString }],
      ["new Date(0)", new Date(0)], ["/x/g", /x/g], ["new Map()", new Map()], ["new MyMap()", new MyMap()],
      ["new WeakMap()", new WeakMap()], ["Promise.resolve()", Promise.resolve()],
      ["new Proxy({}, {})", new Proxy({}, {})], ["new Proxy(new Foo(), {})", new Proxy(new Foo(), {})],
      ["new Proxy([], {})", new Proxy([], {})], ["new Proxy(new Error('x'), {})", new Proxy(new Error("x"), {})],
      ["Object.create(new WeakRef({}))", Object.create(new WeakRef({}))], ["WeakRef.prototype", WeakRef.prototype],
      ["a registry", reg], ["{ constructor: { name: 'Fake' } }", { constructor: { name: "Fake" } }],
      ["constructor getter", Object.create({ get constructor() { return Foo; } })],
      ["{ toString() {} }", { toString() { return "x"; } }],
      ["new Number(3)", new Number(3)], ["new String('s')", new String("s")], ["new Boolean(true)", new Boolean(true)],
      // A function is its source; only one-line sources are compared, as
      // the bundles indent multi-line ones differently.
      ["(x) => x", (x) => x], ["async (x) => x", async (x) => x],
      ["Math.max", Math.max], ["JSON", JSON], ["Math", Math],
      ["new Uint8Array(2)", new Uint8Array(2)], ["new ArrayBuffer(1)", new ArrayBuffer(1)],
      ["new DataView(new ArrayBuffer(1))", new DataView(new ArrayBuffer(1))], ["a generator", (function* () {})()],
      ["arguments", (function () { return arguments; })()], ["Object(1n)", Object(1n)], ["Object(Symbol('q'))", Object(Symbol("q"))],
      ["new Set()", new Set()], ["new WeakSet()", new WeakSet()], ["[].values()", [].values()], ["new Map().entries()", new Map().entries()],
      ["''[Symbol.iterator]()", ""[Symbol.iterator]()], ["a revoked Proxy", (() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })()],
      ["new RangeError('r')", new RangeError("r")], ["a Promise subclass", new (class P extends Promise {})(() => {})],
    ];
    for (const [label, v] of receivers) {
      attempt(out, `deref.call(${label})`, () => deref.call(v));
    }
    // Naming the receiver runs none of the script's code.
    const touched = [];
    const spy = new Proxy({}, {
      get(t, k) { touched.push(`get ${String(k)}`); return Reflect.get(t, k); },
      getOwnPropertyDescriptor(t, k) { touched.push(`descriptor ${String(k)}`); return Reflect.getOwnPropertyDescriptor(t, k); },
      getPrototypeOf(t) { touched.push("getPrototypeOf"); return Reflect.getPrototypeOf(t); },
    });
    const sneaky = Object.create({
      get constructor() { touched.push("constructor getter"); return Foo; },
      get [Symbol.toStringTag]() { touched.push("toStringTag getter"); return "X"; },
      get name() { touched.push("name getter"); return "N"; },
    });
    attempt(out, "deref.call(a spying Proxy)", () => deref.call(spy));
    attempt(out, "deref.call(an object of getters)", () => deref.call(sneaky));
    attempt(out, "deref.call(Object.create(spy))", () => deref.call(Object.create(spy)));
    out.push(`script code run: [${touched.join(", ")}]`);
    attempt(out, "register.call({})", () => FinalizationRegistry.prototype.register.call({}, {}, 1));
    attempt(out, "register.call(1)", () => FinalizationRegistry.prototype.register.call(1, {}, 1));
    attempt(out, "register.call(a WeakRef)", () => FinalizationRegistry.prototype.register.call(new WeakRef({}), 1, 1));
    attempt(out, "unregister.call({})", () => FinalizationRegistry.prototype.unregister.call({}, {}));
    attempt(out, "unregister.call(a WeakRef)", () => FinalizationRegistry.prototype.unregister.call(new WeakRef({}), 1));
  },
  "/shapes": (out) => {
    for (const C of [WeakRef, FinalizationRegistry]) {
      out.push(`${C.name}: ${String(C)}`);
      out.push(`  global ${describe(globalThis, C.name)}`);
      out.push(`  own keys: ${Reflect.ownKeys(C).map(String).join(", ")}`);
      for (const k of Reflect.ownKeys(C)) {
        out.push(`  ${String(k)} ${describe(C, k)}`);
      }
      out.push(`  prototype own keys: ${Reflect.ownKeys(C.prototype).map(String).join(", ")}`);
      for (const k of Reflect.ownKeys(C.prototype)) {
        out.push(`  prototype.${String(k)} ${describe(C.prototype, k)}`);
      }
      out.push(`  prototype inherits Object.prototype: ${Object.getPrototypeOf(C.prototype) === Object.prototype}`);
      out.push(`  inherits Function.prototype: ${Object.getPrototypeOf(C) === Function.prototype}`);
      for (const k of Reflect.ownKeys(C.prototype)) {
        const v = C.prototype[k];
        if (typeof v === "function" && v !== C) {
          out.push(`  ${String(k)}: ${String(v)}`);
        }
      }
    }
  },
};

export default {
  async fetch(request) {
    const route = routes[new URL(request.url).pathname];
    if (!route) {
      return new Response("no such route", { status: 404 });
    }
    const out = [];
    route(out);
    return new Response(out.join("\n"));
  },
};
