// Conformance worker: brand checks. A method or getter of a Web API class
// called on an object that merely inherits from an instance
// (Object.create(instance)), on a Proxy of one, or on a plain object throws;
// a subclass instance passes. Each route reports one class, a line per probe.

// illegal is workerd's message for a failed brand check, shortened in the
// report; any other message is shown in full.
const illegal = "Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.";

// nameOnly drops error messages from the report: URL and URLSearchParams
// come from goja_nodejs on workerhost, which rejects the same objects as
// workerd but with its own message, in accessors it defines non-configurable.
let nameOnly = false;

function d(e) {
  if (nameOnly) {
    return `${e && e.name}`;
  }
  return `${e && e.name}: ${e && e.message === illegal ? "Illegal invocation (the usual message)" : e && e.message}`;
}

function show(v) {
  if (v === null || typeof v !== "object") {
    return typeof v === "string" ? JSON.stringify(v) : String(v);
  }
  return Object.prototype.toString.call(v);
}

// probe runs fn and reports its result, telling a synchronous throw from a
// rejected promise.
async function probe(out, label, fn) {
  let v;
  try {
    v = fn();
  } catch (e) {
    out.push(`${label}: throws ${d(e)}`);
    return;
  }
  if (v instanceof Promise) {
    try {
      out.push(`${label}: resolves ${show(await v)}`);
    } catch (e) {
      out.push(`${label}: rejects ${d(e)}`);
    }
    return;
  }
  out.push(`${label}: ok ${show(v)}`);
}

// inherited returns the descriptor of the member name that o inherits.
function inherited(o, name) {
  for (let p = Object.getPrototypeOf(o); p !== null; p = Object.getPrototypeOf(p)) {
    const desc = Object.getOwnPropertyDescriptor(p, name);
    if (desc) {
      return desc;
    }
  }
  return undefined;
}

// probes tries each member on an object inheriting from make()'s instance,
// on a Proxy of one and on a plain object; getters are read, methods called
// with args.
async function probes(out, make, members) {
  for (const [name, ...args] of members) {
    const isGetter = args.length === 1 && args[0] === "get";
    const use = (o) => (isGetter ? o[name] : o[name](...args));
    const desc = inherited(make(), name);
    const member = isGetter ? desc?.get : desc?.value;
    await probe(out, `Object.create ${name}`, () => use(Object.create(make())));
    await probe(out, `Proxy ${name}`, () => use(new Proxy(make(), {})));
    if (member === undefined) {
      out.push(`plain ${name}: not on the prototype (own: ${Object.hasOwn(make(), name)})`);
    } else {
      await probe(out, `plain ${name}`, () => member.apply({}, args));
    }
  }
}

