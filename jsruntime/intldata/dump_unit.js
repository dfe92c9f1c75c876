// Dumps the unit patterns of workerd's ICU that jsruntime/intl_number_unit.go
// reads from unit/: for each locale in LOCALES (define it before this
// script, e.g. `var LOCALES = ["de"];`) and unitDisplay, the parts
// template ("#" standing for the number) of every sanctioned simple unit
// in each plural category, the "per" pattern of every denominator ("{0}"
// standing for the numerator as formatted) and, for the "-per-" units
// whose parts that composition does not give, their own templates. Run in
// workerd (see README.md beside this file); the result is JSON, and each
// locale's value is written gzipped as unit/<locale>.json.gz.
(() => {
const UNITS = ["acre","bit","byte","celsius","centimeter","day","degree","fahrenheit","fluid-ounce","foot","gallon","gigabit","gigabyte","gram","hectare","hour","inch","kilobit","kilobyte","kilogram","kilometer","liter","megabit","megabyte","meter","microsecond","mile","mile-scandinavian","milliliter","millimeter","millisecond","minute","month","nanosecond","ounce","percent","petabyte","pound","second","stone","terabit","terabyte","week","yard","year"];
const NUM = new Set(["integer","group","decimal","fraction"]);
const CANDS = [1,2,0,3,5,6,11,21,22,25,100,101,102,1000000,0.5,1.5,2.5];
function tpl(parts) {
  const out = []; let hole = false;
  for (const p of parts) {
    if (NUM.has(p.type)) { if (!hole) { out.push("#"); hole = true; } continue; }
    out.push([p.type, p.value]);
  }
  return out;
}
function str(t) { return t.map(p => p === "#" ? "\u0000" : p[1]).join(""); }
const WS = /^[\s\u00a0\u202f\u200e\u200f\u061c]+/;
function parse(s) {
  const i = s.indexOf("\u0000");
  const pre = s.slice(0, i), post = s.slice(i + 1);
  const out = [];
  if (pre) { const m = pre.match(/[\s\u00a0\u202f]+$/); const u = m ? pre.slice(0, pre.length - m[0].length) : pre; if (u) out.push(["unit", u]); if (m) out.push(["literal", m[0]]); }
  out.push("#");
  if (post) { const m = post.match(/^[\s\u00a0\u202f]+/); if (m) out.push(["literal", m[0]]); const u = m ? post.slice(m[0].length) : post; if (u) out.push(["unit", u]); }
  return out;
}
const result = {};
let badSimple = [];
for (const loc of LOCALES) {
  const pr = new Intl.PluralRules(loc);
  const val = {};
  for (const c of CANDS) { const k = pr.select(c); if (!(k in val)) val[k] = c; }
  const L = {};
  for (const disp of ["short", "long", "narrow"]) {
    const D = { simple: {}, per: {}, exc: {} };
    const f = (unit, v) => new Intl.NumberFormat(loc, { style: "unit", unit, unitDisplay: disp }).formatToParts(v);
    for (const u of UNITS) {
      D.simple[u] = {};
      for (const [k, v] of Object.entries(val)) {
        const t = tpl(f(u, v)); D.simple[u][k] = t;
        if (JSON.stringify(parse(str(t))) !== JSON.stringify(t)) badSimple.push([loc, disp, u, k, t]);
      }
    }
    for (const den of UNITS) {
      D.per[den] = {};
      for (const [k, v] of Object.entries(val)) {
        const full = str(tpl(f("byte-per-" + den, v)));
        const b = str(D.simple.byte[k]);
        if (full.includes(b)) D.per[den][k] = full.replace(b, "{0}");
      }
    }
    for (const num of UNITS) for (const den of UNITS) {
      const exc = {}; let bad = false;
      for (const [k, v] of Object.entries(val)) {
        const actual = tpl(f(num + "-per-" + den, v));
        exc[k] = actual;
        const pp = D.per[den][k];
        const pred = pp === undefined ? null : parse(pp.replace("{0}", str(D.simple[num][k])));
        if (JSON.stringify(pred) !== JSON.stringify(actual)) bad = true;
      }
      if (bad) D.exc[num + "-per-" + den] = exc;
    }
    L[disp] = D;
  }
  result[loc] = L;
}
return JSON.stringify({ locales: result, badSimple });
})()

// Second script, run the same way: the parts after the compact part of a
// compacted percent, by unitDisplay (the unit percent, stored as each
// display's "compactPercent") and for the percent style (stored as the
// short display's "percentStyle"), by compactDisplay.
(function () {
  // The parts after the compact part of a compacted percent, in each
  // locale, by unitDisplay (the unit percent) or "style" (the percent
  // style) and compactDisplay.
  const suffix = (parts) => {
    const i = parts.findIndex((p) => p.type === "compact");
    return i < 0 ? null : parts.slice(i + 1).map((p) => [p.type, p.value]);
  };
  const out = {};
  for (const loc of LOCALES) {
    const L = {};
    for (const cd of ["short", "long"]) {
      for (const ud of ["short", "narrow", "long"]) {
        L[ud] = L[ud] || {};
        L[ud][cd] = suffix(new Intl.NumberFormat(loc, { style: "unit", unit: "percent", unitDisplay: ud, notation: "compact", compactDisplay: cd }).formatToParts(1234567));
      }
      L.style = L.style || {};
      L.style[cd] = suffix(new Intl.NumberFormat(loc, { style: "percent", notation: "compact", compactDisplay: cd }).formatToParts(12345));
    }
    out[loc] = L;
  }
  return JSON.stringify(out);
})()
