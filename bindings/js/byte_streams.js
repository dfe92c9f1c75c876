// A script's byte streams: ReadableByteStreamController and
// ReadableStreamBYOBRequest (https://streams.spec.whatwg.org/#rbs-controller-class,
// #rs-byob-request-class), with workerd's behaviour where it departs from
// the spec: every read of a byte stream is a pull-into (a default reader's
// read fills a fresh autoAllocateChunkSize buffer, 4096 bytes unless the
// source says otherwise, so pull() always sees a byobRequest); close() ends
// pending BYOB reads with what they hold; respond() with too few bytes for
// the read's minimum keeps the request, its view what is left;
// respondWithNewView() hands the reader the given view as it is, and wants
// a buffer as long as the read's view; a size() in the strategy is ignored.
// The BYOB reader is in byob_reader.js. The Go side (streams.go) calls this
// function with the internals of streams.js; it sets internals.bytes and
// returns the classes and what byob_reader.js needs.
(function (rsi) {
  "use strict";
  const { kStream, token, deferred, finishClose, errorStream } = rsi;
  const kView = Symbol("view");
  const defaultChunkSize = 4096;
  const released = () => new TypeError("This ReadableStream reader has been released.");
  const noop = () => {};

  class ReadableByteStreamController {
    constructor(t, stream) {
      if (t !== token) throw new TypeError("Illegal constructor");
      this[kStream] = stream;
    }
    get byobRequest() {
      return getBYOBRequest(this[kStream]);
    }
    get desiredSize() {
      const s = this[kStream];
      if (s.state === "errored") return null;
      if (s.state === "closed") return 0;
      return s.highWaterMark - s.queueTotal;
    }
    // ReadableByteStreamControllerClose
    close() {
      const s = this[kStream];
      if (s.closeRequested || s.state !== "readable") throw new TypeError("This ReadableStream is closed.");
      if (s.queueTotal > 0) {
        s.closeRequested = true;
        return;
      }
      const first = s.pendingPullIntos[0];
      if (first && first.bytesFilled % first.elementSize !== 0) {
        const e = new TypeError("Insufficient bytes to fill elements in the given buffer");
        errorStream(s, e);
        throw e;
      }
      closeNow(s);
    }
    // ReadableByteStreamControllerEnqueue
    enqueue(chunk) {
      const s = this[kStream];
      const isBuffer = chunk instanceof ArrayBuffer;
      if (!isBuffer && !ArrayBuffer.isView(chunk)) {
        throw new TypeError("Failed to execute 'enqueue' on 'ReadableByteStreamController': parameter 1 is not of type 'BufferSource'.");
      }
      if (s.closeRequested || s.state !== "readable") throw new TypeError("This ReadableByteStreamController is closed.");
      const view = isBuffer ? new Uint8Array(chunk) : chunk;
      if (view.byteLength === 0) throw new TypeError("Cannot enqueue a zero-length ArrayBuffer.");
      const { byteOffset, byteLength } = view;
      const buffer = view.buffer.transfer();
      invalidate(s);
      const first = s.pendingPullIntos[0];
      if (first && first.readerType === "none") {
        s.pendingPullIntos.shift();
        enqueueDetached(s, first);
      }
      enqueueChunk(s, buffer, byteOffset, byteLength);
      processPullIntos(s);
      pullIfNeeded(s);
    }
    error(e) {
      errorStream(this[kStream], e);
    }
  }

  class ReadableStreamBYOBRequest {
    constructor(t) {
      if (t !== token) throw new TypeError("Illegal constructor");
    }
    get view() {
      return this[kView] || null;
    }
    // atLeast is workerd's: the bytes the read wants at the least.
    get atLeast() {
      const s = this[kStream];
      const desc = s && s.pendingPullIntos[0];
      return desc ? desc.minimumFill : null;
    }
    // ReadableByteStreamControllerRespond
    respond(bytesWritten) {
      const s = this[kStream];
      if (!s) throw new TypeError("This ReadableStreamBYOBRequest has been invalidated.");
      const n = Number(bytesWritten);
      const desc = s.pendingPullIntos[0];
      if (s.state === "closed" || !desc) {
        if (n !== 0) throw new TypeError("The bytesWritten must be zero after the stream is closed.");
        invalidate(s);
        return;
      }
      if (n === 0) throw new TypeError("The bytesWritten must be more than zero while the stream is open.");
      if (desc.bytesFilled + n > desc.byteLength) throw new RangeError(`Too many bytes [${n}] in response to a BYOB read request.`);
      desc.buffer = desc.buffer.transfer();
      respondInternal(s, desc, n);
    }
    // ReadableByteStreamControllerRespondWithNewView
    respondWithNewView(view) {
      const s = this[kStream];
      if (!s) throw new TypeError("This ReadableStreamBYOBRequest has been invalidated.");
      if (!ArrayBuffer.isView(view)) {
        throw new TypeError("Failed to execute 'respondWithNewView' on 'ReadableStreamBYOBRequest': parameter 1 is not of type 'ArrayBufferView'.");
      }
      const desc = s.pendingPullIntos[0];
      if (s.state === "closed" || !desc) {
        if (view.byteLength !== 0) throw new TypeError("The view byte length must be zero after the stream is closed.");
        invalidate(s);
        return;
      }
      if (view.byteLength === 0) throw new TypeError("The view byte length must be more than zero while the stream is open.");
      if (desc.byteOffset + desc.bytesFilled !== view.byteOffset) throw new RangeError("The given view has an invalid byte offset.");
      if (desc.byteLength !== view.buffer.byteLength) throw new RangeError("The underlying ArrayBuffer is not the correct length.");
      desc.custom = { ctor: view.constructor, byteOffset: view.byteOffset, byteLength: view.byteLength };
      desc.buffer = view.buffer.transfer();
      respondInternal(s, desc, desc.custom.byteLength);
    }
  }

  for (const [name, c] of [["ReadableByteStreamController", ReadableByteStreamController], ["ReadableStreamBYOBRequest", ReadableStreamBYOBRequest]]) {
    Object.defineProperty(c.prototype, Symbol.toStringTag, { value: name, configurable: true });
  }

  // setup makes s a byte stream (SetUpReadableByteStreamControllerFromUnderlyingSource).
  function setup(s, source) {
    let auto = defaultChunkSize;
    if (source.autoAllocateChunkSize !== undefined) {
      auto = Math.trunc(Number(source.autoAllocateChunkSize));
      if (auto === 0) throw new TypeError("The autoAllocateChunkSize option cannot be zero.");
      if (!(auto > 0)) throw new TypeError("The value cannot be converted because it is negative and this API expects a positive bigint.");
    }
    s.autoAllocate = auto;
    s.pendingPullIntos = [];
    s.byobRequest = null;
    s.pullAgain = false;
    s.controller = new ReadableByteStreamController(token, s);
  }

  // ReadableByteStreamControllerGetBYOBRequest
  function getBYOBRequest(s) {
    if (s.byobRequest === null && s.pendingPullIntos.length > 0) {
      const d = s.pendingPullIntos[0];
      const req = new ReadableStreamBYOBRequest(token);
      req[kStream] = s;
      req[kView] = new Uint8Array(d.buffer, d.byteOffset + d.bytesFilled, d.byteLength - d.bytesFilled);
      s.byobRequest = req;
    }
    return s.byobRequest;
  }

  // ReadableByteStreamControllerInvalidateBYOBRequest
  function invalidate(s) {
    const req = s.byobRequest;
    if (req === null) return;
    req[kStream] = null;
    req[kView] = null;
    s.byobRequest = null;
  }

  // ReadableByteStreamControllerCallPullIfNeeded
  function pullIfNeeded(s) {
    if (!s.started || s.state !== "readable" || s.closeRequested) return;
    const wanted = s.pendingPullIntos.some((d) => d.d !== null) || s.highWaterMark - s.queueTotal > 0;
    if (!wanted) return;
    if (s.pulling) {
      s.pullAgain = true;
      return;
    }
    s.pulling = true;
    let result;
    try {
      result = s.source.pull ? s.source.pull.call(s.source, s.controller) : undefined;
    } catch (e) {
      errorStream(s, e);
      return;
    }
    Promise.resolve(result).then(() => {
      s.pulling = false;
      if (s.pullAgain) {
        s.pullAgain = false;
        pullIfNeeded(s);
      }
    }, (e) => errorStream(s, e));
  }

  function enqueueChunk(s, buffer, byteOffset, byteLength) {
    s.queue.push({ buffer, byteOffset, byteLength });
    s.queueTotal += byteLength;
  }

  // ReadableByteStreamControllerEnqueueDetachedPullIntoToQueue: the bytes a
  // released reader's read got go back to the queue.
  function enqueueDetached(s, desc) {
    if (desc.bytesFilled > 0) {
      const start = desc.byteOffset;
      enqueueChunk(s, desc.buffer.slice(start, start + desc.bytesFilled), 0, desc.bytesFilled);
    }
  }

  // ReadableByteStreamControllerFillPullIntoDescriptorFromQueue
  function fillFromQueue(s, desc) {
    const maxCopy = Math.min(s.queueTotal, desc.byteLength - desc.bytesFilled);
    const maxFilled = desc.bytesFilled + maxCopy;
    const aligned = maxFilled - (maxFilled % desc.elementSize);
    let toCopy = maxCopy;
    let ready = false;
    if (aligned >= desc.minimumFill) {
      toCopy = aligned - desc.bytesFilled;
      ready = true;
    }
    const dst = new Uint8Array(desc.buffer);
    while (toCopy > 0) {
      const head = s.queue[0];
      const n = Math.min(toCopy, head.byteLength);
      dst.set(new Uint8Array(head.buffer, head.byteOffset, n), desc.byteOffset + desc.bytesFilled);
      if (n === head.byteLength) {
        s.queue.shift();
      } else {
        head.byteOffset += n;
        head.byteLength -= n;
      }
      s.queueTotal -= n;
      desc.bytesFilled += n;
      toCopy -= n;
    }
    if (maxCopy > 0) invalidate(s);
    return ready;
  }

  // ReadableByteStreamControllerProcessPullIntoDescriptorsUsingQueue
  function processPullIntos(s) {
    while (s.pendingPullIntos.length > 0 && s.queueTotal > 0) {
      const desc = s.pendingPullIntos[0];
      if (!fillFromQueue(s, desc)) return;
      s.pendingPullIntos.shift();
      commit(desc, false);
    }
  }

  // viewOf is a view of ctor's type over bytes of buffer.
  function viewOf(ctor, buffer, byteOffset, bytes) {
    if (ctor === DataView || ctor.prototype instanceof DataView) return new ctor(buffer, byteOffset, bytes);
    return new ctor(buffer, byteOffset, bytes / (ctor.BYTES_PER_ELEMENT || 1));
  }

  // ReadableByteStreamControllerCommitPullIntoDescriptor
  function commit(desc, done) {
    const d = desc.d;
    if (d === null) return;
    desc.d = null;
    if (desc.readerType === "default") {
      d.resolve(done ? { value: undefined, done } : { value: new Uint8Array(desc.buffer, desc.byteOffset, desc.bytesFilled), done });
      return;
    }
    const c = desc.custom;
    const value = c ? viewOf(c.ctor, desc.buffer, c.byteOffset, c.byteLength) : viewOf(desc.ctor, desc.buffer, desc.byteOffset, desc.bytesFilled);
    d.resolve({ value, done });
  }

  // ReadableByteStreamControllerRespondInternal
  function respondInternal(s, desc, n) {
    desc.bytesFilled += n;
    if (desc.readerType !== "none" && desc.bytesFilled < desc.minimumFill && s.byobRequest !== null) {
      // Not enough yet: the request stays, its view what is left (workerd).
      s.byobRequest[kView] = new Uint8Array(desc.buffer, desc.byteOffset + desc.bytesFilled, desc.byteLength - desc.bytesFilled);
      pullIfNeeded(s);
      return;
    }
    invalidate(s);
    if (desc.readerType === "none") {
      s.pendingPullIntos.shift();
      enqueueDetached(s, desc);
      processPullIntos(s);
    } else if (desc.bytesFilled >= desc.minimumFill) {
      s.pendingPullIntos.shift();
      const rem = desc.custom ? 0 : desc.bytesFilled % desc.elementSize;
      if (rem > 0) {
        const end = desc.byteOffset + desc.bytesFilled;
        enqueueChunk(s, desc.buffer.slice(end - rem, end), 0, rem);
        desc.bytesFilled -= rem;
      }
      commit(desc, false);
      processPullIntos(s);
    }
    pullIfNeeded(s);
  }

  // closeNow closes the stream, ending pending reads with what they hold.
  function closeNow(s) {
    s.closeRequested = true;
    const pending = s.pendingPullIntos;
    s.pendingPullIntos = [];
    for (const desc of pending) commit(desc, true);
    finishClose(s);
  }

  // ReadableByteStreamControllerPullInto: a read into view, settled once
  // at least minimumFill bytes are in it.
  function pullInto(s, view, minimumFill, readerType) {
    const byob = readerType === "byob";
    const desc = {
      buffer: null, byteOffset: view.byteOffset, byteLength: view.byteLength,
      bytesFilled: 0, minimumFill, elementSize: view.BYTES_PER_ELEMENT || 1, ctor: view.constructor, readerType, d: null, custom: null,
    };
    desc.buffer = byob ? view.buffer.transfer() : view.buffer;
    if (s.pendingPullIntos.length === 0) {
      if (s.state === "closed") return Promise.resolve({ value: byob ? viewOf(desc.ctor, desc.buffer, desc.byteOffset, 0) : undefined, done: true });
      if (s.queueTotal > 0) {
        if (fillFromQueue(s, desc)) {
          const d = desc.d = deferred();
          commit(desc, false);
          drained(s);
          return d.promise;
        }
        if (s.closeRequested) {
          // Too few bytes left for one element: workerd drops them and
          // ends the stream (the spec errors it).
          s.queue = [];
          s.queueTotal = 0;
          closeNow(s);
          return Promise.resolve({ value: viewOf(desc.ctor, desc.buffer, desc.byteOffset, 0), done: true });
        }
      }
    }
    const d = desc.d = deferred();
    s.pendingPullIntos.push(desc);
    pullIfNeeded(s);
    return d.promise;
  }

  // ReadableByteStreamControllerHandleQueueDrain
  function drained(s) {
    if (s.queueTotal === 0 && s.closeRequested) closeNow(s);
    else pullIfNeeded(s);
  }

  // The hooks streams.js calls for byte streams.
  rsi.bytes = {
    setup,
    pullIfNeeded,
    defaultRead(s) {
      if (s.state === "errored") return Promise.reject(s.storedError);
      return pullInto(s, new Uint8Array(s.autoAllocate), 1, "default");
    },
    errored(s, e) {
      for (const desc of s.pendingPullIntos) if (desc.d) desc.d.reject(e);
      s.pendingPullIntos = [];
      invalidate(s);
    },
    // cancelled ends pending reads with empty views, as workerd does.
    cancelled(s) {
      const pending = s.pendingPullIntos;
      s.pendingPullIntos = [];
      invalidate(s);
      for (const desc of pending) {
        desc.bytesFilled = 0;
        desc.custom = null;
        commit(desc, true);
      }
    },
    released(s) {
      for (const desc of s.pendingPullIntos) {
        if (desc.d) desc.d.reject(released());
        desc.d = null;
        desc.readerType = "none";
      }
    },
    ReadableStreamBYOBReader: null,
  };

  return { ReadableByteStreamController, ReadableStreamBYOBRequest, pullInto, released, noop };
})
