// DurableObjectState, the ctx of a Durable Object (durable_object_actor.js
// holds what it reaches).
(function (h, d) {
  "use strict";

  // --- DurableObjectState (ctx) ------------------------------------------

  const stateOf = new WeakMap(); // DurableObjectState → Actor
  const storageOwner = new WeakMap(); // DurableObjectStorage → Actor
  function DurableObjectState() { d.illegalConstructor(); }
  function actorOf(v) {
    const a = stateOf.get(v);
    if (a === undefined) d.illegalInvocation();
    return a;
  }
  d.define(DurableObjectState, "DurableObjectState", {
    waitUntil: d.named("waitUntil", 1, function (p) { actorOf(this); h.waitUntil(p); }),
    id: { get: function () { return actorOf(this).id; } },
    storage: { get: function () { return actorOf(this).storage; } },
    blockConcurrencyWhile: d.named("blockConcurrencyWhile", 1, function (callback) {
      const a = actorOf(this);
      if (typeof callback !== "function") {
        throw new TypeError("Failed to execute 'blockConcurrencyWhile' on 'DurableObjectState': parameter 1 is not of type 'function'.");
      }
      return a.block(callback);
    }),
    abort: d.named("abort", 1, function (reason) {
      const a = actorOf(this);
      const e = new Error(reason === undefined ? "Application called abort() to reset Durable Object." : String(reason));
      e.durableObjectReset = true;
      a.reset(e);
      throw e;
    }),
    acceptWebSocket: d.named("acceptWebSocket", 1, function (ws, tags) {
      return h.acceptWebSocket(actorOf(this), ws, tags);
    }),
    getWebSockets: d.named("getWebSockets", 0, function (tag) {
      return h.getWebSockets(actorOf(this), tag);
    }),
    getTags: d.named("getTags", 1, function (ws) { return h.getTags(actorOf(this), ws); }),
    setWebSocketAutoResponse: d.named("setWebSocketAutoResponse", 0, function (pair) {
      return h.setAutoResponse(actorOf(this), pair);
    }),
    getWebSocketAutoResponse: d.named("getWebSocketAutoResponse", 0, function () {
      return actorOf(this).autoResponse;
    }),
    getWebSocketAutoResponseTimestamp: d.named("getWebSocketAutoResponseTimestamp", 1, function (ws) {
      return h.autoResponseTimestamp(actorOf(this), ws);
    }),
    setHibernatableWebSocketEventTimeout: d.named("setHibernatableWebSocketEventTimeout", 0, function (ms) {
      actorOf(this).eventTimeout = ms === undefined ? 0 : Number(ms);
    }),
    getHibernatableWebSocketEventTimeout: d.named("getHibernatableWebSocketEventTimeout", 0, function () {
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

  Object.assign(d, { makeState, stateOf, storageOwner, DurableObjectState });
})
