// node:stream's iterator helpers on Readable
// (https://nodejs.org/api/stream.html#readablemapfn-options): map, filter,
// flatMap, drop, take and asIndexedPairs make a new Readable; forEach,
// toArray, some, every, find and reduce give a promise. map, filter,
// flatMap and forEach run up to options.concurrency calls at once and
// keep the source's order.
(function (lib) {
  "use strict";
  const { codeError, Readable } = lib;
  const SKIP = {};
  const DONE = {};

  function checkFn(fn) {
    if (typeof fn !== "function") throw lib.invalidArgType("fn", "of type function or an instance of AsyncFunction", fn);
  }
  function concurrencyOf(opts) {
    const c = opts && opts.concurrency !== undefined ? opts.concurrency : 1;
    if (typeof c !== "number" || !(c >= 1)) throw codeError(RangeError, "ERR_OUT_OF_RANGE", `The value of "options.concurrency" is out of range. It must be >= 1 && <= 2147483647. Received ${String(c)}`);
    return Math.floor(c);
  }

  // mapped iterates stream's chunks through fn, up to concurrency calls
  // at once, in the source's order; fn's SKIP results are dropped.
  function mapped(stream, fn, opts) {
    const concurrency = concurrencyOf(opts);
    const signal = opts && opts.signal;
    const it = stream[Symbol.asyncIterator]();
    const queue = [];
    let chain = Promise.resolve(), srcDone = false, over = false;
    const pull = () => {
      const step = chain.then(() => (srcDone ? { done: true } : it.next()));
      chain = step.then((s) => { if (s.done) srcDone = true; }, () => { srcDone = true; });
      return step.then((s) => (s.done ? DONE : fn(s.value, { signal })));
    };
    const fill = () => { while (!srcDone && queue.length < concurrency) queue.push(pull()); };
    return {
      async next() {
        for (;;) {
          if (over) return { value: undefined, done: true };
          fill();
          if (!queue.length) { over = true; return { value: undefined, done: true }; }
          let v;
          try { v = await queue.shift(); } catch (e) { over = true; await it.return(); throw e; }
          if (v === DONE) { over = true; return { value: undefined, done: true }; }
          if (v !== SKIP) return { value: v, done: false };
        }
      },
      async return() { over = true; await it.return(); return { value: undefined, done: true }; },
      [Symbol.asyncIterator]() { return this; },
    };
  }
  const toReadable = (iter) => Readable.from(iter, { objectMode: true });

  // flattened yields the items of each iterable iter gives.
  function flattened(iter) {
    let inner = null;
    return {
      async next() {
        for (;;) {
          if (inner) {
            const s = await inner.next();
            if (!s.done) return s;
            inner = null;
          }
          const o = await iter.next();
          if (o.done) return o;
          const v = o.value;
          if (v && typeof v[Symbol.asyncIterator] === "function") inner = v[Symbol.asyncIterator]();
          else if (v && typeof v !== "string" && typeof v[Symbol.iterator] === "function") inner = v[Symbol.iterator]();
          else return { value: v, done: false };
        }
      },
      async return() { if (inner && inner.return) await inner.return(); return iter.return(); },
      [Symbol.asyncIterator]() { return this; },
    };
  }

  // consume runs iter to its end or until stop returns true.
  async function consume(iter, onValue) {
    for (;;) {
      const s = await iter.next();
      if (s.done) return false;
      if (onValue(s.value) === true) { await iter.return(); return true; }
    }
  }

  function countOf(n, name) {
    const v = Number(n);
    if (Number.isNaN(v) || v < 0) throw codeError(RangeError, "ERR_OUT_OF_RANGE", `The value of "${name}" is out of range. It must be >= 0. Received ${String(n)}`);
    return Math.floor(v);
  }

  const ops = {
    map(fn, opts) { checkFn(fn); return toReadable(mapped(this, fn, opts)); },
    filter(fn, opts) {
      checkFn(fn);
      return toReadable(mapped(this, async (v, o) => ((await fn(v, o)) ? v : SKIP), opts));
    },
    flatMap(fn, opts) { checkFn(fn); return toReadable(flattened(mapped(this, fn, opts))); },
    asIndexedPairs(opts) {
      let i = 0;
      return toReadable(mapped(this, (v) => [i++, v], opts && { signal: opts.signal }));
    },
    drop(n, opts) {
      let left = countOf(n, "number");
      return toReadable(mapped(this, (v) => (left > 0 ? (left--, SKIP) : v), opts && { signal: opts.signal }));
    },
    take(n, opts) {
      const limit = countOf(n, "number");
      const iter = mapped(this, (v) => v, opts && { signal: opts.signal });
      let taken = 0;
      return toReadable({
        async next() {
          if (taken >= limit) { await iter.return(); return { value: undefined, done: true }; }
          taken++;
          return iter.next();
        },
        return() { return iter.return(); },
        [Symbol.asyncIterator]() { return this; },
      });
    },
    async forEach(fn, opts) {
      checkFn(fn);
      await consume(mapped(this, async (v, o) => { await fn(v, o); return SKIP; }, opts), () => {});
    },
    async toArray(opts) {
      const out = [];
      await consume(mapped(this, (v) => v, opts && { signal: opts.signal }), (v) => { out.push(v); });
      return out;
    },
    async some(fn, opts) {
      checkFn(fn);
      return consume(mapped(this, async (v, o) => ((await fn(v, o)) ? true : SKIP), opts), () => true);
    },
    async every(fn, opts) {
      checkFn(fn);
      return !(await consume(mapped(this, async (v, o) => ((await fn(v, o)) ? SKIP : true), opts), () => true));
    },
    async find(fn, opts) {
      checkFn(fn);
      let found;
      await consume(mapped(this, async (v, o) => ((await fn(v, o)) ? { v } : SKIP), opts), (box) => { found = box.v; return true; });
      return found;
    },
    async reduce(fn, initial, opts) {
      checkFn(fn);
      let acc = initial, has = arguments.length >= 2;
      const iter = mapped(this, (v) => v, opts && { signal: opts.signal });
      for (;;) {
        const s = await iter.next();
        if (s.done) break;
        if (!has) { acc = s.value; has = true; } else acc = await fn(acc, s.value, { signal: opts && opts.signal });
      }
      if (!has) throw codeError(TypeError, "ERR_MISSING_ARGS", "Reduce of an empty stream requires an initial value");
      return acc;
    },
  };
  for (const [name, fn] of Object.entries(ops)) {
    Object.defineProperty(Readable.prototype, name, { value: fn, writable: true, configurable: true });
  }
})
