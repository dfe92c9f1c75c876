// DisposableStack and AsyncDisposableStack (ECMAScript's explicit resource
// management), defined only where missing, with V8's shapes and messages.
// Symbol.dispose, Symbol.asyncDispose and SuppressedError come first
// (disposable.js).
(function () {
  "use strict";
  if (typeof globalThis.DisposableStack === "function" || typeof globalThis.SuppressedError !== "function") return;
  const kState = Symbol("disposableStack");

  function describe(v) {
    return v !== null && typeof v === "object" ? "#<" + ((v.constructor && v.constructor.name) || "Object") + ">" : String(v);
  }
  function state(stack, kind, member, asyncMessage) {
    const s = stack !== null && typeof stack === "object" ? stack[kState] : undefined;
    if (s === undefined || s.kind !== kind) {
      if (asyncMessage) throw new TypeError(asyncMessage);
      throw new TypeError("Method " + member + " called on incompatible receiver " + describe(stack));
    }
    return s;
  }
  function live(s, kind, method) {
    if (s.disposed) {
      throw new ReferenceError("Cannot call " + kind + ".prototype." + method + " on an already-disposed DisposableStack");
    }
  }
  function callable(f) {
    if (typeof f !== "function") throw new TypeError(String(f) + " is not a function");
    return f;
  }
  // disposerOf finds a resource's dispose method: for an async stack,
  // Symbol.asyncDispose first, then Symbol.dispose.
  function disposerOf(value, async) {
    if (value === null || (typeof value !== "object" && typeof value !== "function")) {
      throw new TypeError("An object is expected with `using` declarations");
    }
    if (async) {
      const a = value[Symbol.asyncDispose];
      if (a !== undefined && a !== null) return callable(a);
    }
    const d = value[Symbol.dispose];
    if (typeof d !== "function") throw new TypeError("Symbol(Symbol.dispose) is not a function");
    return d;
  }
  function suppress(error, previous, had) {
    return had ? new SuppressedError(error, previous, "An error was suppressed during disposal") : error;
  }

  function define(C, kind, disposeName, disposeFn, asyncReceiverMessage) {
    const P = C.prototype;
    const methods = {
      use(value) {
        const s = state(this, kind, kind + ".prototype.use");
        live(s, kind, "use");
        if (value !== null && value !== undefined) s.resources.push({ value, fn: disposerOf(value, kind === "AsyncDisposableStack") });
        return value;
      },
      [disposeName]: disposeFn,
      adopt(value, onDispose) {
        const s = state(this, kind, kind + ".prototype.adopt");
        live(s, kind, "adopt");
        callable(onDispose);
        s.resources.push({ value: undefined, fn: () => onDispose(value) });
        return value;
      },
      defer(onDispose) {
        const s = state(this, kind, kind + ".prototype.defer");
        live(s, kind, "defer");
        s.resources.push({ value: undefined, fn: callable(onDispose) });
      },
      move() {
        const s = state(this, kind, kind + ".prototype.move");
        live(s, kind, "move");
        const moved = new C();
        moved[kState].resources = s.resources;
        s.resources = [];
        s.disposed = true;
        return moved;
      },
    };
    for (const name of ["use", disposeName, "adopt", "defer", "move"]) {
      Object.defineProperty(P, name, { value: methods[name], writable: true, enumerable: false, configurable: true });
    }
    Object.defineProperty(P, "disposed", {
      get: Object.getOwnPropertyDescriptor({ get disposed() { return state(this, kind, "get " + kind + ".prototype.disposed").disposed; } }, "disposed").get,
      enumerable: false, configurable: true,
    });
    const sym = kind === "DisposableStack" ? Symbol.dispose : Symbol.asyncDispose;
    Object.defineProperty(P, sym, { value: P[disposeName], writable: true, enumerable: false, configurable: true });
    Object.defineProperty(P, Symbol.toStringTag, { value: kind, configurable: true });
    Object.defineProperty(globalThis, kind, { value: C, writable: true, enumerable: false, configurable: true });
  }

  const DisposableStack = function DisposableStack() {
    if (new.target === undefined) throw new TypeError("Constructor DisposableStack requires 'new'");
    Object.defineProperty(this, kState, { value: { kind: "DisposableStack", resources: [], disposed: false } });
  };
  define(DisposableStack, "DisposableStack", "dispose", {
    dispose() {
      const s = state(this, "DisposableStack", "DisposableStack.prototype.dispose");
      if (s.disposed) return undefined;
      s.disposed = true;
      let error, had = false;
      for (const r of s.resources.reverse()) {
        try {
          r.fn.call(r.value);
        } catch (e) {
          error = suppress(e, error, had);
          had = true;
        }
      }
      s.resources = [];
      if (had) throw error;
      return undefined;
    },
  }.dispose);

  const AsyncDisposableStack = function AsyncDisposableStack() {
    if (new.target === undefined) throw new TypeError("Constructor AsyncDisposableStack requires 'new'");
    Object.defineProperty(this, kState, { value: { kind: "AsyncDisposableStack", resources: [], disposed: false } });
  };
  define(AsyncDisposableStack, "AsyncDisposableStack", "disposeAsync", {
    async disposeAsync() {
      const s = state(this, "AsyncDisposableStack", "", "Receiver is not an AsyncDisposableStack");
      if (s.disposed) return undefined;
      s.disposed = true;
      let error, had = false;
      for (const r of s.resources.reverse()) {
        try {
          await r.fn.call(r.value);
        } catch (e) {
          error = suppress(e, error, had);
          had = true;
        }
      }
      s.resources = [];
      if (had) throw error;
      return undefined;
    },
  }.disposeAsync);
  for (const C of [DisposableStack, AsyncDisposableStack]) {
    Object.defineProperty(C.prototype, "constructor", { value: C, writable: true, enumerable: false, configurable: true });
  }

  // %IteratorPrototype%[Symbol.dispose] calls the iterator's return, if any.
  // (goja has no async generators, so there is no %AsyncIteratorPrototype%
  // to give Symbol.asyncDispose.)
  const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
  if (!Object.prototype.hasOwnProperty.call(IteratorPrototype, Symbol.dispose)) {
    Object.defineProperty(IteratorPrototype, Symbol.dispose, {
      value: {
        [Symbol.dispose]() {
          const ret = this.return;
          if (ret !== undefined && ret !== null) {
            if (typeof ret !== "function") {
              throw new TypeError("'" + String(ret) + "' returned for property 'return' of object '[object " + (typeof this === "function" ? "Function" : Array.isArray(this) ? "Array" : "Object") + "]' is not a function");
            }
            Reflect.apply(ret, this, []);
          }
          return undefined;
        },
      }[Symbol.dispose],
      writable: true,
      enumerable: false,
      configurable: true,
    });
  }
})();
