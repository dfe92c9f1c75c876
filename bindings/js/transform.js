// TransformStream and its default controller:
// https://streams.spec.whatwg.org/#ts-class. The algorithms follow the
// spec's (step names in comments) over the ReadableStream and
// WritableStream of streams.js and writable.js, reached through their
// internals; the messages are workerd's. The Go side (transform.go) calls
// this function with those classes and internals and gets the classes back.
(function (ReadableStream, WritableStream, rsi, wsi) {
  "use strict";
  const kState = Symbol("state");
  const token = {};

  function deferred() {
    const d = {};
    d.promise = new Promise((res, rej) => { d.resolve = res; d.reject = rej; });
    return d;
  }
  function call(f, thisArg, ...args) {
    try {
      return Promise.resolve(f.apply(thisArg, args));
    } catch (e) {
      return Promise.reject(e);
    }
  }
  function method(transformer, name) {
    const f = transformer[name];
    if (f === undefined) return undefined;
    if (typeof f !== "function") throw new TypeError(`${name} is not a function.`);
    return f;
  }

  class TransformStreamDefaultController {
    constructor(t) {
      if (t !== token) throw new TypeError("Illegal constructor");
    }
    get desiredSize() {
      return this[kState].readableController.desiredSize;
    }
    enqueue(chunk) {
      controllerEnqueue(this[kState], chunk);
    }
    error(reason) {
      streamError(this[kState], reason);
    }
    terminate() {
      const t = this[kState];
      if (rsi.canCloseOrEnqueue(t.readableController)) t.readableController.close();
      errorWritableAndUnblockWrite(t, new TypeError("The transform stream has been terminated"));
    }
  }

  class TransformStream {
    constructor(transformer = undefined, writableStrategy = undefined, readableStrategy = undefined) {
      if (transformer === null || transformer === undefined) transformer = {};
      const start = method(transformer, "start");
      const transform = method(transformer, "transform");
      const flush = method(transformer, "flush");
      const cancel = method(transformer, "cancel");
      const startPromise = deferred();
      const t = { backpressure: undefined, backpressureChange: undefined, finish: undefined };
      this[kState] = t;
      initialize(t, startPromise.promise, writableStrategy, readableStrategy);
      const controller = new TransformStreamDefaultController(token);
      controller[kState] = t;
      t.controller = controller;
      t.transform = transform
        ? (chunk) => call(transform, transformer, chunk, controller)
        : (chunk) => {
          try {
            controllerEnqueue(t, chunk);
            return Promise.resolve();
          } catch (e) {
            return Promise.reject(e);
          }
        };
      t.flush = flush ? () => call(flush, transformer, controller) : () => Promise.resolve();
      t.cancel = cancel ? (reason) => call(cancel, transformer, reason) : () => Promise.resolve();
      startPromise.resolve(start ? start.call(transformer, controller) : undefined);
    }
    get readable() {
      return this[kState].readable;
    }
    get writable() {
      return this[kState].writable;
    }
  }

  // InitializeTransformStream
  function initialize(t, startPromise, writableStrategy, readableStrategy) {
    const ws = writableStrategy == null ? {} : writableStrategy;
    const rs = readableStrategy == null ? {} : readableStrategy;
    t.writable = new WritableStream({
      start: () => startPromise,
      write: (chunk) => sinkWrite(t, chunk),
      abort: (reason) => sinkAbort(t, reason),
      close: () => sinkClose(t),
    }, { highWaterMark: ws.highWaterMark === undefined ? 1 : ws.highWaterMark, size: ws.size });
    t.readable = new ReadableStream({
      start: (c) => { t.readableController = c; return startPromise; },
      pull: () => sourcePull(t),
      cancel: (reason) => sourceCancel(t, reason),
    }, { highWaterMark: rs.highWaterMark === undefined ? 0 : rs.highWaterMark, size: rs.size });
    setBackpressure(t, true);
  }

  function clearAlgorithms(t) {
    t.transform = t.flush = t.cancel = null;
  }

  function setBackpressure(t, backpressure) {
    if (t.backpressureChange) t.backpressureChange.resolve();
    t.backpressureChange = deferred();
    t.backpressure = backpressure;
  }

  function streamError(t, e) {
    t.readableController.error(e);
    errorWritableAndUnblockWrite(t, e);
  }

  function errorWritableAndUnblockWrite(t, e) {
    clearAlgorithms(t);
    wsi.errorIfNeeded(t.writable, e);
    unblockWrite(t);
  }

  function unblockWrite(t) {
    if (t.backpressure) setBackpressure(t, false);
  }

  // TransformStreamDefaultControllerEnqueue
  function controllerEnqueue(t, chunk) {
    const rc = t.readableController;
    if (!rsi.canCloseOrEnqueue(rc)) throw new TypeError("This ReadableStream is closed.");
    try {
      rc.enqueue(chunk);
    } catch (e) {
      errorWritableAndUnblockWrite(t, e);
      throw rsi.state(t.readable).storedError;
    }
    const backpressure = rc.desiredSize !== null && rc.desiredSize <= 0;
    if (backpressure !== t.backpressure) setBackpressure(t, true);
  }

  function performTransform(t, chunk) {
    return t.transform(chunk).catch((r) => {
      streamError(t, r);
      throw r;
    });
  }

  // TransformStreamDefaultSinkWriteAlgorithm
  function sinkWrite(t, chunk) {
    if (!t.backpressure) return performTransform(t, chunk);
    return t.backpressureChange.promise.then(() => {
      const w = wsi.state(t.writable);
      if (w.state === "erroring") throw w.storedError;
      return performTransform(t, chunk);
    });
  }

  // TransformStreamDefaultSinkAbortAlgorithm
  function sinkAbort(t, reason) {
    if (t.finish) return t.finish.promise;
    const finish = t.finish = deferred();
    const cancelled = t.cancel(reason);
    clearAlgorithms(t);
    cancelled.then(() => {
      const r = rsi.state(t.readable);
      if (r.state === "errored") {
        finish.reject(r.storedError);
      } else {
        t.readableController.error(reason);
        finish.resolve();
      }
    }, (e) => {
      t.readableController.error(e);
      finish.reject(e);
    });
    return finish.promise;
  }

  // TransformStreamDefaultSinkCloseAlgorithm
  function sinkClose(t) {
    if (t.finish) return t.finish.promise;
    const finish = t.finish = deferred();
    const flushed = t.flush();
    clearAlgorithms(t);
    flushed.then(() => {
      const r = rsi.state(t.readable);
      if (r.state === "errored") {
        finish.reject(r.storedError);
      } else {
        if (rsi.canCloseOrEnqueue(t.readableController)) t.readableController.close();
        finish.resolve();
      }
    }, (e) => {
      t.readableController.error(e);
      finish.reject(e);
    });
    return finish.promise;
  }

  // TransformStreamDefaultSourcePullAlgorithm
  function sourcePull(t) {
    setBackpressure(t, false);
    return t.backpressureChange.promise;
  }

  // TransformStreamDefaultSourceCancelAlgorithm
  function sourceCancel(t, reason) {
    if (t.finish) return t.finish.promise;
    const finish = t.finish = deferred();
    const cancelled = t.cancel(reason);
    clearAlgorithms(t);
    cancelled.then(() => {
      const w = wsi.state(t.writable);
      if (w.state === "errored") {
        finish.reject(w.storedError);
      } else {
        wsi.errorIfNeeded(t.writable, reason);
        unblockWrite(t);
        finish.resolve();
      }
    }, (e) => {
      wsi.errorIfNeeded(t.writable, e);
      unblockWrite(t);
      finish.reject(e);
    });
    return finish.promise;
  }

  for (const [name, c] of [["TransformStream", TransformStream], ["TransformStreamDefaultController", TransformStreamDefaultController]]) {
    Object.defineProperty(c.prototype, Symbol.toStringTag, { value: name, configurable: true });
  }
  return { TransformStream, TransformStreamDefaultController };
})
