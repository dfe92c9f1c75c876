// CompressionStream and DecompressionStream
// (https://compression.spec.whatwg.org/), TransformStreams whose
// transformer calls the Go codecs (compression_stream.go). The messages
// are workerd's.
(function (TransformStream, TextEncoder, go, wsi) {
  "use strict";
  const notBytes = "This TransformStream is being used as a byte stream, but received an object of " +
    "non-ArrayBuffer/ArrayBufferView type on its writable side.";
  const formats = ["deflate", "deflate-raw", "gzip"];
  const encoder = new TextEncoder();

  // bytes is a chunk as the byte streams take it: a BufferSource, copied,
  // or a string, UTF-8 encoded; checked at each write, which alone rejects
  // if it is neither.
  function bytes(chunk) {
    if (typeof chunk === "string") return encoder.encode(chunk);
    const b = go.bytes(chunk);
    if (b === null) throw new TypeError(notBytes);
    return b;
  }
  function format(kind, f, nargs) {
    if (nargs === 0 || f === undefined) {
      throw new TypeError(`Failed to construct '${kind}': constructor parameter 1 is not of type 'string'.`);
    }
    f = String(f);
    if (!formats.includes(f)) {
      throw new TypeError("The compression format must be either 'deflate', 'deflate-raw' or 'gzip'.");
    }
    return f;
  }
  function codecTransformer(codec) {
    return {
      transform(chunk, c) {
        const out = codec.push(chunk);
        if (out) c.enqueue(out);
      },
      flush(c) {
        const out = codec.finish();
        if (out) c.enqueue(out);
      },
      cancel() {
        codec.abort();
      },
    };
  }

  // unbounded lets a codec take every write while its output is unread, as
  // workerd's do (a script may await each write before it reads).
  const unbounded = { highWaterMark: Infinity };

  class CompressionStream extends TransformStream {
    constructor(f) {
      super(codecTransformer(go.compressor(format("CompressionStream", f, arguments.length))), undefined, unbounded);
      wsi.setChunkCheck(this.writable, bytes);
      go.markInternal(this.readable); // a byte stream in workerd: BYOB reads work
    }
  }
  class DecompressionStream extends TransformStream {
    constructor(f) {
      super(codecTransformer(go.decompressor(format("DecompressionStream", f, arguments.length))), undefined, unbounded);
      wsi.setChunkCheck(this.writable, bytes);
      go.markInternal(this.readable);
    }
  }

  for (const C of [CompressionStream, DecompressionStream]) {
    Object.defineProperty(C.prototype, Symbol.toStringTag, { value: C.name, configurable: true });
  }
  return { CompressionStream, DecompressionStream };
})
