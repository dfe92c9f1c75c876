// node:stream's Readable (https://nodejs.org/api/stream.html#readable-streams):
// paused and flowing modes, 'readable' and read(n), push and unshift
// against the high-water mark, setEncoding through a StringDecoder, pipe
// to several destinations with back-pressure, unpipe, wrap, and the
// async iterator. Timing follows workerd's (Node's): what a call causes comes in
// later microtasks.
(function (lib) {
  "use strict";
  const { tick, codeError, Buffer, StringDecoder } = lib;

  function toBuffer(chunk) {
    return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }

  function Readable(opts) {
    if (!(this instanceof Readable)) return new Readable(opts);
    opts = opts || {};
    lib.Stream.call(this, opts);
    lib.initCommon(this, opts);
    this._initReadable(opts);
    if (typeof opts.read === "function") this._read = opts.read;
  }
  lib.inherit(Readable, lib.Stream);

  const methods = {
    _read() { throw codeError(Error, "ERR_METHOD_NOT_IMPLEMENTED", "The _read() method is not implemented"); },
    _destroy(err, cb) { cb(err); },
    destroy(err, cb) { return lib.destroy.call(this, err, cb); },
    _initReadable(opts) {
      const objectMode = !!(opts.objectMode || opts.readableObjectMode);
      this._r = { buffer: [], length: 0, objectMode, hwm: lib.highWaterMark(opts, "readable", objectMode),
        flowing: null, ended: false, endEmitted: false, reading: false, sync: true, needReadable: false,
        emittedReadable: false, readableListening: false, resumeScheduled: false, paused: null, didRead: false,
        readingMore: false, pipes: [], awaitDrain: new Set(), decoder: null, encoding: null };
      if (opts.encoding) this.setEncoding(opts.encoding);
      this._s.onConstructed.push(() => { if (this._r.needReadable) maybeReadMore(this); });
    },
    on(ev, fn) { return listenerAdded(this, ev, EE.on.call(this, ev, fn)); },
    addListener(ev, fn) { return listenerAdded(this, ev, EE.on.call(this, ev, fn)); },
    once(ev, fn) { return listenerAdded(this, ev, EE.once.call(this, ev, fn)); },
    prependListener(ev, fn) { return listenerAdded(this, ev, EE.prependListener.call(this, ev, fn)); },
    removeListener(ev, fn) { return listenerRemoved(this, ev, EE.removeListener.call(this, ev, fn)); },
    off(ev, fn) { return listenerRemoved(this, ev, EE.removeListener.call(this, ev, fn)); },
    removeAllListeners(ev) { return listenerRemoved(this, ev, EE.removeAllListeners.apply(this, arguments)); },
    push(chunk, encoding) { return addChunk(this, chunk, encoding, false); },
    unshift(chunk, encoding) { return addChunk(this, chunk, encoding, true); },
    read(n) {
      const r = this._r;
      n = n === undefined ? NaN : parseInt(n, 10);
      const nOrig = n;
      if (n > r.hwm) r.hwm = nextPowerOf2(n);
      if (n !== 0) r.emittedReadable = false;
      if (n === 0 && r.needReadable && ((r.hwm !== 0 ? r.length >= r.hwm : r.length > 0) || r.ended)) {
        if (r.length === 0 && r.ended) endReadable(this); else emitReadable(this);
        return null;
      }
      n = howMuchToRead(r, n);
      if (n === 0 && r.ended) {
        if (r.length === 0) endReadable(this);
        return null;
      }
      let doRead = r.needReadable;
      if (r.length === 0 || r.length - n < r.hwm) doRead = true;
      if (r.ended || r.reading || this._s.destroyed || this._s.errored || !this._s.constructed) doRead = false;
      else if (doRead) {
        r.reading = true;
        r.sync = true;
        if (r.length === 0) r.needReadable = true;
        try { this._read(r.hwm); } catch (e) { lib.errorOrDestroy(this, e); }
        r.sync = false;
        if (!r.reading) n = howMuchToRead(r, nOrig);
      }
      let ret = n > 0 ? fromList(r, n) : null;
      if (ret === null) {
        r.needReadable = r.length <= r.hwm;
        n = 0;
      } else {
        r.length -= n;
        r.awaitDrain.clear();
      }
      if (r.length === 0) {
        if (!r.ended) r.needReadable = true;
        if (nOrig !== n && r.ended) endReadable(this);
      }
      if (ret !== null && !this._s.errorEmitted && !this._s.closeEmitted) {
        r.didRead = true;
        this.emit("data", ret);
      }
      return ret;
    },
    setEncoding(enc) {
      const r = this._r;
      const decoder = new StringDecoder(enc);
      r.decoder = decoder;
      r.encoding = decoder.encoding;
      let content = "";
      for (const c of r.buffer) content += decoder.write(c);
      r.buffer = content ? [content] : [];
      r.length = content.length;
      return this;
    },
    resume() {
      const r = this._r;
      if (!r.flowing) {
        r.flowing = !r.readableListening;
        if (!r.resumeScheduled) {
          r.resumeScheduled = true;
          tick(() => {
            if (!r.reading) this.read(0);
            r.resumeScheduled = false;
            this.emit("resume");
            flow(this);
            if (r.flowing && !r.reading) this.read(0);
          });
        }
      }
      r.paused = false;
      return this;
    },
    pause() {
      const r = this._r;
      if (r.flowing !== false) {
        r.flowing = false;
        this.emit("pause");
      }
      r.paused = true;
      return this;
    },
    isPaused() { return this._r.paused === true || this._r.flowing === false; },
    pipe(dest, opts) { return pipe(this, dest, opts); },
    unpipe(dest) {
      const r = this._r;
      const dests = dest ? r.pipes.filter((d) => d === dest) : r.pipes.slice();
      for (const d of dests) {
        r.pipes.splice(r.pipes.indexOf(d), 1);
        if (r.pipes.length === 0) this.pause();
        d.emit("unpipe", this, { hasUnpiped: false });
      }
      return this;
    },
    wrap(old) {
      let paused = false;
      old.on("data", (chunk) => {
        if (!this.push(chunk) && typeof old.pause === "function") { paused = true; old.pause(); }
      });
      old.on("end", () => this.push(null));
      old.on("error", (err) => lib.errorOrDestroy(this, err));
      old.on("close", () => this.destroy());
      old.on("destroy", () => this.destroy());
      this._read = () => {
        if (paused && typeof old.resume === "function") { paused = false; old.resume(); }
      };
      for (const key of Object.keys(old)) {
        if (this[key] === undefined && typeof old[key] === "function") this[key] = old[key].bind(old);
      }
      return this;
    },
    [Symbol.asyncIterator]() { return iterate(this, true); },
    iterator(opts) { return iterate(this, !opts || opts.destroyOnReturn !== false); },
  };
  Object.assign(Readable.prototype, methods);
  for (const [name, get] of Object.entries({
    readable() { const r = this._r; return !!r && !this._s.destroyed && !this._s.errorEmitted && !r.endEmitted && this._readableOn !== false; },
    readableLength() { return this._r.length; },
    readableEnded() { return this._r.endEmitted; },
    readableFlowing() { return this._r.flowing; },
    readableObjectMode() { return this._r.objectMode; },
    readableHighWaterMark() { return this._r.hwm; },
    readableEncoding() { return this._r.encoding; },
    readableDidRead() { return this._r.didRead; },
    readableAborted() { return (this._s.destroyed || !!this._s.errored) && !this._r.endEmitted; },
    destroyed() { return this._s.destroyed; },
    errored() { return this._s.errored; },
    closed() { return this._s.closed; },
  })) Object.defineProperty(Readable.prototype, name, { get, configurable: true, enumerable: false });
  Object.defineProperty(Readable.prototype, "destroyed", { get() { return this._s.destroyed; }, set(v) { this._s.destroyed = !!v; }, configurable: true });
  Object.defineProperty(Readable.prototype, "readable", { get: Object.getOwnPropertyDescriptor(Readable.prototype, "readable").get,
    set(v) { this._readableOn = !!v; }, configurable: true });

  const EE = lib.EventEmitter.prototype;
  function listenerAdded(stream, ev, res) {
    const r = stream._r;
    if (!r) return res;
    if (ev === "data") {
      r.readableListening = stream.listenerCount("readable") > 0;
      if (r.flowing !== false) stream.resume();
    } else if (ev === "readable" && !r.endEmitted && !r.readableListening) {
      r.readableListening = r.needReadable = true;
      r.flowing = false;
      r.emittedReadable = false;
      if (r.length) emitReadable(stream);
      else if (!r.reading) tick(() => stream.read(0));
    }
    return res;
  }
  function listenerRemoved(stream, ev, res) {
    const r = stream._r;
    if (r && (ev === "readable" || ev === undefined)) {
      tick(() => {
        r.readableListening = stream.listenerCount("readable") > 0;
        if (r.resumeScheduled && r.paused === false) r.flowing = true;
        else if (stream.listenerCount("data") > 0) stream.resume();
        else if (!r.readableListening) r.flowing = null;
      });
    }
    return res;
  }

  function nextPowerOf2(n) {
    if (n > 0x40000000) return 0x40000000;
    let p = 1;
    while (p < n) p *= 2;
    return p;
  }

  function howMuchToRead(r, n) {
    if (n <= 0 || (r.length === 0 && r.ended)) return 0;
    if (r.objectMode) return 1;
    if (Number.isNaN(n)) return r.flowing && r.length ? r.buffer[0].length : r.length;
    if (n <= r.length) return n;
    return r.ended ? r.length : 0;
  }

  // fromList takes n units from the front of the buffer.
  function fromList(r, n) {
    if (r.length === 0) return null;
    const buf = r.buffer;
    if (r.objectMode) return buf.shift();
    if (!n || n >= r.length) {
      const all = r.decoder ? buf.join("") : buf.length === 1 ? buf[0] : Buffer.concat(buf, r.length);
      r.buffer = [];
      return all;
    }
    if (n < buf[0].length) {
      const head = buf[0].slice(0, n);
      buf[0] = buf[0].slice(n);
      return head;
    }
    if (n === buf[0].length) return buf.shift();
    const parts = [];
    let need = n;
    while (need > 0) {
      const c = buf[0];
      if (c.length <= need) { parts.push(buf.shift()); need -= c.length; } else { parts.push(c.slice(0, need)); buf[0] = c.slice(need); need = 0; }
    }
    return r.decoder ? parts.join("") : Buffer.concat(parts, n);
  }

  function addChunk(stream, chunk, encoding, front) {
    const r = stream._r;
    if (chunk === null) {
      r.reading = false;
      if (!r.ended) {
        if (r.decoder) {
          const rest = r.decoder.end();
          if (rest) { r.buffer.push(rest); r.length += rest.length; }
        }
        r.ended = true;
        if (r.sync) emitReadable(stream);
        else { r.needReadable = false; r.emittedReadable = true; emitReadableNT(stream); }
      }
      return false;
    }
    if (!r.objectMode) {
      if (typeof chunk === "string") {
        encoding = encoding || "utf8";
        if (r.encoding !== encoding) chunk = front && r.encoding ? Buffer.from(chunk, encoding).toString(r.encoding) : Buffer.from(chunk, encoding);
      } else if (chunk instanceof Buffer) {
        // as is
      } else if (ArrayBuffer.isView(chunk)) {
        chunk = toBuffer(chunk);
      } else if (chunk !== undefined) {
        lib.errorOrDestroy(stream, lib.invalidArgType("chunk", "of type string or an instance of Buffer, TypedArray, or DataView", chunk));
        return false;
      }
    }
    if (!r.objectMode && (chunk === undefined || chunk.length === 0)) {
      if (!front) r.reading = false;
      maybeReadMore(stream);
      return !r.ended && (r.length < r.hwm || r.length === 0);
    }
    if (front) {
      if (r.endEmitted) { lib.errorOrDestroy(stream, codeError(Error, "ERR_STREAM_UNSHIFT_AFTER_END_EVENT", "stream.unshift() after end event")); return false; }
    } else {
      if (r.ended) { lib.errorOrDestroy(stream, codeError(Error, "ERR_STREAM_PUSH_AFTER_EOF", "stream.push() after EOF")); return false; }
      if (stream._s.destroyed || stream._s.errored) return false;
      r.reading = false;
      if (r.decoder && typeof chunk !== "string") {
        chunk = r.decoder.write(chunk);
        if (chunk.length === 0) { maybeReadMore(stream); return !r.ended && (r.length < r.hwm || r.length === 0); }
      }
    }
    if (r.flowing && r.length === 0 && !r.sync && stream.listenerCount("data") > 0) {
      r.awaitDrain.clear();
      r.didRead = true;
      stream.emit("data", chunk);
    } else {
      r.length += r.objectMode ? 1 : chunk.length;
      if (front) r.buffer.unshift(chunk); else r.buffer.push(chunk);
      if (r.needReadable) emitReadable(stream);
    }
    maybeReadMore(stream);
    return !r.ended && (r.length < r.hwm || r.length === 0);
  }

  function emitReadable(stream) {
    const r = stream._r;
    r.needReadable = false;
    if (!r.emittedReadable) {
      r.emittedReadable = true;
      tick(emitReadableNT, stream);
    }
  }
  function emitReadableNT(stream) {
    const r = stream._r;
    if (!stream._s.destroyed && !stream._s.errored && (r.length || r.ended)) {
      stream.emit("readable");
      r.emittedReadable = false;
    }
    r.needReadable = !r.flowing && !r.ended && r.length <= r.hwm;
    flow(stream);
  }
  function flow(stream) {
    const r = stream._r;
    while (r.flowing && stream.read() !== null);
  }
  function maybeReadMore(stream) {
    const r = stream._r;
    if (r.readingMore || !stream._s.constructed) return;
    r.readingMore = true;
    tick(() => {
      while (!r.reading && !r.ended && (r.length < r.hwm || (r.flowing && r.length === 0))) {
        const len = r.length;
        stream.read(0);
        if (len === r.length) break;
      }
      r.readingMore = false;
    });
  }
  function endReadable(stream) {
    const r = stream._r;
    if (r.endEmitted) return;
    r.ended = true;
    tick(() => {
      const s = stream._s;
      if (s.errorEmitted || s.closeEmitted || r.endEmitted || r.length !== 0) return;
      r.endEmitted = true;
      stream.emit("end");
      const w = stream._w;
      if (w && !w.ending && stream._allowHalfOpen === false) stream.end();
      if (s.autoDestroy && (!w || w.finished || stream._writableOn === false)) stream.destroy();
    });
  }

  function pipe(src, dest, opts) {
    const r = src._r;
    r.pipes.push(dest);
    const doEnd = (!opts || opts.end !== false);
    const onend = () => dest.end();
    const endFn = doEnd ? onend : unpipe;
    if (r.endEmitted) tick(endFn); else src.once("end", endFn);
    let drainWatched = false;
    function ondrain() {
      r.awaitDrain.delete(dest);
      if (r.awaitDrain.size === 0 && src.listenerCount("data")) {
        r.flowing = true;
        flow(src);
      }
    }
    function ondata(chunk) {
      if (dest.write(chunk) === false) {
        r.awaitDrain.add(dest);
        if (!drainWatched) { drainWatched = true; dest.on("drain", ondrain); }
        src.pause();
      }
    }
    function unpipe() { src.unpipe(dest); }
    function onerror() { unpipe(); }
    function onclose() { dest.removeListener("finish", onfinish); unpipe(); }
    function onfinish() { dest.removeListener("close", onclose); unpipe(); }
    function onunpipe(s) {
      if (s !== src) return;
      dest.removeListener("close", onclose);
      dest.removeListener("finish", onfinish);
      if (drainWatched) dest.removeListener("drain", ondrain);
      dest.removeListener("error", onerror);
      dest.removeListener("unpipe", onunpipe);
      src.removeListener("end", onend);
      src.removeListener("end", unpipe);
      src.removeListener("data", ondata);
      if (r.awaitDrain.has(dest)) ondrain();
    }
    src.on("data", ondata);
    dest.on("error", onerror);
    dest.once("close", onclose);
    dest.once("finish", onfinish);
    dest.on("unpipe", onunpipe);
    dest.emit("pipe", src);
    if (dest.writableNeedDrain === true) {
      r.awaitDrain.add(dest);
      if (!drainWatched) { drainWatched = true; dest.on("drain", ondrain); }
      src.pause();
    } else if (!r.flowing) src.resume();
    return dest;
  }

  // iterate reads a Readable with 'readable' and read(); breaking out of a
  // loop destroys it when destroyOnReturn.
  function iterate(stream, destroyOnReturn) {
    let wake = null, error, done = false;
    const next = () => { if (wake) { const w = wake; wake = null; w(); } };
    stream.on("readable", next);
    const cleanup = lib.finished(stream, { writable: false }, (err) => {
      error = err ? err : null;
      next();
    });
    const finish = (destroyIt) => {
      done = true;
      cleanup();
      stream.removeListener("readable", next);
      if (destroyIt && !stream._s.destroyed) stream.destroy();
    };
    const it = {
      async next() {
        if (done) return { value: undefined, done: true };
        for (;;) {
          const chunk = stream._s.destroyed ? null : stream.read();
          if (chunk !== null) return { value: chunk, done: false };
          if (error) { finish(true); throw error; }
          if (error === null) { finish(stream._s.autoDestroy); return { value: undefined, done: true }; }
          await new Promise((res) => { wake = res; });
        }
      },
      async return() {
        if (!done) finish(destroyOnReturn && (error === undefined || stream._s.autoDestroy));
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]() { return this; },
    };
    return it;
  }

  Readable.from = function from(iterable, opts) {
    if (typeof iterable === "string" || iterable instanceof Buffer) {
      return new Readable({ objectMode: true, ...opts, read() { this.push(iterable); this.push(null); } });
    }
    let it, isAsync = false;
    if (iterable && typeof iterable[Symbol.asyncIterator] === "function") { it = iterable[Symbol.asyncIterator](); isAsync = true; }
    else if (iterable && typeof iterable[Symbol.iterator] === "function") it = iterable[Symbol.iterator]();
    else throw lib.invalidArgType("iterable", "an instance of Iterable", iterable);
    let reading = false;
    const nullValue = () => codeError(TypeError, "ERR_STREAM_NULL_VALUES", "May not write null values to stream");
    // nextSync pulls a sync iterator while push accepts, going async at
    // the first promise it yields.
    function nextSync() {
      for (;;) {
        try {
          const { value, done } = it.next();
          if (done) { readable.push(null); return; }
          if (value && typeof value.then === "function") { nextAsync(value); return; }
          if (value === null) { reading = false; throw nullValue(); }
          if (readable.push(value)) continue;
          reading = false;
        } catch (err) { readable.destroy(err); }
        return;
      }
    }
    async function nextAsync(pending) {
      for (;;) {
        try {
          let value, done = false;
          if (pending) { value = await pending; pending = undefined; } else {
            const step = isAsync ? await it.next() : it.next();
            value = step.value;
            done = step.done;
          }
          if (done) { readable.push(null); return; }
          if (value && typeof value.then === "function") value = await value;
          if (value === null) { reading = false; throw nullValue(); }
          if (readable.push(value)) continue;
          reading = false;
        } catch (err) { readable.destroy(err); }
        return;
      }
    }
    const readable = new Readable({ objectMode: true, highWaterMark: 1, ...opts,
      read() {
        if (reading) return;
        reading = true;
        if (isAsync) nextAsync(); else nextSync();
      },
      destroy(err, cb) {
        const close = async () => {
          if (typeof it.return === "function") {
            const { value } = await it.return();
            await value;
          }
        };
        close().then(() => tick(cb, err), (e) => tick(cb, e || err));
      },
    });
    return readable;
  };

  lib.Readable = Readable;
  lib.readableMethods = methods;
})
