// cloudflare:sockets' connect() against a TCP echo server (UPSTREAM_TCP):
// the Socket's shape, reading and writing, the peer closing, half-open
// sockets, close(), startTls() checks, and the errors for bad addresses,
// bad options and an address nothing listens on.
import { connect } from "cloudflare:sockets";
import * as sockets from "cloudflare:sockets";

const dec = new TextDecoder();
const enc = new TextEncoder();

function show(e) {
  return (e && e.constructor && e.constructor.name) + ": " + (e && e.message);
}

async function t(name, f) {
  const timeout = new Promise((r) => setTimeout(() => r("still pending"), 500));
  try {
    return name + " => " + String(await Promise.race([f(), timeout]));
  } catch (e) {
    return name + " !! " + show(e);
  }
}

// readAll reads until n bytes arrived or the stream ended.
async function readAll(reader, n) {
  let got = "";
  while (got.length < n) {
    const { value, done } = await reader.read();
    if (done) return got + " (done)";
    got += dec.decode(value);
  }
  return got;
}

const routes = {
  async "/shape"(env, out) {
    out.push("module keys: " + Object.keys(sockets).filter((k) => k !== "internalNewHttpClient").join(","));
    const s = connect(env.UPSTREAM_TCP);
    const proto = Object.getPrototypeOf(s);
    out.push("prototype: " + Object.getOwnPropertyNames(proto).join(","));
    out.push("toString: " + Object.prototype.toString.call(s) + " " + s.constructor.name);
    out.push("streams: " + (s.readable instanceof ReadableStream) + " " + (s.writable instanceof WritableStream));
    out.push("opened is a promise: " + (s.opened instanceof Promise));
    const info = await s.opened;
    out.push("opened: remoteAddress is the address " + (info.remoteAddress === env.UPSTREAM_TCP) + ", keys " + Object.keys(info));
    out.push("upgraded " + s.upgraded + ", secureTransport " + s.secureTransport);
    out.push(await t("new Socket()", async () => new s.constructor()));
    await s.close();
  },
  async "/echo"(env, out) {
    const s = connect(env.UPSTREAM_TCP);
    const w = s.writable.getWriter();
    const r = s.readable.getReader();
    await w.write(enc.encode("hello"));
    out.push("read: " + (await readAll(r, 5)));
    out.push(await t("write a string", () => w.write("str")));
    out.push("read: " + (await readAll(r, 3)));
    out.push(await t("writer.close()", () => w.close()));
    out.push(await t("read at the end", () => readAll(r, 1)));
    out.push(await t("closed", () => s.closed));
    const early = connect({ hostname: env.UPSTREAM_TCP.split(":")[0], port: Number(env.UPSTREAM_TCP.split(":")[1]) });
    out.push(await t("write before opened", async () => {
      await early.writable.getWriter().write(enc.encode("early"));
      return readAll(early.readable.getReader(), 5);
    }));
    early.close();
  },
  async "/peer-closes"(env, out) {
    for (const allowHalfOpen of [false, true]) {
      out.push("allowHalfOpen " + allowHalfOpen);
      const s = connect(env.UPSTREAM_TCP, { allowHalfOpen });
      const w = s.writable.getWriter();
      await w.write(enc.encode("bye"));
      const r = s.readable.getReader();
      out.push(await t("read", () => readAll(r, 4)));
      out.push(await t("closed", () => s.closed));
      out.push(await t("write", () => w.write(enc.encode("x"))));
      s.close();
    }
  },
  async "/close"(env, out) {
    const s = connect(env.UPSTREAM_TCP);
    out.push(await t("close() at once", () => s.close()));
    out.push(await t("close() again", () => s.close()));
    out.push(await t("opened", async () => (await s.opened).remoteAddress === env.UPSTREAM_TCP));
    out.push(await t("closed", () => s.closed));
    out.push(await t("read after close", () => s.readable.getReader().read()));
    out.push(await t("write after close", () => s.writable.getWriter().write(enc.encode("x"))));
    const c = connect(env.UPSTREAM_TCP);
    await c.opened;
    out.push(await t("readable.cancel()", () => c.readable.cancel()));
    out.push(await t("closed after cancel", () => c.closed));
    c.close();
  },
  async "/start-tls"(env, out) {
    const plain = connect(env.UPSTREAM_TCP);
    out.push(await t("startTls() when off", async () => plain.startTls()));
    plain.close();
    const tls = connect(env.UPSTREAM_TCP, { secureTransport: "on" });
    out.push(await t("startTls() when on", async () => tls.startTls()));
    out.push("secureTransport " + tls.secureTransport);
    tls.close();
    const st = connect(env.UPSTREAM_TCP, { secureTransport: "starttls" });
    out.push("secureTransport " + st.secureTransport);
    const up = st.startTls();
    out.push("startTls(): " + Object.prototype.toString.call(up) + " secureTransport " + up.secureTransport + " upgraded " + up.upgraded);
    out.push(await t("startTls() again", async () => st.startTls()));
    up.close();
    st.close();
  },
  async "/errors"(env, out) {
    const refused = env.UPSTREAM_TCP.split(":")[0] + ":1";
    const addresses = ["127.0.0.1", "nope", "", "127.0.0.1:99999", "http://127.0.0.1:80", "127.0.0.1:80/x", "a b:80", 42, null, undefined, { hostname: "127.0.0.1" }];
    for (const a of addresses) {
      out.push(await t("connect(" + JSON.stringify(a) + ")", async () => connect(a)));
    }
    for (const o of [5, "on", { secureTransport: "bogus" }, { secureTransport: "ON" }]) {
      out.push(await t("options " + JSON.stringify(o), async () => connect(env.UPSTREAM_TCP, o).close()));
    }
    const s = connect(refused);
    out.push(await t("refused: opened", () => s.opened));
    out.push(await t("refused: closed", () => s.closed));
    out.push(await t("refused: write", () => s.writable.getWriter().write(enc.encode("x"))));
    out.push(await t("refused: close()", () => s.close()));
  },
};

export default {
  async fetch(request, env) {
    const route = routes[new URL(request.url).pathname];
    if (!route) return new Response("no such route", { status: 404 });
    const out = [];
    await route(env, out);
    return new Response(out.join("\n") + "\n");
  },
};
