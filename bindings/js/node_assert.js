// node:assert (https://nodejs.org/api/assert.html) as workerd gives it:
// the legacy functions (equal, deepEqual, notEqual) compare strictly, as
// their strict forms do. Failures are AssertionErrors with Node's code,
// actual, expected, operator and generatedMessage; the messages of simple
// failures are workerd's, but the multi-line diffs it prints for unequal
// values are shortened here to one line per side.
(function (h, more) {
  "use strict";
  class AssertionError extends Error {
    constructor(options) {
      const { message, actual, expected, operator } = options || {};
      super(message);
      this.generatedMessage = !options.userMessage && !options.quiet;
      this.code = "ERR_ASSERTION";
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    get name() { return "AssertionError"; }
  }
  // quietOps are the operators whose generated messages workerd reports
  // with generatedMessage false.
  const quietOps = ["strictEqual", "notStrictEqual", "notDeepStrictEqual", "throws", "match", "doesNotMatch", "partialDeepStrictEqual"];
  function fail(actual, expected, operator, generated, message) {
    if (message instanceof Error) throw message;
    const userMessage = message !== undefined;
    throw new AssertionError({ message: userMessage ? message : generated, actual, expected, operator, userMessage, quiet: quietOps.includes(operator) });
  }
  function diff(title, a, b) {
    return `${title}\n+ actual - expected\n\n+ ${h.inspect(a)}\n- ${h.inspect(b)}`;
  }
  // deepEqual compares as Node's isDeepStrictEqual does for the common
  // types: primitives by Object.is, then prototypes, dates, regexps, boxed
  // primitives, Maps, Sets, views and own enumerable keys, with cycles.
  // loose compares as Node's legacy deepEqual: primitives by ==, and
  // prototypes not at all.
  function deepEqual(a, b, seen = new Map(), loose = false) {
    if (Object.is(a, b)) return true;
    if (loose && (typeof a !== "object" || a === null) && (typeof b !== "object" || b === null)) return a == b;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
    if (!loose && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    if (seen.get(a) === b) return true;
    seen.set(a, b);
    const tag = Object.prototype.toString.call(a);
    if (tag !== Object.prototype.toString.call(b)) return false;
    if (a instanceof Date && a.getTime() !== b.getTime()) return false;
    if (a instanceof RegExp && String(a) !== String(b)) return false;
    if (a instanceof Error && (a.message !== b.message || a.name !== b.name)) return false;
    if (ArrayBuffer.isView(a)) {
      if (a.byteLength !== b.byteLength) return false;
      const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength), y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    }
    if (a instanceof Map) {
      if (a.size !== b.size) return false;
      for (const [k, v] of a) if (!b.has(k) || !deepEqual(v, b.get(k), seen, loose)) return false;
    }
    if (a instanceof Set) {
      if (a.size !== b.size) return false;
      outer: for (const v of a) {
        if (b.has(v)) continue;
        if (typeof v === "object" && v !== null) for (const w of b) if (deepEqual(v, w, seen, loose)) continue outer;
        return false;
      }
    }
    if (["[object Number]", "[object String]", "[object Boolean]"].includes(tag) && !Object.is(a.valueOf(), b.valueOf())) return false;
    const ka = Object.keys(a), kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    for (const k of ka) if (!Object.prototype.hasOwnProperty.call(b, k) || !deepEqual(a[k], b[k], seen, loose)) return false;
    return true;
  }
  function ok(value, message) {
    if (!value) fail(value, true, "==", `${h.inspect(value)} == true`, message);
  }
  const assert = function assert(value, message) { ok(value, message); };
  assert.ok = ok;
  assert.AssertionError = AssertionError;
  assert.fail = function (message = "Failed") {
    if (message instanceof Error) throw message;
    throw new AssertionError({ message, operator: "fail", userMessage: true });
  };
  assert.strictEqual = function strictEqual(a, b, message) {
    if (!Object.is(a, b)) fail(a, b, "strictEqual", diff("Values are not strictly equal:", a, b), message);
  };
  assert.notStrictEqual = function notStrictEqual(a, b, message) {
    if (Object.is(a, b)) fail(a, b, "notStrictEqual", "Expected actual to be strictly unequal to expected", message);
  };
  assert.deepStrictEqual = function deepStrictEqual(a, b, message) {
    if (!deepEqual(a, b)) fail(a, b, "deepStrictEqual", diff("Expected values to be strictly deep-equal:", a, b), message);
  };
  assert.notDeepStrictEqual = function notDeepStrictEqual(a, b, message) {
    if (deepEqual(a, b)) fail(a, b, "notDeepStrictEqual", "Expected actual to not be deeply strictly equal to expected", message);
  };
  // matches reports whether err meets what throws/rejects expect of it.
  function matches(err, expected) {
    if (expected === undefined) return true;
    if (expected instanceof RegExp) return expected.test(String(err));
    if (typeof expected === "function") {
      if (expected.prototype !== undefined && err instanceof expected) return true;
      if (Error.isPrototypeOf(expected) || expected === Error) return false;
      return expected.call({}, err) === true;
    }
    if (typeof expected === "object" && expected !== null) {
      return Object.keys(expected).every((k) => expected[k] instanceof RegExp && typeof err[k] === "string" ? expected[k].test(err[k]) : deepEqual(err[k], expected[k]));
    }
    return true;
  }
  assert.throws = function throws(fn, expected, message) {
    if (typeof expected === "string") { message = expected; expected = undefined; }
    try { fn(); } catch (err) {
      if (!matches(err, expected)) throw err;
      return;
    }
    fail(undefined, expected, "throws", "Missing expected exception.", message);
  };
  assert.doesNotThrow = function doesNotThrow(fn, message) {
    try { fn(); } catch (err) {
      fail(err, undefined, "doesNotThrow", "Got unwanted exception.\nActual message: \"" + (err && err.message) + "\"", typeof message === "string" ? message : undefined);
    }
  };
  assert.rejects = async function rejects(p, expected, message) {
    if (typeof expected === "string") { message = expected; expected = undefined; }
    try { await (typeof p === "function" ? p() : p); } catch (err) {
      if (!matches(err, expected)) throw err;
      return;
    }
    fail(undefined, expected, "rejects", "Missing expected rejection.", message);
  };
  assert.doesNotReject = async function doesNotReject(p, message) {
    try { await (typeof p === "function" ? p() : p); } catch (err) {
      fail(err, undefined, "doesNotReject", "Got unwanted rejection.\nActual message: \"" + (err && err.message) + "\"", typeof message === "string" ? message : undefined);
    }
  };
  assert.match = function match(s, re, message) {
    if (!re.test(s)) fail(s, re, "match", `actual: ${JSON.stringify(s)} expected to match: "${String(re)}"`, message);
  };
  assert.doesNotMatch = function doesNotMatch(s, re, message) {
    if (re.test(s)) fail(s, re, "doesNotMatch", `actual: ${JSON.stringify(s)} expected not to match: "${String(re)}"`, message);
  };
  assert.ifError = function ifError(v) { if (v !== null && v !== undefined) throw v; };
  return more(assert, { AssertionError, fail, deepEqual, inspect: h.inspect });
})
