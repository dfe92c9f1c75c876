// Conformance worker: form bodies (formData(), FormData, File, FormData as
// a body) and the small globals (navigator, scheduler, setImmediate,
// CustomEvent, reportError, Headers.getAll, request.cf). It prints what it
// observes as "label: result" lines, with nothing random or timed.
// Property names are sorted: workerhost defines a class's constructor
// first, workerd last.

function attempt(label, fn) {
  try {
    const v = fn();
    return `${label}: ${typeof v === "string" ? v : JSON.stringify(v)}`;
  } catch (e) {
    return `${label}: ${e.constructor.name}: ${e.message}`;
  }
}

async function attemptAsync(label, fn) {
  try {
    const v = await fn();
    return `${label}: ${typeof v === "string" ? v : JSON.stringify(v)}`;
  } catch (e) {
    return `${label}: ${e.constructor.name}: ${e.message}`;
  }
}

// describeValue shows a string's text, or the head of a long one.
function describeValue(text) {
  return text.length <= 64 ? JSON.stringify(text) : `${JSON.stringify(text.slice(0, 16))}... (${text.length} characters)`;
}

async function describeEntries(fd) {
  const out = [];
  for (const [name, value] of fd) {
    if (typeof value === "string") {
      out.push(`${name}: string ${describeValue(value)}`);
    } else {
      out.push(`${name}: ${Object.prototype.toString.call(value)} name=${JSON.stringify(value.name)} type=${JSON.stringify(value.type)} size=${value.size} text=${describeValue(await value.text())} lastModified=${typeof value.lastModified}`);
    }
  }
  return out;
}

async function upload(request) {
  const lines = [`content-type starts: ${request.headers.get("content-type").split(";")[0]}`];
  lines.push(...(await describeEntries(await request.formData())));
  return lines;
}

function formDataResponse() {
  const fd = new FormData();
  fd.append("text", "hello\r\nworld");
  fd.append("file", new File(["file body"], "report.txt", { type: "text/plain" }));
  fd.append("blob", new Blob([new Uint8Array([0, 1, 2, 255])]));
  fd.append("renamed", new Blob(["x"], { type: "Application/JSON" }), 'we"ird\nname.json');
  fd.append("unicode", "\u00e9\u4e2d");
  return new Response(fd);
}

const mp = (body) => new Response(body, { headers: { "content-type": "multipart/form-data; boundary=zz" } }).formData();

async function parsing() {
  const form = (body, ct) => new Response(body, ct === undefined ? {} : { headers: { "content-type": ct } }).formData();
  return [
    await attemptAsync("urlencoded", async () => [...(await form("a=1&b=%20x+y&a=&c&&%zz=%e2%82%ac&d=%ff&e=%4&f=%&g=100%25", "application/x-www-form-urlencoded"))]),
    await attemptAsync("urlencoded with charset", async () => [...(await form("a=1", "application/x-www-form-urlencoded; charset=utf-8"))]),
    await attemptAsync("URLSearchParams body", async () => [...(await new Response(new URLSearchParams("a=1&b=2")).formData())]),
    await attemptAsync("no content-type", async () => [...(await form("a=1"))]),
    await attemptAsync("text/plain", async () => [...(await form("a=1", "text/plain"))]),
    await attemptAsync("null body", async () => [...(await form(null, "application/x-www-form-urlencoded"))]),
    await attemptAsync("no boundary", async () => [...(await form("x", "multipart/form-data"))]),
    await attemptAsync("quoted boundary", async () => [...(await form('--zz\r\nContent-Disposition: form-data; name="a"\r\n\r\nv\r\n--zz--', 'multipart/form-data; boundary="zz"'))]),
    await attemptAsync("garbage", async () => [...(await mp("garbage"))]),
    await attemptAsync("empty", async () => [...(await mp(""))]),
    await attemptAsync("only the closing boundary", async () => [...(await mp("--zz--"))]),
    await attemptAsync("preamble", async () => [...(await mp('junk\r\n--zz\r\nContent-Disposition: form-data; name="a"\r\n\r\nv\r\n--zz--\r\nepilogue'))]),
    await attemptAsync("truncated", async () => [...(await mp('--zz\r\nContent-Disposition: form-data; name="a"\r\n\r\nval'))]),
    await attemptAsync("no Content-Disposition", async () => [...(await mp("--zz\r\nX: y\r\n\r\nval\r\n--zz--"))]),
    await attemptAsync("no name", async () => [...(await mp("--zz\r\nContent-Disposition: form-data\r\n\r\nval\r\n--zz--"))]),
    await attemptAsync("bad header", async () => [...(await mp('--zz\r\nContent-Disposition: form-data; name="f"; filename="a\rb"\r\n\r\nx\r\n--zz--'))]),
    await attemptAsync("files", async () => describeEntries(await mp('--zz\r\nContent-Disposition: form-data; name="f"; filename="dir/x.txt"\r\nContent-Type: text/Plain\r\n\r\nfile\r\n--zz\r\nContent-Disposition: form-data; name="g"; filename=""\r\nContent-Type: text/x\r\n\r\nabc\r\n--zz\r\nContent-Disposition: form-data; name="h"; filename="n.bin"\r\n\r\n\r\n--zz--\r\n'))),
    await attemptAsync("used body", async () => { const r = new Response("a=1", { headers: { "content-type": "application/x-www-form-urlencoded" } }); await r.text(); return [...(await r.formData())]; }),
  ];
}

