// ReadableStream.prototype.pipeTo and pipeThrough:
// https://streams.spec.whatwg.org/#rs-pipeTo. ReadableStreamPipeTo's steps
// over a reader and a writer: wait for the writer's ready (back-pressure),
// read, write; propagate errors forward (abort the destination) and
// backward (cancel the source), close forward and backward, unless the
// options prevent it; an AbortSignal shuts the pipe down with its reason.
// The Go side (transform.go) calls this function with the classes and
// internals and it defines the two methods.
(function (ReadableStream, rsi, wsi) {
  "use strict";

  function options(opts) {
    if (opts === undefined || opts === null) return { preventClose: false, preventAbort: false, preventCancel: false, signal: undefined };
    if (typeof opts !== "object" && typeof opts !== "function") {
      throw new TypeError("Failed to execute 'pipeTo' on 'ReadableStream': parameter 2 is not of type 'PipeToOptions'.");
    }
    const signal = opts.signal;
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw new TypeError("Failed to execute 'pipeTo' on 'ReadableStream': parameter 2 is not of type 'PipeToOptions'.");
    }
    return { preventClose: !!opts.preventClose, preventAbort: !!opts.preventAbort, preventCancel: !!opts.preventCancel, signal };
  }

  function pipeTo(destination, opts) {
    if (!rsi.isReadableStream(this)) return Promise.reject(new TypeError("Illegal invocation"));
    if (!wsi.isWritableStream(destination)) {
      return Promise.reject(new TypeError("Failed to execute 'pipeTo' on 'ReadableStream': parameter 1 is not of type 'WritableStream'."));
    }
    let o;
    try {
      o = options(opts);
    } catch (e) {
      return Promise.reject(e);
    }
    if (this.locked) return Promise.reject(new TypeError("This ReadableStream is currently locked to a reader."));
    if (destination.locked) return Promise.reject(new TypeError("This WritableStream is currently locked to a writer"));
    return pipe(this, destination, o);
  }

  function pipeThrough(transform, opts) {
    if (!rsi.isReadableStream(this)) throw new TypeError("Illegal invocation");
    const readable = transform === null || transform === undefined ? undefined : transform.readable;
    if (!rsi.isReadableStream(readable)) {
      throw new TypeError("Incorrect type for the 'readable' field on 'Transform': the provided value is not of type 'ReadableStream'.");
    }
    const writable = transform.writable;
    if (!wsi.isWritableStream(writable)) {
      throw new TypeError("Incorrect type for the 'writable' field on 'Transform': the provided value is not of type 'WritableStream'.");
    }
    const o = options(opts);
    if (this.locked) throw new TypeError("This ReadableStream is currently locked to a reader.");
    if (writable.locked) throw new TypeError("This WritableStream is currently locked to a writer");
    pipe(this, writable, o).catch(() => {});
    return readable;
  }

  // ReadableStreamPipeTo
  function pipe(source, dest, o) {
    const reader = source.getReader();
    const writer = dest.getWriter();
    const src = rsi.state(source);
    const dst = wsi.state(dest);
    src.disturbed = true;
    let shuttingDown = false;
    let currentWrite = Promise.resolve();
    let resolve, reject;
    const done = new Promise((res, rej) => { resolve = res; reject = rej; });
    let onAbort;

    const finalize = (isError, error) => {
      writer.releaseLock();
      reader.releaseLock();
      if (onAbort) o.signal.removeEventListener("abort", onAbort);
      if (isError) reject(error);
      else resolve(undefined);
    };
    // Wait for the writes already started before the action, as the
    // spec's shutdown steps do, unless the destination is no longer
    // writable.
    const waitForWrites = () => {
      if (dst.state !== "writable" || wsi.closeQueuedOrInFlight(dest)) return Promise.resolve();
      let last;
      const wait = () => {
        last = currentWrite;
        return currentWrite.then(() => (last !== currentWrite ? wait() : undefined));
      };
      return wait();
    };
    const shutdownWithAction = (action, isError, error) => {
      if (shuttingDown) return;
      shuttingDown = true;
      waitForWrites().then(() => {
        let p;
        try {
          p = Promise.resolve(action());
        } catch (e) {
          p = Promise.reject(e);
        }
        p.then(() => finalize(isError, error), (e) => finalize(true, e));
      });
    };
    const shutdown = (isError, error) => {
      if (shuttingDown) return;
      shuttingDown = true;
      waitForWrites().then(() => finalize(isError, error));
    };

    if (o.signal) {
      onAbort = () => {
        const error = o.signal.reason;
        const actions = [];
        if (!o.preventAbort) actions.push(() => (dst.state === "writable" ? writer.abort(error) : undefined));
        if (!o.preventCancel) actions.push(() => (src.state === "readable" ? reader.cancel(error) : undefined));
        shutdownWithAction(() => Promise.all(actions.map((a) => a())), true, error);
      };
      if (o.signal.aborted) {
        onAbort();
        return done;
      }
      o.signal.addEventListener("abort", onAbort);
    }

    // Errors must be propagated forward.
    const sourceErrored = (e) => {
      if (!o.preventAbort) shutdownWithAction(() => writer.abort(e), true, e);
      else shutdown(true, e);
    };
    // Errors must be propagated backward.
    const destErrored = (e) => {
      if (!o.preventCancel) shutdownWithAction(() => reader.cancel(e), true, e);
      else shutdown(true, e);
    };
    // Closing must be propagated forward.
    const sourceClosed = () => {
      if (!o.preventClose) shutdownWithAction(() => closeWithErrorPropagation(writer, dst), false);
      else shutdown(false);
    };
    // Closing must be propagated backward.
    const destClosed = () => {
      const e = new TypeError("This WritableStream has been closed.");
      if (!o.preventCancel) shutdownWithAction(() => reader.cancel(e), true, e);
      else shutdown(true, e);
    };

    if (src.state === "errored") sourceErrored(src.storedError);
    else if (dst.state === "errored" || dst.state === "erroring") destErrored(dst.storedError);
    else if (src.state === "closed") sourceClosed();
    else if (wsi.closeQueuedOrInFlight(dest) || dst.state === "closed") destClosed();
    // A read that took the last chunk settles with the stream's closing;
    // its chunk is written before the close goes forward.
    let pendingRead = Promise.resolve();
    reader.closed.then(() => pendingRead.then(() => { if (!shuttingDown) sourceClosed(); }),
      (e) => { if (!shuttingDown) sourceErrored(e); });
    writer.closed.then(() => {}, (e) => { if (!shuttingDown) destErrored(e); });

    const step = () => {
      if (shuttingDown) return;
      writer.ready.then(() => {
        if (shuttingDown) return undefined;
        pendingRead = reader.read().then(({ value, done: end }) => {
          if (end || shuttingDown) return;
          currentWrite = writer.write(value).catch(() => {});
          step();
        });
        return pendingRead;
      }).catch(() => {});
    };
    step();
    return done;
  }

  function closeWithErrorPropagation(writer, dst) {
    if (dst.state === "closed") return undefined;
    if (dst.state === "errored") return Promise.reject(dst.storedError);
    return writer.close();
  }

  Object.defineProperty(ReadableStream.prototype, "pipeTo", { value: pipeTo, writable: true, configurable: true });
  Object.defineProperty(ReadableStream.prototype, "pipeThrough", { value: pipeThrough, writable: true, configurable: true });
})
