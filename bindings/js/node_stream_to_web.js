// node:stream's bridges to web streams: Readable.toWeb/fromWeb and
// Writable.toWeb/fromWeb, and Duplex.toWeb/fromWeb as a pair of them
// (https://nodejs.org/api/stream.html#readabletowebstreamreadable-options).
(function (lib) {
  "use strict";
  const { Readable, Writable, Buffer } = lib;

  Readable.toWeb = function toWeb(readable) {
    const objectMode = readable.readableObjectMode;
    return new ReadableStream({
      start(controller) {
        readable.on("data", (chunk) => {
          if (!objectMode && Buffer.isBuffer(chunk)) chunk = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
          controller.enqueue(chunk);
          if (controller.desiredSize <= 0) readable.pause();
        });
        lib.finished(readable, (err) => {
          if (err) { try { controller.error(err); } catch { /* already closed */ } return; }
          try { controller.close(); } catch { /* already closed */ }
        });
        readable.pause();
      },
      pull() { readable.resume(); },
      cancel(reason) { readable.destroy(reason); },
    }, { highWaterMark: 1 });
  };

  Readable.fromWeb = function fromWeb(stream, opts = {}) {
    if (!(stream instanceof ReadableStream)) throw lib.invalidArgType("readableStream", "an instance of ReadableStream", stream);
    const reader = stream.getReader();
    let closed = false;
    reader.closed.then(() => { closed = true; }, () => { closed = true; });
    return new Readable({ ...opts,
      read() {
        reader.read().then(({ value, done }) => { if (done) this.push(null); else this.push(value); }, (err) => this.destroy(err));
      },
      destroy(err, cb) {
        if (closed) { cb(err); return; }
        reader.cancel(err || undefined).then(() => cb(err), (e) => cb(err || e));
      },
    });
  };

  Writable.toWeb = function toWeb(writable) {
    return new WritableStream({
      write(chunk) {
        return new Promise((resolve, reject) => writable.write(chunk, (err) => (err ? reject(err) : resolve())));
      },
      close() {
        return new Promise((resolve, reject) => {
          lib.finished(writable, { readable: false }, (err) => (err ? reject(err) : resolve()));
          writable.end();
        });
      },
      abort(reason) { writable.destroy(reason); },
    });
  };

  Writable.fromWeb = function fromWeb(stream, opts = {}) {
    if (!(stream instanceof WritableStream)) throw lib.invalidArgType("writableStream", "an instance of WritableStream", stream);
    const writer = stream.getWriter();
    let closed = false;
    return new Writable({ ...opts,
      write(chunk, encoding, cb) {
        writer.ready.then(() => writer.write(chunk)).then(() => cb(), cb);
      },
      final(cb) {
        writer.close().then(() => { closed = true; cb(); }, cb);
      },
      destroy(err, cb) {
        if (closed || !err) { cb(err); return; }
        writer.abort(err).then(() => cb(err), () => cb(err));
      },
    });
  };

  lib.Duplex.toWeb = function toWeb(duplex) {
    return { readable: Readable.toWeb(duplex), writable: Writable.toWeb(duplex) };
  };
  lib.Duplex.fromWeb = function fromWeb(pair, opts = {}) {
    if (!pair || typeof pair !== "object") throw lib.invalidArgType("pair", "of type object", pair);
    return lib.Duplex.from({ readable: Readable.fromWeb(pair.readable, opts), writable: Writable.fromWeb(pair.writable, opts) });
  };
})
