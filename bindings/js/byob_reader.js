// ReadableStreamBYOBReader: https://streams.spec.whatwg.org/#byob-reader-class,
// with workerd's readAtLeast(minBytes, view) and its messages. A script's
// byte stream is read through its controller (byte_streams.js); a stream Go
// feeds is read as workerd reads its own streams: the view's buffer is
// taken, filled from the next chunks until it holds at least the minimum,
// and handed back as a Uint8Array. The Go side (streams.go) calls this
// function with the internals of streams.js, what byte_streams.js returned
// and whether the end of a body stream reads as an empty view
// (internal_stream_byob_return_view) rather than undefined; it returns the
// class.
(function (rsi, bytes, endAsView) {
  "use strict";
  const { kStream, kRequests, kClosed, deferred, finishClose, pullIfNeeded, dequeue } = rsi;
  const { pullInto, released, noop } = bytes;
  const kPending = Symbol("pending reads");
  const kChain = Symbol("last read");

  class ReadableStreamBYOBReader {
    constructor(stream) {
      const s = stream && stream[kStream];
      if (!s) throw new TypeError("ReadableStreamBYOBReader constructor can only accept readable streams.");
      if (s.kind === "default") throw new TypeError("This ReadableStream does not support BYOB reads.");
      if (s.reader) throw new TypeError("This ReadableStream is currently locked to a reader.");
      this[kStream] = s;
      this[kRequests] = [];
      this[kClosed] = deferred();
      this[kPending] = 0;
      this[kChain] = Promise.resolve();
      s.reader = this;
      if (s.state === "closed") this[kClosed].resolve(undefined);
      if (s.state === "errored") {
        this[kClosed].reject(s.storedError);
        this[kClosed].promise.catch(noop);
      }
    }
    get closed() {
      return this[kClosed].promise;
    }
    read(view, options) {
      if (!ArrayBuffer.isView(view)) return Promise.reject(notAView());
      const min = options == null || options.min === undefined ? 1 : Number(options.min);
      return readInto(this, view, min * (view.BYTES_PER_ELEMENT || 1));
    }
    readAtLeast(minBytes, view) {
      if (!ArrayBuffer.isView(view)) return Promise.reject(notAView("readAtLeast", 2));
      return readInto(this, view, Number(minBytes));
    }
    releaseLock() {
      const s = this[kStream];
      if (!s) return;
      if (s.kind === "internal" && this[kPending] > 0) {
        throw new TypeError("Cannot call releaseLock() on a reader with outstanding read promises.");
      }
      if (s.kind === "bytes") rsi.bytes.released(s);
      for (const r of this[kRequests]) r.reject(released());
      this[kRequests] = [];
      // A reader released from an open stream reads as closed by the
      // release; from a closed or errored one it keeps that (workerd).
      if (s.state === "readable") {
        this[kClosed].reject(released());
        this[kClosed].promise.catch(noop);
      }
      s.reader = null;
      this[kStream] = null;
    }
    cancel(reason) {
      const s = this[kStream];
      if (!s) return Promise.reject(released());
      return rsi.cancel(s, reason);
    }
  }
  Object.defineProperty(ReadableStreamBYOBReader.prototype, Symbol.toStringTag, { value: "ReadableStreamBYOBReader", configurable: true });

  function notAView(method = "read", n = 1) {
    return new TypeError(`Failed to execute '${method}' on 'ReadableStreamBYOBReader': parameter ${n} is not of type 'ArrayBufferView'.`);
  }

  // readInto checks a read's view and minimum as workerd does, then reads.
  function readInto(reader, view, minBytes) {
    if (view.byteLength === 0) {
      return Promise.reject(new TypeError("You must call read() on a \"byob\" reader with a positive-sized TypedArray object."));
    }
    if (!(minBytes >= 1)) return Promise.reject(new TypeError(`Requested invalid minimum number of bytes to read (${minBytes}).`));
    if (minBytes > view.byteLength) {
      return Promise.reject(new TypeError(`Minimum bytes to read (${minBytes}) exceeds size of buffer (${view.byteLength}).`));
    }
    const s = reader[kStream];
    if (!s) return Promise.reject(released());
    s.disturbed = true;
    if (s.state === "errored") return Promise.reject(s.storedError);
    if (s.kind === "bytes") return pullInto(s, view, minBytes, "byob");
    return readInternal(reader, s, view, minBytes);
  }

  // readInternal reads a stream Go feeds into view, one read after another.
  function readInternal(reader, s, view, minBytes) {
    const { byteOffset, byteLength } = view;
    const buffer = view.buffer.transfer();
    const prev = reader[kChain];
    reader[kPending]++;
    const p = prev.then(() => fill(reader, s, new Uint8Array(buffer, byteOffset, byteLength), minBytes));
    reader[kChain] = p.then(noop, noop);
    return p.then((v) => {
      reader[kPending]--;
      return v;
    }, (e) => {
      reader[kPending]--;
      throw e;
    });
  }

  // fill copies queued chunks into dst, waiting for more until it holds
  // minBytes or the stream ends; a chunk's rest stays queued.
  async function fill(reader, s, dst, minBytes) {
    let filled = 0;
    for (;;) {
      while (filled < dst.byteLength && s.queue.length > 0) {
        const head = asBytes(s.queue[0]);
        const n = Math.min(dst.byteLength - filled, head.byteLength);
        dst.set(n === head.byteLength ? head : head.subarray(0, n), filled);
        if (n === head.byteLength) dequeue(s);
        else s.queue[0] = head.subarray(n);
        filled += n;
      }
      if (filled >= minBytes) break;
      if (s.state === "errored") throw s.storedError;
      if (s.state === "closed" || s.closeRequested) {
        finishClose(s);
        if (filled === 0 && !endAsView) return { value: undefined, done: true };
        return { value: dst.subarray(0, filled), done: filled === 0 };
      }
      const d = deferred();
      reader[kRequests].push(d);
      pullIfNeeded(s);
      const { value, done } = await d.promise;
      if (!done) {
        s.queue.unshift(value);
        s.queueTotal += 1;
      }
    }
    // The stream closes when a read sees its end, after this one (workerd).
    if (!s.closeRequested) pullIfNeeded(s);
    return { value: dst.subarray(0, filled), done: false };
  }

  function asBytes(v) {
    if (v instanceof Uint8Array) return v;
    if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    if (v instanceof ArrayBuffer) return new Uint8Array(v);
    throw new TypeError("This ReadableStream did not return bytes.");
  }

  rsi.bytes.ReadableStreamBYOBReader = ReadableStreamBYOBReader;
  return { ReadableStreamBYOBReader };
})
