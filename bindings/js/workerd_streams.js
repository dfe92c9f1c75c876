// workerd's own byte streams, IdentityTransformStream and FixedLengthStream
// (https://developers.cloudflare.com/workers/runtime-apis/streams/transformstream/):
// TransformStreams whose readable side carries bytes. A string chunk is
// written as its UTF-8 bytes, as workerd does. A FixedLengthStream's
// readable knows its length, so a response with it as its body is sent
// with that Content-Length. A chunk that is not bytes is refused at its
// write, which alone rejects. The Go side (transform.go) calls this
// function with TransformStream, TextEncoder and the ReadableStream and
// WritableStream internals (which record a stream's length and check each
// chunk).
(function (TransformStream, TextEncoder, rsi, wsi) {
  "use strict";
  const encoder = new TextEncoder();

  function toBytes(chunk) {
    if (typeof chunk === "string") return encoder.encode(chunk);
    if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk.slice(0));
    if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    throw new TypeError("This TransformStream is being used as a byte stream, but received an object of " +
      "non-ArrayBuffer/ArrayBufferView type on its writable side.");
  }

  // byteTransformer passes bytes through; with a length, it refuses more
  // bytes than that and a close before all of them (the checks run in the
  // transform, so the reader sees the error, as in workerd).
  function byteTransformer(expected) {
    let seen = 0;
    return {
      transform(bytes, c) {
        seen += bytes.byteLength;
        if (seen > expected) throw new TypeError("Attempt to write too many bytes through a FixedLengthStream.");
        c.enqueue(bytes);
      },
      flush() {
        if (expected !== Infinity && seen < expected) throw new TypeError("FixedLengthStream did not see all expected bytes before close().");
      },
    };
  }

  // subclassTransformer hands FixedLengthStream's transformer to
  // IdentityTransformStream's constructor, which takes no arguments.
  let subclassTransformer = null;

  class IdentityTransformStream extends TransformStream {
    constructor() {
      const transformer = subclassTransformer || byteTransformer(Infinity);
      subclassTransformer = null;
      super(transformer);
      wsi.setChunkCheck(this.writable, toBytes);
      rsi.markInternal(this.readable);
    }
  }

  // toLength converts as workerd's bigint arguments do.
  function toLength(v) {
    if (v === undefined) throw new TypeError("Failed to construct 'FixedLengthStream': constructor parameter 1 is not of type 'bigint'.");
    const n = Number(v);
    if (!Number.isFinite(n)) throw new TypeError("The value cannot be converted because it is not an integer.");
    if (n < 0) throw new TypeError("The value cannot be converted because it is negative and this API expects a positive bigint.");
    return Math.trunc(n);
  }

  class FixedLengthStream extends IdentityTransformStream {
    constructor(length) {
      const expected = toLength(length);
      subclassTransformer = byteTransformer(expected);
      super();
      rsi.setLength(this.readable, expected);
    }
  }

  for (const [name, c] of [["IdentityTransformStream", IdentityTransformStream], ["FixedLengthStream", FixedLengthStream]]) {
    Object.defineProperty(c.prototype, Symbol.toStringTag, { value: name, configurable: true });
  }
  return { IdentityTransformStream, FixedLengthStream };
})
