// Conformance worker: the worker as a client. Each route reports what the
// outbound APIs did as the response body, one line per step.

function d(e) {
  return `${e && e.constructor && e.constructor.name}: ${e && e.message}`;
}

async function step(out, label, fn) {
  try {
    out.push(`${label}: ${await fn()}`);
  } catch (e) {
    out.push(`${label}: ${d(e)}${e instanceof DOMException ? ` (${e.name})` : ""}`);
  }
}

const routes = {
  async "/fetch"(env) {
    const out = [];
    const up = env.UPSTREAM;
    await step(out, "plain", async () => { const r = await fetch(up + "plain"); return `${r.status} ${r.statusText} ${await r.text()}`; });
    await step(out, "post", async () => { const r = await fetch(up + "echo-body", { method: "POST", body: "sent body" }); return await r.text(); });
    await step(out, "closed port", async () => (await fetch("http://127.0.0.1:1/")).status);
    await step(out, "ftp", async () => (await fetch("ftp://x/")).status);
    await step(out, "wss", async () => (await fetch("wss://x/")).status);
    await step(out, "manual", async () => { const r = await fetch(up + "redirect", { redirect: "manual" }); return `${r.status} ${r.headers.get("location")} redirected=${r.redirected}`; });
    await step(out, "follow", async () => { const r = await fetch(up + "redirect"); return `${r.status} ${r.url} redirected=${r.redirected} ${await r.text()}`; });
    await step(out, "error", async () => (await fetch(up + "redirect", { redirect: "error" })).status);
    await step(out, "refused upgrade", async () => { const r = await fetch(up + "plain", { headers: { Upgrade: "websocket" } }); return `${r.status} ws=${r.webSocket} body=${await r.text()}`; });
    await step(out, "upgrade", async () => {
      const r = await fetch(up, { headers: { Upgrade: "websocket" } });
      const ws = r.webSocket;
      const shape = `${r.status} url=${ws.url} protocol=${JSON.stringify(ws.protocol)} readyState=${ws.readyState}`;
      ws.accept();
      const reply = new Promise((resolve) => ws.addEventListener("message", (e) => resolve(e.data)));
      ws.send("via fetch");
      const got = await reply;
      ws.close(1000, "done");
      return `${shape} echo=${got}`;
    });
    return out;
  },

  async "/fetch-redirect-errors"(env) {
    const out = [];
    const up = env.UPSTREAM;
    await step(out, "endless redirects", async () => (await fetch(up + "loop/0")).status);
    await step(out, "manual endless", async () => { const r = await fetch(up + "loop/0", { redirect: "manual" }); return `${r.status} ${r.headers.get("location")}`; });
    await step(out, "bad location", async () => (await fetch(up + "bad-location")).status);
    await step(out, "bad location manual", async () => { const r = await fetch(up + "bad-location", { redirect: "manual" }); return `${r.status} ${r.headers.get("location")}`; });
    return out;
  },

  async "/fetch-unknown-protocols"(env) {
    const out = [];
    const host = new URL(env.UPSTREAM).host;
    for (const scheme of ["ftp", "ws", "wss", "foo"]) {
      const u = `${scheme}://${host}/via-${scheme}`;
      await step(out, scheme, async () => { const r = await fetch(u); return `${r.status} ${r.url} ${await r.text()}`; });
    }
    await step(out, "no host", async () => (await fetch("foo:bar")).status);
    return out;
  },

  async "/constructor-errors"() {
    const out = [];
    for (const [label, args] of [["http", ["http://x/"]], ["ftp", ["ftp://x/"]], ["fragment", ["ws://x/#f"]],
      ["relative", ["/rel"]], ["duplicate protocols", ["ws://x/", ["a", "a"]]], ["bad protocol", ["ws://x/", "a b"]],
      ["bad protocol in list", ["ws://x/", ["a", "b c"]]]]) {
      await step(out, label, () => { new WebSocket(...args); return "ok"; });
    }
    const ws = new WebSocket("ws://127.0.0.1:1/");
    out.push(`connecting: readyState=${ws.readyState} url=${ws.url} protocol=${JSON.stringify(ws.protocol)} extensions=${JSON.stringify(ws.extensions)}`);
    await step(out, "send while connecting", () => ws.send("x"));
    await step(out, "accept while connecting", () => ws.accept());
    await new Promise((resolve) => {
      ws.addEventListener("open", () => out.push("open"));
      ws.addEventListener("error", (e) => out.push(`error event: ${e.constructor.name} ${e.message} readyState=${ws.readyState}`));
      ws.addEventListener("close", (e) => { out.push(`close event: ${e.code} ${e.reason} ${e.wasClean} readyState=${ws.readyState}`); resolve(); });
    });
    return out;
  },

  async "/stream-in"(env) {
    const out = [];
    const r = await fetch(env.UPSTREAM + "plain");
    out.push(`body is ${Object.prototype.toString.call(r.body)} locked=${r.body.locked} bodyUsed=${r.bodyUsed}`);
    const reader = r.body.getReader();
    const decoder = new TextDecoder();
    let text = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    out.push(`read ${JSON.stringify(text)} bodyUsed=${r.bodyUsed}`);
    await step(out, "text() after reading the stream", () => r.text());
    const b = await fetch(env.UPSTREAM + "echo-body", { method: "POST", body: new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode("streamed ")); c.enqueue(new TextEncoder().encode("request body")); c.close(); } }) });
    out.push(`echo of a stream body: ${await b.text()}`);
    return out;
  },

  async "/crypto"() {
    const out = [];
    await step(out, "getRandomValues u8", () => { const a = new Uint8Array(8); const r = crypto.getRandomValues(a); return `${r === a} ${a.length}`; });
    await step(out, "too big", () => crypto.getRandomValues(new Uint8Array(65537)));
    await step(out, "exactly 65536", () => crypto.getRandomValues(new Uint8Array(65536)).length);
    await step(out, "float", () => crypto.getRandomValues(new Float32Array(2)));
    await step(out, "not a view", () => crypto.getRandomValues([1, 2]));
    await step(out, "no arg", () => crypto.getRandomValues());
    await step(out, "uuid", () => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()));
    const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, "0")).join("");
    for (const algo of ["SHA-1", "SHA-256", "sha-384", { name: "SHA-512" }, "MD5", "SHA-3", "md5"]) {
      await step(out, `digest ${JSON.stringify(algo)}`, async () => hex(await crypto.subtle.digest(algo, new TextEncoder().encode("abc"))));
    }
    await step(out, "digest string data", async () => hex(await crypto.subtle.digest("SHA-256", "abc")));
    await step(out, "crypto toString", () => Object.prototype.toString.call(crypto) + " " + Object.prototype.toString.call(crypto.subtle));
    await step(out, "new Crypto", () => new Crypto());
    return out;
  },

  async "/abort"(env) {
    const out = [];
    const c = new AbortController();
    out.push(`initial aborted=${c.signal.aborted} reason=${c.signal.reason}`);
    let events = 0;
    c.signal.addEventListener("abort", (e) => { events++; out.push(`abort event type=${e.type} trusted=${e.isTrusted}`); });
    c.signal.onabort = () => out.push("onabort");
    c.abort();
    c.abort("again");
    out.push(`after abort aborted=${c.signal.aborted} reason=${d(c.signal.reason)} (${c.signal.reason.name}) events=${events}`);
    await step(out, "throwIfAborted", () => c.signal.throwIfAborted());
    const c2 = new AbortController();
    c2.abort("custom reason");
    out.push(`custom: ${c2.signal.reason}`);
    out.push(`static abort: ${AbortSignal.abort().reason.name}`);
    await step(out, "fetch pre-aborted", () => fetch(env.UPSTREAM + "plain", { signal: AbortSignal.abort() }));
    const t = AbortSignal.timeout(10);
    await new Promise((r) => setTimeout(r, 50));
    out.push(`timeout: ${d(t.reason)} (${t.reason.name})`);
    await step(out, "fetch timeout", async () => (await fetch(env.UPSTREAM + "slow", { signal: AbortSignal.timeout(100) })).status);
    const c3 = new AbortController();
    setTimeout(() => c3.abort(), 50);
    await step(out, "fetch aborted mid-way", async () => (await fetch(env.UPSTREAM + "slow", { signal: c3.signal })).status);
    await step(out, "new AbortSignal", () => new AbortSignal());
    const req = new Request("http://x/", { signal: c.signal });
    out.push(`request.signal aborted=${req.signal.aborted} same=${req.signal === c.signal}`);
    return out;
  },

  async "/extensions"(env) {
    const ws = new WebSocket(env.UPSTREAM_WS + "deflate");
    const out = [];
    await new Promise((resolve) => {
      ws.addEventListener("open", () => { out.push(`extensions=${JSON.stringify(ws.extensions)}`); ws.send("x".repeat(1000)); });
      ws.addEventListener("message", (e) => { out.push(`echo length ${e.data.length}`); ws.close(); });
      ws.addEventListener("close", () => resolve());
    });
    const r = await fetch(env.UPSTREAM + "deflate", { headers: { Upgrade: "websocket", "Sec-WebSocket-Extensions": "permessage-deflate" } });
    out.push(`fetch upgrade extensions header=${JSON.stringify(r.headers.get("sec-websocket-extensions"))} ws.extensions=${JSON.stringify(r.webSocket.extensions)}`);
    r.webSocket.accept();
    r.webSocket.close();
    return out;
  },

  async "/constructor-refused"(env) {
    const out = [];
    const ws = new WebSocket(env.UPSTREAM_WS + "plain");
    await new Promise((resolve) => {
      ws.addEventListener("open", () => out.push("open"));
      ws.addEventListener("error", (e) => out.push(`error event: ${e.message} readyState=${ws.readyState}`));
      ws.addEventListener("close", (e) => { out.push(`close event: ${e.code} ${e.reason} ${e.wasClean}`); resolve(); });
    });
    return out;
  },

  async "/constructor"(env) {
    const out = [];
    const ws = new WebSocket(env.UPSTREAM_WS + "proto", ["chat", "superchat"]);
    await new Promise((resolve) => {
      ws.addEventListener("open", () => {
        out.push(`open readyState=${ws.readyState} protocol=${JSON.stringify(ws.protocol)} extensions=${JSON.stringify(ws.extensions)} url=${ws.url}`);
        ws.send("text");
        ws.send(new Uint8Array([1, 2, 3]));
      });
      ws.addEventListener("message", (e) => {
        out.push(`message ${typeof e.data === "string" ? e.data : Object.prototype.toString.call(e.data)}`);
        if (out.length === 3) ws.close(4000, "bye");
      });
      ws.addEventListener("close", (e) => { out.push(`close ${e.code} ${e.reason} ${e.wasClean} readyState=${ws.readyState}`); resolve(); });
    });
    await step(out, "return in Response", () => new Response(null, { status: 101, webSocket: ws }) && "constructed");
    return out;
  },
};

