// Conformance worker: the ES2023–2025 built-ins workerhost adds to goja
// (Promise.withResolvers/try, Object/Map.groupBy, Array.fromAsync, iterator
// helpers, String well-formedness, RegExp.escape, ArrayBuffer transfer),
// their shapes (name, length, attributes) and their errors. One route per
// topic, a line per probe.

function show(v) {
  if (typeof v === "string") {
    return JSON.stringify(v);
  }
  if (typeof v === "function") {
    return `function ${v.name}/${v.length}`;
  }
  if (Array.isArray(v)) {
    return `[${v.map(show).join(", ")}]`;
  }
  if (v instanceof Map) {
    return `Map{${[...v].map(([k, x]) => `${show(k)} => ${show(x)}`).join(", ")}}`;
  }
  if (v !== null && typeof v === "object") {
    const proto = Object.getPrototypeOf(v);
    const tag = proto === null ? "null-proto " : "";
    return `${tag}{${Reflect.ownKeys(v).map((k) => `${String(k)}: ${show(v[k])}`).join(", ")}}`;
  }
  if (Object.is(v, -0)) {
    return "-0";
  }
  return String(v);
}

function attempt(out, label, fn) {
  try {
    out.push(`${label}: ok ${show(fn())}`);
  } catch (e) {
    out.push(`${label}: throws ${e.constructor.name}: ${e.message}`);
  }
}

async function attemptAsync(out, label, fn) {
  try {
    out.push(`${label}: ok ${show(await fn())}`);
  } catch (e) {
    out.push(`${label}: rejects ${e.constructor.name}: ${e.message}`);
  }
}

function describe(o, key) {
  const d = Object.getOwnPropertyDescriptor(o, key);
  if (!d) {
    return "missing";
  }
  const parts = [];
  for (const k of ["value", "get", "set"]) {
    if (k in d && d[k] !== undefined) {
      parts.push(`${k}=${typeof d[k] === "function" ? `${d[k].name}/${d[k].length}` : String(d[k])}`);
    }
  }
  for (const k of ["writable", "enumerable", "configurable"]) {
    if (k in d) {
      parts.push(`${k}=${d[k]}`);
    }
  }
  return parts.join(" ");
}

const shapes = [
  [Promise, "withResolvers"],
  [Promise, "try"],
  [Object, "groupBy"],
  [Map, "groupBy"],
  [Array, "fromAsync"],
  [String.prototype, "isWellFormed"],
  [String.prototype, "toWellFormed"],
  [RegExp, "escape"],
  [ArrayBuffer.prototype, "transfer"],
  [ArrayBuffer.prototype, "transferToFixedLength"],
  [ArrayBuffer.prototype, "detached"],
  [ArrayBuffer.prototype, "resizable"],
  [ArrayBuffer.prototype, "maxByteLength"],
  [globalThis, "Iterator"],
];

function iteratorShapes(out) {
  const I = globalThis.Iterator;
  out.push(`Iterator: ${describe(I, "length")}; ${describe(I, "name")}; prototype ${describe(I, "prototype")}`);
  for (const k of ["from", "concat"]) {
    out.push(`Iterator.${k}: ${describe(I, k)}`);
  }
  for (const k of ["map", "filter", "take", "drop", "flatMap", "reduce", "toArray", "forEach", "some", "every", "find", "constructor", Symbol.toStringTag]) {
    out.push(`Iterator.prototype.${String(k)}: ${describe(I.prototype, k)}`);
  }
  const helper = [1].values().map((x) => x);
  const hp = Object.getPrototypeOf(helper);
  out.push(`helper proto keys: ${Reflect.ownKeys(hp).map(String).join(", ")}`);
  out.push(`helper next: ${describe(hp, "next")}; return: ${describe(hp, "return")}; tag: ${describe(hp, Symbol.toStringTag)}`);
  out.push(`helper toString: ${Object.prototype.toString.call(helper)}`);
  out.push(`helper inherits Iterator.prototype: ${Object.getPrototypeOf(hp) === I.prototype}`);
  out.push(`array iterator instanceof Iterator: ${[].values() instanceof I}`);
  out.push(`generator instanceof Iterator: ${(function* () {})() instanceof I}`);
  out.push(`Iterator.prototype.constructor === Iterator: ${I.prototype.constructor === I}`);
  out.push(`toString of Iterator.prototype: ${Object.prototype.toString.call(I.prototype)}`);
}

