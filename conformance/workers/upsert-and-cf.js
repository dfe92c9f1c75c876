// Map and WeakMap getOrInsert/getOrInsertComputed, Response.cf and
// PerformanceObserver.supportedEntryTypes (surface_cases.go).
export default { fetch() {
  const out = []; const t = (n, f) => { try { out.push(n + ": " + f()); } catch (e) { out.push(n + ": throws " + e.name + ": " + e.message); } };
  t("res cf", () => String(new Response("x").cf));
  t("res cf init", () => JSON.stringify(new Response("x", { cf: { a: 1 } }).cf));
  t("res cf clone", () => JSON.stringify(new Response("x", { cf: { a: 1 } }).clone().cf));
  t("getOrInsert", () => { const m = new Map([[1, "a"]]); return [m.getOrInsert(1, "b"), m.getOrInsert(2, "c"), m.get(2), Map.prototype.getOrInsert.length].join(); });
  t("getOrInsertComputed", () => { const m = new Map(); return [m.getOrInsertComputed("k", (k) => k + "!"), m.getOrInsertComputed("k", () => "no"), Map.prototype.getOrInsertComputed.length].join(); });
  t("getOrInsertComputed bad", () => new Map().getOrInsertComputed(1, 5));
  t("getOrInsert on non-map", () => Map.prototype.getOrInsert.call({}, 1, 2));
  t("weak getOrInsert", () => { const w = new WeakMap(); const k = {}; return [w.getOrInsert(k, 1), w.getOrInsert(k, 2)].join(); });
  t("weak getOrInsert prim", () => new WeakMap().getOrInsert(1, 2));
  t("weak computed", () => { const w = new WeakMap(); const k = {}; return w.getOrInsertComputed(k, () => 3); });
  t("supportedEntryTypes", () => JSON.stringify(PerformanceObserver.supportedEntryTypes) + " " + JSON.stringify(Object.getOwnPropertyDescriptor(PerformanceObserver, "supportedEntryTypes")));
  t("-0 key", () => { const m = new Map(); m.getOrInsert(-0, 1); return Object.is([...m.keys()][0], 0); });
  return new Response(out.join("\n") + "\n");
} };
