// Conformance worker: RPC to a Durable Object, stub.method(args): what
// structured clone carries each way, functions and RpcTargets passed by
// reference, errors thrown by the object as the caller sees them, and the
// calls RPC refuses.
import { DurableObject, RpcTarget } from "cloudflare:workers";
import { Report } from "./durable-report.js";

// Point is a class of the worker's own, which RPC cannot clone.
class Point {
  constructor(x) {
    this.x = x;
  }
}

// Tally is passed by reference: the caller calls back into it.
class Tally extends RpcTarget {
  constructor() {
    super();
    this.n = 0;
  }

  add(k) {
    this.n += k;
    return this.n;
  }
}

export class Remote extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    this.field = "an own field";
  }

  add(a, b) {
    return a + b;
  }

  echo(v) {
    return v;
  }

  // describe tells what arrived: its class and, for objects, its keys.
  describe(...args) {
    return args.map((v) => (v === null ? "null" : typeof v === "object" ? Object.getPrototypeOf(v).constructor.name + " " + Object.keys(v).join(",") : typeof v));
  }

  async later(x) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    return x * 2;
  }

  throwTypeError() {
    throw new TypeError("bad type here");
  }

  throwRangeError() {
    throw new RangeError("out of range");
  }

  throwCustom() {
    const e = new Error("custom");
    e.name = "MyError";
    e.code = 42;
    throw e;
  }

  throwString() {
    throw "just a string";
  }

  async rejectAsync() {
    await null;
    throw new SyntaxError("rejected later");
  }

  returnPoint() {
    return new Point(3);
  }

  returnSymbol() {
    return Symbol("s");
  }

  returnFunction() {
    return (x) => "called back with " + x;
  }

  returnTally() {
    return new Tally();
  }

  callBack(fn) {
    return fn(21);
  }

  async useTally(t) {
    await t.add(1);
    return t.add(10);
  }

  async callOther(stub) {
    return "other says " + (await stub.add(1, 1));
  }

  get prop() {
    return "getter value";
  }

  static staticMethod() {
    return "static";
  }

  _underscored() {
    return "underscored methods are callable";
  }

  alarm() {}

  webSocketMessage() {}
}

export default {
  async fetch(request, env) {
    const stub = env.REMOTE.getByName("rpc");
    const r = new Report();
    switch (new URL(request.url).pathname) {
      case "/values":
        await r.add("add(2, 3)", () => stub.add(2, 3));
        await r.add("echo object", () => stub.echo({ a: 1, b: [1, "x"], c: { d: null } }));
        await r.add("echo Map", () => stub.echo(new Map([["k", new Date(0)]])));
        await r.add("echo Date", () => stub.echo(new Date(86400000)));
        await r.add("echo Set", () => stub.echo(new Set([1, "2"])));
        await r.add("echo Uint8Array", () => stub.echo(new Uint8Array([1, 2, 3])));
        await r.add("echo ArrayBuffer", () => stub.echo(new Uint8Array([4, 5]).buffer));
        await r.add("echo bigint", () => stub.echo(12345678901234567890n));
        await r.add("echo undefined", () => stub.echo(undefined));
        await r.add("echo -0 and NaN", () => stub.echo([-0, NaN]));
        await r.add("echo RegExp", () => stub.echo(/a+/g));
        await r.add("echo an Error", () => stub.echo(new RangeError("as a value")));
        await r.add("echo a cycle", async () => {
          const o = { name: "loop" };
          o.self = o;
          const back = await stub.echo(o);
          return back.self === back;
        });
        await r.add("describe(1, 'a', null, undefined, {x}, [1], new Map)", () => stub.describe(1, "a", null, undefined, { x: 1 }, [1], new Map()));
        await r.add("arguments kept, undefined too", () => stub.describe(1, undefined, 3));
        await r.add("echo Request", async () => {
          const req = await stub.echo(new Request("http://x/y", { method: "POST", body: "request body" }));
          return [req.constructor.name, req.method, req.url, await req.text()];
        });
        await r.add("echo Response", async () => {
          const res = await stub.echo(new Response("response body", { status: 201 }));
          return [res.constructor.name, res.status, await res.text()];
        });
        await r.add("echo Headers", async () => {
          const h = await stub.echo(new Headers({ a: "b" }));
          return [h.constructor.name, h.get("a")];
        });
        await r.add("async method", () => stub.later(4));
        await r.add("concurrent calls", () => Promise.all([stub.later(1), stub.add(1, 1), stub.later(3)]));
        break;
      case "/references":
        await r.add("pass a function", () => stub.callBack((x) => x * 2));
        await r.add("function returned", async () => {
          const f = await stub.returnFunction();
          return [typeof f, await f("hi")];
        });
        await r.add("RpcTarget returned", async () => {
          const t = await stub.returnTally();
          return [await t.add(2), await t.add(3)];
        });
        await r.add("RpcTarget passed", () => stub.useTally(new Tally()));
        await r.add("a stub passed", () => stub.callOther(env.REMOTE.getByName("other")));
        break;
      case "/errors":
        for (const m of ["throwTypeError", "throwRangeError", "throwCustom", "throwString", "rejectAsync"]) {
          await r.add(m, () => stub[m]());
          await r.add(m + ", remote/code", async () => {
            try {
              await stub[m]();
            } catch (e) {
              return [e.remote, e.code];
            }
          });
        }
        await r.add("a method it lacks", () => stub.nope());
        await r.add("typeof stub.nope", () => typeof stub.nope);
        await r.add("an own field", () => stub.field);
        await r.add("a static method", () => stub.staticMethod());
        await r.add("an underscored method", () => stub._underscored());
        await r.add("alarm()", () => stub.alarm());
        await r.add("webSocketMessage()", () => stub.webSocketMessage());
        await r.add("await stub.prop", async () => await stub.prop);
        await r.add("stub.prop()", () => stub.prop());
        await r.add("pass a Point", () => stub.echo(new Point(1)));
        await r.add("return a Point", () => stub.returnPoint());
        await r.add("pass a Symbol", () => stub.echo(Symbol("x")));
        await r.add("return a Symbol", () => stub.returnSymbol());
        await r.add("pass a WeakMap", () => stub.echo(new WeakMap()));
        await r.add("pass an object holding a Point", () => stub.echo({ p: new Point(2) }));
        await r.add("still answers", () => stub.add(1, 2));
        break;
      default:
        return new Response("no such route", { status: 404 });
    }
    return r.response();
  },
};