function iterators(out) {
  const gen = function* (n) {
    for (let i = 1; i <= n; i++) {
      yield i;
    }
  };
  attempt(out, "new Iterator()", () => new Iterator());
  attempt(out, "Iterator()", () => Iterator());
  attempt(out, "subclass", () => {
    class Count extends Iterator {
      constructor() {
        super();
        this.i = 0;
      }
      next() {
        return this.i < 3 ? { value: this.i++, done: false } : { value: undefined, done: true };
      }
    }
    return new Count().map((x) => x * 10).toArray();
  });
  attempt(out, "map", () => gen(4).map((x, i) => x * 10 + i).toArray());
  attempt(out, "filter", () => gen(6).filter((x) => x % 2).toArray());
  attempt(out, "take", () => gen(100).take(3).toArray());
  attempt(out, "take(0)", () => gen(3).take(0).toArray());
  attempt(out, "take(Infinity)", () => gen(3).take(Infinity).toArray());
  attempt(out, "take(-1)", () => gen(3).take(-1));
  attempt(out, "take(NaN)", () => gen(3).take(NaN));
  attempt(out, "take('2')", () => gen(3).take("2").toArray());
  attempt(out, "drop", () => gen(5).drop(2).toArray());
  attempt(out, "drop(-1)", () => gen(5).drop(-1));
  attempt(out, "drop(10)", () => gen(5).drop(10).toArray());
  attempt(out, "flatMap", () => gen(3).flatMap((x) => [x, x * 10]).toArray());
  attempt(out, "flatMap of a string", () => gen(1).flatMap(() => "ab").toArray());
  attempt(out, "flatMap of a number", () => gen(1).flatMap(() => 5).toArray());
  attempt(out, "flatMap of a String object", () => gen(1).flatMap(() => new String("ab")).toArray());
  attempt(out, "reduce", () => gen(4).reduce((a, b) => a + b));
  attempt(out, "reduce with initial", () => gen(4).reduce((a, b, i) => a + b * i, 100));
  attempt(out, "reduce of empty", () => gen(0).reduce((a, b) => a + b));
  attempt(out, "reduce of empty with initial", () => gen(0).reduce((a, b) => a + b, "init"));
  attempt(out, "toArray", () => gen(3).toArray());
  attempt(out, "forEach", () => {
    const seen = [];
    const r = gen(3).forEach((x, i) => seen.push(`${x}@${i}`));
    return [r, seen];
  });
  attempt(out, "some", () => [gen(3).some((x) => x === 2), gen(3).some((x) => x === 9)]);
  attempt(out, "every", () => [gen(3).every((x) => x > 0), gen(3).every((x) => x < 2)]);
  attempt(out, "find", () => [gen(5).find((x) => x > 2), gen(2).find((x) => x > 2)]);
  attempt(out, "map(non-callable)", () => gen(3).map(5));
  attempt(out, "filter(non-callable)", () => gen(3).filter({}));
  attempt(out, "reduce(non-callable)", () => gen(3).reduce());
  attempt(out, "map.call(non-object)", () => Iterator.prototype.map.call(5, (x) => x));
  attempt(out, "toArray.call(null)", () => Iterator.prototype.toArray.call(null));
  attempt(out, "laziness", () => {
    const log = [];
    const it = gen(3).map((x) => {
      log.push(`map ${x}`);
      return x;
    });
    log.push("created");
    it.next();
    return log;
  });
  attempt(out, "return closes the source", () => {
    const log = [];
    const src = {
      next() {
        return { value: 1, done: false };
      },
      return() {
        log.push("closed");
        return {};
      },
      __proto__: Iterator.prototype,
    };
    const it = src.map((x) => x);
    it.next();
    const r = it.return();
    return [log, r, it.next()];
  });
  attempt(out, "return before start closes the source", () => {
    const log = [];
    const src = {
      next() {
        return { value: 1, done: false };
      },
      return() {
        log.push("closed");
        return {};
      },
      __proto__: Iterator.prototype,
    };
    const it = src.filter((x) => x);
    it.return();
    return log;
  });
  attempt(out, "throwing mapper closes the source", () => {
    const log = [];
    const src = {
      next() {
        return { value: 1, done: false };
      },
      return() {
        log.push("closed");
        return {};
      },
      __proto__: Iterator.prototype,
    };
    try {
      src.map(() => {
        throw new Error("mapper");
      }).next();
    } catch (e) {
      log.push(e.message);
    }
    return log;
  });
  attempt(out, "some closes the source", () => {
    const log = [];
    const src = {
      i: 0,
      next() {
        return { value: this.i++, done: false };
      },
      return() {
        log.push("closed");
        return {};
      },
      __proto__: Iterator.prototype,
    };
    return [src.some((x) => x === 2), log];
  });
  attempt(out, "Iterator.from(array)", () => Iterator.from([1, 2]).toArray());
  attempt(out, "Iterator.from(string)", () => Iterator.from("ab").toArray());
  attempt(out, "Iterator.from(iterator) is the same", () => {
    const it = [1].values();
    return Iterator.from(it) === it;
  });
  attempt(out, "Iterator.from(plain iterator) wraps", () => {
    let i = 0;
    const plain = { next: () => ({ value: i++, done: i > 3 }) };
    const w = Iterator.from(plain);
    return [w === plain, w instanceof Iterator, w.map((x) => x * 2).toArray(), Object.prototype.toString.call(w)];
  });
  attempt(out, "Iterator.from(5)", () => Iterator.from(5));
  attempt(out, "Iterator.from(null)", () => Iterator.from(null));
  attempt(out, "Iterator.concat", () => Iterator.concat([1, 2], new Set([3]), "x".split("")).toArray());
  attempt(out, "Iterator.concat()", () => Iterator.concat().toArray());
  attempt(out, "Iterator.concat(5)", () => Iterator.concat(5));
  attempt(out, "Iterator.concat('ab')", () => Iterator.concat("ab"));
  attempt(out, "map of a Map", () => new Map([["a", 1]]).entries().map(([k, v]) => k + v).toArray());
  attempt(out, "helper next.call({})", () => {
    const hp = Object.getPrototypeOf([].values().map((x) => x));
    return hp.next.call({});
  });
}