function formDataAPI() {
  const show = (fd) => [...fd].map(([k, v]) => (typeof v === "string" ? [k, v] : [k, String(v), v.name, v.type, v.size]));
  return [
    attempt("append and set", () => { const fd = new FormData(); fd.append("a", "1"); fd.append("b", new Blob(["xyz"], { type: "text/x" })); fd.append("c", new Blob(["q"]), "q.bin"); fd.append("d", new File(["f"], "orig.txt"), "renamed"); fd.append("a", "2"); fd.set("e", 5); fd.append("f", "x", "ignored"); return show(fd); }),
    attempt("get, getAll, has", () => { const fd = new FormData(); fd.append("a", "1"); fd.append("a", "2"); return [fd.get("a"), fd.getAll("a"), fd.has("a"), fd.get("z"), fd.has("z"), fd.getAll("z")]; }),
    attempt("set and delete", () => { const fd = new FormData(); fd.append("a", "1"); fd.append("b", "x"); fd.append("a", "2"); fd.append("c", "y"); fd.set("a", "3"); fd.delete("b"); return show(fd); }),
    attempt("iteration", () => { const fd = new FormData(); fd.append("a", "1"); fd.append("b", "2"); const o = []; fd.forEach((v, k, p) => o.push(k + v + (p === fd))); return [[...fd.keys()], [...fd.values()], [...fd.entries()], o, String(fd), String(fd.keys()), String(fd.values()), String(fd.entries()), Object.getOwnPropertyNames(Object.getPrototypeOf(fd.keys())).sort(), fd[Symbol.iterator] === FormData.prototype.entries]; }),
    attempt("same File back", () => { const f = new File(["a"], "a.txt"); const fd = new FormData(); fd.append("f", f); return fd.get("f") === f; }),
    attempt("lone surrogates", () => { const fd = new FormData(); fd.append("a\uD800", "b\uDC00"); return [...fd.keys()].map((k) => k.charCodeAt(1)).concat([...fd.values()].map((v) => v.charCodeAt(1))); }),
    attempt("prototype", () => Object.getOwnPropertyNames(FormData.prototype).sort()),
    attempt("append with one argument", () => new FormData().append("a")),
    attempt("get without arguments", () => new FormData().get()),
    attempt("FormData without new", () => FormData()),
    attempt("new FormData(string)", () => [...new FormData("x")]),
    attempt("File", () => { const f = new File(["ab"], "n.txt", { type: "Text/Plain", lastModified: 42 }); return [f.name, f.type, f.size, f.lastModified, String(f), f instanceof Blob]; }),
    attempt("File prototype", () => [Object.getOwnPropertyNames(File.prototype).sort(), Object.getPrototypeOf(File.prototype) === Blob.prototype]),
    attempt("File with one argument", () => new File(["a"])),
    attempt("File without new", () => File([], "x")),
    attempt("File lastModified default", () => typeof new File([], "x").lastModified),
  ];
}

