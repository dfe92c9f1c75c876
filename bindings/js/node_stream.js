// node:stream (https://nodejs.org/api/stream.html), the basics workers
// use: Readable (push, flowing 'data', async iteration, pipe, from),
// Writable (write, end, 'finish', 'drain'), Duplex, Transform,
// PassThrough, pipeline and finished. Events are ordered as workerd's:
// callbacks and events a call causes come in later microtasks, as
// process.nextTick schedules them there. Not provided: 'readable' events
// and read(n) in paused mode, cork/uncork, writev, compose, addAbortSignal.
(function (EventEmitter, Buffer) {
  "use strict";
  const tick = (fn, ...args) => queueMicrotask(() => fn(...args));
  function codeError(Ctor, code, message) {
    const err = new Ctor(message);
    err.code = code;
    return err;
  }

  class Stream extends EventEmitter {
    pipe(dest) {
      this.on("data", (chunk) => { if (dest.write(chunk) === false && this.pause) this.pause(); });
      dest.on("drain", () => { if (this.resume) this.resume(); });
      this.on("end", () => dest.end());
      return dest;
    }
  }

  function destroyImpl(stream, err, cb) {
    if (stream.destroyed) return stream;
    stream.destroyed = true;
    const done = (e) => {
      if (e) { stream.errored = e; tick(() => { stream.emit("error", e); stream.emit("close"); }); } else tick(() => stream.emit("close"));
      if (cb) cb(e);
    };
    if (typeof stream._destroy === "function") stream._destroy(err || null, (e) => done(e || err)); else done(err);
    return stream;
  }

  class Readable extends Stream {
    constructor(opts = {}) {
      super();
      const objectMode = !!(opts.objectMode || opts.readableObjectMode);
      this._r = { buffer: [], ended: false, endEmitted: false, flowing: null, reading: false, scheduled: false, objectMode,
        hwm: opts.highWaterMark !== undefined ? opts.highWaterMark : objectMode ? 16 : 16384, encoding: opts.encoding || null };
      this.destroyed = false;
      this.errored = null;
      if (typeof opts.read === "function") this._read = opts.read;
      if (typeof opts.destroy === "function") this._destroy = opts.destroy;
      this.on("newListener", (name) => { if (name === "data" && this._r.flowing !== false) this.resume(); });
    }
    _read() { throw codeError(Error, "ERR_METHOD_NOT_IMPLEMENTED", "The _read() method is not implemented"); }
    push(chunk, encoding) {
      const r = this._r;
      r.reading = false;
      if (chunk === null) { r.ended = true; this._schedule(); return false; }
      if (!r.objectMode && typeof chunk === "string") chunk = Buffer.from(chunk, encoding);
      else if (!r.objectMode && chunk instanceof Uint8Array && !(chunk instanceof Buffer)) chunk = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      r.buffer.push(chunk);
      this._schedule();
      return this.readableLength < r.hwm;
    }
    unshift(chunk) { this._r.buffer.unshift(chunk); this._schedule(); }
    get readableLength() { return this._r.objectMode ? this._r.buffer.length : this._r.buffer.reduce((n, c) => n + c.length, 0); }
    get readable() { return !this.destroyed && !this._r.endEmitted; }
    get readableEnded() { return this._r.endEmitted; }
    get readableFlowing() { return this._r.flowing; }
    get readableObjectMode() { return this._r.objectMode; }
    get readableHighWaterMark() { return this._r.hwm; }
    setEncoding(enc) { this._r.encoding = enc; return this; }
    resume() { this._r.flowing = true; this._schedule(); return this; }
    pause() { this._r.flowing = false; return this; }
    isPaused() { return this._r.flowing === false; }
    destroy(err, cb) { return destroyImpl(this, err, cb); }
    _schedule() {
      if (this._r.scheduled) return;
      this._r.scheduled = true;
      tick(() => { this._r.scheduled = false; this._flow(); });
    }
    _flow() {
      const r = this._r;
      if (this.destroyed) return;
      while (r.flowing && r.buffer.length > 0) {
        let chunk = r.buffer.shift();
        if (r.encoding && !r.objectMode) chunk = chunk.toString(r.encoding);
        this.emit("data", chunk);
      }
      if (r.ended && r.buffer.length === 0) {
        if (!r.endEmitted && r.flowing) {
          r.endEmitted = true;
          tick(() => { this.emit("end"); if (!this.destroyed) { this.destroyed = true; tick(() => this.emit("close")); } });
        }
        return;
      }
      if (!r.ended && !r.reading && r.flowing !== false && this.readableLength < r.hwm) {
        r.reading = true;
        try { this._read(r.hwm); } catch (e) { this.destroy(e); }
      }
    }
    [Symbol.asyncIterator]() {
      const queue = [];
      let waiting = null, done = false, failure = null;
      const settle = () => {
        if (!waiting) return;
        const w = waiting;
        if (queue.length) { waiting = null; w.resolve({ value: queue.shift(), done: false }); }
        else if (failure) { waiting = null; w.reject(failure); }
        else if (done) { waiting = null; w.resolve({ value: undefined, done: true }); }
      };
      this.on("data", (c) => { queue.push(c); settle(); });
      this.on("end", () => { done = true; settle(); });
      this.on("error", (e) => { failure = e; settle(); });
      this.on("close", () => { done = true; settle(); });
      return {
        next: () => new Promise((resolve, reject) => { waiting = { resolve, reject }; settle(); }),
        return: () => { this.destroy(); return Promise.resolve({ value: undefined, done: true }); },
        [Symbol.asyncIterator]() { return this; },
      };
    }
    static from(iterable, opts = {}) {
      const it = iterable[Symbol.asyncIterator] ? iterable[Symbol.asyncIterator]() : iterable[Symbol.iterator]();
      let pulling = false;
      return new Readable({ objectMode: true, ...opts, read() {
        if (pulling) return;
        pulling = true;
        Promise.resolve(it.next()).then(({ value, done }) => {
          pulling = false;
          if (done) this.push(null); else this.push(value);
        }, (err) => this.destroy(err));
      } });
    }
  }

  // writableMethods are Writable's, shared with Duplex.
  const writableMethods = {
    _initWritable(opts) {
      const objectMode = !!(opts.objectMode || opts.writableObjectMode);
      this._w = { queue: [], writing: false, ending: false, ended: false, finished: false, needDrain: false, objectMode,
        hwm: opts.highWaterMark !== undefined ? opts.highWaterMark : objectMode ? 16 : 16384, decodeStrings: opts.decodeStrings !== false, length: 0 };
      if (typeof opts.write === "function") this._write = opts.write;
      if (typeof opts.final === "function") this._final = opts.final;
      if (typeof opts.destroy === "function") this._destroy = opts.destroy;
    },
    write(chunk, encoding, cb) {
      if (typeof encoding === "function") { cb = encoding; encoding = undefined; }
      const w = this._w;
      if (w.ending) {
        const err = codeError(Error, "ERR_STREAM_WRITE_AFTER_END", "write after end");
        tick(() => { if (cb) cb(err); });
        this.destroy(err);
        return false;
      }
      if (chunk === null) throw codeError(TypeError, "ERR_STREAM_NULL_VALUES", "May not write null values to stream");
      let enc = encoding || "utf8";
      if (!w.objectMode && typeof chunk === "string" && w.decodeStrings) { chunk = Buffer.from(chunk, encoding); enc = "buffer"; }
      else if (!w.objectMode && chunk instanceof Uint8Array) { if (!(chunk instanceof Buffer)) chunk = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength); enc = "buffer"; }
      w.length += w.objectMode ? 1 : chunk.length;
      w.queue.push({ chunk, enc, cb });
      const ok = w.length < w.hwm;
      if (!ok) w.needDrain = true;
      this._drainQueue();
      return ok;
    },
    _drainQueue() {
      const w = this._w;
      if (w.writing || this.destroyed) return;
      const next = w.queue.shift();
      if (!next) { this._maybeFinish(); return; }
      w.writing = true;
      let sync = true;
      this._write(next.chunk, next.enc, (err) => {
        const after = () => {
          w.writing = false;
          w.length -= w.objectMode ? 1 : next.chunk.length;
          if (next.cb) next.cb(err || null);
          if (err) { this.destroy(err); return; }
          if (w.needDrain && w.length === 0) { w.needDrain = false; this.emit("drain"); }
          this._drainQueue();
        };
        if (sync) tick(after); else after();
      });
      sync = false;
    },
    end(chunk, encoding, cb) {
      if (typeof chunk === "function") { cb = chunk; chunk = undefined; }
      if (typeof encoding === "function") { cb = encoding; encoding = undefined; }
      if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
      const w = this._w;
      if (cb) this.once("finish", () => cb());
      if (!w.ending) { w.ending = true; this._drainQueue(); }
      return this;
    },
    _maybeFinish() {
      const w = this._w;
      if (!w.ending || w.ended || w.writing || w.queue.length) return;
      w.ended = true;
      const finish = (err) => {
        if (err) { this.destroy(err); return; }
        tick(() => {
          w.finished = true;
          this.emit("finish");
          if (this._autoClose()) { this.destroyed = true; tick(() => this.emit("close")); }
        });
      };
      if (typeof this._final === "function") this._final(finish); else finish();
    },
    _autoClose() { return !this.destroyed; },
  };

  class Writable extends Stream {
    constructor(opts = {}) {
      super();
      this.destroyed = false;
      this.errored = null;
      this._initWritable(opts);
    }
    _write() { throw codeError(Error, "ERR_METHOD_NOT_IMPLEMENTED", "The _write() method is not implemented"); }
    get writable() { return !this.destroyed && !this._w.ending; }
    get writableEnded() { return this._w.ending; }
    get writableFinished() { return this._w.finished; }
    get writableLength() { return this._w.length; }
    get writableObjectMode() { return this._w.objectMode; }
    get writableHighWaterMark() { return this._w.hwm; }
    destroy(err, cb) { return destroyImpl(this, err, cb); }
  }
  Object.assign(Writable.prototype, writableMethods);

  class Duplex extends Readable {
    constructor(opts = {}) {
      super(opts);
      this._initWritable(opts);
    }
    get writable() { return !this.destroyed && !this._w.ending; }
    get writableEnded() { return this._w.ending; }
    get writableFinished() { return this._w.finished; }
    get writableLength() { return this._w.length; }
    _autoClose() { return false; } // a Duplex closes when its readable side ends
  }
  Object.assign(Duplex.prototype, writableMethods);

  class Transform extends Duplex {
    constructor(opts = {}) {
      super(opts);
      if (typeof opts.transform === "function") this._transform = opts.transform;
      if (typeof opts.flush === "function") this._flush = opts.flush;
    }
    _transform() { throw codeError(Error, "ERR_METHOD_NOT_IMPLEMENTED", "The _transform() method is not implemented"); }
    _read() {}
    _write(chunk, encoding, cb) {
      this._transform(chunk, encoding, (err, data) => {
        if (data !== undefined && data !== null) this.push(data);
        cb(err);
      });
    }
    _final(cb) {
      const done = (err, data) => {
        if (err) { cb(err); return; }
        if (data !== undefined && data !== null) this.push(data);
        this.push(null);
        cb();
      };
      if (typeof this._flush === "function") this._flush(done); else done();
    }
  }
  class PassThrough extends Transform {
    _transform(chunk, encoding, cb) { cb(null, chunk); }
  }

  function finished(stream, opts, cb) {
    if (typeof opts === "function") { cb = opts; }
    let called = false;
    const once = (err) => { if (!called) { called = true; cb(err); } };
    const isReadable = stream instanceof Readable;
    const isWritable = typeof stream.write === "function";
    let readDone = !isReadable || stream._r.endEmitted, writeDone = !isWritable || (stream._w && stream._w.finished);
    const check = () => { if (readDone && writeDone) once(); };
    stream.on("end", () => { readDone = true; check(); });
    stream.on("finish", () => { writeDone = true; check(); });
    stream.on("error", (err) => once(err));
    stream.on("close", () => tick(() => {
      if (!readDone || !writeDone) once(stream.errored || codeError(Error, "ERR_STREAM_PREMATURE_CLOSE", "Premature close"));
    }));
    check();
    return () => { called = true; };
  }

  function pipeline(...streams) {
    const cb = typeof streams[streams.length - 1] === "function" ? streams.pop() : () => {};
    if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
    let done = false;
    const finish = (err) => {
      if (done) return;
      done = true;
      if (err) for (const s of streams) if (!s.destroyed) s.destroy(err === s.errored ? undefined : err);
      cb(err);
    };
    for (let i = 0; i < streams.length; i++) {
      const s = streams[i];
      s.on("error", finish);
      if (i + 1 < streams.length) s.pipe(streams[i + 1]);
    }
    finished(streams[streams.length - 1], (err) => finish(err));
    return streams[streams.length - 1];
  }

  const promises = {
    pipeline: (...streams) => new Promise((resolve, reject) => pipeline(...streams, (err) => (err ? reject(err) : resolve()))),
    finished: (stream, opts) => new Promise((resolve, reject) => finished(stream, opts, (err) => (err ? reject(err) : resolve()))),
  };
  Stream.Stream = Stream;
  Object.assign(Stream, { Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished, promises });
  return Stream;
})
