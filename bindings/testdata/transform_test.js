// TransformStream and the pipes as workerd 1.20261117.1 answers (asked
// with the same probes).
(async () => {
  const names = (c) => Object.getOwnPropertyNames(c.prototype).sort().join();
  assertEq(names(TransformStream) + " | " + names(TransformStreamDefaultController),
    "constructor,readable,writable | constructor,desiredSize,enqueue,error,terminate", "members");
  assertThrows(() => new TransformStreamDefaultController(), "TypeError", "Illegal constructor");
  const readAllOf = async (rs) => {
    const r = rs.getReader();
    const got = [];
    for (;;) { const x = await r.read(); if (x.done) break; got.push(x.value); }
    return got.join();
  };

  const id = new TransformStream();
  assertEq(Object.prototype.toString.call(id) + " " + id.readable.constructor.name + " " + id.writable.constructor.name,
    "[object TransformStream] ReadableStream WritableStream", "identity types");
  const iw = id.writable.getWriter();
  const sizes = [iw.desiredSize];
  iw.write("a"); sizes.push(iw.desiredSize);
  iw.write("b"); sizes.push(iw.desiredSize);
  iw.close();
  assertEq(sizes.join(), "1,0,-1", "identity back-pressure");
  assertEq(await readAllOf(id.readable), "a,b", "identity chunks");

  const upper = new TransformStream({
    transform(c, ctl) { ctl.enqueue(c.toUpperCase()); },
    flush(ctl) { ctl.enqueue("!"); },
  });
  const uw = upper.writable.getWriter();
  uw.write("a"); uw.write("b"); uw.close();
  assertEq(await readAllOf(upper.readable), "A,B,!", "transform and flush");

  const term = new TransformStream({ start(c) { c.terminate(); } });
  await assertRejects(term.writable.getWriter().write(1), "TypeError", "The transform stream has been terminated");
  assertEq(JSON.stringify(await term.readable.getReader().read()), '{"done":true}', "terminated readable");
  assertEq(new TransformStream({}, { highWaterMark: 3 }).writable.getWriter().desiredSize, 3, "writable strategy");
  let ctl;
  new TransformStream({ start(c) { ctl = c; } });
  assertEq(ctl.desiredSize, 0, "controller desiredSize");

  // Pipes.
  const shout = new Response("hello").body.pipeThrough(new TransformStream({
    transform(c, ctl) { ctl.enqueue(new TextDecoder().decode(c).toUpperCase()); },
  }));
  assertEq(await readAllOf(shout), "HELLO", "pipeThrough");
  const lockedW = new WritableStream();
  lockedW.getWriter();
  await assertRejects(new Response("x").body.pipeTo(lockedW), "TypeError", "This WritableStream is currently locked to a writer");
  const lockedR = new Response("x").body;
  lockedR.getReader();
  await assertRejects(lockedR.pipeTo(new WritableStream()), "TypeError", "This ReadableStream is currently locked to a reader.");
  await assertRejects(new Response("x").body.pipeTo({}), "TypeError", "Failed to execute 'pipeTo' on 'ReadableStream': parameter 1 is not of type 'WritableStream'.");
  assertThrows(() => new Response("x").body.pipeThrough({}), "TypeError", "Incorrect type for the 'readable' field on 'Transform': the provided value is not of type 'ReadableStream'.");

  const ac = new AbortController();
  ac.abort();
  let ab;
  const why = await new ReadableStream({ pull(c) { c.enqueue(1); } }).pipeTo(new WritableStream({
    write() { return new Promise(() => {}); }, abort(r) { ab = r; },
  }), { signal: ac.signal }).catch((e) => e.name + ": " + e.message);
  assertEq(why, "AbortError: The operation was aborted", "an aborted signal");
  assertEq(ab.name, "AbortError", "the signal's reason aborts the destination");

  let srcAb;
  await assertRejects(new ReadableStream({ start(c) { c.error(new RangeError("src")); } })
    .pipeTo(new WritableStream({ abort(r) { srcAb = r; } })), "RangeError", "src");
  assertEq(srcAb.message, "src", "a source error aborts the destination");
  const keep = new WritableStream();
  await new ReadableStream({ start(c) { c.error(new RangeError("src")); } }).pipeTo(keep, { preventAbort: true }).catch(() => {});
  assertEq(keep.locked, false, "preventAbort releases the destination");

  let closed = false;
  await new Response("ab").body.pipeTo(new WritableStream({ close() { closed = true; } }));
  assertEq(closed, true, "close propagates forward");
  closed = false;
  const open = new WritableStream({ close() { closed = true; } });
  await new Response("ab").body.pipeTo(open, { preventClose: true });
  assertEq(closed + " " + open.locked, "false false", "preventClose");

  let cancelled;
  await assertRejects(new ReadableStream({ pull(c) { c.enqueue(1); }, cancel(r) { cancelled = r; } })
    .pipeTo(new WritableStream({ write() { throw new Error("dst"); } })), "Error", "dst");
  assertEq(cancelled.message, "dst", "a destination error cancels the source");

  // Back-pressure: a slow sink holds the source's pulls.
  let pulls = 0;
  const slowSource = new ReadableStream({ pull(c) { pulls++; c.enqueue(pulls); if (pulls === 20) c.close(); } });
  const seen = [];
  await slowSource.pipeTo(new WritableStream({
    write(c) { seen.push(c + ":" + pulls); return new Promise((r) => setTimeout(r, 1)); },
  }));
  assertEq(seen.length, 20, "every chunk written");
  assertEq(seen.every((s) => { const [c, p] = s.split(":").map(Number); return p - c <= 3; }), true, "pulls wait for the sink: " + seen.join(" "));
})()
