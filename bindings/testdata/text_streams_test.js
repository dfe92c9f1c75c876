// TextEncoderStream and TextDecoderStream as workerd 1.20261117.1 answers
// (asked with the same probes).
(async () => {
  const all = async (rs) => {
    const it = rs[Symbol.asyncIterator]();
    const got = [];
    for (let r = await it.next(); !r.done; r = await it.next()) got.push(typeof r.value === "string" ? r.value : "[" + Array.from(r.value).join(",") + "]");
    return got.join("|");
  };
  const names = (c) => Object.getOwnPropertyNames(c.prototype).sort().join();
  assertEq(names(TextEncoderStream) + " " + (new TextEncoderStream() instanceof TransformStream) + " " + Object.prototype.toString.call(new TextEncoderStream()) + " " + new TextEncoderStream().encoding,
    "constructor,encoding true [object TextEncoderStream] utf-8", "TextEncoderStream shape");
  assertEq(names(TextDecoderStream) + " " + (new TextDecoderStream() instanceof TransformStream) + " " + new TextDecoderStream().encoding + " " + new TextDecoderStream("utf-8", { fatal: true }).fatal + " " + new TextDecoderStream().ignoreBOM,
    "constructor,encoding,fatal,ignoreBOM true utf-8 true false", "TextDecoderStream shape");
  assertEq(await all(ReadableStream.from(["a", "é", "\ud83d", "\ude00", ""]).pipeThrough(new TextEncoderStream())), "[97]|[195,169]|[240,159,152,128]", "encode, a surrogate pair across chunks");
  assertEq(await all(ReadableStream.from(["a\ud83d"]).pipeThrough(new TextEncoderStream())), "[97]|[239,191,189]", "a lone surrogate at the end");
  assertEq(await all(ReadableStream.from([5]).pipeThrough(new TextEncoderStream())), "[53]", "a number");
  assertEq(await all(ReadableStream.from([new Uint8Array([0xc3]), new Uint8Array([0xa9, 0x41])]).pipeThrough(new TextDecoderStream())), "éA", "a character across chunks");
  assertEq(await all(ReadableStream.from([new Uint8Array([0x41, 0xc3])]).pipeThrough(new TextDecoderStream())), "A|\ufffd", "an incomplete character at the end");
  await assertRejects(all(ReadableStream.from([new Uint8Array([0xff])]).pipeThrough(new TextDecoderStream("utf-8", { fatal: true }))), "TypeError", "Failed to decode input.");
  await assertRejects(all(ReadableStream.from([new Uint8Array([0x41, 0xc3])]).pipeThrough(new TextDecoderStream("utf-8", { fatal: true }))), "TypeError", "Failed to decode input.");
  assertThrows(() => new TextDecoderStream("nope"), "RangeError", '"nope" is not a valid encoding.');
  await assertRejects(all(ReadableStream.from(["x"]).pipeThrough(new TextDecoderStream())), "TypeError", "This TransformStream is being used as a byte stream, but received a value that is not a BufferSource.");
})()
