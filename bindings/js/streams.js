// ReadableStream, its default reader and controller:
// https://streams.spec.whatwg.org/#rs-class
// The stream, its default reader and the default controller (with the
// queuing strategy's size()); byte streams, the BYOB reader and the byte
// controller are in byte_streams.js, which fills internals.bytes. A stream
// is of one of three kinds: "default", "bytes" (a script's byte stream) or
// "internal" (a body Go feeds or holds: read by default readers chunk by
// chunk and by BYOB readers as workerd reads its own streams). The Go side
// (streams.go) calls this function with no arguments; the returned object
// holds the classes plus helpers Go uses to build streams over network
// bodies and to drain them.
(function () {
  "use strict";
  const kStream = Symbol("stream");
  const kRequests = Symbol("requests");
  const kClosed = Symbol("closed");
  const token = {};

  function deferred() {
    let resolve, reject;
    const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  }

  class ReadableStreamDefaultController {
    constructor(t, stream) {
      if (t !== token) throw new TypeError("Illegal constructor");
      this[kStream] = stream;
    }
    get desiredSize() {
      const s = this[kStream];
      if (s.state === "errored") return null;
      if (s.state === "closed") return 0;
      return s.highWaterMark - s.queueTotal;
    }
    enqueue(chunk) {
      const s = this[kStream];
      if (s.closeRequested || s.state !== "readable") {
        throw new TypeError("This ReadableStream is closed.");
      }
      if (s.reader && s.reader[kRequests].length > 0) {
        s.reader[kRequests].shift().resolve({ value: chunk, done: false });
      } else if (s.sizeFn === undefined) {
        s.queue.push(chunk);
        s.queueTotal++;
      } else if (!enqueueSized(s, chunk)) {
        return;
      }
      pullIfNeeded(s);
    }
    close() {
      const s = this[kStream];
      if (s.closeRequested || s.state !== "readable") {
        throw new TypeError("This ReadableStream is closed.");
      }
      s.closeRequested = true;
      if (s.queue.length === 0) finishClose(s);
    }
    error(e) {
      errorStream(this[kStream], e);
    }
  }

  // enqueueSized queues a chunk with the size the strategy gives it. A
  // size() that throws or is negative errors the stream, and enqueue()
  // returns normally, as in workerd.
  function enqueueSized(s, chunk) {
    let size;
    try {
      size = Number(s.sizeFn.call(undefined, chunk));
      if (size < 0) throw new TypeError("The value cannot be converted because it is negative and this API expects a positive bigint.");
      if (!Number.isFinite(size)) throw new RangeError("The return value of a queuing strategy's size function must be a finite, non-NaN, non-negative number.");
    } catch (e) {
      errorStream(s, e);
      return false;
    }
    s.sizes.push(size);
    s.queue.push(chunk);
    s.queueTotal += size;
    return true;
  }

  // dequeue takes the first queued chunk.
  function dequeue(s) {
    s.queueTotal -= s.sizeFn === undefined ? 1 : s.sizes.shift();
    if (s.queueTotal < 0 || s.queue.length === 1) s.queueTotal = 0;
    return s.queue.shift();
  }

  function finishClose(s) {
    if (s.state !== "readable") return;
    s.state = "closed";
    if (s.reader) {
      for (const r of s.reader[kRequests]) r.resolve({ value: undefined, done: true });
      s.reader[kRequests] = [];
      s.reader[kClosed].resolve(undefined);
    }
  }

  function errorStream(s, e) {
    if (s.state !== "readable") return;
    s.state = "errored";
    s.storedError = e;
    s.queue = [];
    if (s.sizeFn !== undefined) s.sizes = [];
    s.queueTotal = 0;
    if (s.kind === "bytes") internals.bytes.errored(s, e);
    if (s.reader) {
      for (const r of s.reader[kRequests]) r.reject(e);
      s.reader[kRequests] = [];
      s.reader[kClosed].reject(e);
      s.reader[kClosed].promise.catch(() => {});
    }
  }

  function pullIfNeeded(s) {
    if (s.kind === "bytes") return internals.bytes.pullIfNeeded(s);
    if (!s.started || s.pulling || s.state !== "readable" || s.closeRequested || !s.source.pull) return;
    const wanted = (s.reader && s.reader[kRequests].length > 0) || s.queueTotal < s.highWaterMark;
    if (!wanted) return;
    s.pulling = true;
    let result;
    try {
      result = s.source.pull.call(s.source, s.controller);
    } catch (e) {
      errorStream(s, e);
      return;
    }
    Promise.resolve(result).then(() => {
      s.pulling = false;
      pullIfNeeded(s);
    }, (e) => errorStream(s, e));
  }

  class ReadableStream {
    constructor(source = {}, strategy = {}) {
      if (source === null) source = {};
      if (strategy === null) strategy = {};
      const type = source.type === undefined ? undefined : String(source.type);
      if (type !== undefined && type !== "bytes") throw new TypeError(`"${type}" is not a valid type of ReadableStream.`);
      const s = {
        state: "readable", queue: [], sizes: undefined, queueTotal: 0, source, reader: null, storedError: undefined,
        closeRequested: false, started: false, pulling: false, disturbed: false, expectedLength: -1,
        kind: type === "bytes" ? "bytes" : "default", sizeFn: undefined,
        highWaterMark: strategy.highWaterMark !== undefined ? Number(strategy.highWaterMark) : (type === "bytes" ? 0 : 1),
      };
      this[kStream] = s;
      if (s.kind === "bytes") {
        internals.bytes.setup(s, source);
      } else {
        if (strategy.size !== undefined) {
          if (typeof strategy.size !== "function") throw new TypeError("Failed to construct 'ReadableStream': size is not a function.");
          s.sizeFn = strategy.size;
          s.sizes = [];
        }
        s.controller = new ReadableStreamDefaultController(token, s);
      }
      let start;
      try {
        start = source.start ? source.start.call(source, s.controller) : undefined;
      } catch (e) {
        errorStream(s, e);
        throw e;
      }
      Promise.resolve(start).then(() => {
        s.started = true;
        pullIfNeeded(s);
      }, (e) => errorStream(s, e));
    }
    get locked() {
      return this[kStream].reader !== null;
    }
    cancel(reason) {
      const s = this[kStream];
      if (s.reader) return Promise.reject(new TypeError("This ReadableStream is currently locked to a reader."));
      return cancelStream(s, reason);
    }
    getReader(options) {
      const mode = options == null ? undefined : options.mode;
      if (mode === undefined) return new ReadableStreamDefaultReader(this);
      if (String(mode) !== "byob") throw new TypeError("mode must be undefined or 'byob' in call to getReader().");
      return new internals.bytes.ReadableStreamBYOBReader(this);
    }
    tee() {
      const length = expectedLength(this);
      const reader = this.getReader();
      const branches = [];
      const controllers = [];
      let reading = false;
      const pull = () => {
        if (reading) return;
        reading = true;
        return reader.read().then(({ value, done }) => {
          reading = false;
          for (const c of controllers) {
            try { done ? c.close() : c.enqueue(value); } catch (e) { /* branch cancelled */ }
          }
        });
      };
      for (let i = 0; i < 2; i++) {
        const branch = new ReadableStream({ start(c) { controllers.push(c); }, pull });
        branch[kStream].expectedLength = length;
        if (this[kStream].kind !== "default") branch[kStream].kind = "internal";
        branches.push(branch);
      }
      return branches;
    }
    values(options) {
      const reader = this.getReader();
      const preventCancel = !!(options && options.preventCancel);
      return {
        next() { return reader.read(); },
        return(value) {
          if (!preventCancel) reader.cancel(value);
          reader.releaseLock();
          return Promise.resolve({ value, done: true });
        },
        [Symbol.asyncIterator]() { return this; },
      };
    }
    [Symbol.asyncIterator](options) {
      return this.values(options);
    }
    // ReadableStreamFromIterable: https://streams.spec.whatwg.org/#rs-from
    // (length 0 and the message are workerd's).
    static from() {
      return fromIterable(arguments[0]);
    }
  }

  function fromIterable(iterable) {
    const notIterable = () => new TypeError("Failed to execute 'from' on 'ReadableStream': parameter 1 is not of type 'AsyncGenerator'.");
    if (iterable === null || iterable === undefined) throw notIterable();
    let method = iterable[Symbol.asyncIterator];
    const sync = method === undefined || method === null;
    if (sync) method = iterable[Symbol.iterator];
    if (typeof method !== "function") throw notIterable();
    const iterator = method.call(iterable);
    if (iterator === null || (typeof iterator !== "object" && typeof iterator !== "function")) throw notIterable();
    const next = iterator.next;
    return new ReadableStream({
      pull(c) {
        return Promise.resolve(next.call(iterator)).then((r) => {
          if (r === null || typeof r !== "object") throw new TypeError("The iterator's next() did not return an object.");
          if (r.done) {
            c.close();
            return undefined;
          }
          return sync ? Promise.resolve(r.value).then((v) => c.enqueue(v)) : c.enqueue(r.value);
        });
      },
      cancel(reason) {
        const ret = iterator.return;
        if (ret === undefined || ret === null) return undefined;
        return Promise.resolve(ret.call(iterator, reason)).then((r) => {
          if (r === null || typeof r !== "object") throw new TypeError("The iterator's return() did not return an object.");
        });
      },
    }, { highWaterMark: 0 });
  }
  Object.defineProperty(ReadableStream.prototype, Symbol.toStringTag, { value: "ReadableStream", configurable: true });

  function cancelStream(s, reason) {
    s.disturbed = true;
    if (s.state === "closed") return Promise.resolve(undefined);
    if (s.state === "errored") return Promise.reject(s.storedError);
    s.queue = [];
    if (s.sizeFn !== undefined) s.sizes = [];
    s.queueTotal = 0;
    if (s.kind === "bytes") internals.bytes.cancelled(s);
    finishClose(s);
    try {
      return Promise.resolve(s.source.cancel ? s.source.cancel.call(s.source, reason) : undefined).then(() => undefined);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  class ReadableStreamDefaultReader {
    constructor(stream) {
      const s = stream && stream[kStream];
      if (!s) throw new TypeError("ReadableStreamDefaultReader constructor can only accept readable streams.");
      if (s.reader) throw new TypeError("This ReadableStream is currently locked to a reader.");
      this[kStream] = s;
      this[kRequests] = [];
      this[kClosed] = deferred();
      s.reader = this;
      if (s.state === "closed") this[kClosed].resolve(undefined);
      if (s.state === "errored") {
        this[kClosed].reject(s.storedError);
        this[kClosed].promise.catch(() => {});
      }
    }
    get closed() {
      return this[kClosed].promise;
    }
    read() {
      const s = this[kStream];
      if (!s) return Promise.reject(new TypeError("This ReadableStream reader has been released."));
      s.disturbed = true;
      if (s.kind === "bytes") return internals.bytes.defaultRead(s, this);
      if (s.queue.length > 0) {
        let value;
        if (s.sizeFn === undefined) {
          value = s.queue.shift();
          s.queueTotal = s.queue.length;
        } else {
          value = dequeue(s);
        }
        if (s.closeRequested && s.queue.length === 0) finishClose(s);
        else pullIfNeeded(s);
        return Promise.resolve({ value, done: false });
      }
      if (s.state === "closed") return Promise.resolve({ value: undefined, done: true });
      if (s.state === "errored") return Promise.reject(s.storedError);
      const d = deferred();
      this[kRequests].push(d);
      pullIfNeeded(s);
      return d.promise;
    }
    releaseLock() {
      const s = this[kStream];
      if (!s) return;
      for (const r of this[kRequests]) r.reject(new TypeError("This ReadableStream reader has been released."));
      this[kRequests] = [];
      if (s.kind === "bytes") internals.bytes.released(s);
      if (s.state === "readable") {
        this[kClosed].reject(new TypeError("This ReadableStream reader has been released."));
        this[kClosed].promise.catch(() => {});
      }
      s.reader = null;
      this[kStream] = null;
    }
    cancel(reason) {
      const s = this[kStream];
      if (!s) return Promise.reject(new TypeError("This ReadableStream reader has been released."));
      return cancelStream(s, reason);
    }
  }
  Object.defineProperty(ReadableStreamDefaultReader.prototype, Symbol.toStringTag, { value: "ReadableStreamDefaultReader", configurable: true });
  Object.defineProperty(ReadableStreamDefaultController.prototype, Symbol.toStringTag, { value: "ReadableStreamDefaultController", configurable: true });

  // readAll drains a stream of byte chunks into one Uint8Array.
  async function readAll(stream) {
    const reader = stream.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      let bytes;
      if (value instanceof Uint8Array) bytes = value;
      else if (ArrayBuffer.isView(value)) bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      else if (value instanceof ArrayBuffer) bytes = new Uint8Array(value);
      else throw new TypeError("This ReadableStream did not return bytes.");
      chunks.push(bytes);
      size += bytes.byteLength;
    }
    const out = new Uint8Array(size);
    let offset = 0;
    for (const c of chunks) { out.set(c, offset); offset += c.byteLength; }
    return out;
  }

  // fromBytes is a stream of one chunk.
  function fromBytes(bytes) {
    const stream = new ReadableStream({ start(c) { if (bytes.byteLength > 0) c.enqueue(bytes); c.close(); } });
    stream[kStream].kind = "internal";
    return stream;
  }

  // fromPull is a stream whose chunks come from pull(), a function returning
  // a promise of a Uint8Array or null at the end; cancel(reason) stops it.
  function fromPull(pull, cancel) {
    const stream = new ReadableStream({
      pull(c) {
        return pull().then((chunk) => { if (chunk === null) c.close(); else c.enqueue(chunk); });
      },
      cancel(reason) { cancel(reason); },
    }, { highWaterMark: 0 });
    stream[kStream].kind = "internal";
    return stream;
  }

  function isDisturbed(stream) {
    const s = stream[kStream];
    return s.disturbed || s.reader !== null;
  }

  // setLength records how many bytes a stream will deliver, as a network
  // body's Content-Length says; its tee() branches inherit it.
  function setLength(stream, length) {
    stream[kStream].expectedLength = length;
  }

  // expectedLength is that length while nothing has been read, else -1.
  function expectedLength(stream) {
    return isDisturbed(stream) ? -1 : stream[kStream].expectedLength;
  }

  // internals are what TransformStream and pipeTo need beyond the public
  // API: a stream's state and stored error, and whether its controller
  // may still close or enqueue.
  const internals = {
    state: (stream) => stream[kStream],
    setLength,
    isReadableStream: (v) => v !== null && typeof v === "object" && v[kStream] !== undefined && v instanceof ReadableStream,
    canCloseOrEnqueue: (controller) => {
      const s = controller[kStream];
      return !s.closeRequested && s.state === "readable";
    },
    // markInternal makes a stream's BYOB reads those of workerd's own
    // streams (an IdentityTransformStream's readable side).
    markInternal: (stream) => { stream[kStream].kind = "internal"; },
    // What byte_streams.js shares with this file; it sets bytes.
    kStream, kRequests, kClosed, token, deferred, finishClose, errorStream, pullIfNeeded, dequeue, cancel: cancelStream,
    bytes: null,
  };

  return { ReadableStream, ReadableStreamDefaultReader, ReadableStreamDefaultController, readAll, fromBytes, fromPull, isDisturbed, setLength, expectedLength, internals };
})