async function globals(request) {
  const lines = [
    attempt("navigator", () => Object.entries(Object.getOwnPropertyDescriptors(navigator)).map(([k, d]) => [k, d.value, d.writable, d.enumerable, d.configurable])),
    attempt("String(navigator)", () => String(navigator)),
    attempt("Navigator.prototype", () => Object.getOwnPropertyNames(Navigator.prototype).sort()),
    attempt("new Navigator()", () => new Navigator()),
    attempt("scheduler", () => [String(scheduler), Object.getOwnPropertyNames(Object.getPrototypeOf(scheduler)).sort(), typeof globalThis.Scheduler, scheduler.wait.length]),
    await attemptAsync("scheduler.wait(20)", async () => { const p = scheduler.wait(20); return [p instanceof Promise, await p]; }),
    await attemptAsync("scheduler.wait()", async () => scheduler.wait()),
    await attemptAsync("scheduler.wait('x')", async () => scheduler.wait("x")),
    await attemptAsync("scheduler.wait aborted", async () => { const ac = new AbortController(); const p = scheduler.wait(10000, { signal: ac.signal }); ac.abort(); return await p; }),
    await attemptAsync("scheduler.wait already aborted", async () => scheduler.wait(1, { signal: AbortSignal.abort(new RangeError("why")) })),
    await attemptAsync("setImmediate order", async () => {
      const order = [];
      const h = setImmediate((a, b) => order.push(`immediate ${a} ${b}`), 1, 2);
      setTimeout(() => order.push("timeout"), 0);
      Promise.resolve().then(() => order.push("microtask"));
      clearImmediate(setImmediate(() => order.push("cleared")));
      await new Promise((resolve) => setTimeout(resolve, 20));
      return [String(h), Object.getOwnPropertyNames(Object.getPrototypeOf(h)).sort(), order];
    }),
    attempt("setImmediate('x')", () => setImmediate("x")),
    attempt("clearImmediate(undefined), (null)", () => [clearImmediate(undefined), clearImmediate(null)]),
    attempt("clearImmediate(5)", () => clearImmediate(5)),
    attempt("CustomEvent", () => { const e = new CustomEvent("x", { detail: { a: 1 }, bubbles: true }); return [e.type, e.detail, e.bubbles, new CustomEvent("y").detail, e instanceof Event, String(e), Object.getOwnPropertyNames(CustomEvent.prototype).sort()]; }),
    attempt("new CustomEvent()", () => new CustomEvent()),
    attempt("CustomEvent dispatched", () => { const et = new EventTarget(); let got; et.addEventListener("x", (e) => { got = e.detail; }); et.dispatchEvent(new CustomEvent("x", { detail: 7 })); return got; }),
    attempt("reportError", () => {
      const seen = [];
      const listener = (e) => seen.push([e.constructor.name, e.message, e.error === err, e.cancelable, e.isTrusted]);
      const err = new TypeError("boom");
      addEventListener("error", listener);
      try {
        reportError(err);
        reportError("plain");
      } finally {
        removeEventListener("error", listener);
      }
      return seen;
    }),
    attempt("reportError()", () => reportError()),
    attempt("Headers getAll", () => { const h = new Headers(); h.append("Set-Cookie", "a=1"); h.append("set-cookie", "b=2, c=3"); return [h.getAll("SET-COOKIE"), h.getSetCookie(), h.get("set-cookie"), new Headers().getAll("Set-Cookie")]; }),
    attempt("Headers getAll other", () => new Headers({ a: "1" }).getAll("a")),
    attempt("Headers getAll()", () => new Headers().getAll()),
    attempt("request.cf", () => [typeof request.cf, Object.isFrozen(request.cf)]),
    attempt("request.cf keys", () => Object.keys(request.cf)),
    attempt("cf of a script's Request", () => [new Request("http://x/").cf, new Request("http://x/", { cf: { a: 1 } }).cf]),
  ];
  return lines;
}

