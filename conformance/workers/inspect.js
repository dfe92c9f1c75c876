// Conformance worker: what console.log prints for values a script may log,
// one line per value, tagged so the client can wait for each.

export default {
  async fetch() {
    const buf = new Uint8Array([1, 2, 3, 255]).buffer;
    const values = [
      ["arraybuffer", buf],
      ["empty arraybuffer", new ArrayBuffer(0)],
      ["dataview", new DataView(buf, 1, 2)],
      ["uint8array", new Uint8Array([1, 2, 3])],
      ["float64array", new Float64Array([1.5, -0])],
      ["bigint64array", new BigInt64Array([1n, -2n])],
      ["negative zero", -0],
      ["bigint", 12n],
      ["symbol", Symbol("s")],
      ["nested buffer", { data: new Uint8Array([9]).buffer }],
    ];
    for (const [tag, v] of values) console.log(tag + ":", v);
    console.log("done");
    return new Response("logged");
  },
};
