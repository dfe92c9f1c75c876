// The exports of the built-in module "cloudflare:workers":
// https://developers.cloudflare.com/workers/runtime-apis/bindings/service-bindings/rpc/
// The Go side (cloudflare_workers.go) calls this function with its helpers;
// it leaves the values on the global object for the module's source
// (cloudflare_workers_module.js) and returns them, with the function that
// constructs a class entry point. Names, lengths, prototypes and messages
// are workerd's, as it answered for each (conformance case
// worker_entrypoint); what workerhost cannot run yet throws a TypeError
// that names it.
(function (h) {
  "use strict";
  const needNew = "Please use the 'new' operator, this object constructor cannot be called as a function.";

  function failConstruct(name, why) {
    throw new TypeError("Failed to construct '" + name + "': " + why);
  }

  function paramType(n, type) {
    return "constructor parameter " + n + " is not of type '" + type + "'.";
  }

  function isObject(v) {
    return (typeof v === "object" && v !== null) || typeof v === "function";
  }

  function illegalInvocation() {
    throw new TypeError(h.illegalInvocation);
  }

  // finish gives a class workerd's prototype shape: a writable
  // toStringTag, and methods no object can be a valid `this` for (no
  // instance of these classes can exist here yet).
  function finish(C, tag, methods) {
    Object.defineProperty(C.prototype, Symbol.toStringTag, { value: tag, writable: true, configurable: true });
    for (const name of methods || []) {
      const f = { [name]() { illegalInvocation(); } }[name];
      Object.defineProperty(f, "length", { value: 0 });
      Object.defineProperty(C.prototype, name, { value: f, writable: true, enumerable: true, configurable: true });
    }
    // workerd lists constructor after the methods.
    delete C.prototype.constructor;
    Object.defineProperty(C.prototype, "constructor", { value: C, writable: true, configurable: true });
    return C;
  }

  // entrypointClass makes a base class whose constructor takes (ctx, env),
  // ctx passing isCtx (workerd names its type ctxType in the error), and
  // keeps them as this.ctx and this.env.
  function entrypointClass(name, isCtx, ctxType) {
    return finish(({ [name]: function () {
      if (new.target === undefined) failConstruct(name, needNew);
      if (!isCtx(arguments[0])) failConstruct(name, paramType(1, ctxType));
      if (!isObject(arguments[1])) failConstruct(name, paramType(2, "Object"));
      this.ctx = arguments[0];
      this.env = arguments[1];
    } })[name], name);
  }

  // WorkerEntrypoint(ctx, env): the base of a class entry point. workerd
  // makes one instance per event, passing the event's ExecutionContext and
  // the worker's env, which become this.ctx and this.env.
  const WorkerEntrypoint = entrypointClass("WorkerEntrypoint", isObject, "Object");
  const WorkflowEntrypoint = entrypointClass("WorkflowEntrypoint", h.isExecutionContext, "ExecutionContext");

  // DurableObject(state, env): the base of a Durable Object class. The
  // runtime constructs it with the object's DurableObjectState and the
  // worker's env, which become this.ctx and this.env; any other state
  // gets workerd's error.
  const DurableObject = finish(function DurableObject() {
    if (new.target === undefined) failConstruct("DurableObjectBase", needNew);
    if (!h.isDurableObjectState(arguments[0])) failConstruct("DurableObjectBase", paramType(1, "DurableObjectState"));
    if (!isObject(arguments[1])) failConstruct("DurableObjectBase", paramType(2, "Object"));
    this.ctx = arguments[0];
    this.env = arguments[1];
  }, "DurableObjectBase");

  const RpcTarget = finish(function RpcTarget() {
    if (new.target === undefined) failConstruct("JsRpcTarget", needNew);
  }, "JsRpcTarget");

  const RpcStub = finish(function RpcStub() {
    if (new.target === undefined) failConstruct("JsRpcStub", needNew);
    h.forbidInGlobalScope();
    h.unsupported("RpcStub");
  }, "JsRpcStub", ["dup"]);

  function illegalConstructor() {
    throw new TypeError("Illegal constructor");
  }
  const RpcPromise = finish(function RpcPromise() { illegalConstructor(); }, "JsRpcPromise", ["then", "catch", "finally"]);
  const RpcProperty = finish(function RpcProperty() { illegalConstructor(); }, "JsRpcProperty", ["then", "catch", "finally"]);
  const ServiceStub = finish(function ServiceStub() { illegalConstructor(); }, "Fetcher", ["fetch", "connect"]);

  // env is the worker's env wherever it is read, the top level included:
  // a proxy onto the object every handler gets.
  const env = new Proxy({}, {
    get(_, p) { const e = h.currentEnv(); return e ? Reflect.get(e, p) : undefined; },
    set(_, p, v) { const e = h.currentEnv(); return e ? Reflect.set(e, p, v) : true; },
    has(_, p) { const e = h.currentEnv(); return e ? Reflect.has(e, p) : false; },
    ownKeys() { const e = h.currentEnv(); return e ? Reflect.ownKeys(e) : []; },
    deleteProperty(_, p) { const e = h.currentEnv(); return e ? Reflect.deleteProperty(e, p) : true; },
    defineProperty(_, p, d) { const e = h.currentEnv(); return e ? Reflect.defineProperty(e, p, d) : true; },
    getOwnPropertyDescriptor(_, p) { const e = h.currentEnv(); return e ? Reflect.getOwnPropertyDescriptor(e, p) : undefined; },
  });

  // cache reads the current event's ctx.cache, which workerhost's
  // ExecutionContext does not have (nor does workerd's outside Cloudflare):
  // every read finds nothing, as on workerd.
  const cache = new Proxy({}, {
    get() { return undefined; },
    has() { return false; },
    ownKeys() { return []; },
    getOwnPropertyDescriptor() { return undefined; },
  });

  // exports reaches the worker's own entry points as service stubs
  // (ctx.exports), which need RPC: in a request, reading one throws. At the
  // top level there is no request and it is empty, as on workerd.
  const exports = new Proxy({}, {
    get(_, p) {
      if (typeof p === "string" && h.inRequest()) h.unsupported("exports from cloudflare:workers");
      return undefined;
    },
    has() { return false; },
    ownKeys() { return []; },
    getOwnPropertyDescriptor() { return undefined; },
  });

  const waitUntil = function waitUntil() {
    h.forbidInGlobalScope();
    h.waitUntil(arguments[0]);
  }.bind(undefined);

  function unsupportedFunction(name, length) {
    const f = function () { h.unsupported(name + "()"); };
    Object.defineProperty(f, "name", { value: name });
    Object.defineProperty(f, "length", { value: length });
    return f;
  }

  function Tracing() { illegalConstructor(); }
  function Span() { illegalConstructor(); }
  for (const name of ["enterSpan", "startActiveSpan", "startSpan", "getActiveSpan", "withActiveSpan"]) {
    const f = { [name]() { h.unsupported("tracing." + name + "()"); } }[name];
    Object.defineProperty(f, "length", { value: 0 });
    Object.defineProperty(Tracing.prototype, name, { value: f, writable: true, enumerable: true, configurable: true });
  }
  Object.defineProperty(Tracing.prototype, "Span", { value: Span, writable: true, enumerable: true, configurable: true });
  finish(Tracing, "Tracing");
  const tracing = Object.create(Tracing.prototype);

  const values = {
    DurableObject, RpcPromise, RpcProperty, RpcStub, RpcTarget, ServiceStub, WorkerEntrypoint, WorkflowEntrypoint,
    abortIsolate: unsupportedFunction("abortIsolate", 1),
    cache, env, exports,
    restore: Symbol("cloudflare:workers:restore"),
    tracing, waitUntil,
    withEnv: unsupportedFunction("withEnv", 2),
    withEnvAndExports: unsupportedFunction("withEnvAndExports", 3),
    withExports: unsupportedFunction("withExports", 2),
  };
  // Left for cloudflare_workers_module.js, which takes it away.
  Object.defineProperty(globalThis, Symbol.for("workerhost:cloudflare:workers"), { value: values, configurable: true });

  // construct makes a class entry point's instance for one event, as
  // workerd does, and reads its fetch handler.
  function construct(C, ctx, env) {
    const instance = new C(ctx, env);
    return [instance, instance.fetch];
  }
  return { values, construct };
})
