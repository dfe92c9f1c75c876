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
  class Console {
    constructor(options) {
      const stdout = options && typeof options.write === "function" ? options : options && options.stdout;
      if (!stdout || typeof stdout.write !== "function") {
        throw coded(TypeError, "ERR_CONSOLE_WRITABLE_STREAM", "Console expects a writable stream instance for stdout");
      }
      throw notImplemented("Console");
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
