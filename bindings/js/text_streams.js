// TextEncoderStream and TextDecoderStream:
// https://encoding.spec.whatwg.org/#interface-textencoderstream. They are
// TransformStreams (instanceof TransformStream, as in workerd) over the
// realm's TextEncoder and a streaming TextDecoder. Empty results are not
// enqueued, and a high surrogate at a chunk's end waits for the next
// chunk, as in workerd. The Go side (transform.go) calls this function
// with TransformStream, TextEncoder and TextDecoder.
(function (TransformStream, TextEncoder, TextDecoder) {
  "use strict";
  const kState = Symbol("state");

  class TextEncoderStream extends TransformStream {
    constructor() {
      const encoder = new TextEncoder();
      let pending = "";
      super({
        transform(chunk, c) {
          let s = pending + String(chunk);
          pending = "";
          const last = s.charCodeAt(s.length - 1);
          if (last >= 0xd800 && last <= 0xdbff) {
            pending = s.slice(-1);
            s = s.slice(0, -1);
          }
          if (s.length > 0) c.enqueue(encoder.encode(s));
        },
        flush(c) {
          if (pending !== "") c.enqueue(encoder.encode(pending));
        },
      });
      this[kState] = encoder;
    }
    get encoding() {
      return "utf-8";
    }
  }

  class TextDecoderStream extends TransformStream {
    constructor(label = "utf-8", options = undefined) {
      const decoder = new TextDecoder(label, options);
      super({
        transform(chunk, c) {
          if (!(chunk instanceof ArrayBuffer) && !ArrayBuffer.isView(chunk)) {
            throw new TypeError("This TransformStream is being used as a byte stream, but received a value that is not a BufferSource.");
          }
          const s = decoder.decode(chunk, { stream: true });
          if (s.length > 0) c.enqueue(s);
        },
        flush(c) {
          const s = decoder.decode();
          if (s.length > 0) c.enqueue(s);
        },
      });
      this[kState] = decoder;
    }
    get encoding() {
      return this[kState].encoding;
    }
    get fatal() {
      return this[kState].fatal;
    }
    get ignoreBOM() {
      return this[kState].ignoreBOM;
    }
  }

  for (const [name, c] of [["TextEncoderStream", TextEncoderStream], ["TextDecoderStream", TextDecoderStream]]) {
    Object.defineProperty(c.prototype, Symbol.toStringTag, { value: name, configurable: true });
  }
  return { TextEncoderStream, TextDecoderStream };
})
