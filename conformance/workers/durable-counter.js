// Conformance worker: a counter Durable Object reached with stub.fetch,
// kept in storage across requests; the same counter written the older way,
// a class taking (state, env) that does not extend DurableObject; and what a
// caller sees when an object's fetch is missing, throws or returns no
// Response.
import { DurableObject } from "cloudflare:workers";
import { Report } from "./durable-report.js";

let constructed = 0;

// count adds the request's step (?by=, else an x-by header, else the body,
// else 1) to the stored count and describes the request it came with.
async function count(storage, request) {
  const url = new URL(request.url);
  const body = await request.text();
  const by = Number(url.searchParams.get("by") || request.headers.get("x-by") || body || 1);
  const n = ((await storage.get("count")) || 0) + by;
  await storage.put("count", n);
  const seen = [
    "method=" + request.method,
    "path=" + url.pathname + url.search,
    "x-by=" + request.headers.get("x-by"),
    "body=" + JSON.stringify(body),
    "count=" + n,
  ];
  return new Response(seen.join(" ") + "\n", { status: 201, headers: { "x-count": String(n) } });
}

export class Counter extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    constructed++;
  }

  async fetch(request) {
    this.seen = (this.seen || 0) + 1;
    switch (new URL(request.url).pathname) {
      case "/self":
        return this.self();
      case "/seen":
        return new Response("this instance has seen " + this.seen + " requests, count=" + (await this.ctx.storage.get("count")));
      case "/abort":
        // A write not yet committed when abort() is called is lost.
        await this.ctx.storage.put("count", 1000);
        this.ctx.abort("reset for test");
        return new Response("not reached");
      case "/abort-no-reason":
        this.ctx.abort();
        return new Response("not reached");
    }
    return count(this.ctx.storage, request);
  }

  // self describes the object's own view of ctx and env.
  async self() {
    const r = new Report();
    await r.add("this.ctx constructor", () => this.ctx.constructor.name);
    await r.add("this.ctx.storage constructor", () => this.ctx.storage.constructor.name);
    await r.add("this.ctx.id.name", () => this.ctx.id.name);
    await r.add("typeof this.env.COUNTER", () => typeof this.env.COUNTER);
    const methods = ["waitUntil", "blockConcurrencyWhile", "acceptWebSocket", "getWebSockets", "getTags", "setWebSocketAutoResponse", "getWebSocketAutoResponse", "getWebSocketAutoResponseTimestamp", "abort"];
    await r.add("ctx methods", () => methods.filter((m) => typeof this.ctx[m] === "function"));
    const storage = ["get", "put", "delete", "list", "deleteAll", "transaction", "transactionSync", "getAlarm", "setAlarm", "deleteAlarm", "sync"];
    await r.add("storage methods", () => storage.filter((m) => typeof this.ctx.storage[m] === "function"));
    await r.add("instances constructed so far", () => constructed);
    return r.response();
  }
}

export class LegacyCounter {
  constructor(state, env) {
    this.state = state;
    this.env = env;
  }

  async fetch(request) {
    if (new URL(request.url).pathname === "/self") {
      return new Response("state=" + this.state.constructor.name + " name=" + this.state.id.name + " env.LEGACY=" + typeof this.env.LEGACY + "\n");
    }
    return count(this.state.storage, request);
  }

  ping() {
    return "pong";
  }
}

export class NoFetch extends DurableObject {}

export class FetchThrows extends DurableObject {
  fetch() {
    throw new RangeError("fetch threw on purpose");
  }
}

export class NotAResponse extends DurableObject {
  fetch() {
    return "a string";
  }
}

// abort resets an object with ctx.abort(): its callers see the error, its
// stub stays broken, a new stub reaches a new instance, and storage keeps
// what was committed.
async function abort(env) {
  const r = new Report();
  const stub = env.COUNTER.getByName("aborted");
  const text = async (s, path) => (await s.fetch("http://do" + path)).text();
  await r.add("count", () => text(stub, "/inc"));
  await r.add("seen", () => text(stub, "/seen"));
  await r.add("abort(reason)", () => text(stub, "/abort"));
  await r.add("abort(reason): remote, durableObjectReset", async () => {
    try {
      await text(env.COUNTER.getByName("aborted"), "/abort");
    } catch (e) {
      return [e.remote, e.durableObjectReset];
    }
  });
  await r.add("the same stub afterwards", () => text(stub, "/seen"));
  await r.add("the same stub: remote, durableObjectReset", async () => {
    try {
      await text(stub, "/seen");
    } catch (e) {
      return [e.remote, e.durableObjectReset];
    }
  });
  const fresh = env.COUNTER.getByName("aborted");
  await r.add("a new stub", () => text(fresh, "/seen"));
  await r.add("abort()", () => text(fresh, "/abort-no-reason"));
  return r.response();
}

// failures calls the objects that cannot answer a fetch.
async function failures(env) {
  const r = new Report();
  await r.add("no fetch()", async () => (await env.NOFETCH.getByName("x").fetch("http://do/")).status);
  await r.add("fetch throws", async () => (await env.THROWS.getByName("x").fetch("http://do/")).status);
  await r.add("fetch throws, error.remote", async () => {
    try {
      await env.THROWS.getByName("x").fetch("http://do/");
    } catch (e) {
      return e.remote;
    }
  });
  await r.add("fetch returns a string", async () => (await env.NOTRESPONSE.getByName("x").fetch("http://do/")).status);
  await r.add("RPC to the legacy class", () => env.LEGACY.getByName("x").ping());
  await r.add("stub.fetch(relative URL)", async () => (await env.COUNTER.getByName("x").fetch("/relative")).status);
  await r.add("stub.fetch()", async () => (await env.COUNTER.getByName("x").fetch()).status);
  return r.response();
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const [, how, name] = url.pathname.split("/");
    const ns = url.searchParams.has("legacy") ? env.LEGACY : env.COUNTER;
    const stub = ns.getByName(name || "none");
    switch (how) {
      case "string":
        return stub.fetch("http://do/inc?by=" + (url.searchParams.get("by") || 1));
      case "request":
        return stub.fetch(new Request("http://do/inc", { method: "POST", headers: { "x-by": "3" }, body: "3" }));
      case "request-init":
        // The init's method, headers and body replace the Request's.
        return stub.fetch(new Request("http://do/inc?from=request"), { method: "PUT", headers: { "x-by": "4" }, body: "4" });
      case "forward":
        return stub.fetch(request);
      case "self":
        return stub.fetch("http://do/self");
      case "failures":
        return failures(env);
      case "abort":
        return abort(env);
    }
    return new Response("no such route", { status: 404 });
  },
};
