// node:process and the process global (https://nodejs.org/api/process.html),
// as workerd gives them: env holds the worker's text and JSON variables and
// secrets (h.env()), nextTick queues a microtask, and the platform facts
// are workerd's fixed ones.
(function (h) {
  "use strict";
  const start = Date.now();
  const process = {
    env: {},
    version: "v22.23.4",
    versions: { node: "22.23.4" },
    platform: "linux",
    arch: "x64",
    title: "workerd",
    argv: [],
    argv0: "workerd",
    execArgv: [],
    pid: 1,
    ppid: 0,
    exitCode: undefined,
    release: { name: "node" },
    features: {},
    nextTick(fn, ...args) {
      if (typeof fn !== "function") {
        const err = new TypeError(`The "callback" argument must be of type function. Received ${fn === null ? "null" : typeof fn}`);
        err.code = "ERR_INVALID_ARG_TYPE";
        throw err;
      }
      queueMicrotask(() => fn(...args));
    },
    cwd() { return "/bundle"; },
    uptime() { return (Date.now() - start) / 1000; },
    hrtime: Object.assign(function hrtime(prev) {
      const ns = BigInt(Math.round(performance.now() * 1e6));
      let s = Number(ns / 1000000000n), n = Number(ns % 1000000000n);
      if (prev) { s -= prev[0]; n -= prev[1]; if (n < 0) { s--; n += 1e9; } }
      return [s, n];
    }, { bigint() { return BigInt(Math.round(performance.now() * 1e6)); } }),
    emitWarning(warning) { console.warn(typeof warning === "string" ? "Warning: " + warning : String(warning)); },
    memoryUsage() { return { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 }; },
  };
  return process;
})
