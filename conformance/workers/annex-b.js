// The legacy built-ins of ECMAScript's Annex B that V8 has (surface_cases.go):
// String.prototype's HTML methods, Date.prototype.getYear/setYear/
// toGMTString, Object.prototype.__defineGetter__ and its kin.
export default { fetch() {
  const out = [];
  const t = (n, f) => { try { out.push(n + ": " + JSON.stringify(f())); } catch (e) { out.push(n + ": throws " + e.name + ": " + e.message); } };
  t("anchor", () => "x".anchor('a"b'));
  t("fontcolor", () => "x".fontcolor(5));
  t("bold", () => "x".bold());
  t("fixed", () => "x".fixed());
  t("link", () => "x".link("u"));
  t("sup len", () => [String.prototype.sup.length, String.prototype.anchor.length, String.prototype.anchor.name]);
  t("anchor null", () => String.prototype.anchor.call(null));
  t("getYear", () => new Date(2024, 5, 1).getYear());
  t("setYear 99", () => { const d = new Date(2024, 5, 1); d.setYear(99); return d.getFullYear(); });
  t("setYear 2030", () => { const d = new Date(2024, 5, 1); return [d.setYear(2030) === d.getTime(), d.getFullYear()]; });
  t("setYear NaN date", () => { const d = new Date(NaN); d.setYear(2000); return d.toISOString(); });
  t("setYear NaN", () => { const d = new Date(0); return d.setYear("x"); });
  t("getYear invalid", () => new Date(NaN).getYear());
  t("getYear non-date", () => Date.prototype.getYear.call({}));
  t("toGMTString", () => Date.prototype.toGMTString === Date.prototype.toUTCString);
  t("defineGetter", () => { const o = {}; o.__defineGetter__("x", () => 5); const d = Object.getOwnPropertyDescriptor(o, "x"); return [o.x, d.enumerable, d.configurable]; });
  t("defineGetter bad", () => ({}).__defineGetter__("x", 5));
  t("lookupGetter", () => { class A { get g() { return 1; } } return typeof new A().__lookupGetter__("g"); });
  t("lookupGetter data", () => ({ a: 1 }).__lookupGetter__("a"));
  t("lookupSetter", () => { const o = {}; o.__defineSetter__("s", function (v) {}); return typeof o.__lookupSetter__("s"); });
  t("enumerable", () => Object.keys(String.prototype).length + Object.keys(Object.prototype).length);
  t("lens", () => [Object.prototype.__defineGetter__.length, Object.prototype.__lookupGetter__.length, Date.prototype.setYear.length]);
  return new Response(out.join("\n") + "\n");
} };
