// CompressionStream, DecompressionStream, TextEncoderStream,
// TextDecoderStream, and workerd's IdentityTransformStream and
// FixedLengthStream, each a TransformStream whose transformer calls the
// Go codecs (compression_stream.go) or TextEncoder/TextDecoder. The
// messages are workerd's.
(function (TransformStream, TextEncoder, TextDecoder, go) {
  "use strict";
  const notBytes = "This TransformStream is being used as a byte stream, but received an object of " +
    "non-ArrayBuffer/ArrayBufferView type on its writable side.";
  const formats = ["deflate", "deflate-raw", "gzip"];
  const encoder = new TextEncoder();

  // bytes is a chunk as the byte streams take it: a BufferSource, copied,
  // or a string, UTF-8 encoded.
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
        const out = codec.push(bytes(chunk));
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
    }
  }
  class DecompressionStream extends TransformStream {
    constructor(f) {
      super(codecTransformer(go.decompressor(format("DecompressionStream", f, arguments.length))), undefined, unbounded);
    }
  }

  const kEncoding = Symbol("encoding");
  class TextEncoderStream extends TransformStream {
    constructor() {
      let pending = "";
      super({
        transform(chunk, c) {
          let s = pending + String(chunk);
          pending = "";
          const last = s.charCodeAt(s.length - 1);
          if (last >= 0xd800 && last <= 0xdbff) {
            pending = s[s.length - 1];
            s = s.slice(0, -1);
          }
          if (s.length > 0) c.enqueue(encoder.encode(s));
        },
        flush(c) {
          if (pending) c.enqueue(new Uint8Array([0xef, 0xbf, 0xbd]));
        },
      });
    }
    get encoding() {
      if (!(this instanceof TextEncoderStream)) throw new TypeError("Illegal invocation");
      return "utf-8";
    }
  }

  class TextDecoderStream extends TransformStream {
    constructor(label = "utf-8", options = undefined) {
      const decoder = new TextDecoder(label, options);
      super({
        transform(chunk, c) {
          if (go.bytes(chunk) === null) {
            throw new TypeError("This TransformStream is being used as a byte stream, but received a value that is not a BufferSource.");
          }
          const s = decoder.decode(chunk, { stream: true });
          if (s) c.enqueue(s);
        },
        flush(c) {
          const s = decoder.decode();
          if (s) c.enqueue(s);
        },
      });
      this[kEncoding] = decoder;
    }
    get encoding() {
      return decoderOf(this).encoding;
    }
    get fatal() {
      return decoderOf(this).fatal;
    }
    get ignoreBOM() {
      return decoderOf(this).ignoreBOM;
    }
  }
  function decoderOf(s) {
    if (!(s instanceof TextDecoderStream)) throw new TypeError("Illegal invocation");
    return s[kEncoding];
  }

  // identityTransformer passes bytes through unchanged; with a length it
  // counts them against it.
  function identityTransformer(length) {
    let seen = 0;
    return {
      transform(chunk, c) {
        const b = bytes(chunk);
        if (b.length === 0) return;
        seen += b.length;
        if (length >= 0 && seen > length) {
          const e = new TypeError("Attempt to write too many bytes through a FixedLengthStream.");
          c.error(e);
          return;
        }
        c.enqueue(b);
      },
      flush(c) {
        if (length >= 0 && seen < length) {
          c.error(new TypeError("FixedLengthStream did not see all expected bytes before close()."));
        }
      },
    };
  }

  // nextLength is the length FixedLengthStream hands to the constructor it
  // extends.
  let nextLength = -1;
  class IdentityTransformStream extends TransformStream {
    constructor() {
      const length = nextLength;
      nextLength = -1;
      super(identityTransformer(length), undefined, { highWaterMark: 0 });
    }
  }
  class FixedLengthStream extends IdentityTransformStream {
    constructor(length) {
      if (arguments.length === 0 || length === undefined) {
        throw new TypeError("Failed to construct 'FixedLengthStream': constructor parameter 1 is not of type 'bigint'.");
      }
      const n = go.length(length);
      nextLength = n;
      super();
      go.setLength(this.readable, n);
    }
  }

  // workerd lists the accessors of the text streams before their
  // constructor.
  for (const C of [TextEncoderStream, TextDecoderStream]) {
    const d = Object.getOwnPropertyDescriptor(C.prototype, "constructor");
    delete C.prototype.constructor;
    Object.defineProperty(C.prototype, "constructor", d);
  }

  return {
    CompressionStream, DecompressionStream, TextEncoderStream, TextDecoderStream,
    IdentityTransformStream, FixedLengthStream,
  };
})
