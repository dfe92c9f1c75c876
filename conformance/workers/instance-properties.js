// Instance properties (surface_cases.go): what workerd defines on each
// event or DOMException itself, so Object.keys, spreading and
// JSON.stringify see it.
let rejection = "none";
addEventListener("unhandledrejection", (e) => {
  rejection = Object.keys(e).join() + " " + JSON.stringify(Object.getOwnPropertyDescriptor(e, "reason"));
  e.preventDefault();
});
export default { async fetch() {
  const out = [];
  const t = (n, f) => { try { out.push(n + ": " + String(f())); } catch (e) { out.push(n + ": throws " + e.name + ": " + e.message); } };
  const desc = (o, k) => { const d = Object.getOwnPropertyDescriptor(o, k); return d ? [typeof d.value, typeof d.get, d.writable, d.enumerable, d.configurable].join("/") : "none"; };
  const me = new MessageEvent("message", { data: { a: 1 }, origin: "https://o", lastEventId: "7" });
  t("MessageEvent keys", () => Object.keys(me).join());
  t("MessageEvent json", () => JSON.stringify(me));
  t("MessageEvent data", () => desc(me, "data"));
  t("MessageEvent assign", () => Reflect.set(me, "data", 5) + " " + JSON.stringify(me.data));
  t("MessageEvent prototype", () => Object.getOwnPropertyNames(MessageEvent.prototype).join());
  t("MessageEvent spread", () => JSON.stringify({ ...new MessageEvent("x") }));
  const ce = new CloseEvent("close", { code: 4000, reason: "bye", wasClean: true });
  t("CloseEvent keys", () => Object.keys(ce).join() + " " + JSON.stringify(ce));
  t("CloseEvent code", () => desc(ce, "code"));
  t("CloseEvent prototype", () => Object.getOwnPropertyNames(CloseEvent.prototype).join());
  const ex = new DOMException("gone", "AbortError");
  t("DOMException keys", () => Object.keys(ex).join());
  t("DOMException json", () => JSON.stringify({ ...ex, stack: typeof ex.stack }));
  t("DOMException descriptors", () => ["code", "name", "message", "stack"].map((k) => k + " " + desc(ex, k)).join(", "));
  t("DOMException assign", () => Reflect.set(ex, "message", "x") + " " + ex.message);
  t("DOMException stack", () => { ex.stack = "s"; return ex.stack; });
  t("DOMException defaults", () => JSON.stringify({ ...new DOMException(), stack: 0 }));
  t("DOMException prototype", () => Object.getOwnPropertyNames(DOMException.prototype).slice(-3).join() + " " + String(ex) + " " + (ex instanceof Error));
  const pair = new WebSocketPair();
  const [a, b] = Object.values(pair);
  a.accept(); b.accept();
  const got = new Promise((resolve) => b.addEventListener("message", (e) => resolve(JSON.stringify(e))));
  a.send("hi");
  t("WebSocket message event", () => "sent");
  out.push("WebSocket message: " + await got);
  const closed = new Promise((resolve) => b.addEventListener("close", (e) => resolve(JSON.stringify(e))));
  a.close(4001, "done");
  out.push("WebSocket close: " + await closed);
  Promise.reject(new Error("nobody"));
  await new Promise((r) => setTimeout(r, 5));
  out.push("rejection event: " + rejection);
  return new Response(out.join("\n") + "\n");
} };