// proxy joins a client's WebSocket to the upstream echo server, half-open on
// both sides so each close is forwarded with its code, as the guide
// suggests for proxying.
async function proxy(env) {
  const upstream = await fetch(env.UPSTREAM, { headers: { Upgrade: "websocket" } });
  const up = upstream.webSocket;
  const [client, server] = Object.values(new WebSocketPair());
  server.accept({ allowHalfOpen: true });
  up.accept({ allowHalfOpen: true });
  server.addEventListener("message", (e) => up.send(e.data));
  up.addEventListener("message", (e) => server.send(`upstream says: ${e.data}`));
  server.addEventListener("close", (e) => {
    console.log(`proxy: client closed ${e.code} ${e.reason} readyState=${server.readyState}`);
    up.close(e.code, e.reason);
  });
  up.addEventListener("close", (e) => {
    console.log(`proxy: upstream closed ${e.code} ${e.reason} readyState=${up.readyState}`);
    server.close(e.code, e.reason);
  });
  return new Response(null, { status: 101, webSocket: client });
}

// passThrough returns the upstream's socket itself to the client: the
// runtime pumps both directions.
async function passThrough(env) {
  const upstream = await fetch(env.UPSTREAM, { headers: { Upgrade: "websocket" } });
  return new Response(null, { status: 101, webSocket: upstream.webSocket });
}

// streamOut answers with a body produced a chunk at a time.
function streamOut() {
  let n = 0;
  const encoder = new TextEncoder();
  const body = new ReadableStream({
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (++n > 3) controller.close();
      else controller.enqueue(encoder.encode(`chunk ${n}\n`));
    },
  });
  return new Response(body, { headers: { "content-type": "text/plain" } });
}

export default {
  async fetch(request, env) {
    const path = new URL(request.url).pathname;
    if (path === "/proxy") return proxy(env);
    if (path === "/pass-through") return passThrough(env);
    if (path === "/stream-out") return streamOut();
    const route = routes[path];
    if (!route) return new Response("not found", { status: 404 });
    return new Response((await route(env)).join("\n"));
  },
};
