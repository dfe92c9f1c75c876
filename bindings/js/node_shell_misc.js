// node:trace_events, node:wasi, node:domain and node:repl
// (https://nodejs.org/api/) as workerd gives them: tracing that records
// nothing, a WASI class that cannot be made, domains that run nothing in
// particular, and a REPL that cannot start.
(function (h, name) {
  "use strict";
  const { argType, coded, notImplemented, received, thrower } = h.errors;
  const EventEmitter = h.require("events");
  function traceEvents() {
    class Tracing {
      #categories;
      #enabled = false;
      constructor(categories) { this.#categories = categories; }
      enable() { this.#enabled = true; }
      disable() { this.#enabled = false; }
      get enabled() { return this.#enabled; }
      get categories() { return this.#categories; }
    }
    return {
      createTracing(options) {
        if (options === null || typeof options !== "object") throw argType("options", "object", options);
        if (!Array.isArray(options.categories)) {
          throw coded(TypeError, "ERR_INVALID_ARG_TYPE", `The "options.categories" property must be an instance of Array.${received(options.categories)}`);
        }
        return new Tracing(options.categories.join(","));
      },
      getEnabledCategories() {},
    };
  }
  function wasi() {
    class WASI {
      constructor() { throw notImplemented("WASI"); }
    }
    return { WASI };
  }
  function domain() {
    class Domain extends EventEmitter {
      constructor() {
        super();
        this.members = [];
      }
      _errorHandler(err) { throw err; }
      enter() {}
      exit() {}
      add() {}
      remove() {}
      run(fn, ...args) { return fn.apply(this, args); }
      intercept(fn) { return fn; }
      bind(fn) { return fn; }
    }
    const createDomain = () => new Domain();
    return { Domain, active: null, createDomain, create: createDomain() };
  }
  function repl() {
    class Recoverable extends SyntaxError {
      constructor(err) {
        super();
        this.err = err;
      }
    }
    class REPLServer {
      constructor() { throw notImplemented("REPLServer"); }
    }
    const builtinModules = h.constants("builtinModules").filter((m) => !m.startsWith("_"));
    return {
      writer: thrower("writer"),
      start: thrower("start"),
      Recoverable,
      REPLServer,
      builtinModules,
      _builtinLibs: builtinModules,
      REPL_MODE_SLOPPY: Symbol("repl-sloppy"),
      REPL_MODE_STRICT: Symbol("repl-strict"),
    };
  }
  return { trace_events: traceEvents, wasi, domain, repl }[name]();
})
