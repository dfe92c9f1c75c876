// node:process and the process global (https://nodejs.org/api/process.html),
// as workerd gives them: an EventEmitter whose env holds the worker's text
// variables and secrets (node_process.go), whose nextTick queues a
// microtask, whose platform facts are workerd's fixed ones, and whose
// process-level functions (signals, ids, bindings, reports) answer as a
// worker's do: fixed values, EPERM, or ERR_METHOD_NOT_IMPLEMENTED.
(function (h) {
  "use strict";
  const EventEmitter = h.require("events");
  const { argType, coded, notImplemented, received } = h.errors;
  const start = Date.now();
  // withLength gives fn Node's arity for the function it stands for.
  const withLength = (fn, n) => Object.defineProperty(fn, "length", { value: n });
  const fail = (name, n = 0) => withLength(function () { throw notImplemented("process." + name); }, n);
  const noop = () => {};
  // fsError is the error of a file-system call (code ENOENT, EPERM).
  function fsError(code, text, syscall, path) {
    const err = new Error(`${text}, ${syscall}` + (path === undefined ? "" : ` '${path}'`));
    err.code = code;
    err.syscall = syscall;
    if (path !== undefined) err.path = path;
    return err;
  }
  const eperm = (syscall, n = 1) => withLength(function () {
    const err = new Error("operation not permitted");
    err.code = "EPERM";
    err.errno = 1;
    err.syscall = syscall;
    throw err;
  }, n);
  let cwd = "/bundle";
  const dirs = new Set(["/", "/bundle", "/tmp", "/dev"]);
  function chdir(directory) {
    if (typeof directory !== "string") throw argType("directory", "string", directory);
    const parts = [];
    for (const seg of (directory.startsWith("/") ? directory : cwd + "/" + directory).split("/")) {
      if (seg === "" || seg === ".") continue;
      if (seg === "..") parts.pop();
      else parts.push(seg);
    }
    const target = "/" + parts.join("/");
    if (!dirs.has(target)) throw fsError("ENOENT", "no such file or directory", "chdir", parts.join("/"));
    cwd = target;
  }
  function hrtime(prev) {
    const ns = BigInt(Math.round(performance.now() * 1e6));
    let s = Number(ns / 1000000000n), n = Number(ns % 1000000000n);
    if (prev !== undefined) {
      if (!Array.isArray(prev)) {
        throw coded(TypeError, "ERR_INVALID_ARG_TYPE", `The "time" argument must be tuple of integers.${received(prev)}`);
      }
      s -= prev[0];
      n -= prev[1];
      if (n < 0) { s--; n += 1e9; }
    }
    return [s, n];
  }
  hrtime.bigint = () => BigInt(Math.round(performance.now() * 1e6));
  // stdioClasses makes, on first use of process.stdin, stdout or stderr
  // (so that a worker that never touches them does not load node:stream),
  // SyncWriteStream, whose writes go to the log a line at a time as
  // workerd's do, and ReadStream, which never reads anything.
  let classes;
  function stdioClasses() {
    if (classes) return classes;
    const { Writable, Readable } = h.require("stream");
    class SyncWriteStream extends Writable {
      #log;
      constructor(fd, log) {
        super();
        this.fd = fd;
        this.readable = false;
        this.#log = log;
      }
      _write(chunk, encoding, cb) {
        this.#log(String(chunk).replace(/\n$/, ""));
        cb();
      }
    }
    class ReadStream extends Readable {
      constructor(fd) {
        super();
        this.fd = fd;
      }
      _read() {}
    }
    classes = { SyncWriteStream, ReadStream };
    return classes;
  }
  const stdio = {};
  const stream = (name, make) => ({
    enumerable: true,
    configurable: true,
    get() { return stdio[name] || (stdio[name] = make()); },
    set(v) { stdio[name] = v; },
  });
  function emitWarning(warning, type, code, ctor) {
    let w = warning;
    if (typeof w === "string") {
      w = new Error(w);
      w.name = typeof type === "string" ? type : (type && type.type) || "Warning";
      if (typeof code === "string") w.code = code;
    }
    queueMicrotask(() => {
      if (process.listenerCount("warning") > 0) process.emit("warning", w);
      else console.warn(`${w.name}: ${w.message}`);
    });
  }
  function nextTick(fn, ...args) {
    queueMicrotask(() => fn(...args));
  }
  function exit(code) {
    throw new Error(`The Node.js process.exit(${code === undefined ? process.exitCode || 0 : code}) API was called. Canceling the request.`);
  }
  function processAssert(value, message) {
    if (arguments.length === 0) {
      const { AssertionError } = h.require("assert");
      throw new AssertionError({ message: "No value argument passed to `assert.ok()`", operator: "==" });
    }
    h.require("assert").ok(value, message);
  }
  const process = Object.create(EventEmitter.prototype);
  const members = {
    assert: processAssert,
    version: "v22.23.4",
    versions: Object.freeze(Object.fromEntries(["node", "v8", "modules", "zlib", "brotli", "zstd", "ares", "napi", "llhttp", "nghttp2", "acorn",
      "ada", "simdutf", "nbytes", "ncrypto", "uvwasi", "uv", "openssl", "sqlite", "icu", "undici", "simdjson", "unicode", "cldr", "tz",
      "cjs_module_lexer", "amaro", "merve"].map((k) => [k, k === "node" ? "22.23.4" : ""]))),
    title: "workerd",
    argv: ["workerd"],
    argv0: "workerd",
    execArgv: [],
    arch: "x64",
    platform: "linux",
    config: Object.freeze(h.constants("processConfig")),
    pid: 1,
    ppid: 0,
    getegid() { return 0; },
    getgid() { return 0; },
    getgroups() { return [0]; },
    geteuid() { return 0; },
    getuid() { return 0; },
    setegid: eperm("setegid"),
    setgid: eperm("setgid"),
    setgroups: eperm("setgroups"),
    seteuid: eperm("seteuid"),
    setuid: eperm("setuid"),
    initgroups: eperm("initgroups", 2),
    setSourceMapsEnabled(enabled, options) {},
    getSourceMapsSupport() { return { enabled: false, nodeModules: false, generatedCode: false }; },
    nextTick,
    emitWarning,
    env: {},
    exit,
    abort() { exit(1); },
    getBuiltinModule(id) {
      if (typeof id !== "string") return undefined;
      const name = id.startsWith("node:") ? id.slice(5) : id;
      if (!h.constants("builtinModules").includes(name)) return undefined;
      try {
        return h.require(name);
      } catch {
        return undefined;
      }
    },
    features: Object.freeze({ cached_builtins: true, debug: false, inspector: false, ipv6: true, openssl_is_boringssl: true, require_module: false,
      tls: true, tls_alpn: true, tls_ocsp: true, tls_sni: true, typescript: false, uv: true }),
    allowedNodeEnvironmentFlags: new Set(),
    kill(pid, signal) { exit(1); },
    ref: noop,
    unref: noop,
    chdir,
    cwd() { return cwd; },
    umask(mask) { return 0o22; },
    hrtime,
    uptime() { return (Date.now() - start) / 1000; },
    loadEnvFile(path = ".env") {
      const full = String(path).startsWith("/") ? String(path) : cwd + "/" + path;
      throw fsError("ENOENT", "no such file or directory", "readAll", full);
    },
    exitCode: undefined,
    channel: null,
    connected: false,
    binding: fail("binding", 1),
    debugPort: 0,
    dlopen: fail("dlopen", 3),
    finalization: { register: fail("finalization.register"), registerBeforeExit: fail("finalization.registerBeforeExit"), unregister: fail("finalization.unregister") },
    getActiveResourcesInfo: fail("getActiveResourcesInfo"),
    setUncaughtExceptionCaptureCallback: fail("setUncaughtExceptionCaptureCallback", 1),
    hasUncaughtExceptionCaptureCallback: fail("hasUncaughtExceptionCaptureCallback"),
    memoryUsage: Object.assign(function memoryUsage() { return { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 }; }, { rss: () => 0 }),
    noDeprecation: false,
    permission: { has: fail("permission.has") },
    release: { name: "node", lts: true, sourceUrl: "", headersUrl: "" },
    report: {
      compact: false, directory: "", filename: "", getReport() { return {}; }, reportOnFatalError: false, reportOnSignal: false,
      reportOnUncaughtException: false, excludeNetwork: false, excludeEnv: false, signal: "SIGUSR2", writeReport: fail("report.writeReport"),
    },
    resourceUsage() {
      return Object.fromEntries(["userCPUTime", "systemCPUTime", "maxRSS", "sharedMemorySize", "unsharedDataSize", "unsharedStackSize",
        "minorPageFault", "majorPageFault", "swappedOut", "fsRead", "fsWrite", "ipcSent", "ipcReceived", "signalsCount",
        "voluntaryContextSwitches", "involuntaryContextSwitches"].map((k) => [k, 0]));
    },
    send(message, handle) { return false; },
    traceDeprecation: false,
    throwDeprecation: false,
    sourceMapsEnabled: false,
    threadCpuUsage: fail("threadCpuUsage"),
    cpuUsage: fail("cpuUsage", 1),
    execPath: "",
    constrainedMemory() { return 0; },
    availableMemory() { return 0; },
    execve(file, args, env) { exit(1); },
    openStdin() { return process.stdin; },
    _rawDebug(...args) { console.log(...args); },
    moduleLoadList: [],
    _linkedBinding: fail("_linkedBinding", 1),
    domain: null,
    _exiting: false,
    _getActiveRequests() { return []; },
    _getActiveHandles() { return []; },
    reallyExit(code) { exit(code); },
    _kill(pid, signal) { exit(1); },
    _fatalException(er) { return false; },
    _tickCallback: noop,
    _debugProcess(pid) {},
    _debugEnd: noop,
    _startProfilerIdleNotifier: noop,
    _stopProfilerIdleNotifier: noop,
    _preload_modules: [],
    _disconnect: undefined,
    _handleQueue: undefined,
    _pendingMessage: undefined,
    _channel: undefined,
    _send: undefined,
  };
  Object.assign(process, members);
  EventEmitter.init.call(process);
  Object.defineProperties(process, {
    stdin: stream("stdin", () => new (stdioClasses().ReadStream)(0)),
    stdout: stream("stdout", () => new (stdioClasses().SyncWriteStream)(1, (s) => console.log(s))),
    stderr: stream("stderr", () => new (stdioClasses().SyncWriteStream)(2, (s) => console.error(s))),
    [Symbol.toStringTag]: { value: "process", configurable: true },
  });
  process.on("newListener", noop);
  return process;
})
