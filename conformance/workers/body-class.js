// Body, the prototype of Request's and Response's prototypes, and Request's
// cache, integrity, keepalive and fetcher (surface_cases.go).
export default { fetch() {
  const out = []; const t = (n, f) => { try { out.push(n + ": " + f()); } catch (e) { out.push(n + ": throws " + e.name + ": " + e.message); } };
  t("new Body", () => new Body());
  t("Body()", () => Body());
  t("Request ctor proto", () => Object.getPrototypeOf(Request) === Body);
  t("Request proto proto", () => Object.getPrototypeOf(Request.prototype) === Body.prototype);
  t("Response proto proto", () => Object.getPrototypeOf(Response.prototype) === Body.prototype);
  t("text on other", () => Body.prototype.text.call({}));
  t("Body tag", () => Object.prototype.toString.call(Body.prototype));
  t("Request.prototype own", () => Object.getOwnPropertyNames(Request.prototype).join());
  t("req cache", () => { const r = new Request("http://a/"); return [r.cache, r.integrity, r.keepalive, r.fetcher].map(String).join("|"); });
  t("req cache no-store", () => new Request("http://a/", { cache: "no-store" }).cache);
  t("req cache no-cache", () => new Request("http://a/", { cache: "no-cache" }).cache);
  t("req cache reload", () => new Request("http://a/", { cache: "reload" }).cache);
  t("req cache bogus", () => new Request("http://a/", { cache: "bogus" }).cache);
  t("req cache clone", () => new Request(new Request("http://a/", { cache: "no-store" })).cache);
  t("req integrity empty", () => JSON.stringify(new Request("http://a/", { integrity: "" }).integrity));
  t("req integrity x", () => new Request("http://a/", { integrity: "sha256-x" }).integrity);
  t("req keepalive", () => new Request("http://a/", { keepalive: true }).keepalive);
  return new Response(out.join("\n") + "\n");
} };
