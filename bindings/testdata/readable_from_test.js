// ReadableStream.from and async iteration as workerd 1.20261117.1 answers.
(async () => {
  // goja has no for await, which esbuild lowers in user scripts.
  const all = async (rs) => {
    const it = rs[Symbol.asyncIterator]();
    const got = [];
    for (let r = await it.next(); !r.done; r = await it.next()) got.push(r.value);
    return got.join();
  };
  const firstThenBreak = async (it) => { await it.next(); await it.return(); };
  assertEq(await all(ReadableStream.from([1, 2, 3])), "1,2,3", "array");
  assertEq(await all(ReadableStream.from((function* () { yield "a"; yield "b"; })())), "a,b", "generator");
  // An async iterable (goja has no async generators; esbuild lowers them
  // in user scripts to objects like this one).
  const queue = ["x", "y"];
  const asyncIterable = { [Symbol.asyncIterator]() { return { next: async () => (queue.length ? { value: queue.shift(), done: false } : { done: true }) }; } };
  assertEq(await all(ReadableStream.from(asyncIterable)), "x,y", "async iterable");
  assertEq(await all(ReadableStream.from("ab")), "a,b", "string");
  for (const bad of [1, null, {}]) {
    assertThrows(() => ReadableStream.from(bad), "TypeError", "Failed to execute 'from' on 'ReadableStream': parameter 1 is not of type 'AsyncGenerator'.");
  }
  await assertRejects(all(ReadableStream.from((function* () { yield 1; throw new RangeError("gen"); })())), "RangeError", "gen");
  let ret = false;
  const it = { [Symbol.iterator]() { return { next() { return { value: 1, done: false }; }, return() { ret = true; return {}; } }; } };
  await ReadableStream.from(it).cancel("r");
  assertEq(ret, true, "cancel calls return()");
  assertEq(ReadableStream.from.length, 0, "from.length");

  let cancelled = false;
  const kept = new ReadableStream({ pull(c) { c.enqueue(1); }, cancel() { cancelled = true; } });
  await firstThenBreak(kept.values({ preventCancel: true }));
  assertEq(cancelled + " " + kept.locked, "false false", "values({preventCancel})");
  const dropped = new ReadableStream({ pull(c) { c.enqueue(1); }, cancel() { cancelled = true; } });
  await firstThenBreak(dropped[Symbol.asyncIterator]());
  assertEq(cancelled + " " + dropped.locked, "true false", "break cancels");
})()
