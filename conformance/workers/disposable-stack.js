// DisposableStack and AsyncDisposableStack (surface_cases.go).
export default { async fetch() {
  const out = []; const t = async (n, f) => { try { out.push(n + ": " + String(await f())); } catch (e) { out.push(n + ": throws " + e.name + ": " + e.message + (e.error !== undefined ? " [error " + (e.error && e.error.message) + "; suppressed " + (e.suppressed && e.suppressed.message) + "]" : "")); } };
  await t("shape", () => [DisposableStack.length, DisposableStack.name, Object.getOwnPropertyNames(DisposableStack.prototype).join(), Object.prototype.toString.call(new DisposableStack())].join("|"));
  await t("call", () => DisposableStack());
  await t("order", () => { const log = []; const s = new DisposableStack(); s.defer(() => log.push("a")); s.use({ [Symbol.dispose]() { log.push("b"); } }); s.adopt(1, (v) => log.push("c" + v)); s.use(null); s.use(undefined); s.dispose(); s.dispose(); return log.join() + " " + s.disposed; });
  await t("use bad", () => new DisposableStack().use({}));
  await t("use prim", () => new DisposableStack().use(1));
  await t("defer bad", () => new DisposableStack().defer(1));
  await t("adopt bad", () => new DisposableStack().adopt(1, 2));
  await t("after dispose", () => { const s = new DisposableStack(); s.dispose(); s.defer(() => {}); });
  await t("move", () => { const log = []; const s = new DisposableStack(); s.defer(() => log.push("x")); const m = s.move(); s.dispose(); const d1 = log.join(); m.dispose(); return d1 + "|" + log.join() + " " + s.disposed + " " + (m instanceof DisposableStack); });
  await t("move disposed", () => { const s = new DisposableStack(); s.dispose(); s.move(); });
  await t("errors", () => { const s = new DisposableStack(); s.defer(() => { throw new Error("first"); }); s.defer(() => { throw new Error("second"); }); s.dispose(); });
  await t("one error", () => { const s = new DisposableStack(); s.defer(() => { throw new RangeError("only"); }); s.dispose(); });
  await t("dispose alias", () => DisposableStack.prototype[Symbol.dispose] === DisposableStack.prototype.dispose);
  await t("use returns", () => { const r = { [Symbol.dispose]() {} }; return new DisposableStack().use(r) === r; });
  await t("bad this", () => DisposableStack.prototype.dispose.call({}));
  await t("disposed bad this", () => Object.getOwnPropertyDescriptor(DisposableStack.prototype, "disposed").get.call({}));
  await t("async shape", () => [AsyncDisposableStack.length, Object.getOwnPropertyNames(AsyncDisposableStack.prototype).join(), Object.prototype.toString.call(new AsyncDisposableStack())].join("|"));
  await t("async order", async () => { const log = []; const s = new AsyncDisposableStack(); s.defer(async () => log.push("a")); s.use({ async [Symbol.asyncDispose]() { log.push("b"); } }); s.use({ [Symbol.dispose]() { log.push("sync"); } }); s.adopt(1, async (v) => log.push("c" + v)); const r = await s.disposeAsync(); return log.join() + " " + r + " " + s.disposed; });
  await t("async use bad", () => new AsyncDisposableStack().use({}));
  await t("async errors", async () => { const s = new AsyncDisposableStack(); s.defer(async () => { throw new Error("first"); }); s.defer(() => { throw new Error("second"); }); await s.disposeAsync(); });
  await t("async after", async () => { const s = new AsyncDisposableStack(); await s.disposeAsync(); s.defer(() => {}); });
  await t("async alias", () => AsyncDisposableStack.prototype[Symbol.asyncDispose] === AsyncDisposableStack.prototype.disposeAsync);
  await t("async bad this", async () => { await AsyncDisposableStack.prototype.disposeAsync.call({}); });
  await t("lengths", () => ["use", "adopt", "defer", "move", "dispose"].map((m) => DisposableStack.prototype[m].length).join() + " " + AsyncDisposableStack.prototype.disposeAsync.length);
  return new Response(out.join("\n") + "\n");
} };