function timeline() {
  const names = (list) => list.map((e) => `${e.entryType}:${e.name}`);
  const a = performance.mark("a", { detail: { x: 1 } });
  return [
    attempt("mark", () => [String(a), a.name, a.entryType, typeof a.startTime, a.duration, a.detail, Object.keys(a.toJSON())]),
    attempt("mark startTime", () => [performance.mark("b", { startTime: 5 }).startTime, performance.mark("neg", { startTime: -1 }).startTime, performance.mark("s", { startTime: "x" }).startTime]),
    attempt("mark()", () => performance.mark()),
    attempt("mark with detail null", () => performance.mark("n", { detail: null })),
    attempt("new PerformanceMark", () => { const m = new PerformanceMark("c"); return [m.name, m.detail, performance.getEntriesByName("c").length]; }),
    attempt("new PerformanceEntry()", () => new PerformanceEntry()),
    attempt("new PerformanceMeasure()", () => new PerformanceMeasure()),
    attempt("prototypes", () => [Object.getOwnPropertyNames(PerformanceEntry.prototype).sort(), Object.getOwnPropertyNames(PerformanceMark.prototype).sort(), Object.getOwnPropertyNames(PerformanceMeasure.prototype).sort(), Object.getOwnPropertyNames(Performance.prototype).sort()]),
    attempt("measure from mark", () => { const m = performance.measure("m1", "a", "b"); return [String(m), m.startTime === a.startTime, m.detail]; }),
    attempt("measure start end", () => performance.measure("m2", { start: 1, end: 11, detail: { y: 2 } })),
    attempt("measure start duration", () => performance.measure("m3", { start: 1, duration: 4 })),
    attempt("measure start end duration", () => performance.measure("m4", { start: 1, end: 2, duration: 3 })),
    attempt("measure end", () => performance.measure("m5", { end: 10 })),
    attempt("measure unknown mark", () => performance.measure("m6", "nope").startTime),
    attempt("measure()", () => performance.measure()),
    attempt("measure detail string", () => performance.measure("m7", { detail: "d" })),
    attempt("getEntries", () => names(performance.getEntries())),
    attempt("getEntriesByType", () => [names(performance.getEntriesByType("mark")), names(performance.getEntriesByType("measure")), performance.getEntriesByType("x")]),
    attempt("getEntriesByName", () => [performance.getEntriesByName("a", "measure").length, performance.getEntriesByName("a", "mark").length, performance.getEntriesByName("a")[0] === a]),
    attempt("getEntriesByName()", () => performance.getEntriesByName()),
    attempt("clearMarks(a)", () => { performance.clearMarks("a"); return names(performance.getEntriesByType("mark")); }),
    attempt("clearMarks(), clearMeasures()", () => { performance.clearMarks(); performance.clearMeasures(); return performance.getEntries(); }),
    attempt("node members", () => [String(performance.eventCounts), String(performance.nodeTiming), performance.eventLoopUtilization(), performance.timerify((x) => x + 1)(1), performance.markResourceTiming(), performance.setResourceTimingBufferSize(5), performance.clearResourceTimings()]),
    attempt("PerformanceObserver", () => { const o = new PerformanceObserver(() => {}); o.observe({ type: "mark" }); performance.mark("o"); const r = o.takeRecords(); o.disconnect(); performance.clearMarks(); return [r, PerformanceObserver.supportedEntryTypes, Object.getOwnPropertyNames(PerformanceObserver.prototype).sort()]; }),
    attempt("globals", () => ["PerformanceObserverEntryList", "PerformanceResourceTiming", "EventCounts", "PerformanceNodeTiming"].map((n) => `${n}=${typeof globalThis[n]}`)),
    attempt("resource timing members", () => [Object.getOwnPropertyNames(PerformanceResourceTiming.prototype).sort(), Object.getOwnPropertyNames(PerformanceObserverEntryList.prototype).sort()]),
    attempt("resource timing getter on {}", () => Object.getOwnPropertyDescriptor(PerformanceResourceTiming.prototype, "responseEnd").get.call({})),
    attempt("entry list getEntries on {}", () => PerformanceObserverEntryList.prototype.getEntries.call({})),
    attempt("new PerformanceResourceTiming()", () => new PerformanceResourceTiming()),
  ];
}