const classes = {
  Headers: [() => new Headers({ a: "1" }), [["get", "a"], ["has", "a"], ["set", "b", "2"], ["keys"]]],
  Request: [() => new Request("http://x/", { method: "POST", body: "r" }), [["url", "get"], ["method", "get"], ["headers", "get"], ["clone"], ["text"]]],
  Response: [() => new Response("r", { status: 201 }), [["status", "get"], ["ok", "get"], ["headers", "get"], ["clone"], ["text"]]],
  Blob: [() => new Blob(["abc"], { type: "text/plain" }), [["size", "get"], ["type", "get"], ["slice", 1], ["text"], ["arrayBuffer"]]],
  TextEncoder: [() => new TextEncoder(), [["encoding", "get"], ["encode", "a"]]],
  TextDecoder: [() => new TextDecoder(), [["encoding", "get"], ["decode", new Uint8Array([97])]]],
  AbortController: [() => new AbortController(), [["signal", "get"], ["abort"]]],
  AbortSignal: [() => AbortSignal.abort("why"), [["aborted", "get"], ["reason", "get"], ["throwIfAborted"]]],
  EventTarget: [() => new EventTarget(), [["addEventListener", "x", () => {}], ["dispatchEvent", new Event("x")]]],
  Event: [() => new Event("x", { cancelable: true }), [["type", "get"], ["defaultPrevented", "get"], ["preventDefault"], ["stopPropagation"]]],
  // workerd's MessageEvent.data and CloseEvent.code, .reason and .wasClean
  // are own properties of the instance, which an inheriting object reads
  // through; workerhost has them as prototype getters. Only the inherited
  // Event members are probed here.
  MessageEvent: [() => new MessageEvent("message", { data: "m" }), [["type", "get"], ["preventDefault"]]],
  CloseEvent: [() => new CloseEvent("close", { code: 1000, reason: "r" }), [["type", "get"], ["stopPropagation"]]],
  ErrorEvent: [() => new ErrorEvent("error", { message: "m" }), [["message", "get"]]],
  URL: [() => new URL("http://x/p?q=1"), [["href", "get"], ["searchParams", "get"], ["toString"], ["toJSON"]], true],
  URLSearchParams: [() => new URLSearchParams("a=1"), [["get", "a"], ["append", "b", "2"], ["size", "get"], ["toString"]], true],
  WebSocket: [() => new WebSocketPair()[0], [["readyState", "get"], ["url", "get"], ["accept"], ["send", "x"], ["close"]]],
  Crypto: [() => crypto, [["randomUUID"], ["subtle", "get"]]],
  SubtleCrypto: [() => crypto.subtle, [["digest", "SHA-256", new Uint8Array(1)]]],
};

// subclasses: `class Y extends X {}` instances pass the brand check.
const subclasses = [
  ["Headers", () => { class Y extends Headers {} const y = new Y({ a: "1" }); y.set("b", "2"); return `${y.get("a")} ${y.get("b")} ${y instanceof Headers}`; }],
  ["Request", () => { class Y extends Request {} return new Y("http://x/y").url; }],
  ["Response", () => { class Y extends Response {} return new Y("r", { status: 202 }).text().then((t) => `${t} ${new Y(null, { status: 203 }).status}`); }],
  ["Blob", () => { class Y extends Blob {} return new Y(["abc"]).size; }],
  ["EventTarget", () => {
    class Y extends EventTarget {}
    const y = new Y();
    let got = "";
    y.addEventListener("x", (e) => { got = e.type; });
    y.dispatchEvent(new Event("x"));
    return got;
  }],
  ["Event", () => { class Y extends Event {} const y = new Y("x", { cancelable: true }); y.preventDefault(); return `${y.type} ${y.defaultPrevented}`; }],
  ["TextEncoder", () => { class Y extends TextEncoder {} return new Y().encode("ab").length; }],
  ["AbortController", () => { class Y extends AbortController {} const y = new Y(); y.abort(); return y.signal.aborted; }],
  ["URL", () => { class Y extends URL {} const y = new Y("http://x/a?b=1"); return `${y.pathname} ${y.searchParams.get("b")} ${y}`; }],
  ["URLSearchParams", () => { class Y extends URLSearchParams {} const y = new Y("a=1"); y.append("b", "2"); return `${y.get("b")} ${y}`; }],
];

export default {
  async fetch(request, env, ctx) {
    const name = new URL(request.url).pathname.slice(1);
    const out = [];
    if (name === "message") {
      try {
        Headers.prototype.get.call({}, "a");
      } catch (e) {
        out.push(`${e.name}: ${e.message}`);
      }
    } else if (name === "subclass") {
      for (const [label, fn] of subclasses) {
        await probe(out, `extends ${label}`, fn);
      }
    } else if (name === "ExecutionContext") {
      await probes(out, () => ctx, [["waitUntil", Promise.resolve()], ["passThroughOnException"]]);
    } else if (classes[name]) {
      const [make, members, withoutMessages] = classes[name];
      nameOnly = Boolean(withoutMessages);
      try {
        await probes(out, make, members);
      } finally {
        nameOnly = false;
      }
    } else {
      return new Response("no such class", { status: 404 });
    }
    return new Response(out.join("\n"));
  },
};
