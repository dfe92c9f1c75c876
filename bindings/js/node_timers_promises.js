// node:timers/promises (https://nodejs.org/api/timers.html#timers-promises-api):
// the timers as promises and an async iterator, cancelled by an
// AbortSignal with Node's AbortError, and the scheduler object.
(function (h) {
  "use strict";
  const { argType, coded, received } = h.errors;
  // AbortError is Node's error for an aborted operation.
  class AbortError extends Error {
    constructor(cause) {
      super("The operation was aborted", cause === undefined ? undefined : { cause });
      this.code = "ABORT_ERR";
      this.name = "AbortError";
    }
  }
  function check(delay, options) {
    if (delay !== undefined && typeof delay !== "number") throw argType("delay", "number", delay);
    if (options === null || typeof options !== "object") throw argType("options", "object", options);
    const { signal, ref } = options;
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw coded(TypeError, "ERR_INVALID_ARG_TYPE", `The "options.signal" property must be an instance of AbortSignal.${received(signal)}`);
    }
    if (ref !== undefined && typeof ref !== "boolean") throw argType("options.ref", "boolean", ref);
    return signal;
  }
  // wait resolves with value after delay ms unless signal aborts first.
  function wait(delay, value, signal) {
    if (signal && signal.aborted) return Promise.reject(new AbortError(signal.reason));
    return new Promise((resolve, reject) => {
      const onAbort = () => { clearTimeout(id); reject(new AbortError(signal.reason)); };
      const id = setTimeout(() => {
        if (signal) signal.removeEventListener("abort", onAbort);
        resolve(value);
      }, delay);
      if (signal) signal.addEventListener("abort", onAbort, { once: true });
    });
  }
  function setTimeoutP(delay, value, options = {}) {
    try {
      return wait(delay, value, check(delay, options));
    } catch (err) {
      return Promise.reject(err);
    }
  }
  function setImmediateP(value, options = {}) {
    try {
      return wait(0, value, check(undefined, options));
    } catch (err) {
      return Promise.reject(err);
    }
  }
  // setIntervalP is an async iterator that yields value every delay ms
  // until return() or an abort.
  function setIntervalP(delay, value, options = {}) {
    const signal = check(delay, options);
    let done = false;
    const it = { [Symbol.asyncIterator]() { return this; } };
    it.next = () => (done ? Promise.resolve({ value: undefined, done: true }) : wait(delay, value, signal).then((v) => ({ value: v, done: false })));
    it.return = () => {
      done = true;
      return Promise.resolve({ value: undefined, done: true });
    };
    return it;
  }
  class Scheduler {
    yield() { return setImmediateP(); }
    wait(delay, options) { return setTimeoutP(delay, undefined, options); }
  }
  return {
    setTimeout: setTimeoutP,
    setImmediate: setImmediateP,
    setInterval: setIntervalP,
    scheduler: new Scheduler(),
  };
})
