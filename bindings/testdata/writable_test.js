// WritableStream as workerd 1.20261117.1 answers (asked with the same
// probes): back-pressure through desiredSize and ready, the errors of a
// locked, closed or released stream, abort and the controller's signal.
(async () => {
  const names = (c) => Object.getOwnPropertyNames(c.prototype).sort().join();
  assertEq(names(WritableStream), "abort,close,constructor,getWriter,locked", "WritableStream members");
  assertEq(names(WritableStreamDefaultWriter), "abort,close,closed,constructor,desiredSize,ready,releaseLock,write", "writer members");
  assertThrows(() => new WritableStreamDefaultController(), "TypeError", "Illegal constructor");
  assertThrows(() => new WritableStreamDefaultWriter({}), "TypeError", "Failed to construct 'WritableStreamDefaultWriter': constructor parameter 1 is not of type 'WritableStream'.");

  const locked = new WritableStream();
  locked.getWriter();
  assertThrows(() => locked.getWriter(), "TypeError", "This WritableStream is currently locked to a writer.");
  await assertRejects(locked.abort(), "TypeError", "This WritableStream is currently locked to a writer.");
  await assertRejects(locked.close(), "TypeError", "This WritableStream is currently locked to a writer.");
  assertThrows(() => new WritableStream({}, { highWaterMark: -1 }), "TypeError", "The value cannot be converted because it is negative and this API expects a positive bigint.");
  assertThrows(() => new WritableStream({}, { highWaterMark: NaN }), "TypeError", "The value cannot be converted because it is not an integer.");
  assertEq(new WritableStream({}, { highWaterMark: 1.5 }).getWriter().desiredSize, 1, "highWaterMark truncated");

  // Back-pressure: desiredSize falls with each queued write and ready waits.
  const chunks = [];
  const slow = new WritableStream({
    write(c) { chunks.push(c); return new Promise((r) => setTimeout(r, 5)); },
  }, new CountQueuingStrategy({ highWaterMark: 2 }));
  const w = slow.getWriter();
  const sizes = [w.desiredSize];
  w.write(1); sizes.push(w.desiredSize);
  w.write(2); sizes.push(w.desiredSize);
  w.write(3); sizes.push(w.desiredSize);
  await w.ready; sizes.push(w.desiredSize);
  await w.close(); sizes.push(w.desiredSize);
  assertEq(sizes.join(" ") + " " + chunks.join(), "2 1 0 -1 1 0 1,2,3", "back-pressure");

  const closed = new WritableStream().getWriter();
  closed.close();
  await assertRejects(closed.write(1), "TypeError", "This WritableStream has been closed.");
  await assertRejects(closed.close(), "TypeError", "This WritableStream has been closed.");
  const rel = new WritableStream().getWriter();
  rel.releaseLock();
  await assertRejects(rel.write(1), "TypeError", "This WritableStream writer has been released.");
  await assertRejects(rel.closed, "TypeError", "This WritableStream writer has been released.");
  await assertRejects(rel.ready, "TypeError", "This WritableStream writer has been released.");
  assertThrows(() => rel.desiredSize, "TypeError", "This WritableStream writer has been released.");

  // abort() reaches the sink and the controller's signal; writes fail with the reason.
  let ctrl, got;
  const aborted = new WritableStream({ start(c) { ctrl = c; }, abort(r) { got = r; } });
  const aw = aborted.getWriter();
  await aw.abort(new RangeError("x"));
  assertEq(got.message + " " + ctrl.signal.aborted + " " + ctrl.signal.reason.message, "x true x", "abort reached the sink");
  await assertRejects(aw.write(1), "RangeError", "x");
  const pending = new WritableStream({ write() { return new Promise((r) => setTimeout(r, 5)); } }).getWriter();
  const p1 = pending.write(1).then(() => "ok", (e) => "E" + e);
  const p2 = pending.write(2).then(() => "ok", (e) => "E" + e);
  await pending.abort("r");
  assertEq(await p1 + " " + await p2, "ok Er", "the write in flight finishes, the queued one fails");
  const log = [];
  const syncStart = new WritableStream({ write(c) { log.push("w" + c); } }).getWriter();
  syncStart.write(1);
  log.push("after");
  const asyncStart = new WritableStream({ start() { return Promise.resolve(); }, write(c) { log.push("w" + c); } }).getWriter();
  const p3 = asyncStart.write(2).then(() => "ok", (e) => "E" + e);
  await asyncStart.abort("r");
  assertEq(log.join() + " " + await p3, "w1,after Er", "a start() with no promise starts at once");

  // The controller's error() and a sink that throws.
  let ec;
  const errored = new WritableStream({ start(c) { ec = c; } }).getWriter();
  ec.error(new TypeError("boom"));
  await assertRejects(errored.closed, "TypeError", "boom");
  assertEq(errored.desiredSize, null, "errored desiredSize");
  const sink = new WritableStream({ write() { throw new Error("sink"); } }).getWriter();
  await assertRejects(sink.write(1), "Error", "sink");
  await assertRejects(sink.write(2), "Error", "sink");
  const sized = new WritableStream({}, { size() { throw new Error("sz"); } }).getWriter();
  await assertRejects(sized.write(1), "Error", "sz");
  await assertRejects(sized.closed, "Error", "sz");
  const done = new WritableStream().getWriter();
  await done.close();
  assertEq(await done.abort("x"), undefined, "abort after close");

  // Queuing strategies.
  const count = new CountQueuingStrategy({ highWaterMark: 3 });
  assertEq(count.highWaterMark + " " + count.size("abc") + " [" + count.size.name + "] " + count.size.length, "3 1 [] 0", "CountQueuingStrategy");
  const bytes = new ByteLengthQueuingStrategy({ highWaterMark: 3 });
  assertEq(bytes.highWaterMark + " " + bytes.size(new Uint8Array(7)), "3 7", "ByteLengthQueuingStrategy");
  assertThrows(() => new CountQueuingStrategy(), "TypeError", "Failed to construct 'CountQueuingStrategy': constructor parameter 1 is not of type 'QueuingStrategyInit'.");
  assertEq(Number.isNaN(new CountQueuingStrategy({}).highWaterMark), true, "no highWaterMark is NaN");
  assertEq([new WritableStream(), new WritableStream().getWriter(), count].map((x) => Object.prototype.toString.call(x)).join(),
    "[object WritableStream],[object WritableStreamDefaultWriter],[object CountQueuingStrategy]", "toStringTag");
})()
