// WritableStream, its default writer and controller, and the two queuing
// strategies: https://streams.spec.whatwg.org/#ws-class and
// https://streams.spec.whatwg.org/#qs. The algorithms follow the spec's
// (step names in comments); the messages and the highWaterMark conversion
// are workerd's. The Go side (writable.go) calls this function with the
// AbortController constructor; it returns the classes.
(function (AbortController) {
  "use strict";
  const kState = Symbol("state");
  const token = {};

  function deferred() {
    const d = { settled: false };
    d.promise = new Promise((res, rej) => {
      d.resolve = (v) => { d.settled = true; res(v); };
      d.reject = (e) => { d.settled = true; rej(e); };
    });
    return d;
  }
  function settled(d) {
    d.promise.catch(() => {});
    return d;
  }
  const released = () => new TypeError("This WritableStream writer has been released.");
  const closedError = () => new TypeError("This WritableStream has been closed.");
  const lockedError = () => new TypeError("This WritableStream is currently locked to a writer.");

  // toHighWaterMark converts as workerd does: an integer, truncated, not
  // negative, default 1.
  function toHighWaterMark(strategy, dflt) {
    const v = strategy == null ? undefined : strategy.highWaterMark;
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isFinite(n)) throw new TypeError("The value cannot be converted because it is not an integer.");
    if (n < 0) throw new TypeError("The value cannot be converted because it is negative and this API expects a positive bigint.");
    return Math.trunc(n);
  }
  function toSize(strategy) {
    const size = strategy == null ? undefined : strategy.size;
    if (size === undefined) return () => 1;
    if (typeof size !== "function") throw new TypeError("Failed to construct 'WritableStream': size is not a function.");
    return (chunk) => size.call(undefined, chunk);
  }
  function method(sink, name) {
    const f = sink[name];
    if (f === undefined) return undefined;
    if (typeof f !== "function") throw new TypeError(`${name} is not a function.`);
    return f;
  }

  class WritableStreamDefaultController {
    constructor(t) {
      if (t !== token) throw new TypeError("Illegal constructor");
    }
    get signal() {
      return this[kState].abortController.signal;
    }
    error(e) {
      const c = this[kState];
      if (c.stream.state !== "writable") return;
      errorController(c, e);
    }
  }

  class WritableStream {
    constructor(sink = undefined, strategy = undefined) {
      if (sink === null || sink === undefined) sink = {};
      const hwm = toHighWaterMark(strategy, 1);
      const sizeAlgorithm = toSize(strategy);
      const s = {
        state: "writable", storedError: undefined, writer: null, controller: null,
        inFlightWriteRequest: null, closeRequest: null, inFlightCloseRequest: null,
        pendingAbortRequest: null, writeRequests: [], backpressure: false,
      };
      this[kState] = s;
      setUpController(s, sink, hwm, sizeAlgorithm);
    }
    get locked() {
      return this[kState].writer !== null;
    }
    abort(reason) {
      const s = this[kState];
      if (s.writer) return Promise.reject(lockedError());
      return abortStream(s, reason);
    }
    close() {
      const s = this[kState];
      if (s.writer) return Promise.reject(lockedError());
      if (closeQueuedOrInFlight(s)) return Promise.reject(closedError());
      return closeStream(s);
    }
    getWriter() {
      return new WritableStreamDefaultWriter(this);
    }
  }

  function setUpController(s, sink, hwm, sizeAlgorithm) {
    const start = method(sink, "start");
    const write = method(sink, "write");
    const close = method(sink, "close");
    const abort = method(sink, "abort");
    const controller = new WritableStreamDefaultController(token);
    const c = {
      stream: s, queue: [], queueTotalSize: 0, started: false, strategyHWM: hwm, sizeAlgorithm,
      abortController: new AbortController(),
      write: write ? (chunk) => write.call(sink, chunk, controller) : () => undefined,
      close: close ? () => close.call(sink) : () => undefined,
      abort: abort ? (reason) => abort.call(sink, reason) : () => undefined,
    };
    controller[kState] = c;
    c.object = controller;
    s.controller = c;
    updateBackpressure(s, getBackpressure(c));
    const result = start ? start.call(sink, controller) : undefined;
    // workerd starts at once when start() returns no promise, so the
    // first write reaches the sink synchronously (the spec waits a
    // microtask).
    if (!(result instanceof Promise)) {
      c.started = true;
      advanceQueueIfNeeded(c);
      return;
    }
    result.then(() => {
      c.started = true;
      advanceQueueIfNeeded(c);
    }, (r) => {
      c.started = true;
      dealWithRejection(s, r);
    });
  }

  function clearAlgorithms(c) {
    c.write = c.close = c.abort = c.sizeAlgorithm = null;
  }

  // WritableStreamAbort
  function abortStream(s, reason) {
    if (s.state === "closed" || s.state === "errored") return Promise.resolve(undefined);
    s.controller.abortController.abort(reason);
    const state = s.state;
    if (state === "closed" || state === "errored") return Promise.resolve(undefined);
    if (s.pendingAbortRequest) return s.pendingAbortRequest.d.promise;
    let wasAlreadyErroring = false;
    if (state === "erroring") {
      wasAlreadyErroring = true;
      reason = undefined;
    }
    const d = deferred();
    s.pendingAbortRequest = { d, reason, wasAlreadyErroring };
    if (!wasAlreadyErroring) startErroring(s, reason);
    return d.promise;
  }

  // WritableStreamClose
  function closeStream(s) {
    if (s.state === "closed" || s.state === "errored") return Promise.reject(closedError());
    const d = deferred();
    s.closeRequest = d;
    if (s.writer && s.backpressure && s.state === "writable") s.writer[kState].ready.resolve(undefined);
    enqueueValue(s.controller, closeSentinel, 0);
    advanceQueueIfNeeded(s.controller);
    return d.promise;
  }
  const closeSentinel = {};

  function closeQueuedOrInFlight(s) {
    return s.closeRequest !== null || s.inFlightCloseRequest !== null;
  }
  function hasOperationMarkedInFlight(s) {
    return s.inFlightWriteRequest !== null || s.inFlightCloseRequest !== null;
  }

  function dealWithRejection(s, error) {
    if (s.state === "writable") {
      startErroring(s, error);
      return;
    }
    finishErroring(s);
  }

  function startErroring(s, reason) {
    const c = s.controller;
    s.state = "erroring";
    s.storedError = reason;
    if (s.writer) ensureReadyRejected(s.writer[kState], reason);
    if (!hasOperationMarkedInFlight(s) && c.started) finishErroring(s);
  }

  function finishErroring(s) {
    s.state = "errored";
    const c = s.controller;
    c.queue = [];
    c.queueTotalSize = 0;
    const storedError = s.storedError;
    for (const r of s.writeRequests) r.reject(storedError);
    s.writeRequests = [];
    const abortRequest = s.pendingAbortRequest;
    if (!abortRequest) {
      rejectCloseAndClosedPromiseIfNeeded(s);
      return;
    }
    s.pendingAbortRequest = null;
    if (abortRequest.wasAlreadyErroring) {
      abortRequest.d.reject(storedError);
      rejectCloseAndClosedPromiseIfNeeded(s);
      return;
    }
    let p;
    try {
      p = Promise.resolve(c.abort(abortRequest.reason));
    } catch (e) {
      p = Promise.reject(e);
    }
    clearAlgorithms(c);
    p.then(() => {
      abortRequest.d.resolve(undefined);
      rejectCloseAndClosedPromiseIfNeeded(s);
    }, (r) => {
      abortRequest.d.reject(r);
      rejectCloseAndClosedPromiseIfNeeded(s);
    });
  }

  function rejectCloseAndClosedPromiseIfNeeded(s) {
    if (s.closeRequest) {
      s.closeRequest.reject(s.storedError);
      s.closeRequest = null;
    }
    if (s.writer) {
      const w = s.writer[kState];
      w.closed.reject(s.storedError);
      settled(w.closed);
    }
  }

  function updateBackpressure(s, backpressure) {
    if (s.writer && backpressure !== s.backpressure) {
      const w = s.writer[kState];
      if (backpressure) w.ready = deferred();
      else w.ready.resolve(undefined);
    }
    s.backpressure = backpressure;
  }

  // Controller algorithms.
  function enqueueValue(c, value, size) {
    c.queue.push({ value, size });
    c.queueTotalSize += size;
  }
  function dequeueValue(c) {
    const pair = c.queue.shift();
    c.queueTotalSize -= pair.size;
    if (c.queueTotalSize < 0) c.queueTotalSize = 0;
    return pair.value;
  }
  function getDesiredSize(c) {
    return c.strategyHWM - c.queueTotalSize;
  }
  function getBackpressure(c) {
    return getDesiredSize(c) <= 0;
  }
  function errorController(c, error) {
    const s = c.stream;
    clearAlgorithms(c);
    startErroring(s, error);
  }
  function errorIfNeeded(c, error) {
    if (c.stream.state === "writable") errorController(c, error);
  }

  function chunkSize(c, chunk) {
    if (!c.sizeAlgorithm) return 1;
    try {
      return c.sizeAlgorithm(chunk);
    } catch (e) {
      errorIfNeeded(c, e);
      return 1;
    }
  }

  function controllerWrite(c, chunk, size) {
    const s = c.stream;
    const n = Number(size);
    if (!(n >= 0) || n === Infinity) {
      errorIfNeeded(c, new RangeError("The return value of a queuing strategy's size function must be a finite, non-NaN, non-negative number."));
      return;
    }
    enqueueValue(c, chunk, n);
    if (!closeQueuedOrInFlight(s) && s.state === "writable") updateBackpressure(s, getBackpressure(c));
    advanceQueueIfNeeded(c);
  }

  function advanceQueueIfNeeded(c) {
    const s = c.stream;
    if (!c.started || s.inFlightWriteRequest !== null) return;
    if (s.state === "erroring") {
      finishErroring(s);
      return;
    }
    if (s.state !== "writable" || c.queue.length === 0) return;
    const value = c.queue[0].value;
    if (value === closeSentinel) processClose(c);
    else processWrite(c, value);
  }

  function processClose(c) {
    const s = c.stream;
    s.inFlightCloseRequest = s.closeRequest;
    s.closeRequest = null;
    dequeueValue(c);
    let p;
    try {
      p = Promise.resolve(c.close());
    } catch (e) {
      p = Promise.reject(e);
    }
    clearAlgorithms(c);
    p.then(() => finishInFlightClose(s), (r) => finishInFlightCloseWithError(s, r));
  }

  function processWrite(c, chunk) {
    const s = c.stream;
    s.inFlightWriteRequest = s.writeRequests.shift();
    let p;
    try {
      p = Promise.resolve(c.write(chunk));
    } catch (e) {
      p = Promise.reject(e);
    }
    p.then(() => {
      s.inFlightWriteRequest.resolve(undefined);
      s.inFlightWriteRequest = null;
      const state = s.state;
      dequeueValue(c);
      if (!closeQueuedOrInFlight(s) && state === "writable") updateBackpressure(s, getBackpressure(c));
      advanceQueueIfNeeded(c);
    }, (r) => {
      if (s.state === "writable") clearAlgorithms(c);
      s.inFlightWriteRequest.reject(r);
      s.inFlightWriteRequest = null;
      dealWithRejection(s, r);
    });
  }

  function finishInFlightClose(s) {
    s.inFlightCloseRequest.resolve(undefined);
    s.inFlightCloseRequest = null;
    if (s.state === "erroring") {
      s.storedError = undefined;
      if (s.pendingAbortRequest) {
        s.pendingAbortRequest.d.resolve(undefined);
        s.pendingAbortRequest = null;
      }
    }
    s.state = "closed";
    if (s.writer) s.writer[kState].closed.resolve(undefined);
  }

  function finishInFlightCloseWithError(s, error) {
    s.inFlightCloseRequest.reject(error);
    s.inFlightCloseRequest = null;
    if (s.pendingAbortRequest) {
      s.pendingAbortRequest.d.reject(error);
      s.pendingAbortRequest = null;
    }
    dealWithRejection(s, error);
  }

  // WritableStreamDefaultWriterEnsure{Ready,Closed}PromiseRejected
  function ensureReadyRejected(w, error) {
    if (w.ready.settled) w.ready = deferred();
    w.ready.reject(error);
    settled(w.ready);
  }
  function ensureClosedRejected(w, error) {
    if (w.closed.settled) w.closed = deferred();
    w.closed.reject(error);
    settled(w.closed);
  }

  class WritableStreamDefaultWriter {
    constructor(stream) {
      const s = stream != null && typeof stream === "object" ? stream[kState] : undefined;
      if (!s || !(stream instanceof WritableStream)) {
        throw new TypeError("Failed to construct 'WritableStreamDefaultWriter': constructor parameter 1 is not of type 'WritableStream'.");
      }
      if (s.writer) throw lockedError();
      const w = { stream: s, ready: deferred(), closed: deferred() };
      this[kState] = w;
      s.writer = this;
      const state = s.state;
      if (state === "writable") {
        if (closeQueuedOrInFlight(s) || !s.backpressure) markReady(w);
      } else if (state === "erroring") {
        ensureReadyRejected(w, s.storedError);
      } else if (state === "closed") {
        markReady(w);
        w.closed.resolve(undefined);
      } else {
        ensureReadyRejected(w, s.storedError);
        w.closed.reject(s.storedError);
        settled(w.closed);
      }
    }
    get closed() {
      return this[kState].closed.promise;
    }
    get ready() {
      return this[kState].ready.promise;
    }
    get desiredSize() {
      const s = this[kState].stream;
      if (!s) throw released();
      if (s.state === "errored") return null;
      if (s.state === "closed") return 0;
      return getDesiredSize(s.controller);
    }
    abort(reason) {
      const s = this[kState].stream;
      if (!s) return Promise.reject(released());
      return abortStream(s, reason);
    }
    close() {
      const s = this[kState].stream;
      if (!s) return Promise.reject(released());
      if (closeQueuedOrInFlight(s)) return Promise.reject(closedError());
      return closeStream(s);
    }
    write(chunk) {
      const s = this[kState].stream;
      if (!s) return Promise.reject(released());
      return writerWrite(this[kState], s, chunk);
    }
    releaseLock() {
      const w = this[kState];
      const s = w.stream;
      if (!s) return;
      const error = released();
      ensureReadyRejected(w, error);
      ensureClosedRejected(w, error);
      s.writer = null;
      w.stream = null;
    }
  }

  function markReady(w) {
    w.ready.resolve(undefined);
  }

  // WritableStreamDefaultWriterWrite
  function writerWrite(w, s, chunk) {
    const c = s.controller;
    if (s.check) {
      // workerd's byte streams refuse a chunk that is not bytes at the
      // write, which rejects alone; the stream goes on.
      try {
        chunk = s.check(chunk);
      } catch (e) {
        return Promise.reject(e);
      }
    }
    const size = chunkSize(c, chunk);
    if (s !== w.stream) return Promise.reject(released());
    const state = s.state;
    if (state === "errored") return Promise.reject(s.storedError);
    if (closeQueuedOrInFlight(s) || state === "closed") return Promise.reject(closedError());
    if (state === "erroring") return Promise.reject(s.storedError);
    const d = deferred();
    s.writeRequests.push(d);
    controllerWrite(c, chunk, size);
    return d.promise;
  }

  const hwmOf = (init, ctor) => {
    if (init === null || typeof init !== "object") {
      throw new TypeError(`Failed to construct '${ctor}': constructor parameter 1 is not of type 'QueuingStrategyInit'.`);
    }
    return Number(init.highWaterMark);
  };
  const countSize = function () { return 1; };
  Object.defineProperty(countSize, "name", { value: "" });
  const byteSize = function (chunk) { return chunk.byteLength; };
  Object.defineProperty(byteSize, "name", { value: "" });

  class CountQueuingStrategy {
    constructor(init) {
      this[kState] = hwmOf(init, "CountQueuingStrategy");
    }
    get highWaterMark() { return this[kState]; }
    get size() { return countSize; }
  }
  class ByteLengthQueuingStrategy {
    constructor(init) {
      this[kState] = hwmOf(init, "ByteLengthQueuingStrategy");
    }
    get highWaterMark() { return this[kState]; }
    get size() { return byteSize; }
  }

  // internals are what TransformStream and pipeTo need beyond the public
  // API: a stream's state and stored error, whether a close is queued, and
  // erroring it from outside.
  const internals = {
    state: (stream) => stream[kState],
    isWritableStream: (v) => v !== null && typeof v === "object" && v instanceof WritableStream && v[kState] !== undefined,
    closeQueuedOrInFlight: (stream) => closeQueuedOrInFlight(stream[kState]),
    errorIfNeeded: (stream, e) => errorIfNeeded(stream[kState].controller, e),
    // setChunkCheck makes each write pass its chunk through check first,
    // which converts it or throws to refuse that write alone.
    setChunkCheck: (stream, check) => {
      stream[kState].check = check;
    },
  };

  const classes = { WritableStream, WritableStreamDefaultWriter, WritableStreamDefaultController, CountQueuingStrategy, ByteLengthQueuingStrategy };
  for (const name of Object.keys(classes)) {
    Object.defineProperty(classes[name].prototype, Symbol.toStringTag, { value: name, configurable: true });
  }
  return { classes, internals };
})
