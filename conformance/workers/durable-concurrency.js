// Conformance worker: a Durable Object's input gate and
// blockConcurrencyWhile(). While a storage call is in flight no other event
// is delivered to the object, so concurrent read-increment-write requests
// lose no update; awaiting anything else (here, a promise the requests
// resolve for each other) lets the next request in. blockConcurrencyWhile()
// holds every event until its callback settles, and a callback that throws
// resets the object.
import { DurableObject } from "cloudflare:workers";
import { Report } from "./durable-report.js";

export class Gate extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    this.arrived = 0;
    this.waiting = [];
  }

  async fetch(request) {
    const s = this.ctx.storage;
    switch (new URL(request.url).pathname) {
      case "/inc": {
        const v = (await s.get("n")) || 0;
        await s.put("n", v + 1);
        return new Response(String(v + 1));
      }
      case "/inc-barrier": {
        // Each request reads, then waits until all five have read.
        const v = (await s.get("b")) || 0;
        await this.barrier(5);
        await s.put("b", v + 1);
        return new Response(String(v + 1));
      }
    }
    return new Response("no such route", { status: 404 });
  }

  async inc() {
    const v = (await this.ctx.storage.get("r")) || 0;
    await this.ctx.storage.put("r", v + 1);
    return v + 1;
  }

  async totals() {
    return this.ctx.storage.get(["n", "r", "b"]);
  }

  // barrier resolves once n calls are waiting, or fails after 3 s.
  barrier(n) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("only " + this.arrived + " of " + n + " requests arrived")), 3000);
      this.waiting.push(() => {
        clearTimeout(timer);
        resolve();
      });
      if (++this.arrived === n) this.waiting.forEach((f) => f());
    });
  }
}

export class Blocked extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    this.log = ["constructor start"];
    ctx.blockConcurrencyWhile(async () => {
      this.log.push("constructor's callback starts");
      await new Promise((resolve) => setTimeout(resolve, 100));
      this.value = (await ctx.storage.get("v")) || "initialised in blockConcurrencyWhile";
      this.log.push("constructor's callback ends");
    });
    this.log.push("constructor end");
  }

  async fetch(request) {
    const path = new URL(request.url).pathname;
    this.log.push("fetch " + path);
    switch (path) {
      case "/block-in-fetch": {
        let queued;
        const returned = await this.ctx.blockConcurrencyWhile(async () => {
          this.log.push("callback starts");
          // A request to this object made while it is blocked waits for
          // the callback to end.
          queued = this.env.BLOCKED.get(this.ctx.id).fetch("http://do/queued");
          await new Promise((resolve) => setTimeout(resolve, 50));
          this.log.push("callback ends");
          return "callback's value";
        });
        this.log.push("blockConcurrencyWhile returned " + JSON.stringify(returned));
        await queued;
        break;
      }
      case "/block-throws":
        await this.ctx.blockConcurrencyWhile(async () => {
          throw new TypeError("callback threw");
        });
        this.log.push("not reached");
        break;
      case "/block-sync-value":
        this.log.push("synchronous callback returned " + (await this.ctx.blockConcurrencyWhile(() => 42)));
        break;
    }
    return new Response(this.value + " | " + this.log.join(", "));
  }
}

// text fetches url from stub and returns the body, or what was thrown.
async function text(stub, url) {
  try {
    return await (await stub.fetch(url)).text();
  } catch (e) {
    return "threw " + e.constructor.name + ": " + e.message;
  }
}

export default {
  async fetch(request, env) {
    const r = new Report();
    switch (new URL(request.url).pathname) {
      case "/input-gate": {
        const gate = env.GATE.getByName("gate");
        const many = (n, f) => Promise.all(Array.from({ length: n }, f));
        await r.add("20 concurrent fetches, results sorted", async () => (await many(20, () => text(gate, "http://do/inc"))).map(Number).sort((a, b) => a - b));
        await r.add("20 concurrent RPC calls, results sorted", async () => (await many(20, () => gate.inc())).sort((a, b) => a - b));
        await r.add("5 that await each other between get and put", async () => await many(5, () => text(gate, "http://do/inc-barrier")));
        await r.add("totals", () => gate.totals());
        break;
      }
      case "/block-concurrency": {
        const stub = env.BLOCKED.getByName("first");
        const [a, b] = await Promise.all([text(stub, "http://do/one"), text(stub, "http://do/two")]);
        r.note("first request: " + a);
        r.note("second request: " + b);
        r.note("block in fetch: " + (await text(stub, "http://do/block-in-fetch")));
        r.note("synchronous callback: " + (await text(stub, "http://do/block-sync-value")));
        break;
      }
      case "/block-throws": {
        const stub = env.BLOCKED.getByName("throws");
        r.note("first: " + (await text(stub, "http://do/one")));
        r.note("callback throws: " + (await text(stub, "http://do/block-throws")));
        r.note("same stub again: " + (await text(stub, "http://do/after")));
        r.note("new stub: " + (await text(env.BLOCKED.getByName("throws"), "http://do/new-stub")));
        break;
      }
      default:
        return new Response("no such route", { status: 404 });
    }
    return r.response();
  }
};
