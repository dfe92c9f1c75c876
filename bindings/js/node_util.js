// node:util (https://nodejs.org/api/util.html): format and inspect are the
// console's own formatting (console.go, inspect.go), which follows Node's;
// the rest is written here.
(function (h) {
  "use strict";
  const custom = Symbol.for("nodejs.util.promisify.custom");
  function argType(name, type, v) {
    const err = new TypeError(`The "${name}" argument must be of type ${type}. Received ${v === null ? "null" : typeof v}`);
    err.code = "ERR_INVALID_ARG_TYPE";
    return err;
  }
  function promisify(fn) {
    if (typeof fn !== "function") throw argType("original", "function", fn);
    if (fn[custom]) return fn[custom];
    function promisified(...args) {
      return new Promise((resolve, reject) => {
        fn.call(this, ...args, (err, ...values) => {
          if (err) reject(err); else resolve(values.length > 1 ? values : values[0]);
        });
      });
    }
    Object.setPrototypeOf(promisified, Object.getPrototypeOf(fn));
    Object.defineProperty(promisified, custom, { value: promisified, configurable: true });
    return promisified;
  }
  promisify.custom = custom;
  function callbackify(fn) {
    if (typeof fn !== "function") throw argType("original", "function", fn);
    return function (...args) {
      const cb = args.pop();
      if (typeof cb !== "function") throw argType("last argument", "function", cb);
      fn.apply(this, args).then((v) => queueMicrotask(() => cb(null, v)), (err) => queueMicrotask(() => cb(err)));
    };
  }
  function inherits(ctor, superCtor) {
    Object.defineProperty(ctor, "super_", { value: superCtor, writable: true, configurable: true });
    Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
  }
  function deprecate(fn) { return fn; }
  function debuglog() { const log = () => {}; log.enabled = false; return log; }
  const tag = (v) => Object.prototype.toString.call(v).slice(8, -1);
  const types = {
    isPromise: (v) => v instanceof Promise,
    isDate: (v) => v instanceof Date,
    isRegExp: (v) => v instanceof RegExp,
    isMap: (v) => v instanceof Map,
    isSet: (v) => v instanceof Set,
    isWeakMap: (v) => v instanceof WeakMap,
    isWeakSet: (v) => v instanceof WeakSet,
    isArrayBuffer: (v) => v instanceof ArrayBuffer,
    isAnyArrayBuffer: (v) => v instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && v instanceof SharedArrayBuffer),
    isArrayBufferView: (v) => ArrayBuffer.isView(v),
    isTypedArray: (v) => ArrayBuffer.isView(v) && !(v instanceof DataView),
    isUint8Array: (v) => v instanceof Uint8Array,
    isDataView: (v) => v instanceof DataView,
    isNativeError: (v) => v instanceof Error,
    isAsyncFunction: (v) => tag(v) === "AsyncFunction",
    isGeneratorFunction: (v) => tag(v) === "GeneratorFunction" || tag(v) === "AsyncGeneratorFunction",
    isBoxedPrimitive: (v) => ["Number", "String", "Boolean", "BigInt", "Symbol"].includes(tag(v)) && typeof v === "object",
  };
  const util = {
    format: (...args) => h.format(args),
    inspect: (v) => {
      // An object's own [util.inspect.custom] formats it, as in Node.
      const custom = v !== null && (typeof v === "object" || typeof v === "function") ? v[Symbol.for("nodejs.util.inspect.custom")] : undefined;
      return typeof custom === "function" ? String(custom.call(v, 2, {}, util.inspect)) : h.inspect(v);
    },
    promisify,
    callbackify,
    inherits,
    deprecate,
    debuglog,
    debug: debuglog,
    types,
    TextEncoder,
    TextDecoder,
    isArray: Array.isArray,
  };
  util.inspect.custom = Symbol.for("nodejs.util.inspect.custom");
  util.default = util;
  return util;
})
