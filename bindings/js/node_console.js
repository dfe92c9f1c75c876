// node:console (https://nodejs.org/api/console.html) as workerd gives it:
// the default export is the global console, which importing the module
// gives Node's internal members (and context and createTask that throw
// ERR_METHOD_NOT_IMPLEMENTED); the named exports are its methods, the
// Console class (which needs a writable stream, and workers have none to
// give it) and those two.
(function (h) {
  "use strict";
  const { coded, notImplemented } = h.errors;
  const names = ["assert", "clear", "count", "countReset", "debug", "dir", "dirxml", "error", "group", "groupCollapsed", "groupEnd",
    "info", "log", "profile", "profileEnd", "table", "time", "timeEnd", "timeLog", "timeStamp", "trace", "warn"];
  const writable = (s) => s !== null && typeof s === "object" && typeof s.write === "function";
  // Console writes formatted lines to the streams it is given (Node's
  // stdout and stderr, or any Writable), with the group indentation,
  // counters and timers of the global console.
  class Console {
    constructor(options, stderrArg) {
      const stdout = writable(options) ? options : options && options.stdout;
      const stderr = writable(options) ? stderrArg || options : (options && options.stderr) || stdout;
      if (!writable(stdout)) throw coded(TypeError, "ERR_CONSOLE_WRITABLE_STREAM", "Console expects a writable stream instance for stdout");
      const util = h.require("util");
      let indent = "";
      const counts = new Map();
      const timers = new Map();
      // out writes to stream as Node's Console does, which listens for the
      // stream's errors around each write, so a stream without
      // removeListener fails there.
      const out = (stream) => (...args) => {
        if (typeof stream.removeListener !== "function") throw new TypeError("stream.removeListener is not a function");
        stream.write(indent + util.format(...args).split("\n").join("\n" + indent) + "\n");
      };
      const log = out(stdout), warn = out(stderr);
      const label = (l) => (l === undefined ? "default" : String(l));
      const methods = {
        log, info: log, debug: log, warn, error: warn,
        dir: (v) => log(util.inspect(v)),
        time: (l) => { timers.set(label(l), Date.now()); },
        timeEnd: (l) => { const t = timers.get(label(l)); timers.delete(label(l)); if (t !== undefined) log(`${label(l)}: ${Date.now() - t}ms`); },
        timeLog: (l, ...data) => { const t = timers.get(label(l)); if (t !== undefined) log(`${label(l)}: ${Date.now() - t}ms`, ...data); },
        trace: (...args) => warn("Trace: " + util.format(...args)),
        assert: (ok, ...args) => { if (!ok) warn(args.length ? "Assertion failed: " + util.format(...args) : "Assertion failed"); },
        clear: () => {},
        count: (l) => { const n = (counts.get(label(l)) || 0) + 1; counts.set(label(l), n); log(`${label(l)}: ${n}`); },
        countReset: (l) => { counts.delete(label(l)); },
        group: (...args) => { if (args.length) log(...args); indent += "  "; },
        groupEnd: () => { indent = indent.slice(2); },
        table: (v) => log(v),
        dirxml: log,
      };
      methods.groupCollapsed = methods.group;
      Object.assign(this, methods);
    }
  }
  const named = { Console };
  for (const name of names) {
    const fn = console[name];
    named[name] = typeof fn === "function" ? (...args) => fn.apply(console, args) : () => {};
  }
  named.context = () => { throw notImplemented("Console.context"); };
  named.createTask = () => { throw notImplemented("Console.createTask"); };
  // SyncWriteStream is Node's stream over a file descriptor, which
  // console._stdout and _stderr are; writes go nowhere.
  class SyncWriteStream extends h.require("stream").Writable {
    constructor(fd) {
      super();
      this.fd = fd;
      this.readable = false;
    }
    _write(chunk, encoding, cb) { cb(); }
  }
  Object.assign(console, {
    Console,
    context: named.context,
    createTask: named.createTask,
    _times: new Map(),
    _ignoreErrors: true,
    _stderrErrorHandler() {},
    _stdoutErrorHandler() {},
    _stderr: new SyncWriteStream(2),
    _stdout: new SyncWriteStream(1),
  });
  return h.errors.esModule(console, named);
})
