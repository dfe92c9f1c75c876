// node:stream (https://nodejs.org/api/stream.html), assembled from its
// parts, which the Go side runs in order on one shared object first:
// node_stream_core.js (Stream, errors, destroy), node_stream_readable.js,
// node_stream_writable.js, node_stream_duplex.js (Duplex, Transform,
// PassThrough), node_stream_pipeline.js (finished, pipeline, ...),
// node_stream_operators.js (Readable's iterator helpers),
// node_stream_compose.js (Duplex.from, compose, duplexPair) and
// node_stream_to_web.js (toWeb, fromWeb). This factory
// makes the module's exports, Stream with its members, from them.
(function (lib) {
  "use strict";
  const { Stream, Readable, Writable, Duplex, Transform, PassThrough } = lib;
  Stream.prototype.pipe = function pipe(dest) {
    this.on("data", (chunk) => { if (dest.write(chunk) === false && this.pause) this.pause(); });
    dest.on("drain", () => { if (this.resume) this.resume(); });
    this.on("end", () => dest.end());
    return dest;
  };
  Object.assign(Stream, {
    Stream, Readable, Writable, Duplex, Transform, PassThrough,
    pipeline: lib.pipeline, finished: lib.finished, addAbortSignal: lib.addAbortSignal,
    isReadable: lib.isReadable, isWritable: lib.isWritable, isErrored: lib.isErrored, isDisturbed: lib.isDisturbed,
    isDestroyed: (stream) => !!(stream && (stream._s ? stream._s.destroyed : stream.destroyed)),
    destroy: (stream, err) => { if (stream && typeof stream.destroy === "function") stream.destroy(err); },
    _isArrayBufferView: ArrayBuffer.isView,
    _isUint8Array: (v) => v instanceof Uint8Array,
    _uint8ArrayToBuffer: (v) => lib.Buffer.from(v.buffer, v.byteOffset, v.byteLength),
    getDefaultHighWaterMark: lib.getDefaultHighWaterMark, setDefaultHighWaterMark: lib.setDefaultHighWaterMark,
    compose: lib.compose, duplexPair: lib.duplexPair,
    promises: lib.promises,
  });
  return Stream;
})
