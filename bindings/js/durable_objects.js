// Durable Objects: the namespace, its IDs and stubs, and the objects
// themselves with their state (ctx), storage and hibernatable WebSockets:
// https://developers.cloudflare.com/durable-objects/api/
// The Go side (durable_objects.go) calls this function with its helpers h:
// IDs (internal/doid), storage (internal/dostorage through
// durable_object_storage.go), structured clones, and the loop's contexts.
//
// The execution model is workerd's: one instance per ID, made on its first
// event; every event (fetch, RPC call, alarm, WebSocket message) runs as a
// job of its own in the object's context, so the I/O it makes belongs to
// the object and outlives the request that woke it. Storage is synchronous
// SQLite under the hood, so a handler's awaited storage calls settle before
// any other event runs (the input gate); the writes of one job are
// committed when it ends, before any result leaves (the output gate).
// blockConcurrencyWhile() queues events until its callback settles.
(function (h) {
  "use strict";

  const illegal = "Illegal constructor";
  // hibernateAfterMs is how long an object whose sockets are all
  // hibernatable stays in memory without events (workerd: about 10 s).
  const hibernateAfterMs = 10000;
  // namespaces are every namespace made, for hibernateAll.
  const namespaces = [];
  function illegalConstructor() { throw new TypeError(illegal); }
  function illegalInvocation() { throw new TypeError(h.illegalInvocation); }

  // define gives C workerd's prototype shape: methods and accessors
  // enumerable, a toStringTag.
  function define(C, tag, members) {
    for (const [name, desc] of Object.entries(members)) {
      if (typeof desc === "function") {
        Object.defineProperty(C.prototype, name, { value: desc, writable: true, enumerable: true, configurable: true });
      } else {
        Object.defineProperty(C.prototype, name, { get: desc.get, enumerable: true, configurable: true });
      }
    }
    Object.defineProperty(C.prototype, Symbol.toStringTag, { value: tag, configurable: true });
    return C;
  }

  function named(name, length, f) {
    Object.defineProperty(f, "name", { value: name });
    Object.defineProperty(f, "length", { value: length });
    return f;
  }

  // --- IDs -------------------------------------------------------------

  const idState = new WeakMap(); // DurableObjectId → { hex, name, ns }
  function DurableObjectId() { illegalConstructor(); }
  define(DurableObjectId, "DurableObjectId", {
    toString: named("toString", 0, function () { return idOf(this).hex; }),
    equals: named("equals", 1, function (other) {
      const me = idOf(this);
      const them = idState.get(other);
      if (them === undefined) throw new TypeError("Failed to execute 'equals' on 'DurableObjectId': parameter 1 is not of type 'DurableObjectId'.");
      return me.hex === them.hex;
    }),
  });
  function idOf(v) {
    const s = idState.get(v);
    if (s === undefined) illegalInvocation();
    return s;
  }
  // An ID carries jurisdiction and name as own, read-only properties, as
  // workerd's do (JSON.stringify shows the name).
  function makeId(ns, hex, name) {
    const id = Object.create(DurableObjectId.prototype);
    Object.defineProperty(id, "jurisdiction", { value: undefined, enumerable: true });
    Object.defineProperty(id, "name", { value: name, enumerable: true });
    idState.set(id, { hex, name, ns });
    return id;
  }

  // --- namespaces and stubs --------------------------------------------

  const nsState = new WeakMap(); // DurableObjectNamespace → namespace
  function DurableObjectNamespace() { illegalConstructor(); }
  define(DurableObjectNamespace, "DurableObjectNamespace", {
    newUniqueId: named("newUniqueId", 0, function (options) {
      const ns = nsOf(this);
      h.checkUniqueIdOptions(options);
      return makeId(ns, h.newUniqueId(ns.key), undefined);
    }),
    idFromName: named("idFromName", 1, function (name) {
      const ns = nsOf(this);
      if (arguments.length === 0) throw new TypeError("Failed to execute 'idFromName' on 'DurableObjectNamespace': parameter 1 is not of type 'string'.");
      name = String(name);
      return makeId(ns, h.idFromName(ns.key, name), name);
    }),
    idFromString: named("idFromString", 1, function (s) {
      const ns = nsOf(this);
      if (arguments.length === 0) throw new TypeError("Failed to execute 'idFromString' on 'DurableObjectNamespace': parameter 1 is not of type 'string'.");
      return makeId(ns, h.idFromString(ns.key, String(s)), undefined);
    }),
    get: named("get", 1, function (id, options) {
      const ns = nsOf(this);
      const s = idState.get(id);
      if (s === undefined) throw new TypeError("Failed to execute 'get' on 'DurableObjectNamespace': parameter 1 is not of type 'DurableObjectId'.");
      return makeStub(ns, id, s);
    }),
    getByName: named("getByName", 1, function (name, options) {
      const ns = nsOf(this);
      if (arguments.length === 0) throw new TypeError("Failed to execute 'getByName' on 'DurableObjectNamespace': parameter 1 is not of type 'string'.");
      name = String(name);
      const id = makeId(ns, h.idFromName(ns.key, name), name);
      return makeStub(ns, id, idState.get(id));
    }),
    jurisdiction: named("jurisdiction", 1, function (name) {
      nsOf(this);
      h.checkUniqueIdOptions({ jurisdiction: name });
      return this;
    }),
  });
  function nsOf(v) {
    const s = nsState.get(v);
    if (s === undefined) illegalInvocation();
    return s;
  }

  // The stub's class is workerd's DurableObject (a Fetcher); RPC methods
  // are any other property, through a Proxy.
  const stubState = new WeakMap();
  function DurableObjectStub() { illegalConstructor(); }
  Object.defineProperty(DurableObjectStub, "name", { value: "DurableObject" });
  define(DurableObjectStub, "DurableObject", {
    fetch: named("fetch", 1, function (input, init) {
      const s = stubOf(this);
      return stubFetch(s, input, init);
    }),
    connect: named("connect", 1, function () { h.unsupported("connect() on a Durable Object stub"); }),
  });
  function stubOf(v) {
    const s = stubState.get(v);
    if (s === undefined) illegalInvocation();
    return s;
  }

  function makeStub(ns, id, idS) {
    const s = { ns, id, hex: idS.hex, name: idS.name, actor: undefined, broken: undefined };
    const target = Object.create(DurableObjectStub.prototype);
    Object.defineProperty(target, "name", { value: idS.name, enumerable: true });
    Object.defineProperty(target, "id", { value: id, enumerable: true });
    stubState.set(target, s);
    const proxy = new Proxy(target, {
      get(t, p, receiver) {
        if (typeof p !== "string" || p === "id" || p === "name" || p in DurableObjectStub.prototype || p in Object.prototype) {
          return Reflect.get(t, p, receiver === proxy ? t : receiver);
        }
        if (p === "then") return undefined;
        return rpcProperty(s, p);
      },
    });
    stubState.set(proxy, s);
    return proxy;
  }

  // rpcProperty is what stub.name is: a function that calls the method,
  // and a thenable that reads the property.
  function rpcProperty(s, name) {
    const f = function () { return rpcCall(s, name, Array.prototype.slice.call(arguments), true); };
    Object.defineProperty(f, "then", {
      value: function (ok, fail) { return rpcCall(s, name, [], false).then(ok, fail); },
    });
    return f;
  }

  // --- calls into an object ------------------------------------------------

  // actorOfStub is the object a stub reaches: the one it first reached, for
  // as long as the stub lives. Once that object has been reset (abort(), a
  // blockConcurrencyWhile() callback that threw) the stub stays broken, as
  // in workerd, and a new stub reaches a new instance.
  function actorOfStub(s) {
    if (s.broken === undefined && s.actor === undefined) s.actor = actorFor(s.ns, s.hex, s.name);
    if (s.broken === undefined && s.actor.broken !== undefined) s.broken = s.actor.broken;
    if (s.broken !== undefined) {
      const e = copyError(s.broken);
      e.durableObjectReset = true;
      throw e;
    }
    return s.actor;
  }

  // remoteError is an error thrown in the object, as its caller gets it:
  // a copy, marked remote.
  function remoteError(e) {
    const copy = copyError(e);
    if (copy !== null && typeof copy === "object") {
      copy.remote = true;
      if (e !== null && typeof e === "object" && e.durableObjectReset) copy.durableObjectReset = true;
    }
    return copy;
  }

  // copyError clones what was thrown; a thrown non-Error becomes an Error
  // with its text, as workerd passes it.
  function copyError(e) {
    if (!(e instanceof Error)) return new Error(String(e));
    try {
      return h.deserialize(h.serialize(e));
    } catch (_) {
      return e;
    }
  }

  // reservedMethods cannot be called over RPC.
  const reservedMethods = new Set(["alarm", "webSocketMessage", "webSocketClose", "webSocketError"]);

  // callerContext is the context the result is delivered in; an object is
  // only reached from inside an event.
  function callerContext() {
    const c = h.current();
    if (c === null) h.forbidInGlobalScope();
    return c;
  }

  // deliverTo settles the caller's promise in the caller's own context,
  // after the object's job (and its storage commit) has ended.
  function deliverTo(caller, settle, value) {
    h.enqueueIn(caller, function () { settle(value); });
  }

  function rpcCall(s, name, args, isCall) {
    const caller = callerContext();
    let payload;
    try {
      payload = h.serializeRPC(args);
    } catch (e) {
      return Promise.reject(e);
    }
    return new Promise(function (resolve, reject) {
      const actor = actorOfStub(s);
      actor.deliver("rpc " + name, function () {
        return actor.run(function (instance) {
          if (!h.extendsDurableObject(instance.constructor)) {
            throw new TypeError("The receiving Durable Object does not support RPC, because its class was not declared with `extends DurableObject`. In order to enable RPC, make sure your class extends the special class `DurableObject`, which can be imported from the module \"cloudflare:workers\".");
          }
          if (reservedMethods.has(name)) {
            throw new TypeError("'" + name + "' is a reserved method and cannot be called over RPC.");
          }
          if (!rpcHas(instance, name)) {
            throw new TypeError("The RPC receiver does not implement the method \"" + name + "\".");
          }
          const v = instance[name];
          if (!isCall) return v;
          if (typeof v !== "function") throw new TypeError("\"" + name + "\" is not a function.");
          return v.apply(instance, h.deserializeRPC(payload));
        });
      }, function (ok, value) {
        if (!ok) return deliverTo(caller, reject, value);
        let out;
        try {
          out = h.serializeRPC(value);
        } catch (e) {
          return deliverTo(caller, reject, e);
        }
        h.enqueueIn(caller, function () {
          try { resolve(h.deserializeRPC(out)); } catch (e) { reject(e); }
        });
      }, function (e) { deliverTo(caller, reject, remoteError(e)); });
    });
  }

  // rpcHas tells whether RPC may reach name on an instance: what its
  // class's prototype chain defines below DurableObject (methods and
  // accessors), not its own fields, not Object.prototype's; names starting
  // with an underscore too.
  function rpcHas(instance, name) {
    if (name === "constructor") return false;
    for (let p = Object.getPrototypeOf(instance); p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
      if (h.isDurableObjectBase(p)) return false;
      if (Object.prototype.hasOwnProperty.call(p, name)) return true;
    }
    return false;
  }

  async function stubFetch(s, input, init) {
    const caller = callerContext();
    if (!(input instanceof Request) && typeof input !== "string" && !(input instanceof URL)) {
      throw new TypeError("Failed to execute 'fetch' on 'Fetcher': parameter 1 is not of type 'Request or string'.");
    }
    if (!(input instanceof Request)) {
      try {
        input = new URL(String(input)).href;
      } catch (_) {
        throw new TypeError("Invalid URL: " + String(input));
      }
    }
    const req = new Request(input, init);
    const body = req.body === null ? null : await req.arrayBuffer();
    return new Promise(function (resolve, reject) {
      const actor = actorOfStub(s);
      actor.deliver("fetch " + req.method + " " + req.url, function () {
        return actor.run(function (instance) {
          const inner = new Request(req.url, {
            method: req.method, headers: req.headers, body, redirect: req.redirect, cf: req.cf,
          });
          if (typeof instance.fetch !== "function") {
            throw new Error("Handler does not export a fetch() function.");
          }
          const out = instance.fetch(inner);
          if (out instanceof Response) return out;
          if (out === null || typeof out !== "object" || typeof out.then !== "function") {
            throw new TypeError("Callback returned incorrect type; expected 'Promise'");
          }
          return Promise.resolve(out).then(function (res) {
            if (!(res instanceof Response)) {
              throw new TypeError("Incorrect type for Promise: the Promise did not resolve to 'Response'.");
            }
            return res;
          });
        });
      }, function (ok, res) {
        if (!ok) return deliverTo(caller, reject, res);
        h.enqueueIn(caller, function () {
          try {
            const initOut = { status: res.status, statusText: res.statusText, headers: res.headers };
            if (res.webSocket) initOut.webSocket = res.webSocket;
            resolve(new Response(res.body, initOut));
          } catch (e) {
            reject(e);
          }
        });
      }, function (e) { deliverTo(caller, reject, remoteError(e)); });
    });
  }

  // --- references passed over RPC --------------------------------------

  // receiveRef is what the receiver of an RPC clone gets for a value passed
  // by reference: a stub that calls back for a function or an RpcTarget,
  // the stub itself for a Durable Object stub, a copy of a Request,
  // Response or Headers.
  function receiveRef(kind, v) {
    switch (kind) {
      case "function":
        return function () { return callBack(v, undefined, arguments); };
      case "target":
        return new Proxy({}, {
          get(_, p) {
            if (typeof p !== "string" || p === "then") return undefined;
            const f = function () {
              const m = v[p];
              if (typeof m !== "function") return Promise.reject(new TypeError("\"" + p + "\" is not a function."));
              return callBack(m, v, arguments);
            };
            Object.defineProperty(f, "then", {
              value: function (ok, fail) {
                return Promise.resolve().then(function () { return h.deserializeRPC(h.serializeRPC(v[p])); }).then(ok, fail);
              },
            });
            return f;
          },
        });
      case "request":
        return new Request(v);
      case "response":
        return new Response(v.body, { status: v.status, statusText: v.statusText, headers: v.headers });
      case "headers":
        return new Headers(v);
    }
    return v;
  }

  // callBack calls fn, from the other side of an RPC boundary, with its
  // arguments and result cloned; the call is asynchronous, as it is in
  // workerd.
  function callBack(fn, thisArg, args) {
    let payload;
    try {
      payload = h.serializeRPC(Array.prototype.slice.call(args));
    } catch (e) {
      return Promise.reject(e);
    }
    return Promise.resolve().then(function () {
      return fn.apply(thisArg, h.deserializeRPC(payload));
    }).then(function (r) { return h.deserializeRPC(h.serializeRPC(r)); });
  }

  function isStub(o) { return stubState.has(o); }

  // --- the objects -----------------------------------------------------------

  // actorFor finds, or makes, the one object of ns with that ID.
  function actorFor(ns, hex, name) {
    let a = ns.actors.get(hex);
    if (a === undefined) {
      a = new Actor(ns, hex, name);
      ns.actors.set(hex, a);
    }
    return a;
  }

  class Actor {
    constructor(ns, hex, name) {
      this.ns = ns;
      this.hex = hex;
      this.id = makeId(ns, hex, name);
      this.context = h.newActorContext(ns.className + " " + hex.slice(0, 8));
      this.store = h.openStore(ns.handle, hex);
      this.instance = null;
      this.ready = null;
      this.inflight = 0;
      this.idle = null;
      this.constructing = false;
      this.blocked = 0;
      this.queue = [];
      this.sockets = new Set(); // hibernatable WebSockets
      this.autoResponse = null;
      this.eventTimeout = 0;
      this.broken = undefined;
      this.state = makeState(this);
      const self = this;
      h.setAlarmHandler(this.store, function (retryCount, at) { self.runAlarm(retryCount, at); }, function () {
        return self.hasAlarmHandler();
      });
    }

    // hasAlarmHandler tells whether the class defines alarm(); setAlarm()
    // needs one.
    hasAlarmHandler() {
      const C = h.classOf(this.ns.handle);
      return typeof (this.instance !== null ? this.instance.alarm : C.prototype.alarm) === "function";
    }

    // reset breaks the object, as abort() and a failed
    // blockConcurrencyWhile() do: its stubs fail with e from now on, its
    // queued events too, writes not yet committed are dropped, its
    // hibernatable sockets are dropped, and the next stub reaches a new
    // instance.
    reset(e) {
      if (this.broken !== undefined) return;
      this.broken = e;
      if (this.ns.actors.get(this.hex) === this) this.ns.actors.delete(this.hex);
      this.cancelIdle();
      for (const ws of this.sockets) h.dropSocket(ws);
      this.sockets.clear();
      this.instance = null;
      this.ready = null;
      h.resetStore(this.store);
      const queued = this.queue;
      this.queue = [];
      for (const job of queued) job.failed(e);
    }

    // runAlarm calls alarm() for the alarm due at `at`.
    runAlarm(retryCount, at) {
      const self = this;
      this.deliver("alarm", function () {
        return self.run(function (instance) {
          if (typeof instance.alarm !== "function") {
            throw new TypeError("Your Durable Object class must have an alarm() handler in order to call setAlarm()");
          }
          return instance.alarm({ retryCount, isRetry: retryCount > 0, scheduledTime: at });
        });
      }, function () { h.alarmDone(self.store, true, at); }, function (e) {
        h.report(e);
        h.alarmDone(self.store, false, at);
      });
    }

    // deliverWebSocketEvent calls a hibernatable socket's handler (name)
    // with the socket and the event's values.
    deliverWebSocketEvent(name, ws, a, b, c) {
      const self = this;
      const done = function () { if (name !== "webSocketMessage") h.forgetSocket(self, ws); };
      this.deliver(name, function () {
        return self.run(function (instance) {
          const f = instance[name];
          if (typeof f !== "function") return undefined;
          return name === "webSocketClose" ? f.call(instance, ws, a, b, c) : f.call(instance, ws, a);
        });
      }, done, function (e) {
        done();
        h.report(e);
      });
    }

    // deliver runs start() as a job of the object once nothing blocks it;
    // done(ok, value) gets what it settled with, or failed(error) a throw.
    deliver(what, start, done, failed) {
      const job = { what, start, done: done || function () {}, failed: failed || function (e) { h.report(e); } };
      if (this.broken !== undefined) {
        job.failed(this.broken);
        return;
      }
      if (this.blocked > 0) {
        this.queue.push(job);
        return;
      }
      this.dispatch(job);
    }

    // dispatch runs the job now; it settles once, with what start()
    // returned or threw (the reset's error once the object was reset), or
    // with the error that aborted its context (out of CPU time), after
    // which none of its callbacks run.
    dispatch(job) {
      const self = this;
      this.inflight++;
      this.cancelIdle();
      let finished = false;
      const finish = function () {
        if (finished) return false;
        finished = true;
        self.settled();
        return true;
      };
      const context = h.eventContext(this.context, job.what, function (message) {
        if (finish()) job.failed(new Error(message));
      });
      h.enqueueIn(context, function () {
        let p;
        try {
          p = job.start();
        } catch (e) {
          if (finish()) job.failed(e);
          return;
        }
        // An event still running when the object is reset fails with the
        // reset's error, whatever it returns, as in workerd.
        Promise.resolve(p).then(function (v) {
          if (!finish()) return;
          if (self.broken !== undefined) job.failed(self.broken);
          else job.done(true, v);
        }, function (e) { if (finish()) job.failed(self.broken !== undefined ? self.broken : e); });
      });
    }

    // settled counts an event done; an object left with only hibernatable
    // sockets is evicted after a while without events, as workerd does.
    settled() {
      this.inflight--;
      if (this.inflight === 0 && this.sockets.size > 0) {
        const self = this;
        this.idle = h.after(hibernateAfterMs, function () { self.idle = null; self.hibernate(); });
      }
    }

    cancelIdle() {
      if (this.idle) {
        h.cancel(this.idle);
        this.idle = null;
      }
    }

    // hibernate evicts the instance if nothing runs in it and nothing but
    // its hibernatable sockets holds it (no plain accepted socket, no
    // waitUntil() promise).
    hibernate() {
      if (this.inflight > 0 || this.blocked > 0 || this.instance === null) return false;
      if (h.holds(this.context) > this.sockets.size) return false;
      this.cancelIdle();
      return this.evict();
    }

    // run gives fn the instance, constructing it first; the constructor's
    // blockConcurrencyWhile() holds fn too.
    run(fn) {
      if (this.broken !== undefined) throw this.broken;
      if (this.instance === null) {
        this.construct();
      }
      if (this.ready !== null) {
        const self = this;
        return this.ready.then(function () {
          if (self.broken !== undefined) throw self.broken;
          return fn(self.instance);
        });
      }
      return fn(this.instance);
    }

    construct() {
      const C = h.classOf(this.ns.handle);
      this.ready = null;
      this.blocking = [];
      this.constructing = true;
      try {
        this.instance = new C(this.state, h.env());
      } catch (e) {
        this.instance = null;
        throw e;
      } finally {
        this.constructing = false;
      }
      if (this.blocking.length > 0) {
        const self = this;
        this.ready = Promise.all(this.blocking).then(function () { self.ready = null; });
      }
      this.blocking = null;
    }

    // block runs callback with the object's other events held until it
    // settles; from the constructor, the callback starts once the
    // constructor has returned. A callback that throws resets the object.
    block(callback) {
      const self = this;
      this.blocked++;
      const call = function () {
        try {
          return Promise.resolve(callback());
        } catch (e) {
          return Promise.reject(e);
        }
      };
      const p = this.constructing ? Promise.resolve().then(call) : call();
      const settled = p.then(function (v) { self.unblock(); return v; }, function (e) {
        self.reset(e);
        self.unblock();
        throw e;
      });
      if (this.constructing) this.blocking.push(settled.catch(function () {}));
      return settled;
    }

    // hold holds the object's other events, as block() does, until the
    // returned function is called: storage.transaction() holds them while
    // its closure runs, as workerd does, so that no other event's writes
    // join the transaction (and are rolled back with it).
    hold() {
      const self = this;
      let held = true;
      this.blocked++;
      return function () {
        if (!held) return;
        held = false;
        self.unblock();
      };
    }

    unblock() {
      this.blocked--;
      while (this.blocked === 0 && this.queue.length > 0) {
        this.dispatch(this.queue.shift());
      }
    }

    // evict drops the instance (hibernation); its sockets stay open and
    // the next event constructs it again.
    evict() {
      if (this.blocked > 0) return false;
      this.instance = null;
      this.ready = null;
      return true;
    }
  }

  // --- DurableObjectState (ctx) ------------------------------------------

  const stateOf = new WeakMap(); // DurableObjectState → Actor
  const storageOwner = new WeakMap(); // DurableObjectStorage → Actor
  function DurableObjectState() { illegalConstructor(); }
  function actorOf(v) {
    const a = stateOf.get(v);
    if (a === undefined) illegalInvocation();
    return a;
  }
  define(DurableObjectState, "DurableObjectState", {
    waitUntil: named("waitUntil", 1, function (p) { actorOf(this); h.waitUntil(p); }),
    id: { get: function () { return actorOf(this).id; } },
    storage: { get: function () { return actorOf(this).storage; } },
    blockConcurrencyWhile: named("blockConcurrencyWhile", 1, function (callback) {
      const a = actorOf(this);
      if (typeof callback !== "function") {
        throw new TypeError("Failed to execute 'blockConcurrencyWhile' on 'DurableObjectState': parameter 1 is not of type 'function'.");
      }
      return a.block(callback);
    }),
    abort: named("abort", 1, function (reason) {
      const a = actorOf(this);
      const e = new Error(reason === undefined ? "Application called abort() to reset Durable Object." : String(reason));
      e.durableObjectReset = true;
      a.reset(e);
      throw e;
    }),
    acceptWebSocket: named("acceptWebSocket", 1, function (ws, tags) {
      return h.acceptWebSocket(actorOf(this), ws, tags);
    }),
    getWebSockets: named("getWebSockets", 0, function (tag) {
      return h.getWebSockets(actorOf(this), tag);
    }),
    getTags: named("getTags", 1, function (ws) { return h.getTags(actorOf(this), ws); }),
    setWebSocketAutoResponse: named("setWebSocketAutoResponse", 0, function (pair) {
      return h.setAutoResponse(actorOf(this), pair);
    }),
    getWebSocketAutoResponse: named("getWebSocketAutoResponse", 0, function () {
      return actorOf(this).autoResponse;
    }),
    getWebSocketAutoResponseTimestamp: named("getWebSocketAutoResponseTimestamp", 1, function (ws) {
      return h.autoResponseTimestamp(actorOf(this), ws);
    }),
    setHibernatableWebSocketEventTimeout: named("setHibernatableWebSocketEventTimeout", 0, function (ms) {
      actorOf(this).eventTimeout = ms === undefined ? 0 : Number(ms);
    }),
    getHibernatableWebSocketEventTimeout: named("getHibernatableWebSocketEventTimeout", 0, function () {
      const t = actorOf(this).eventTimeout;
      return t === 0 ? null : t;
    }),
  });

  function makeState(actor) {
    const st = Object.create(DurableObjectState.prototype);
    stateOf.set(st, actor);
    actor.storage = h.newStorage(actor, actor.store);
    storageOwner.set(actor.storage, actor);
    return st;
  }

  // --- the Go side's entry points --------------------------------------

  // newNamespace makes the env binding of a namespace.
  function newNamespace(handle, key, className) {
    const ns = { handle, key, className, actors: new Map() };
    namespaces.push(ns);
    const o = Object.create(DurableObjectNamespace.prototype);
    nsState.set(o, ns);
    return o;
  }

  function isState(v) { return stateOf.has(v); }

  // hibernateAll evicts every object that can be (tests); it returns how
  // many were.
  function hibernateAll() {
    let n = 0;
    for (const ns of namespaces) {
      for (const a of ns.actors.values()) {
        if (a.hibernate()) n++;
      }
    }
    return n;
  }

  return {
    classes: { DurableObjectNamespace, DurableObjectId, DurableObjectStub, DurableObjectState },
    newNamespace, isState, hibernateAll, receiveRef, isStub,
    actorOf: function (st) { return stateOf.get(st); },
    // holdEvents holds the events of the object whose ctx.storage that is
    // (storage.transaction()); it returns the release.
    holdEvents: function (storage) {
      const a = storageOwner.get(storage);
      return a === undefined ? function () {} : a.hold();
    },
    // restore loads the object with that ID (its alarm is due).
    restore: function (o, hex) { actorFor(nsState.get(o), hex, undefined); },
  };
})