const tick = (ms = 10) => new Promise((resolve) => setTimeout(resolve, ms));

async function messageChannel() {
  return [
    attempt("shape", () => { const c = new MessageChannel(); return [String(c), Object.getOwnPropertyNames(MessageChannel.prototype), Object.keys(c), String(c.port1), Object.getOwnPropertyNames(MessagePort.prototype).sort(), c.port1 instanceof EventTarget, c.port1 === c.port1, c.port1.onmessage, c.port1.onmessageerror]; }),
    attempt("new MessagePort()", () => new MessagePort()),
    attempt("MessageChannel()", () => MessageChannel()),
    await attemptAsync("a listener without start()", async () => { const c = new MessageChannel(); const got = []; c.port2.addEventListener("message", (e) => got.push(e.data)); c.port1.postMessage("x"); await tick(); return got; }),
    await attemptAsync("the event", async () => { const c = new MessageChannel(); const got = []; c.port2.addEventListener("message", (e) => got.push([e.constructor.name, e.data, e.target === c.port2, e.ports, e.isTrusted])); c.port2.start(); c.port1.postMessage({ a: [1, 2] }); await tick(); return got; }),
    await attemptAsync("cloned when posted", async () => { const c = new MessageChannel(); const got = []; const d = { a: 1 }; c.port2.onmessage = (e) => got.push([e.data, e.data === d]); c.port1.postMessage(d); d.a = 2; await tick(); return got; }),
    await attemptAsync("order", async () => { const c = new MessageChannel(); const order = []; c.port2.onmessage = (e) => order.push(`message ${e.data}`); c.port1.postMessage(1); c.port1.postMessage(2); Promise.resolve().then(() => order.push("microtask")); setTimeout(() => order.push("timeout"), 0); order.push("sync"); await tick(); return order; }),
    await attemptAsync("both ways", async () => { const c = new MessageChannel(); const got = []; c.port1.onmessage = (e) => got.push(`port1 ${e.data}`); c.port2.onmessage = (e) => got.push(`port2 ${e.data}`); c.port1.postMessage("a"); c.port2.postMessage("b"); await tick(); return got; }),
    await attemptAsync("closed", async () => { const c = new MessageChannel(); const got = []; c.port2.onmessage = (e) => got.push(e.data); c.port1.close(); c.port1.postMessage("after close"); await tick(); return got; }),
    await attemptAsync("closed after posting", async () => { const c = new MessageChannel(); const got = []; c.port2.onmessage = (e) => got.push(e.data); c.port1.postMessage("before"); c.port2.close(); await tick(); return got; }),
    await attemptAsync("held until a handler", async () => { const c = new MessageChannel(); const got = []; c.port2.onmessage = (e) => got.push(e.data); c.port2.onmessage = null; c.port1.postMessage(1); await tick(); c.port2.onmessage = (e) => got.push(`late ${e.data}`); await tick(); return got; }),
    await attemptAsync("postMessage(undefined), ()", async () => { const c = new MessageChannel(); const got = []; c.port2.onmessage = (e) => got.push(e.data === undefined); c.port1.postMessage(undefined); c.port1.postMessage(); await tick(); return got; }),
    attempt("a function", () => new MessageChannel().port1.postMessage(() => 1)),
    attempt("a transfer list", () => { const b = new ArrayBuffer(8); new MessageChannel().port1.postMessage(b, [b]); }),
    attempt("transfer in options", () => { const b = new ArrayBuffer(8); new MessageChannel().port1.postMessage(b, { transfer: [b] }); }),
  ];
}

