// node:util/types (https://nodejs.org/api/util.html#utiltypes), also
// util.types: where goja lets it, a check looks at the value's internal
// kind (a method that only works on it, or goja's class name and Go type
// through h), as V8's do; iterators, generator objects and async
// functions, which goja marks no other way, by their prototype chain.
(function (h) {
  "use strict";
  const { classOf, isProxy } = h;
  const is = (name) => (v) => classOf(v) === name;
  const typed = (name) => (v) => typedName(v) === name;
  // typedName is the name of the typed array constructor whose internal
  // [[TypedArrayName]] v has.
  function typedName(v) {
    try {
      return Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get.call(v);
    } catch {
      return undefined;
    }
  }
  function brand(method, ...args) {
    return (v) => {
      if (v === null || (typeof v !== "object" && typeof v !== "function")) return false;
      try {
        method.call(v, ...args);
        return true;
      } catch {
        return false;
      }
    };
  }
  const isBoxed = (method) => (v) => typeof v === "object" && brand(method)(v);
  const isNumberObject = isBoxed(Number.prototype.valueOf);
  const isStringObject = isBoxed(String.prototype.valueOf);
  const isBooleanObject = isBoxed(Boolean.prototype.valueOf);
  const isBigIntObject = isBoxed(BigInt.prototype.valueOf);
  const isSymbolObject = isBoxed(Symbol.prototype.valueOf);
  const tag = (v) => Object.prototype.toString.call(v);
  // inherits reports whether proto is on v's prototype chain: goja keeps
  // no class apart for iterators, generators and async functions.
  const inherits = (proto) => (v) => v !== null && (typeof v === "object" || typeof v === "function") && proto.isPrototypeOf(v);
  const AsyncFunctionProto = Object.getPrototypeOf(async function () {});
  const GeneratorProto = Object.getPrototypeOf(function* () {}).prototype;
  const MapIteratorProto = Object.getPrototypeOf(new Map().keys());
  const SetIteratorProto = Object.getPrototypeOf(new Set().values());
  const isArrayBuffer = (v) => v instanceof ArrayBuffer || (typeof v === "object" && v !== null && brand(Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength").get)(v));
  const types = {
    isCryptoKey: (v) => typeof CryptoKey === "function" && v instanceof CryptoKey,
    isKeyObject: (v) => {
      if (typeof v !== "object" || v === null) return false;
      const { KeyObject } = h.require("crypto");
      return typeof KeyObject === "function" && v instanceof KeyObject;
    },
    isAsyncFunction: (v) => inherits(AsyncFunctionProto)(v) || (typeof v === "function" && tag(v) === "[object AsyncGeneratorFunction]"),
    isGeneratorFunction: (v) => typeof v === "function" && /^\[object (Async)?GeneratorFunction\]$/.test(tag(v)),
    isGeneratorObject: inherits(GeneratorProto),
    isAnyArrayBuffer: (v) => isArrayBuffer(v),
    isArrayBuffer,
    isArgumentsObject: is("Arguments"),
    isBoxedPrimitive: (v) => isNumberObject(v) || isStringObject(v) || isBooleanObject(v) || isBigIntObject(v) || isSymbolObject(v),
    isDataView: brand(Object.getOwnPropertyDescriptor(DataView.prototype, "byteLength").get),
    isMap: brand(Map.prototype.has),
    isMapIterator: inherits(MapIteratorProto),
    isModuleNamespaceObject: (v) => typeof v === "object" && v !== null && v[Symbol.toStringTag] === "Module" && Object.getPrototypeOf(v) === null && Object.isSealed(v),
    isNativeError: is("Error"),
    isPromise: h.isPromise,
    isProxy,
    isSet: brand(Set.prototype.has),
    isSetIterator: inherits(SetIteratorProto),
    isSharedArrayBuffer: () => false,
    isWeakMap: brand(WeakMap.prototype.has, {}),
    isWeakSet: brand(WeakSet.prototype.has, {}),
    isRegExp: (v) => v !== RegExp.prototype && brand(Object.getOwnPropertyDescriptor(RegExp.prototype, "source").get)(v),
    isDate: brand(Date.prototype.getTime),
    isStringObject,
    isSymbolObject,
    isNumberObject,
    isBooleanObject,
    isBigIntObject,
    isArrayBufferView: (v) => ArrayBuffer.isView(v),
    isBigInt64Array: typed("BigInt64Array"),
    isBigUint64Array: typed("BigUint64Array"),
    isFloat16Array: typed("Float16Array"),
    isFloat32Array: typed("Float32Array"),
    isFloat64Array: typed("Float64Array"),
    isInt8Array: typed("Int8Array"),
    isInt16Array: typed("Int16Array"),
    isInt32Array: typed("Int32Array"),
    isTypedArray: (v) => typedName(v) !== undefined,
    isUint8Array: typed("Uint8Array"),
    isUint8ClampedArray: typed("Uint8ClampedArray"),
    isUint16Array: typed("Uint16Array"),
    isUint32Array: typed("Uint32Array"),
    isExternal: () => false,
  };
  for (const [name, fn] of Object.entries(types)) {
    Object.defineProperty(fn, "name", { value: name });
    Object.defineProperty(fn, "length", { value: name === "isCryptoKey" || name === "isKeyObject" ? 1 : 0 });
  }
  return types;
})
