// Conformance worker: Durable Object namespaces, IDs and stubs. NS runs
// Named, OTHER runs Other; each object answers with the name and ID it sees
// from inside (ctx.id).
import { DurableObject } from "cloudflare:workers";
import { Report } from "./durable-report.js";

export class Named extends DurableObject {
  fetch() {
    const id = this.ctx.id;
    return new Response("inside: name=" + id.name + " hex=" + id.toString().length + " class=Named");
  }

  whoAmI() {
    return "rpc inside: name=" + this.ctx.id.name;
  }
}

export class Other extends DurableObject {}

const HEX = /^[0-9a-f]{64}$/;

// namespace covers the binding itself and the IDs it makes.
async function namespace(env) {
  const r = new Report();
  const ns = env.NS;
  await r.add("typeof ns", () => typeof ns);
  await r.add("String(ns)", () => String(ns));
  await r.add("ns constructor", () => ns.constructor.name);
  await r.add("new ns constructor", () => new ns.constructor());
  await r.add("ns methods", () => ["newUniqueId", "idFromName", "idFromString", "get", "getByName", "jurisdiction"].map((m) => typeof ns[m]));
  const a = ns.idFromName("foo");
  const b = ns.idFromName("foo");
  await r.add("idFromName(foo)", () => a.toString());
  await r.add("is 64 lowercase hex", () => HEX.test(a.toString()));
  await r.add("String(id) is toString()", () => String(a) === a.toString());
  await r.add("same name equals", () => a.equals(b));
  await r.add("same name ===", () => a === b);
  await r.add("other name equals", () => a.equals(ns.idFromName("bar")));
  await r.add("idFromName(bar)", () => ns.idFromName("bar").toString());
  await r.add("idFromName('')", () => ns.idFromName("").toString());
  await r.add("idFromName(42) is idFromName('42')", () => ns.idFromName(42).equals(ns.idFromName("42")));
  await r.add("idFromName(long) length", () => ns.idFromName("x".repeat(10000)).toString().length);
  await r.add("idFromName()", () => ns.idFromName());
  await r.add("id.name", () => a.name);
  await r.add("id constructor", () => a.constructor.name);
  await r.add("new id constructor", () => new a.constructor());
  await r.add("id own keys", () => Object.keys(a));
  await r.add("id.jurisdiction", () => a.jurisdiction);
  await r.add("JSON.stringify(id)", () => JSON.stringify(a));
  await r.add("equals(string)", () => a.equals(a.toString()));
  const u = ns.newUniqueId();
  const u2 = ns.newUniqueId();
  await r.add("newUniqueId is 64 lowercase hex", () => HEX.test(u.toString()));
  await r.add("two newUniqueId differ", () => u.toString() !== u2.toString() && !u.equals(u2));
  await r.add("newUniqueId name", () => u.name);
  await r.add("newUniqueId({jurisdiction: eu})", () => ns.newUniqueId({ jurisdiction: "eu" }));
  await r.add("jurisdiction(eu)", () => ns.jurisdiction("eu"));
  await r.add("jurisdiction()", () => String(ns.jurisdiction()));
  const s = ns.idFromString(a.toString());
  await r.add("idFromString equals", () => s.equals(a));
  await r.add("idFromString name", () => s.name);
  await r.add("idFromString(upper case)", () => ns.idFromString(a.toString().toUpperCase()).toString());
  await r.add("idFromString(newUniqueId) equals", () => ns.idFromString(u.toString()).equals(u));
  await r.add("idFromString(abc)", () => ns.idFromString("abc"));
  await r.add("idFromString(65 hex)", () => ns.idFromString(a.toString() + "0"));
  await r.add("idFromString(64 non-hex)", () => ns.idFromString("z".repeat(64)));
  await r.add("idFromString(a bit flipped)", () => ns.idFromString((a.toString()[0] === "0" ? "1" : "0") + a.toString().slice(1)));
  const o = env.OTHER.idFromName("foo");
  await r.add("OTHER idFromName(foo) differs", () => o.toString() !== a.toString());
  await r.add("OTHER id equals NS id", () => o.equals(a));
  await r.add("idFromString(OTHER's id)", () => ns.idFromString(o.toString()));
  return r.response();
}

// stubs covers get, getByName and what a stub shows.
async function stubs(env) {
  const r = new Report();
  const ns = env.NS;
  const id = ns.idFromName("foo");
  const stub = ns.get(id);
  await r.add("stub constructor", () => stub.constructor.name);
  await r.add("String(stub)", () => String(stub));
  await r.add("stub own keys", () => Object.keys(stub));
  await r.add("stub.id equals", () => stub.id.equals(id));
  await r.add("stub.id is id", () => stub.id === id);
  await r.add("stub.name", () => stub.name);
  await r.add("stub.then", () => stub.then);
  await r.add("typeof stub.anything", () => typeof stub.anything);
  await r.add("stub.fetch", async () => (await stub.fetch("http://do/")).text());
  await r.add("stub.whoAmI()", () => stub.whoAmI());
  const byName = ns.getByName("foo");
  await r.add("getByName name", () => byName.name);
  await r.add("getByName id equals", () => byName.id.equals(id));
  await r.add("getByName fetch", async () => (await byName.fetch("http://do/")).text());
  await r.add("getByName(7) name", () => ns.getByName(7).name);
  await r.add("getByName()", () => ns.getByName());
  await r.add("get(string)", () => ns.get("foo"));
  await r.add("get()", () => ns.get());
  await r.add("get with locationHint", () => ns.get(id, { locationHint: "enam" }).name);
  const fromString = ns.get(ns.idFromString(id.toString()));
  await r.add("idFromString stub name", () => fromString.name);
  await r.add("idFromString stub fetch (object made by name)", async () => (await fromString.fetch("http://do/")).text());
  // An object first reached by an ID from idFromString does not know its
  // name, and keeps not knowing it while it runs.
  const bar = ns.idFromName("bar");
  await r.add("fetch by string first", async () => (await ns.get(ns.idFromString(bar.toString())).fetch("http://do/")).text());
  await r.add("then by name", async () => (await ns.get(bar).fetch("http://do/")).text());
  const unique = ns.get(ns.newUniqueId());
  await r.add("newUniqueId stub name", () => unique.name);
  await r.add("newUniqueId stub fetch", async () => (await unique.fetch("http://do/")).text());
  await r.add("get(OTHER's id) name", () => ns.get(env.OTHER.idFromName("q")).name);
  return r.response();
}

export default {
  fetch(request, env) {
    switch (new URL(request.url).pathname) {
      case "/namespace":
        return namespace(env);
      case "/stubs":
        return stubs(env);
    }
    return new Response("no such route", { status: 404 });
  },
};
