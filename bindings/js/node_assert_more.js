// The rest of node:assert as workerd gives it: partialDeepStrictEqual,
// the Assert class (its instances compare strictly unless made with
// { strict: false }, when equal, notEqual, deepEqual and notDeepEqual are
// loose), the legacy names as functions of their own that compare
// strictly, and assert.strict, a second assert function whose legacy
// names are the strict functions themselves. base is node_assert.js's
// assert with its strict functions; x its internals.
(function (base, x) {
  "use strict";
  const { AssertionError, fail, deepEqual, inspect } = x;
  const okFn = base.ok;

  // partial reports whether actual holds expected: equal primitives and
  // dates, each of expected's own keys (and Map entries) partially in
  // actual's, arrays and views element by element from the start, and each
  // Set member present (objects by deep strict equality).
  function partial(actual, expected, seen = new Map()) {
    if (Object.is(actual, expected)) return true;
    if (typeof actual !== "object" || typeof expected !== "object" || actual === null || expected === null) return false;
    if (Object.getPrototypeOf(actual) !== Object.getPrototypeOf(expected)) return false;
    if (seen.get(actual) === expected) return true;
    seen.set(actual, expected);
    if (Object.prototype.toString.call(actual) !== Object.prototype.toString.call(expected)) return false;
    if (actual instanceof Date) return actual.getTime() === expected.getTime();
    if (actual instanceof RegExp) return String(actual) === String(expected);
    if (Array.isArray(actual) || ArrayBuffer.isView(actual)) {
      if (expected.length > actual.length) return false;
      for (let i = 0; i < expected.length; i++) if (!partial(actual[i], expected[i], seen)) return false;
      return true;
    }
    if (actual instanceof Set) {
      for (const v of expected) {
        if (actual.has(v)) continue;
        if (typeof v !== "object" || v === null || ![...actual].some((w) => deepEqual(w, v))) return false;
      }
      return true;
    }
    if (actual instanceof Map) {
      for (const [k, v] of expected) if (!actual.has(k) || !partial(actual.get(k), v, seen)) return false;
      return true;
    }
    for (const k of Reflect.ownKeys(expected)) {
      if (!Object.prototype.propertyIsEnumerable.call(expected, k)) continue;
      if (!Object.prototype.hasOwnProperty.call(actual, k) || !partial(actual[k], expected[k], seen)) return false;
    }
    return true;
  }
  function partialDeepStrictEqual(actual, expected, message) {
    if (!partial(actual, expected)) fail(actual, expected, "partialDeepStrictEqual", "Expected actual to be partially deeply strictly equal to expected", message);
  }

  // The loose comparisons of an Assert made with { strict: false }.
  const loose = {
    equal(a, b, message) {
      if (!(a == b || (a !== a && b !== b))) fail(a, b, "==", `${inspect(a)} == ${inspect(b)}`, message);
    },
    notEqual(a, b, message) {
      if (a == b || (a !== a && b !== b)) fail(a, b, "!=", `${inspect(a)} != ${inspect(b)}`, message);
    },
    deepEqual(a, b, message) {
      if (!deepEqual(a, b, new Map(), true)) fail(a, b, "deepEqual", `Expected values to be loosely deep-equal:\n\n${inspect(a)}\n\nshould loosely deep-equal\n\n${inspect(b)}`, message);
    },
    notDeepEqual(a, b, message) {
      if (deepEqual(a, b, new Map(), true)) fail(a, b, "notDeepEqual", `Expected values not to be loosely deep-equal:\n\n${inspect(a)}\n\nshould not loosely deep-equal\n\n${inspect(b)}`, message);
    },
  };

  // shared are the functions the module, assert.strict and
  // Assert.prototype have in common.
  const shared = {
    fail: base.fail, deepStrictEqual: base.deepStrictEqual, notDeepStrictEqual: base.notDeepStrictEqual,
    strictEqual: base.strictEqual, notStrictEqual: base.notStrictEqual, partialDeepStrictEqual,
    match: base.match, doesNotMatch: base.doesNotMatch, throws: base.throws, rejects: base.rejects,
    doesNotThrow: base.doesNotThrow, doesNotReject: base.doesNotReject, ifError: base.ifError,
  };
  const strictNames = { equal: "strictEqual", deepEqual: "deepStrictEqual", notEqual: "notStrictEqual", notDeepEqual: "notDeepStrictEqual" };

  // Assert is a function rather than a class for workerd's error when
  // called without new.
  function Assert(options) {
    if (!new.target) {
      const err = new TypeError("Class constructor Assert cannot be invoked without `new`");
      err.code = "ERR_CONSTRUCT_CALL_REQUIRED";
      throw err;
    }
    if (options !== null && typeof options === "object" && options.diff !== undefined && options.diff !== "simple" && options.diff !== "full") {
      const err = new TypeError(`The property 'options.diff' must be one of: 'simple', 'full'. Received ${inspect(options.diff)}`);
      err.code = "ERR_INVALID_ARG_VALUE";
      throw err;
    }
    this.AssertionError = AssertionError;
    if (options === null || typeof options !== "object" || options.strict !== false) {
      for (const [name, strict] of Object.entries(strictNames)) this[name] = shared[strict];
    }
  }
  Object.defineProperty(Assert.prototype, "ok", { value: function ok(value, message) { okFn(value, message); }, writable: true, configurable: true });
  for (const [name, fn] of Object.entries(shared)) Object.defineProperty(Assert.prototype, name, { value: fn, writable: true, configurable: true });
  for (const [name, fn] of Object.entries(loose)) Object.defineProperty(Assert.prototype, name, { value: fn, writable: true, configurable: true });

  // legacy are the module's legacy names: their own functions, comparing
  // strictly as workerd's do.
  const legacy = {
    equal: function equal(a, b, message) { base.strictEqual(a, b, message); },
    notEqual: function notEqual(a, b, message) { base.notStrictEqual(a, b, message); },
    deepEqual: function deepEqual(a, b, message) { base.deepStrictEqual(a, b, message); },
    notDeepEqual: function notDeepEqual(a, b, message) { base.notDeepStrictEqual(a, b, message); },
  };
  const strict = function strict(value, message) { okFn(value, message); };
  // fill gives target its members in workerd's order.
  function fill(target, names) {
    for (const k of Object.keys(target)) delete target[k];
    Object.assign(target, shared, { Assert, AssertionError, ok: okFn, strict });
    Object.assign(target, names);
    return target;
  }
  fill(base, legacy);
  fill(strict, Object.fromEntries(Object.keys(legacy).map((k) => [k, shared[strictNames[k]]])));
  return base;
})
