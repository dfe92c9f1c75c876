// node:async_hooks: AsyncLocalStorage and AsyncResource
// (https://nodejs.org/api/async_context.html), on the runtime's async
// context (jsruntime/async_context.go), which carries the stores across
// await, then-callbacks, queueMicrotask and timers.
(function (h) {
  "use strict";
  // h.get(key) is the store key has in the current frame; h.run(key, store,
  // fn, thisArg, args) runs fn with it; h.snapshot() captures the current
  // frame as an opaque value and h.runIn(frame, fn, thisArg, args) runs
  // fn in it.
  class AsyncLocalStorage {
    #key = {};
    getStore() { return h.get(this.#key); }
    run(store, fn, ...args) { return h.run(this.#key, store, fn, undefined, args); }
    exit(fn, ...args) { return h.run(this.#key, undefined, fn, undefined, args); }
    disable() {}
    static bind(fn) { return AsyncResource.bind(fn); }
    static snapshot() {
      const frame = h.snapshot();
      return function runInAsyncScope(fn, ...args) { return h.runIn(frame, fn, this, args); };
    }
  }
  class AsyncResource {
    #frame;
    constructor(type) {
      if (typeof type !== "string") {
        const err = new TypeError(`The "type" argument must be of type string.`);
        err.code = "ERR_INVALID_ARG_TYPE";
        throw err;
      }
      this.#frame = h.snapshot();
    }
    runInAsyncScope(fn, thisArg, ...args) { return h.runIn(this.#frame, fn, thisArg, args); }
    bind(fn, thisArg) {
      const self = this;
      const bound = function (...args) { return self.runInAsyncScope(fn, thisArg === undefined ? this : thisArg, ...args); };
      Object.defineProperty(bound, "length", { value: fn.length, configurable: true });
      return bound;
    }
    emitDestroy() { return this; }
    asyncId() { return 0; }
    triggerAsyncId() { return 0; }
    static bind(fn, type, thisArg) { return new AsyncResource(type || fn.name || "bound-anonymous-fn").bind(fn, thisArg); }
  }
  return { AsyncLocalStorage, AsyncResource, default: { AsyncLocalStorage, AsyncResource } };
})
