// node:stream/web, node:stream/promises and node:stream/consumers
// (https://nodejs.org/api/webstreams.html, stream.html#streams-promises-api,
// webstreams.html#utility-consumers): the global web streams under Node's
// names, node:stream's promise forms, and readers that collect a stream
// (a web ReadableStream, a Node Readable or any async iterable) whole.
(function (h, name) {
  "use strict";
  const { esModule } = h.errors;
  const webNames = [
    "ReadableStream", "ReadableStreamDefaultReader", "ReadableStreamBYOBReader", "ReadableStreamBYOBRequest",
    "ReadableByteStreamController", "ReadableStreamDefaultController", "TransformStream",
    "TransformStreamDefaultController", "WritableStream", "WritableStreamDefaultWriter",
    "WritableStreamDefaultController", "ByteLengthQueuingStrategy", "CountQueuingStrategy",
    "TextEncoderStream", "TextDecoderStream", "CompressionStream", "DecompressionStream",
  ];
  function web() {
    const m = {};
    for (const n of webNames) if (typeof globalThis[n] === "function") m[n] = globalThis[n];
    return m;
  }
  function streamPromises() {
    const { pipeline, finished: finish } = h.require("stream").promises;
    const finished = (stream, ...opts) => finish(stream, ...opts);
    const def = { pipeline, finished };
    return esModule(def, { pipeline, finished, promises: def });
  }
  // chunks collects what stream yields.
  async function chunks(stream) {
    if (stream === null || stream === undefined || (typeof stream[Symbol.asyncIterator] !== "function" && typeof stream[Symbol.iterator] !== "function")) {
      throw new TypeError("stream is not async iterable");
    }
    const out = [];
    const it = typeof stream[Symbol.asyncIterator] === "function" ? stream[Symbol.asyncIterator]() : stream[Symbol.iterator]();
    for (;;) {
      const step = await it.next();
      if (step.done) return out;
      out.push(await step.value);
    }
  }
  const encoder = new TextEncoder();
  function bytesOf(list) {
    const parts = list.map((c) => (typeof c === "string" ? encoder.encode(c) : ArrayBuffer.isView(c) ? new Uint8Array(c.buffer, c.byteOffset, c.byteLength) : new Uint8Array(c)));
    const total = parts.reduce((n, p) => n + p.byteLength, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.byteLength;
    }
    return out;
  }
  async function text(stream) {
    const dec = new TextDecoder();
    let s = "";
    for (const c of await chunks(stream)) s += typeof c === "string" ? c : dec.decode(c, { stream: true });
    return s + dec.decode();
  }
  function consumers() {
    return {
      arrayBuffer: async (stream) => bytesOf(await chunks(stream)).buffer,
      blob: async (stream) => new Blob(await chunks(stream)),
      buffer: async (stream) => {
        const b = bytesOf(await chunks(stream));
        return h.require("buffer").Buffer.from(b.buffer, b.byteOffset, b.byteLength);
      },
      text,
      json: async (stream) => JSON.parse(await text(stream)),
    };
  }
  switch (name) {
    case "stream/web": return web();
    case "stream/promises": return streamPromises();
    default: return consumers();
  }
})
