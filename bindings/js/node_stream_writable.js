// node:stream's Writable (https://nodejs.org/api/stream.html#writable-streams):
// write against the high-water mark and 'drain', cork/uncork and _writev,
// decodeStrings and the default encoding, end with _final, 'prefinish'
// and 'finish', and the errors workerd (Node) gives. Write callbacks come
// in a later microtask when _write calls back at once.
(function (lib) {
  "use strict";
  const { tick, codeError, Buffer } = lib;

  function Writable(opts) {
    if (!(this && this._r) && !Function.prototype[Symbol.hasInstance].call(Writable, this)) return new Writable(opts);
    opts = opts || {};
    lib.Stream.call(this, opts);
    lib.initCommon(this, opts);
    this._initWritable(opts);
  }
  lib.inherit(Writable, lib.Stream);
  Object.defineProperty(Writable, Symbol.hasInstance, { value(obj) {
    if (Function.prototype[Symbol.hasInstance].call(this, obj)) return true;
    return this === Writable && !!obj && !!obj._w;
  }, configurable: true });
  Object.assign(Writable.prototype, {
    _write(chunk, encoding, cb) {
      if (this._writev) this._writev([{ chunk, encoding }], cb);
      else throw codeError(Error, "ERR_METHOD_NOT_IMPLEMENTED", "The _write() method is not implemented");
    },
    _destroy(err, cb) { cb(err); },
    destroy(err, cb) {
      const w = this._w;
      if (!this._s.destroyed && (w.buffered.length || w.onFinished.length)) tick(errorBuffer, this);
      return lib.destroy.call(this, err, cb);
    },
  });

  const methods = {
    _initWritable(opts) {
      const objectMode = !!(opts.objectMode || opts.writableObjectMode);
      const enc = opts.defaultEncoding ? String(opts.defaultEncoding).toLowerCase() : "utf8";
      this._w = { buffered: [], length: 0, objectMode, hwm: lib.highWaterMark(opts, "writable", objectMode),
        decodeStrings: opts.decodeStrings !== false, defaultEncoding: enc === "utf-8" ? "utf8" : enc,
        writing: false, corked: 0, sync: true, bufferProcessing: false, writecb: null, writelen: 0,
        afterWrite: null, pendingcb: 0, ending: false, ended: false, finished: false, needDrain: false,
        prefinished: false, finalCalled: false, onFinished: [] };
      if (typeof opts.write === "function") this._write = opts.write;
      if (typeof opts.writev === "function") this._writev = opts.writev;
      if (typeof opts.final === "function") this._final = opts.final;
      this._s.onConstructed.push(() => { clearBuffer(this); finishMaybe(this, false); });
    },
    write(chunk, encoding, cb) { return writeImpl(this, chunk, encoding, cb) === true; },
    cork() { this._w.corked++; },    uncork() {
      const w = this._w;
      if (w.corked) {
        w.corked--;
        if (!w.writing) clearBuffer(this);
      }
    },
    setDefaultEncoding(encoding) {
      if (typeof encoding === "string") encoding = encoding.toLowerCase();
      if (!Buffer.isEncoding(encoding)) throw unknownEncoding(encoding);
      this._w.defaultEncoding = encoding === "utf-8" ? "utf8" : encoding;
      return this;
    },
    end(chunk, encoding, cb) {
      const w = this._w;
      if (typeof chunk === "function") { cb = chunk; chunk = null; encoding = null; } else if (typeof encoding === "function") { cb = encoding; encoding = null; }
      let err;
      if (chunk !== null && chunk !== undefined) {
        const ret = writeImpl(this, chunk, encoding);
        if (ret instanceof Error) err = ret;
      }
      if (w.corked) { w.corked = 1; this.uncork(); }
      if (err) {
        // the write's error stands
      } else if (!this._s.errored && !w.ending) {
        w.ending = true;
        finishMaybe(this, true);
        w.ended = true;
      } else if (w.finished) err = codeError(Error, "ERR_STREAM_ALREADY_FINISHED", "Cannot call end after a stream was finished");
      else if (this._s.destroyed) err = codeError(Error, "ERR_STREAM_DESTROYED", "Cannot call end after a stream was destroyed");
      if (typeof cb === "function") {
        if (err || w.finished) tick(cb, err); else w.onFinished.push(cb);
      }
      return this;
    },
  };
  Object.assign(Writable.prototype, methods);
  const getters = {
    writable() { const w = this._w; return !!w && this._writableOn !== false && !this._s.destroyed && !this._s.errored && !w.ending && !w.ended; },
    writableEnded() { return this._w.ending; },
    writableFinished() { return this._w.finished; },
    writableLength() { return this._w.length; },
    writableObjectMode() { return this._w.objectMode; },
    writableHighWaterMark() { return this._w.hwm; },
    writableCorked() { return this._w.corked; },
    writableNeedDrain() { const w = this._w; return !this._s.destroyed && !w.ending && w.needDrain; },
    writableAborted() { return (this._s.destroyed || !!this._s.errored) && !this._w.finished; },
  };
  for (const [name, get] of Object.entries(getters)) Object.defineProperty(Writable.prototype, name, { get, configurable: true });
  Object.defineProperty(Writable.prototype, "writable", { get: getters.writable, set(v) { this._writableOn = !!v; }, configurable: true });
  for (const name of ["destroyed", "errored", "closed"]) {
    Object.defineProperty(Writable.prototype, name, { get() { return this._s[name]; }, configurable: true });
  }
  Object.defineProperty(Writable.prototype, "destroyed", { get() { return this._s.destroyed; }, set(v) { this._s.destroyed = !!v; }, configurable: true });

  // writeImpl is write: it returns whether to go on writing, or the
  // error a write after end or destroy gets (end reports it).
  function writeImpl(stream, chunk, encoding, cb) {
    const w = stream._w;
    if (typeof encoding === "function") { cb = encoding; encoding = w.defaultEncoding; } else {
      if (!encoding) encoding = w.defaultEncoding;
      else if (encoding !== "buffer" && !Buffer.isEncoding(encoding)) throw unknownEncoding(encoding);
      if (typeof cb !== "function") cb = nop;
    }
    if (chunk === null) throw codeError(TypeError, "ERR_STREAM_NULL_VALUES", "May not write null values to stream");
    if (!w.objectMode) {
      if (typeof chunk === "string") {
        if (w.decodeStrings !== false) { chunk = Buffer.from(chunk, encoding); encoding = "buffer"; }
      } else if (chunk instanceof Buffer) encoding = "buffer";
      else if (ArrayBuffer.isView(chunk)) { chunk = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength); encoding = "buffer"; }
      else throw lib.invalidArgType("chunk", "of type string or an instance of Buffer, TypedArray, or DataView", chunk);
    }
    let err;
    if (w.ending) err = codeError(Error, "ERR_STREAM_WRITE_AFTER_END", "write after end");
    else if (stream._s.destroyed) err = codeError(Error, "ERR_STREAM_DESTROYED", "Cannot call write after a stream was destroyed");
    if (err) {
      tick(cb, err);
      lib.errorOrDestroy(stream, err, true);
      return err;
    }
    w.pendingcb++;
    const len = w.objectMode ? 1 : chunk.length;
    w.length += len;
    const ret = w.length < w.hwm;
    if (!ret) w.needDrain = true;
    if (w.writing || w.corked || stream._s.errored || !stream._s.constructed) w.buffered.push({ chunk, encoding, callback: cb });
    else doWrite(stream, false, len, chunk, encoding, cb);
    return ret && !stream._s.errored && !stream._s.destroyed;
  }

  function nop() {}
  function unknownEncoding(enc) { return codeError(TypeError, "ERR_UNKNOWN_ENCODING", `Unknown encoding: ${enc}`); }

  function doWrite(stream, writev, len, chunk, encoding, cb) {
    const w = stream._w;
    w.writelen = len;
    w.writecb = cb;
    w.writing = true;
    w.sync = true;
    const onwrite = (err) => onWrite(stream, err);
    if (stream._s.destroyed) onwrite(codeError(Error, "ERR_STREAM_DESTROYED", "Cannot call write after a stream was destroyed"));
    else {
      try {
        if (writev) stream._writev(chunk, onwrite); else stream._write(chunk, encoding, onwrite);
      } catch (e) { onwrite(e); }
    }
    w.sync = false;
  }

  function onWrite(stream, err) {
    const w = stream._w;
    const cb = w.writecb;
    if (typeof cb !== "function") {
      lib.errorOrDestroy(stream, codeError(Error, "ERR_MULTIPLE_CALLBACK", "Callback called multiple times"));
      return;
    }
    const sync = w.sync;
    w.writing = false;
    w.writecb = null;
    w.length -= w.writelen;
    w.writelen = 0;
    if (err) {
      if (!stream._s.errored) stream._s.errored = err;
      const fail = () => { w.pendingcb--; cb(err); errorBuffer(stream); lib.errorOrDestroy(stream, err); };
      if (sync) tick(fail); else fail();
      return;
    }
    if (w.buffered.length) clearBuffer(stream);
    if (sync) {
      if (w.afterWrite !== null && w.afterWrite.cb === cb) w.afterWrite.count++;
      else {
        const info = { count: 1, cb };
        w.afterWrite = info;
        tick(() => { w.afterWrite = null; afterWrite(stream, info.count, info.cb); });
      }
    } else afterWrite(stream, 1, cb);
  }

  function afterWrite(stream, count, cb) {
    const w = stream._w;
    const needDrain = !w.ending && !stream._s.destroyed && w.length === 0 && w.needDrain;
    if (needDrain) {
      w.needDrain = false;
      stream.emit("drain");
    }
    while (count-- > 0) {
      w.pendingcb--;
      cb(undefined);
    }
    if (stream._s.destroyed) errorBuffer(stream);
    finishMaybe(stream, false);
  }

  // errorBuffer fails the buffered writes and end's callbacks of a
  // destroyed stream.
  function errorBuffer(stream) {
    const w = stream._w;
    if (w.writing) return;
    const err = () => codeError(Error, "ERR_STREAM_DESTROYED", "Cannot call write after a stream was destroyed");
    for (const { chunk, callback } of w.buffered.splice(0)) {
      w.length -= w.objectMode ? 1 : chunk.length;
      callback(stream._s.errored || err());
    }
    for (const cb of w.onFinished.splice(0)) cb(stream._s.errored || codeError(Error, "ERR_STREAM_DESTROYED", "Cannot call end after a stream was destroyed"));
  }

  function clearBuffer(stream) {
    const w = stream._w;
    if (w.corked || w.bufferProcessing || stream._s.destroyed || !stream._s.constructed || !w.buffered.length) return;
    w.bufferProcessing = true;
    if (w.buffered.length > 1 && stream._writev) {
      const entries = w.buffered.splice(0);
      w.pendingcb -= entries.length - 1;
      const callback = (err) => { for (const e of entries) e.callback(err); };
      const chunks = entries.map((e) => ({ chunk: e.chunk, encoding: e.encoding }));
      chunks.allBuffers = entries.every((e) => e.encoding === "buffer");
      doWrite(stream, true, w.length, chunks, "", callback);
    } else {
      do {
        const { chunk, encoding, callback } = w.buffered.shift();
        doWrite(stream, false, w.objectMode ? 1 : chunk.length, chunk, encoding, callback);
      } while (w.buffered.length && !w.writing);
    }
    w.bufferProcessing = false;
  }

  function needFinish(stream) {
    const w = stream._w, s = stream._s;
    return w.ending && !s.destroyed && s.constructed && w.length === 0 && !s.errored && !w.buffered.length && !w.finished && !w.writing && !s.errorEmitted && !s.closeEmitted;
  }

  function prefinish(stream) {
    const w = stream._w;
    if (w.prefinished || w.finalCalled) return;
    if (typeof stream._final === "function" && !stream._s.destroyed) {
      w.finalCalled = true;
      w.sync = true;
      w.pendingcb++;
      let called = false;
      const onFinish = (err) => {
        if (called) { lib.errorOrDestroy(stream, codeError(Error, "ERR_MULTIPLE_CALLBACK", "Callback called multiple times")); return; }
        called = true;
        w.pendingcb--;
        if (err) {
          for (const cb of w.onFinished.splice(0)) cb(err);
          lib.errorOrDestroy(stream, err, w.sync);
        } else if (needFinish(stream)) {
          w.prefinished = true;
          stream.emit("prefinish");
          w.pendingcb++;
          tick(finish, stream);
        }
      };
      try { stream._final(onFinish); } catch (e) { onFinish(e); }
      w.sync = false;
    } else {
      w.prefinished = true;
      stream.emit("prefinish");
    }
  }

  function finishMaybe(stream, sync) {
    const w = stream._w;
    if (!needFinish(stream)) return;
    prefinish(stream);
    if (w.pendingcb !== 0) return;
    if (sync) {
      w.pendingcb++;
      tick(() => { if (needFinish(stream)) finish(stream); else w.pendingcb--; });
    } else if (needFinish(stream)) {
      w.pendingcb++;
      finish(stream);
    }
  }

  function finish(stream) {
    const w = stream._w;
    w.pendingcb--;
    w.finished = true;
    for (const cb of w.onFinished.splice(0)) cb(null);
    stream.emit("finish");
    const r = stream._r;
    if (stream._s.autoDestroy && (!r || r.endEmitted || stream._readableOn === false)) stream.destroy();
  }

  lib.Writable = Writable;
  lib.writableMethods = methods;
  lib.writableGetters = getters;
})