function promises(out) {
  attempt(out, "withResolvers keys", () => Object.keys(Promise.withResolvers()));
  attempt(out, "withResolvers.call(5)", () => Promise.withResolvers.call(5));
  attempt(out, "withResolvers.call(Object)", () => Promise.withResolvers.call(Object));
  attempt(out, "try.call(5)", () => Promise.try.call(5, () => 1));
  attempt(out, "try(5) is a promise", () => Promise.try(5) instanceof Promise);
}

async function promisesAsync(out) {
  await attemptAsync(out, "withResolvers resolves", () => {
    const { promise, resolve } = Promise.withResolvers();
    resolve(7);
    return promise;
  });
  await attemptAsync(out, "withResolvers rejects", () => {
    const { promise, reject } = Promise.withResolvers();
    reject(new RangeError("nope"));
    return promise;
  });
  await attemptAsync(out, "try value", () => Promise.try((a, b) => a + b, 2, 3));
  await attemptAsync(out, "try throws", () =>
    Promise.try(() => {
      throw new TypeError("sync throw");
    }),
  );
  await attemptAsync(out, "try(5)", () => Promise.try(5));
  await attemptAsync(out, "try promise", () => Promise.try(() => Promise.resolve("inner")));
  class MyPromise extends Promise {}
  attempt(out, "withResolvers subclass", () => Promise.withResolvers.call(MyPromise).promise instanceof MyPromise);
  await attemptAsync(out, "fromAsync(array)", () => Array.fromAsync([1, Promise.resolve(2), 3]));
  await attemptAsync(out, "fromAsync(map)", () => Array.fromAsync([1, 2], (x, i) => x * 10 + i));
  await attemptAsync(out, "fromAsync(async map)", () => Array.fromAsync([1, 2], async (x) => x + 1));
  await attemptAsync(out, "fromAsync(array-like)", () => Array.fromAsync({ length: 2, 0: "a", 1: Promise.resolve("b") }));
  await attemptAsync(out, "fromAsync(async iterable)", () =>
    Array.fromAsync({
      [Symbol.asyncIterator]() {
        let i = 0;
        return { next: async () => ({ value: i++, done: i > 3 }) };
      },
    }),
  );
  await attemptAsync(out, "fromAsync(set)", () => Array.fromAsync(new Set(["x", "y"])));
  await attemptAsync(out, "fromAsync(null)", () => Array.fromAsync(null));
  await attemptAsync(out, "fromAsync(bad mapper)", () => Array.fromAsync([1], 5));
  await attemptAsync(out, "fromAsync(rejection)", () => Array.fromAsync([Promise.reject(new Error("inside"))]));
  await attemptAsync(out, "fromAsync is a promise", () => Promise.resolve(Array.fromAsync([]) instanceof Promise));
  await attemptAsync(out, "fromAsync with this", () => Array.fromAsync.call(function () { this.made = true; }, [1]).then((r) => [r.made, r.length, r[0]]));
}

