// Calls into a Durable Object from a stub (durable_objects.js): fetch and
// RPC, the errors that come back, and what RPC passes by reference. A call
// runs as an event of the object (durable_object_actor.js); its result is
// settled in the caller's own context, after the object's job (and its
// storage commit) has ended.
(function (h, d) {
  "use strict";

  // --- calls into an object ------------------------------------------------

  // actorOfStub is the object a stub reaches: the one it first reached, for
  // as long as the stub lives. Once that object has been reset (abort(), a
  // blockConcurrencyWhile() callback that threw) the stub stays broken, as
  // in workerd, and a new stub reaches a new instance.
  function actorOfStub(s) {
    if (s.broken === undefined && s.actor === undefined) s.actor = d.actorFor(s.ns, s.hex, s.name);
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
  // once the object's writes so far are committed (the output gate).
  function deliverTo(actor, caller, settle, value) {
    h.deliverAfterCommit(actor.store, caller, function () { settle(value); });
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
        if (!ok) return deliverTo(actor, caller, reject, value);
        let out;
        try {
          out = h.serializeRPC(value);
        } catch (e) {
          return deliverTo(actor, caller, reject, e);
        }
        h.deliverAfterCommit(actor.store, caller, function () {
          try { resolve(h.deserializeRPC(out)); } catch (e) { reject(e); }
        });
      }, function (e) { deliverTo(actor, caller, reject, remoteError(e)); });
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
        if (!ok) return deliverTo(actor, caller, reject, res);
        h.deliverAfterCommit(actor.store, caller, function () {
          try {
            const initOut = { status: res.status, statusText: res.statusText, headers: res.headers };
            if (res.webSocket) initOut.webSocket = res.webSocket;
            resolve(new Response(res.body, initOut));
          } catch (e) {
            reject(e);
          }
        });
      }, function (e) { deliverTo(actor, caller, reject, remoteError(e)); });
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

  function isStub(o) { return d.stubState.has(o); }

  Object.assign(d, { stubFetch, rpcCall, receiveRef, isStub, actorOfStub, remoteError, copyError });
})
