// node:stream's shared base (https://nodejs.org/api/stream.html): the
// legacy Stream class, the coded errors, the default high-water marks and
// destroy and _construct, which Readable, Writable and Duplex share. Each stream keeps
// its destroy state in this._s, its readable side in this._r and its
// writable side in this._w. process.nextTick is a microtask in workerd,
// so tick queues one.
(function (lib) {
  "use strict";
  const tick = (fn, ...args) => queueMicrotask(() => fn(...args));
  function codeError(Ctor, code, message) {
    const err = new Ctor(message);
    err.code = code;
    return err;
  }
  // invalidArgType is Node's ERR_INVALID_ARG_TYPE: expected reads as in
  // 'of type string or an instance of Buffer'.
  function invalidArgType(name, expected, value) {
    let got;
    if (value === null || value === undefined) got = String(value);
    else if (typeof value === "function") got = `function ${value.name}`;
    else if (typeof value === "object") got = value.constructor && value.constructor.name ? `an instance of ${value.constructor.name}` : "[object Object]";
    else {
      let shown = typeof value === "string" ? `'${value.length > 25 ? value.slice(0, 25) + "..." : value}'` : String(value);
      if (typeof value === "bigint") shown += "n";
      got = `type ${typeof value} (${shown})`;
    }
    return codeError(TypeError, "ERR_INVALID_ARG_TYPE", `The "${name}" argument must be ${expected}. Received ${got}`);
  }
  const hwm = { bytes: 65536, objects: 16 };
  function getDefaultHighWaterMark(objectMode) { return objectMode ? hwm.objects : hwm.bytes; }
  function setDefaultHighWaterMark(objectMode, value) {
    if (typeof value !== "number") throw invalidArgType("value", "of type number", value);
    if (!Number.isInteger(value)) throw codeError(RangeError, "ERR_OUT_OF_RANGE", `The value of "value" is out of range. It must be an integer. Received ${String(value)}`);
    if (value < 0 || value > Number.MAX_SAFE_INTEGER) {
      throw codeError(RangeError, "ERR_OUT_OF_RANGE", `The value of "value" is out of range. It must be >= 0 && <= ${Number.MAX_SAFE_INTEGER}. Received ${String(value)}`);
    }
    if (objectMode) hwm.objects = value; else hwm.bytes = value;
  }
  // highWaterMark reads a side's high-water mark from opts.
  function highWaterMark(opts, side, objectMode) {
    const v = opts.highWaterMark !== undefined ? opts.highWaterMark : opts[side + "HighWaterMark"];
    if (v === undefined || v === null) return getDefaultHighWaterMark(objectMode);
    if (!Number.isInteger(v) || v < 0) {
      const shown = typeof v === "string" ? `'${v}'` : String(v);
      throw codeError(TypeError, "ERR_INVALID_ARG_VALUE", `The property 'options.${opts.highWaterMark !== undefined ? "highWaterMark" : side + "HighWaterMark"}' is invalid. Received ${shown}`);
    }
    return v;
  }

  // inherit makes Ctor's instances and statics inherit Base's, as
  // util.inherits does, so old-style subclasses can call Ctor.call(this).
  function inherit(Ctor, Base) {
    Object.setPrototypeOf(Ctor.prototype, Base.prototype);
    Object.setPrototypeOf(Ctor, Base);
  }
  function Stream(opts) { lib.EventEmitter.call(this, opts); }
  inherit(Stream, lib.EventEmitter);

  // initCommon sets the destroy state and the options every stream takes.
  function initCommon(stream, opts) {
    stream._s = { destroyed: false, errored: null, closed: false, errorEmitted: false, closeEmitted: false,
      autoDestroy: opts.autoDestroy !== false, emitClose: opts.emitClose !== false };
    if (typeof opts.destroy === "function") stream._destroy = opts.destroy;
    if (typeof opts.construct === "function") stream._construct = opts.construct;
    if (opts.signal) lib.addAbortSignal(opts.signal, stream);
    stream._s.constructed = typeof stream._construct !== "function";
    stream._s.onConstructed = [];
    if (!stream._s.constructed) tick(construct, stream);
  }

  // construct runs _construct; until it calls back, the stream neither
  // reads, writes nor destroys.
  function construct(stream) {
    const s = stream._s;
    let called = false;
    const onConstruct = (err) => {
      if (called) { errorOrDestroy(stream, codeError(Error, "ERR_MULTIPLE_CALLBACK", "Callback called multiple times")); return; }
      called = true;
      s.constructed = true;
      const pending = s.afterConstruct;
      s.afterConstruct = null;
      if (pending) pending();
      if (err) errorOrDestroy(stream, err, true);
      else tick(() => { for (const fn of s.onConstructed) fn(); });
    };
    try { stream._construct(onConstruct); } catch (e) { onConstruct(e); }
  }

  function emitErrorNT(stream, err) {
    const s = stream._s;
    if (s.errorEmitted) return;
    s.errorEmitted = true;
    stream.emit("error", err);
  }
  function emitCloseNT(stream) {
    const s = stream._s;
    s.closeEmitted = true;
    if (s.emitClose) stream.emit("close");
  }

  // destroy is stream.destroy(err, cb) for every kind of stream.
  function destroy(err, cb) {
    const s = this._s;
    if (s.destroyed) {
      if (typeof cb === "function") cb();
      return this;
    }
    if (err && !s.errored) s.errored = err;
    s.destroyed = true;
    let called = false;
    const onDestroy = (e) => {
      if (called) return;
      called = true;
      if (e && !s.errored) s.errored = e;
      s.closed = true;
      if (typeof cb === "function") cb(e);
      if (e) tick(() => { emitErrorNT(this, e); emitCloseNT(this); });
      else tick(emitCloseNT, this);
    };
    const run = () => { try { this._destroy(err || null, onDestroy); } catch (e) { onDestroy(e); } };
    if (s.constructed) run(); else s.afterConstruct = run;
    return this;
  }

  // errorOrDestroy fails a stream: destroys it, or with autoDestroy off,
  // records and emits the error.
  function errorOrDestroy(stream, err, sync) {
    const s = stream._s;
    if (s.destroyed) return;
    if (s.autoDestroy) { stream.destroy(err); return; }
    if (!s.errored) s.errored = err;
    if (sync) tick(emitErrorNT, stream, err); else emitErrorNT(stream, err);
  }

  Object.assign(lib, { tick, codeError, invalidArgType, inherit, getDefaultHighWaterMark, setDefaultHighWaterMark, highWaterMark, Stream, initCommon, destroy, errorOrDestroy });
})