function grouping(out) {
  const items = [1, 2, 3, 4, 5, 6];
  attempt(out, "Object.groupBy", () => Object.groupBy(items, (x) => (x % 2 ? "odd" : "even")));
  attempt(out, "Object.groupBy index", () => Object.groupBy("abc", (c, i) => i));
  attempt(out, "Object.groupBy symbol keys", () => Object.keys(Object.groupBy([1], () => Symbol.iterator)).length);
  attempt(out, "Object.groupBy(null)", () => Object.groupBy(null, (x) => x));
  attempt(out, "Object.groupBy(5)", () => Object.groupBy(5, (x) => x));
  attempt(out, "Object.groupBy no callback", () => Object.groupBy([1]));
  attempt(out, "Map.groupBy", () => Map.groupBy(items, (x) => x % 3));
  attempt(out, "Map.groupBy -0", () => Map.groupBy([1], () => -0));
  attempt(out, "Map.groupBy object keys", () => {
    const k = {};
    return Map.groupBy([1, 2], () => k).get(k);
  });
}

function strings(out) {
  for (const [label, s] of [
    ["ascii", "abc"],
    ["pair", "a\ud83d\ude00b"],
    ["lone high", "a\ud83db"],
    ["lone low", "a\ude00b"],
    ["trailing high", "ab\ud83d"],
    ["reversed pair", "\ude00\ud83d"],
    ["empty", ""],
  ]) {
    attempt(out, `isWellFormed ${label}`, () => s.isWellFormed());
    attempt(out, `toWellFormed ${label}`, () => [...s.toWellFormed()].map((c) => c.codePointAt(0).toString(16)).join(" "));
  }
  attempt(out, "isWellFormed.call(null)", () => String.prototype.isWellFormed.call(null));
  attempt(out, "toWellFormed.call(5)", () => String.prototype.toWellFormed.call(5));
  for (const s of ["foo.bar", "1abc", "Ab", "_x", "a-b c", "(?:x)", "\t\n\v\f\r", "\u00a0\u2028\ufeff", "#!%,:;<=>@`~'\"&", "^$\\.*+?()[]{}|/", "é", "😀", "\ud800x"]) {
    attempt(out, `RegExp.escape(${JSON.stringify(s)})`, () => RegExp.escape(s));
  }
  attempt(out, "RegExp.escape(5)", () => RegExp.escape(5));
  attempt(out, "escaped matches", () => new RegExp(RegExp.escape("1.5*(x)")).test("a1.5*(x)b"));
}

function buffers(out) {
  attempt(out, "transfer", () => {
    const a = new Uint8Array([1, 2, 3]).buffer;
    const b = a.transfer();
    return [a.byteLength, a.detached, b.byteLength, [...new Uint8Array(b)], b.detached];
  });
  attempt(out, "transfer larger", () => [...new Uint8Array(new Uint8Array([1, 2, 3]).buffer.transfer(5))]);
  attempt(out, "transferToFixedLength smaller", () => [...new Uint8Array(new Uint8Array([1, 2, 3]).buffer.transferToFixedLength(1))]);
  attempt(out, "view after transfer", () => {
    const u = new Uint8Array([1, 2, 3]);
    u.buffer.transfer();
    return [u.length, u.byteLength, u[0]];
  });
  attempt(out, "transfer twice", () => {
    const a = new ArrayBuffer(2);
    a.transfer();
    return a.transfer();
  });
  attempt(out, "transfer(-1)", () => new ArrayBuffer(2).transfer(-1));
  attempt(out, "transfer('3')", () => new ArrayBuffer(2).transfer("3").byteLength);
  attempt(out, "transfer.call({})", () => ArrayBuffer.prototype.transfer.call({}));
  attempt(out, "detached getter on {}", () => Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "detached").get.call({}));
  attempt(out, "resizable", () => [new ArrayBuffer(2).resizable, new ArrayBuffer(3).maxByteLength]);
  attempt(out, "structuredClone transfer detaches", () => {
    const a = new ArrayBuffer(4);
    structuredClone(a, { transfer: [a] });
    return a.detached;
  });
}

