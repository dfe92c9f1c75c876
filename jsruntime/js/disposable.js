// Explicit resource management's well-known symbols and SuppressedError
// (https://tc39.es/proposal-explicit-resource-management/, shipped in V8),
// written for workerhost; esbuild's lowered `using` declarations look the
// symbols up. Defined only where missing, after the error constructors are
// in place (error_stack.go), so SuppressedError inherits from Error.
(function () {
  "use strict";
  for (const name of ["dispose", "asyncDispose"]) {
    if (typeof Symbol[name] !== "symbol") {
      Object.defineProperty(Symbol, name, { value: Symbol("Symbol." + name) });
    }
  }
  if (typeof globalThis.SuppressedError === "function") {
    return;
  }
  const hidden = (o, key, value) => Object.defineProperty(o, key, { value, writable: true, enumerable: false, configurable: true });
  const SuppressedError = function SuppressedError(error, suppressed, message) {
    const e = Reflect.construct(Error, message === undefined ? [] : [String(message)], new.target || SuppressedError);
    hidden(e, "error", error);
    hidden(e, "suppressed", suppressed);
    return e;
  };
  Object.setPrototypeOf(SuppressedError, Error);
  const proto = Object.create(Error.prototype);
  hidden(proto, "constructor", SuppressedError);
  hidden(proto, "name", "SuppressedError");
  hidden(proto, "message", "");
  Object.defineProperty(SuppressedError, "prototype", { value: proto, writable: false });
  hidden(globalThis, "SuppressedError", SuppressedError);
})
