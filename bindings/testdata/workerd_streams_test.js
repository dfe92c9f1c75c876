// IdentityTransformStream and FixedLengthStream as workerd 1.20261117.1
// answers (asked with the same probes).
(async () => {
  const id = new IdentityTransformStream();
  assertEq(Object.getOwnPropertyNames(IdentityTransformStream.prototype).join() + " " + (id instanceof TransformStream) + " " + Object.prototype.toString.call(id)
    + " " + (new FixedLengthStream(1) instanceof IdentityTransformStream), "constructor true [object IdentityTransformStream] true", "shapes");
  const w = id.writable.getWriter();
  assertEq(w.desiredSize, 1, "desiredSize");
  w.write(new Uint8Array([104, 105]));
  w.write("!");
  w.write(new ArrayBuffer(1));
  w.close();
  assertEq(JSON.stringify(Array.from(new Uint8Array(await new Response(id.readable).arrayBuffer()))), "[104,105,33,0]", "bytes, strings as UTF-8, ArrayBuffers");

  assertThrows(() => new FixedLengthStream(), "TypeError", "Failed to construct 'FixedLengthStream': constructor parameter 1 is not of type 'bigint'.");
  assertThrows(() => new FixedLengthStream(-1), "TypeError", "The value cannot be converted because it is negative and this API expects a positive bigint.");
  assertThrows(() => new FixedLengthStream("abc"), "TypeError", "The value cannot be converted because it is not an integer.");

  const short = new FixedLengthStream(5);
  const sw = short.writable.getWriter();
  const sr = short.readable.getReader();
  sw.write(new Uint8Array(2));
  sw.close().catch(() => {});
  assertEq((await sr.read()).value.length, 2, "the bytes that came");
  await assertRejects(sr.read(), "TypeError", "FixedLengthStream did not see all expected bytes before close().");

  const long = new FixedLengthStream(1);
  const lw = long.writable.getWriter();
  lw.write(new Uint8Array(2)).catch(() => {});
  await assertRejects(long.readable.getReader().read(), "TypeError", "Attempt to write too many bytes through a FixedLengthStream.");

  const ok = new FixedLengthStream(3);
  const ow = ok.writable.getWriter();
  ow.write(new Uint8Array([97, 98, 99]));
  ow.close();
  assertEq(await new Response(ok.readable).text(), "abc", "exact length");
})()