function disposable(out) {
  attempt(out, "symbols", () => [typeof Symbol.dispose, Symbol.dispose.description, Symbol.asyncDispose.description, Symbol.keyFor(Symbol.dispose), describe(Symbol, "dispose")]);
  attempt(out, "SuppressedError", () => {
    const e = new SuppressedError(1, 2, "m");
    return [e.name, e.message, e.error, e.suppressed, Object.keys(e), Object.getOwnPropertyNames(e), e instanceof Error, Object.getPrototypeOf(SuppressedError) === Error, SuppressedError.length, String(e.stack).split("\n")[0]];
  });
  attempt(out, "SuppressedError()", () => {
    const e = SuppressedError(1, 2);
    return [e.message, Object.getOwnPropertyNames(e), e instanceof SuppressedError];
  });
  attempt(out, "prototype", () => [SuppressedError.prototype.name, SuppressedError.prototype.message, Object.getOwnPropertyNames(SuppressedError.prototype), Object.prototype.toString.call(new SuppressedError())]);
  attempt(out, "error descriptor", () => describe(new SuppressedError(1, 2), "error"));
}

function maths(out) {
  for (const x of [0, -0, 1, 1.337, 65504, 65519.99, 65520, -65520, 5.960464477539063e-8, 2.9802322387695312e-8, 1e-10, NaN, Infinity, 0.1, 100000, 1.00048828125, 1.000732421875]) {
    attempt(out, `f16round(${show(x)})`, () => Math.f16round(x));
  }
  attempt(out, "f16round('2')", () => Math.f16round("2"));
  attempt(out, "f16round shape", () => describe(Math, "f16round"));
  const big = 1.7976931348623157e308;
  for (const [label, items] of [
    ["[1e20, 0.1, -1e20]", [1e20, 0.1, -1e20]],
    ["[]", []],
    ["[-0, -0]", [-0, -0]],
    ["[-0, 0]", [-0, 0]],
    ["[Infinity, 1]", [Infinity, 1]],
    ["[Infinity, -Infinity]", [Infinity, -Infinity]],
    ["[NaN, 1]", [NaN, 1]],
    ["[max, max]", [big, big]],
    ["[max, max, -max]", [big, big, -big]],
    ["ten 0.1s", Array(10).fill(0.1)],
    ["a Set", new Set([1, 2, 3])],
    ["[1, '2']", [1, "2"]],
    ["5", 5],
    ["null", null],
  ]) {
    attempt(out, `sumPrecise(${label})`, () => Math.sumPrecise(items));
  }
  attempt(out, "sumPrecise shape", () => describe(Math, "sumPrecise"));
  attempt(out, "sumPrecise closes the iterator", () => {
    let closed = false;
    const it = { [Symbol.iterator]: () => ({ next: () => ({ value: "x", done: false }), return() { closed = true; return {}; } }) };
    try {
      Math.sumPrecise(it);
    } catch (e) {
      // expected
    }
    return closed;
  });
}

export default {
  async fetch(request) {
    const out = [];
    switch (new URL(request.url).pathname) {
      case "/shapes":
        for (const [o, k] of shapes) {
          out.push(`${typeof o === "function" ? o.name : o === globalThis ? "globalThis" : `${o.constructor.name}.prototype`}.${k}: ${describe(o, k)}`);
        }
        iteratorShapes(out);
        break;
      case "/iterators":
        iterators(out);
        break;
      case "/promises":
        promises(out);
        await promisesAsync(out);
        break;
      case "/grouping":
        grouping(out);
        break;
      case "/strings":
        strings(out);
        break;
      case "/buffers":
        buffers(out);
        break;
      case "/disposable":
        disposable(out);
        break;
      case "/math":
        maths(out);
        break;
      default:
        return new Response("not found", { status: 404 });
    }
    return new Response(out.join("\n"));
  },
};
