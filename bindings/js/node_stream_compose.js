// node:stream's Duplex.from, compose and duplexPair
// (https://nodejs.org/api/stream.html#streamcomposestreams). As workerd's,
// Duplex.from (and so compose) refuses an iterable, a string or a
// generator function with the ERR_INVALID_ARG_TYPE its port of Node's
// duplexify throws for them; a promise, a stream and a
// { readable, writable } pair work. Readable's compose(stream) is
// compose(this, stream).
(function (lib) {
  "use strict";
  const { codeError, Readable, Writable, Duplex } = lib;

  // Duplexify is the Duplex that Duplex.from and compose make.
  class Duplexify extends Duplex {}

  const isReadableStream = (s) => !!s && !!s._r && s._readableOn !== false;
  const isWritableStream = (s) => !!s && !!s._w && s._writableOn !== false;
  const isIterable = (v) => v !== null && v !== undefined && (typeof v[Symbol.asyncIterator] === "function" || typeof v[Symbol.iterator] === "function");
  const iterableError = () => lib.invalidArgType("iterable", "an instance of Iterable", Duplexify);

  function duplexFrom(body) {
    if (body instanceof Duplex) return body;
    if (isReadableStream(body) && !isWritableStream(body)) return pair({ readable: body });
    if (isWritableStream(body) && !isReadableStream(body)) return pair({ writable: body });
    if (typeof body === "function" || typeof body === "string" || isIterable(body)) throw iterableError();
    if (typeof ReadableStream === "function" && body instanceof ReadableStream) return pair({ readable: Readable.fromWeb(body) });
    if (typeof WritableStream === "function" && body instanceof WritableStream) return pair({ writable: Writable.fromWeb(body) });
    if (body && typeof body.then === "function") {
      const d = new Duplexify({ objectMode: true, writable: false, read() {} });
      body.then((v) => { if (v !== null && v !== undefined) d.push(v); d.push(null); }, (err) => d.destroy(err));
      return d;
    }
    if (body && typeof body === "object" && ("readable" in body || "writable" in body)) {
      const r = body.readable, w = body.writable;
      return pair({ readable: isReadableStream(r) ? r : r ? duplexFrom(r) : undefined, writable: isWritableStream(w) ? w : w ? duplexFrom(w) : undefined });
    }
    throw lib.invalidArgType("body", "of type function or an instance of Blob, ReadableStream, WritableStream, Stream, Iterable, AsyncIterable, or Promise or { readable, writable } pair", body);
  }

  // pair makes a Duplex that writes into writable and reads readable.
  function pair({ readable, writable }) {
    let onReadable = null, onDrain = null, onFinish = null;
    const d = new Duplexify({
      readableObjectMode: !!readable && readable.readableObjectMode,
      writableObjectMode: !!writable && writable.writableObjectMode,
      readable: !!readable, writable: !!writable,
      write(chunk, encoding, cb) {
        if (writable.write(chunk, encoding)) cb(); else onDrain = cb;
      },
      final(cb) { writable.end(); onFinish = cb; },
      read() { pump(); },
      destroy(err, cb) {
        if (readable && !readable.destroyed) readable.destroy(err);
        if (writable && !writable.destroyed) writable.destroy(err);
        cb(err);
      },
    });
    function pump() {
      onReadable = null;
      for (;;) {
        const chunk = readable.read();
        if (chunk === null) { onReadable = pump; return; }
        if (!d.push(chunk)) return;
      }
    }
    if (writable) {
      writable.on("drain", () => { const cb = onDrain; onDrain = null; if (cb) cb(); });
      lib.finished(writable, { readable: false }, (err) => {
        const cb = onFinish;
        onFinish = null;
        if (err) d.destroy(err); else if (cb) cb();
      });
    }
    if (readable) {
      readable.on("readable", () => { if (onReadable) onReadable(); });
      readable.on("end", () => d.push(null));
      lib.finished(readable, { writable: false }, (err) => { if (err) d.destroy(err); });
    }
    return d;
  }

  function compose(...streams) {
    if (streams.length === 0) throw codeError(TypeError, "ERR_MISSING_ARGS", 'The "streams" argument must be specified');
    if (streams.length === 1) return duplexFrom(streams[0]);
    const parts = streams.map((s) => (s && (s._r || s._w) ? s : duplexFrom(s)));
    const head = parts[0], tail = parts[parts.length - 1];
    const d = pair({ readable: isReadableStream(tail) ? tail : undefined, writable: isWritableStream(head) ? head : undefined });
    lib.pipeline(parts, (err) => { if (err && !d.destroyed) d.destroy(err); });
    return d;
  }

  function duplexPair(opts) {
    const sides = [0, 1].map(() => new Duplex({ ...opts, read() {},
      write(chunk, encoding, cb) { this._other.push(chunk, encoding); cb(); },
      final(cb) { this._other.push(null); cb(); },
    }));
    sides[0]._other = sides[1];
    sides[1]._other = sides[0];
    return sides;
  }

  Duplex.from = duplexFrom;
  Object.defineProperty(Readable.prototype, "compose", { value(stream) { return compose(this, stream); }, writable: true, configurable: true });
  Object.assign(lib, { compose, duplexPair, Duplexify });
})
