// Byte streams and BYOB readers: a script's byte stream read with a BYOB
// reader (byobRequest.respond, respondWithNewView, enqueue), reads with a
// minimum and readAtLeast, the errors, and BYOB reads of request, response
// and fetched bodies. Each route answers with what it saw, one line each.
const err = (e) => `${e && e.constructor && e.constructor.name}: ${e && e.message}`;
const show = (v) => {
  if (v === undefined || v === null) return String(v);
  if (!ArrayBuffer.isView(v)) return typeof v;
  const bytes = Array.from(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  return `${v.constructor.name}(offset ${v.byteOffset}, ${v.byteLength} bytes of ${v.buffer.byteLength}) [${bytes.join(",")}]`;
};
const settle = async (log, label, f) => {
  try {
    const r = await f();
    log(label, "done:", r.done, show(r.value));
  } catch (e) {
    log(label, "->", err(e));
  }
};

async function loop(log) {
  let n = 0;
  const rs = new ReadableStream({
    type: "bytes",
    pull(c) {
      const req = c.byobRequest;
      log("pull", n, "desiredSize", c.desiredSize, "request", req && req.constructor.name, show(req && req.view));
      if (n === 0) {
        req.view.set([1, 2]);
        req.respond(2);
      } else if (n === 1) {
        req.view.set([3, 4, 5]);
        req.respondWithNewView(new Uint8Array(req.view.buffer, req.view.byteOffset, 3));
      } else if (n === 2) {
        c.enqueue(new Uint8Array([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]));
      } else {
        c.close();
      }
      n++;
    },
  });
  const r = rs.getReader({ mode: "byob" });
  log(r.constructor.name, Object.prototype.toString.call(r));
  let buf = new ArrayBuffer(8);
  for (;;) {
    const view = new Uint8Array(buf, 0, 8);
    const res = await r.read(view);
    log("read done:", res.done, show(res.value), "old view detached:", view.buffer.detached);
    if (res.done) break;
    buf = res.value.buffer;
  }
  log("closed:", await r.closed);
}

async function respond(log) {
  for (const k of ["same view", "subarray", "DataView", "short buffer", "other offset", "zero length", "too many", "twice"]) {
    const rs = new ReadableStream({
      type: "bytes",
      pull(c) {
        const req = c.byobRequest;
        const v = req.view;
        try {
          v.set([9, 8, 7]);
          if (k === "same view") req.respondWithNewView(v);
          if (k === "subarray") req.respondWithNewView(v.subarray(0, 2));
          if (k === "DataView") req.respondWithNewView(new DataView(v.buffer, 0, 3));
          if (k === "short buffer") req.respondWithNewView(new Uint8Array(4));
          if (k === "other offset") req.respondWithNewView(new Uint8Array(v.buffer, 2, 2));
          if (k === "zero length") req.respondWithNewView(new Uint8Array(v.buffer, 0, 0));
          if (k === "too many") req.respond(100);
          if (k === "twice") {
            req.respond(1);
            log(k, "view after respond:", String(req.view));
            req.respond(1);
          }
        } catch (e) {
          log(k, "threw", err(e));
          c.close();
        }
      },
    });
    await settle(log, k, () => rs.getReader({ mode: "byob" }).read(new Uint16Array(4)));
  }
  let ctl;
  const rs = new ReadableStream({ type: "bytes", start(c) { ctl = c; } });
  const r = rs.getReader({ mode: "byob" });
  const p = r.read(new Uint8Array(4));
  log("byobRequest while reading:", show(ctl.byobRequest.view));
  const req = ctl.byobRequest;
  ctl.close();
  try { req.respond(1); } catch (e) { log("respond(1) after close ->", err(e)); }
  req.respond(0);
  await settle(log, "read pending at close", () => p);
  await settle(log, "read after close", () => r.read(new Uint8Array(3)));
}

async function minimum(log) {
  let n = 0;
  const rs = new ReadableStream({
    type: "bytes",
    pull(c) {
      n++;
      if (n > 4) c.close();
      else c.enqueue(new Uint8Array([n, n, n]));
    },
  });
  const r = rs.getReader({ mode: "byob" });
  await settle(log, "read min 7", () => r.read(new Uint8Array(8), { min: 7 }));
  await settle(log, "readAtLeast 4", () => r.readAtLeast(4, new Uint8Array(10)));
  await settle(log, "Uint16Array min 2 at the end", () => r.read(new Uint16Array(4), { min: 2 }));
  const odd = new ReadableStream({ type: "bytes", start(c) { c.enqueue(new Uint8Array([1, 2, 3, 4, 5])); c.close(); } });
  const r2 = odd.getReader({ mode: "byob" });
  await settle(log, "Uint16Array of 5 bytes", () => r2.read(new Uint16Array(2)));
  await settle(log, "Uint16Array rest", () => r2.read(new Uint16Array(2)));
}

async function errors(log) {
  const r = new ReadableStream({ type: "bytes" }).getReader({ mode: "byob" });
  const detached = new Uint8Array(4);
  detached.buffer.transfer();
  for (const [k, f] of [
    ["no view", () => r.read()],
    ["ArrayBuffer", () => r.read(new ArrayBuffer(4))],
    ["zero-length view", () => r.read(new Uint8Array(0))],
    ["detached buffer", () => r.read(detached)],
    ["min 0", () => r.read(new Uint8Array(2), { min: 0 })],
    ["min past the end", () => r.read(new Uint16Array(2), { min: 3 })],
    ["readAtLeast past the end", () => r.readAtLeast(5, new Uint8Array(4))],
    ["readAtLeast 0", () => r.readAtLeast(0, new Uint8Array(4))],
  ]) {
    await settle(log, k, f);
  }
  const pending = r.read(new Uint8Array(4));
  r.releaseLock();
  await settle(log, "read pending at releaseLock", () => pending);
  await settle(log, "read after releaseLock", () => r.read(new Uint8Array(4)));
  await r.closed.then(() => log("closed resolved"), (e) => log("closed after releaseLock ->", err(e)));

  let ctl;
  new ReadableStream({ type: "bytes", start(c) { ctl = c; } });
  for (const [k, f] of [
    ["enqueue a string", () => ctl.enqueue("text")],
    ["enqueue zero bytes", () => ctl.enqueue(new Uint8Array(0))],
    ["close", () => ctl.close()],
    ["enqueue after close", () => ctl.enqueue(new Uint8Array(1))],
    ["close after close", () => ctl.close()],
    ["new ReadableStreamBYOBRequest", () => new ReadableStreamBYOBRequest()],
    ["new ReadableByteStreamController", () => new ReadableByteStreamController()],
    ["autoAllocateChunkSize 0", () => new ReadableStream({ type: "bytes", autoAllocateChunkSize: 0 })],
    ["type other", () => new ReadableStream({ type: "other" })],
    ["byob reader of a default stream", () => new ReadableStream().getReader({ mode: "byob" })],
    ["mode other", () => new ReadableStream({ type: "bytes" }).getReader({ mode: "x" })],
    ["new ReadableStreamBYOBReader(default stream)", () => new ReadableStreamBYOBReader(new ReadableStream())],
    ["byob reader of a TransformStream", () => new TransformStream().readable.getReader({ mode: "byob" })],
  ]) {
    try {
      f();
      log(k, "ok");
    } catch (e) {
      log(k, "->", err(e));
    }
  }
  const chunk = new Uint8Array([1, 2]);
  new ReadableStream({ type: "bytes", start(c) { c.enqueue(chunk); } });
  log("enqueued chunk detached:", chunk.buffer.detached, chunk.byteLength);
  const failing = new ReadableStream({ type: "bytes", pull(c) { c.error(new RangeError("boom")); } });
  await settle(log, "errored stream", () => failing.getReader({ mode: "byob" }).read(new Uint8Array(2)));
  const cancelled = new ReadableStream({ type: "bytes", cancel(reason) { log("cancel called with", reason); } });
  const r3 = cancelled.getReader({ mode: "byob" });
  const p3 = r3.read(new Uint8Array(2));
  await r3.cancel("stop");
  await settle(log, "read pending at cancel", () => p3);
}

async function defaults(log) {
  const auto = new ReadableStream({ type: "bytes", autoAllocateChunkSize: 16, pull(c) { log("autoAllocate request", show(c.byobRequest.view)); c.byobRequest.view[0] = 42; c.byobRequest.respond(1); } });
  await settle(log, "default read, autoAllocateChunkSize 16", () => auto.getReader().read());
  const plain = new ReadableStream({ type: "bytes", pull(c) { log("request without autoAllocateChunkSize", show(c.byobRequest && c.byobRequest.view).slice(0, 40)); c.enqueue(new Uint8Array([9])); } });
  await settle(log, "default read", () => plain.getReader().read());
  const big = new ReadableStream({ type: "bytes", start(c) { c.enqueue(new Uint8Array(5000).fill(1)); c.close(); } });
  const rb = big.getReader();
  for (let i = 0; i < 3; i++) {
    const { done, value } = await rb.read();
    log("big chunk read", i, done, value && value.byteLength);
  }
  const [a, b] = new ReadableStream({ type: "bytes", start(c) { c.enqueue(new Uint8Array([1, 2, 3])); c.close(); } }).tee();
  await settle(log, "tee branch, byob", () => a.getReader({ mode: "byob" }).read(new Uint8Array(2)));
  await settle(log, "tee branch, default", () => b.getReader().read());
  const s1 = new ReadableStream({ start(c) { c.enqueue("abc"); c.enqueue("de"); log("size(): desiredSize", c.desiredSize); } }, { highWaterMark: 10, size(ch) { return ch.length; } });
  new ReadableStream({ start(c) { c.enqueue(1); log("CountQueuingStrategy: desiredSize", c.desiredSize); } }, new CountQueuingStrategy({ highWaterMark: 3 }));
  new ReadableStream({ start(c) { c.enqueue(new Uint8Array(5)); log("ByteLengthQueuingStrategy: desiredSize", c.desiredSize); } }, new ByteLengthQueuingStrategy({ highWaterMark: 16 }));
  const r1 = s1.getReader();
  await r1.read();
  log("after one read: locked", s1.locked);
  const throwing = new ReadableStream({ start(c) { try { c.enqueue(1); log("enqueue with a throwing size() returned"); } catch (e) { log("enqueue threw", err(e)); } } }, { size() { throw new Error("size failed"); } });
  await settle(log, "read of a stream whose size() threw", () => throwing.getReader().read());
  const bytes = new ReadableStream({ type: "bytes", start(c) { log("byte stream desiredSize", c.desiredSize); c.enqueue(new Uint8Array(3)); log("after enqueue", c.desiredSize); } }, { highWaterMark: 10 });
  log("byte stream locked", bytes.locked);
}

async function bodies(req, env, log) {
  const r = req.body.getReader({ mode: "byob" });
  log(r.constructor.name);
  await settle(log, "zero-length view", () => r.read(new Uint8Array(0)));
  await settle(log, "min past the end", () => r.read(new Uint8Array(4), { min: 5 }));
  const view = new Uint8Array(new ArrayBuffer(10), 2, 5);
  await settle(log, "first read", () => r.read(view));
  log("view detached:", view.buffer.detached);
  await settle(log, "readAtLeast 7", () => r.readAtLeast(7, new Uint8Array(8)));
  await settle(log, "Uint32Array min 2", () => r.read(new Uint32Array(2), { min: 2 }));
  const p = r.read(new Uint8Array(10));
  try {
    r.releaseLock();
    log("releaseLock with a read pending: ok");
  } catch (e) {
    log("releaseLock with a read pending ->", err(e));
  }
  await settle(log, "pending read", () => p);
  let total = 0;
  let reads = 0;
  let sum = 0;
  let buf = new ArrayBuffer(1000);
  for (;;) {
    const { value, done } = await r.read(new Uint8Array(buf));
    if (done) {
      log("end:", show(value));
      break;
    }
    for (const x of value) sum = (sum + x) % 65521;
    total += value.byteLength;
    reads++;
    buf = value.buffer;
  }
  log("rest of the body:", total, "bytes, checksum", sum, "in more than one read:", reads > 1);
  await settle(log, "read after the end", () => r.read(new Uint8Array(4)));

  const resp = await fetch(env.UPSTREAM + "/byob-body");
  const fr = resp.body.getReader({ mode: "byob" });
  const parts = [];
  for (;;) {
    const { done, value } = await fr.read(new Uint8Array(4));
    if (done) break;
    parts.push(new TextDecoder().decode(value));
  }
  log("fetched body:", parts.join("|").length > 0, parts.join(""));
  await settle(log, "Response(string) body", () => new Response("hello world").body.getReader({ mode: "byob" }).read(new Uint8Array(5)));
  await settle(log, "Blob stream", () => new Blob(["blob!"]).stream().getReader({ mode: "byob" }).read(new Uint8Array(3)));
  const [t1, t2] = new Response("teeeee").body.tee();
  await settle(log, "tee of a body", () => t1.getReader({ mode: "byob" }).read(new Uint8Array(3)));
  log("other branch", t2.getReader({ mode: "byob" }).constructor.name);
  const id = new IdentityTransformStream();
  log("IdentityTransformStream readable:", id.readable.getReader({ mode: "byob" }).constructor.name);
}

async function piping(log) {
  const encoder = new TextEncoder();
  const mk = () => new ReadableStream({ type: "bytes", start(c) { c.enqueue(encoder.encode("byte ")); c.enqueue(encoder.encode("stream")); c.close(); } });
  log("text():", await new Response(mk()).text());
  let piped = "";
  for await (const part of mk().pipeThrough(new TextDecoderStream())) piped += part;
  log("pipeThrough:", piped);
  let iterated = "";
  for await (const part of mk()) iterated += new TextDecoder().decode(part);
  log("async iteration:", iterated);
  const sizes = [];
  await mk().pipeTo(new WritableStream({ write(c) { sizes.push(c.byteLength); } }));
  log("pipeTo chunk sizes:", sizes.join(","));
  const br = new Response("xyz").body.getReader({ mode: "byob" });
  br.closed.then(() => log("body reader closed"));
  await settle(log, "body read", () => br.read(new Uint8Array(10)));
  await settle(log, "body read", () => br.read(new Uint8Array(10)));
  const cr = new Response("xyz").body.getReader({ mode: "byob" });
  await cr.cancel("why");
  await settle(log, "read after cancel", () => cr.read(new Uint8Array(2)));
  const er = new ReadableStream({ type: "bytes", start(c) { c.error(new TypeError("bad")); } }).getReader({ mode: "byob" });
  await er.closed.catch((e) => log("errored stream's closed ->", err(e)));
  for (const [k, mk] of [
    ["default stream", () => new ReadableStream()],
    ["closed stream", () => new ReadableStream({ start(c) { c.close(); } })],
    ["body", () => new Response("x").body],
  ]) {
    const r = mk().getReader();
    r.releaseLock();
    const timeout = new Promise((resolve) => setTimeout(() => resolve("pending"), 20));
    log(k, "closed after releaseLock:", await Promise.race([r.closed.then(() => "resolved", err), timeout]));
  }
  for (const [k, mk] of [
    ["CompressionStream", () => new CompressionStream("gzip").readable],
    ["DecompressionStream", () => new DecompressionStream("gzip").readable],
    ["TextEncoderStream", () => new TextEncoderStream().readable],
    ["FixedLengthStream", () => new FixedLengthStream(3).readable],
    ["ReadableStream.from", () => ReadableStream.from(["a"])],
    ["Request body", () => new Request("http://x", { method: "POST", body: "abc" }).body],
    ["FormData body", () => new Response(new FormData()).body],
    ["Blob body", () => new Response(new Blob(["x"])).body],
  ]) {
    try {
      log(k, "BYOB reader:", mk().getReader({ mode: "byob" }).constructor.name);
    } catch (e) {
      log(k, "BYOB reader ->", err(e));
    }
  }
}

export default {
  async fetch(req, env) {
    const out = [];
    const log = (...a) => out.push(a.join(" "));
    const path = new URL(req.url).pathname;
    if (path === "/byte-body") {
      let n = 0;
      return new Response(new ReadableStream({ type: "bytes", pull(c) { if (++n > 3) c.close(); else c.enqueue(new TextEncoder().encode(`part ${n};`)); } }));
    }
    if (path === "/error-first") return new Response(new ReadableStream({ pull(c) { c.error(new Error("no first chunk")); } }));
    if (path === "/error-later") {
      let n = 0;
      return new Response(new ReadableStream({
        async pull(c) {
          if (n++ === 0) return c.enqueue(new TextEncoder().encode("first chunk"));
          await new Promise((resolve) => setTimeout(resolve, 300));
          c.error(new Error("after the first chunk"));
        },
      }));
    }
    try {
      if (path === "/loop") await loop(log);
      if (path === "/respond") await respond(log);
      if (path === "/min") await minimum(log);
      if (path === "/errors") await errors(log);
      if (path === "/defaults") await defaults(log);
      if (path === "/bodies") await bodies(req, env, log);
      if (path === "/piping") await piping(log);
    } catch (e) {
      log("uncaught", err(e));
    }
    return new Response(out.join("\n") + "\n");
  },
};
