// Conformance worker: Intl.Locale's constructor, options, getters,
// maximize/minimize, the get* methods and errors. A line per probe.

const probes = [];
const L = Intl.Locale;
const COMMON = ["en", "en-GB", "en-IN", "de", "de-CH", "fr", "fr-CA", "es", "es-MX", "it", "pt-BR", "pt-PT", "nl", "ja", "zh", "zh-TW", "zh-Hant", "ko", "ru", "ar", "ar-EG", "ar-SA", "ar-MA", "hi", "fa", "he", "th", "ur", "bn", "und", "xx", "xx-US", "en-001", "en-150", "es-419", "sr-ME", "pa-PK", "uz-AF", "und-IR", "und-Arab", "ms-Arab", "yue", "ja-Kana", "sl-rozaj-biske-1994", "en-US-x-foo"];
const getters = ["baseName", "language", "script", "region", "variants", "calendar", "caseFirst", "collation", "firstDayOfWeek", "hourCycle", "numeric", "numberingSystem"];
function info(l) {
  return [String(l), String(l.maximize()), String(l.minimize()), l.getCalendars(), l.getCollations(), l.getHourCycles(), l.getNumberingSystems(), l.getTimeZones(), l.getTextInfo(), l.getWeekInfo()];
}
for (const t of COMMON) {
  probes.push([t, () => info(new L(t))]);
}
const TAGS = ["en-latn-us-u-ca-gregory-co-phonebk-hc-h12-kf-upper-kn-nu-arab", "en-u-ca-islamicc", "en-u-kn-true", "en-u-kf-true", "en-u-kn-yes", "en-u-kn-false", "en-u-kf", "en-u-ca-ethiopic-amete-alem", "en-u-ms-imperial", "und-u-tz-usnyc", "en-U-CA-GREGORY", "en-u-foo-ca-gregory", "en-u-ca-gregory-ca-japanese", "ji", "in", "iw", "art-lojban", "en-t-ja", "en-t-ja-u-ca-gregory-a-foo", "en-u-fw-mon", "EN-us-X-foo", "en-US-u-rg-gbzzzz", "en-US-u-fw-mon-hc-h23-ca-japanese-nu-thai-co-phonebk", "ja-u-hc-h11", "en-u-co-standard", "ar-u-nu-latn", "de-DE-u-co-phonebk"];
for (const t of TAGS) {
  probes.push(["tag " + t, () => { const l = new L(t); return [getters.map((g) => l[g]), info(l)]; }]);
}
const OPTS = [
  ["en-US", { language: "fr", script: "latn", region: "ca", calendar: "buddhist", collation: "emoji", hourCycle: "h23", caseFirst: "false", numeric: false, numberingSystem: "thai" }],
  ["en-u-ca-gregory", { calendar: "japanese" }],
  ["en", { numeric: "x" }],
  ["en", { numeric: 0 }],
  ["en", { firstDayOfWeek: "mon" }],
  ["en", { firstDayOfWeek: 1 }],
  ["en", { firstDayOfWeek: 0 }],
  ["en", { firstDayOfWeek: 7 }],
  ["en", { region: "US", numberingSystem: "latn" }],
  ["en", { language: "iw" }],
  ["en-GB", { region: "419" }],
  ["en-Latn", { script: "Cyrl" }],
  ["en", { caseFirst: "upper" }],
];
for (const [t, o] of OPTS) {
  probes.push(["opts " + t + " " + JSON.stringify(o), () => { const l = new L(t, o); return [String(l), getters.map((g) => l[g])]; }]);
}
probes.push(["from locale", () => String(new L(new L("de-DE", { calendar: "buddhist" }), { region: "AT" }))]);
probes.push(["shape", () => [Object.getOwnPropertyNames(L.prototype), L.length, L.name, String(L.prototype[Symbol.toStringTag]), Object.prototype.toString.call(new L("en")), typeof Object.getOwnPropertyDescriptor(L.prototype, "baseName").get, Object.getOwnPropertyDescriptor(L.prototype, "baseName").get.name, Object.getOwnPropertyDescriptor(L.prototype, "getCalendars"), L.prototype.getWeekInfo.name, "prototype" in L.prototype.getWeekInfo, new L("en") instanceof L]]);
probes.push(["errors", () => {
  const r = [];
  for (const f of [() => L("en"), () => new L(), () => new L(5), () => new L("en_US"), () => new L(""), () => new L("en", { language: "xx1" }), () => new L("en", { region: "1" }), () => new L("en", { script: "1" }), () => new L("en", { calendar: "a" }), () => new L("en", { hourCycle: "h25" }), () => new L("en", { caseFirst: "x" }), () => new L("en", { firstDayOfWeek: "x" }), () => new L("en", null), () => new L("en", { calendar: "gregorian" }), () => new L("en-a-x-u-ca-gregory"), () => new L("en-u-co-phonebk-co-x"), () => new L(null), () => L.prototype.toString.call({}), () => Object.getOwnPropertyDescriptor(L.prototype, "baseName").get.call({}), () => L.prototype.getWeekInfo.call({}), () => L.prototype.maximize.call("en")]) {
    try {
      r.push(String(f()));
    } catch (e) {
      r.push(e.name + ": " + e.message);
    }
  }
  return r;
}]);

export default {
  async fetch() {
    const out = [];
    for (const [label, fn] of probes) {
      try {
        out.push(`${label}: ${JSON.stringify(fn())}`);
      } catch (e) {
        out.push(`${label}: throws ${e.name}: ${e.message}`);
      }
    }
    return new Response(out.join("\n"));
  },
};
