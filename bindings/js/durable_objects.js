// Durable Objects: the namespace, its IDs and stubs, and the objects
// themselves with their state (ctx), storage and hibernatable WebSockets:
// https://developers.cloudflare.com/durable-objects/api/
// This file has the namespace, IDs and stubs; durable_object_calls.js the
// calls through stubs, durable_object_actor.js the objects and
// durable_object_state.js their ctx. The Go side (durable_objects.go) runs
// the four in that order, each a function of its helpers h (IDs from
// internal/doid, storage through durable_object_storage.go, structured
// clones, the loop's contexts) and of the object d through which the files
// share their names.
//
// The execution model is workerd's: one instance per ID, made on its first
// event; every event (fetch, RPC call, alarm, WebSocket message) runs as a
// job of its own in the object's context, so the I/O it makes belongs to
// the object and outlives the request that woke it. Storage is synchronous
// SQLite under the hood, so a handler's awaited storage calls settle before
// any other event runs (the input gate); the writes of one job are
// committed when it ends, before any result leaves (the output gate).
// blockConcurrencyWhile() queues events until its callback settles.
(function (h, d) {
  "use strict";

  const illegal = "Illegal constructor";
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
      return d.stubFetch(s, input, init);
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
    const f = function () { return d.rpcCall(s, name, Array.prototype.slice.call(arguments), true); };
    Object.defineProperty(f, "then", {
      value: function (ok, fail) { return d.rpcCall(s, name, [], false).then(ok, fail); },
    });
    return f;
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

  function isState(v) { return d.stateOf.has(v); }

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

  Object.assign(d, {
    illegalConstructor, illegalInvocation, define, named, makeId, idState, nsState, stubState, namespaces,
    DurableObjectId, DurableObjectNamespace, DurableObjectStub,
  });

  return {
    newNamespace, isState, hibernateAll,
    receiveRef: function (kind, v) { return d.receiveRef(kind, v); },
    isStub: function (o) { return d.isStub(o); },
    actorOf: function (st) { return d.stateOf.get(st); },
    // holdEvents holds the events of the object whose ctx.storage that is
    // (storage.transaction()); it returns the release.
    holdEvents: function (storage) {
      const a = d.storageOwner.get(storage);
      return a === undefined ? function () {} : a.hold();
    },
    // restore loads the object with that ID (its alarm is due).
    restore: function (o, hex) { d.actorFor(nsState.get(o), hex, undefined); },
  };
})
