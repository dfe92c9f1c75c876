// node:stream's Duplex, Transform and PassThrough
// (https://nodejs.org/api/stream.html#duplex-and-transform-streams): a
// Readable with Writable's methods, allowHalfOpen, and _transform/_flush
// with their callback forms.
(function (lib) {
  "use strict";
  const { codeError, Readable, Writable } = lib;

  function Duplex(opts) {
    if (!(this instanceof Duplex)) return new Duplex(opts);
    opts = opts || {};
    Readable.call(this, opts);
    this._initWritable(opts);
    this._allowHalfOpen = opts.allowHalfOpen !== false;
    if (opts.readable === false) { this._readableOn = false; this._r.ended = true; this._r.endEmitted = true; }
    if (opts.writable === false) { this._writableOn = false; this._w.ending = true; this._w.ended = true; this._w.finished = true; }
  }
  lib.inherit(Duplex, Readable);
  Duplex.prototype.destroy = function destroy(err, cb) { return Writable.prototype.destroy.call(this, err, cb); };
  Object.defineProperty(Duplex.prototype, "allowHalfOpen", { get() { return this._allowHalfOpen; }, set(v) { this._allowHalfOpen = !!v; }, configurable: true });
  for (const name of Object.keys(lib.writableMethods)) Duplex.prototype[name] = lib.writableMethods[name];
  Duplex.prototype._write = Writable.prototype._write;
  for (const [name, get] of Object.entries(lib.writableGetters)) {
    const desc = { get, configurable: true };
    if (name === "writable") desc.set = function (v) { this._writableOn = !!v; };
    Object.defineProperty(Duplex.prototype, name, desc);
  }

  function Transform(opts) {
    if (!(this instanceof Transform)) return new Transform(opts);
    opts = opts || {};
    Duplex.call(this, opts);
    this._r.sync = false;
    this._pending = null;
    if (typeof opts.transform === "function") this._transform = opts.transform;
    if (typeof opts.flush === "function") this._flush = opts.flush;
  }
  lib.inherit(Transform, Duplex);
  Object.assign(Transform.prototype, {
    _transform() { throw codeError(Error, "ERR_METHOD_NOT_IMPLEMENTED", "The _transform() method is not implemented"); },
    _final(cb) {
      const done = (err, data) => {
        if (err) { cb(err); return; }
        if (data !== undefined && data !== null) this.push(data);
        this.push(null);
        cb();
      };
      if (typeof this._flush === "function" && !this._s.destroyed) {
        try { this._flush(done); } catch (e) { done(e); }
      } else done();
    },
    _write(chunk, encoding, cb) {
      const r = this._r;
      const length = r.length;
      this._transform(chunk, encoding, (err, val) => {
        if (err) { cb(err); return; }
        if (val !== undefined && val !== null) this.push(val);
        if (this._w.ended || length === r.length || r.length < r.hwm) cb();
        else this._pending = cb;
      });
    },
    _read() {
      if (this._pending) {
        const cb = this._pending;
        this._pending = null;
        cb();
      }
    },
  });

  function PassThrough(opts) {
    if (!(this instanceof PassThrough)) return new PassThrough(opts);
    Transform.call(this, opts);
  }
  lib.inherit(PassThrough, Transform);
  PassThrough.prototype._transform = function _transform(chunk, encoding, cb) { cb(null, chunk); };

  Object.assign(lib, { Duplex, Transform, PassThrough });
})