async function cacheAPI() {
  const c = caches.default;
  const req = (method, headers) => new Request("https://cache.test/a", { method, headers });
  return [
    attempt("shape", () => [String(caches), String(c), c === caches.default, Object.getOwnPropertyNames(Cache.prototype).sort(), Object.getOwnPropertyNames(CacheStorage.prototype).sort()]),
    attempt("new Cache()", () => new Cache()),
    attempt("new CacheStorage()", () => new CacheStorage()),
    await attemptAsync("open", async () => { const o = await caches.open("mine"); return [String(o), o === (await caches.open("mine")), o === c]; }),
    await attemptAsync("open()", async () => caches.open()),
    await attemptAsync("open, 1023 characters", async () => String(await caches.open("x".repeat(1023)))),
    await attemptAsync("open, 1024 characters", async () => caches.open("x".repeat(1024))),
    await attemptAsync("match of a POST", async () => c.match(req("POST"))),
    await attemptAsync("delete of a POST", async () => c.delete(req("POST"))),
    await attemptAsync("put of a POST", async () => c.put(req("POST"), new Response("x"))),
    await attemptAsync("put of a 206", async () => c.put("https://cache.test/a", new Response("x", { status: 206 }))),
    await attemptAsync("put with Vary: *", async () => c.put("https://cache.test/a", new Response("x", { headers: { vary: "Accept, *" } }))),
    await attemptAsync("put of a used body", async () => { const r = new Response("x"); await r.text(); return c.put("https://cache.test/a", r); }),
    await attemptAsync("put of a string", async () => c.put("https://cache.test/a", "x")),
    await attemptAsync("put()", async () => c.put()),
    await attemptAsync("match()", async () => c.match()),
    await attemptAsync("put to a relative URL", async () => c.put("/relative", new Response("x"))),
    attempt("keys()", () => c.keys()),
    attempt("matchAll()", () => c.matchAll()),
    attempt("add()", () => c.add("https://cache.test/a")),
    attempt("caches.match()", () => caches.match("https://cache.test/a")),
    attempt("caches.has()", () => caches.has("mine")),
    // What follows needs a cache service: plain workerd has none.
    await attemptAsync("put", async () => c.put("https://cache.test/a", new Response("hello", { headers: { "cache-control": "max-age=60", etag: '"v1"' } }))),
    await attemptAsync("match", async () => { const r = await c.match("https://cache.test/a"); return r && [r.status, await r.text(), r.headers.get("cf-cache-status")]; }),
    await attemptAsync("delete", async () => c.delete("https://cache.test/a")),
  ];
}

export default {
  async fetch(request) {
    const path = new URL(request.url).pathname;
    let lines;
    switch (path) {
      case "/upload":
        lines = await upload(request).catch((e) => [`${e.constructor.name}: ${e.message}`]);
        break;
      case "/formdata-response":
        return formDataResponse();
      case "/formdata-request":
        return new Response(new Request("http://x/", { method: "POST", body: new FormData() }).headers.get("content-type").replace(/[0-9a-f]{32}$/, "<32 hex digits>"));
      case "/parsing":
        lines = await parsing();
        break;
      case "/formdata":
        lines = formDataAPI();
        break;
      case "/performance":
        lines = timeline();
        break;
      case "/message-channel":
        lines = await messageChannel();
        break;
      case "/caches":
        lines = await cacheAPI();
        break;
      case "/globals":
        lines = await globals(request);
        break;
      default:
        return new Response("not found", { status: 404 });
    }
    return new Response(lines.join("\n") + "\n");
  },
};
