// Conformance worker: Intl.DisplayNames across locales, types, styles,
// language displays and fallbacks, with its options and errors. A line
// per probe.

const probes = [];
const A = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const REGIONS = [...A].flatMap((a) => [...A].map((b) => a + b)).concat(["001", "002", "019", "029", "150", "419", "999", "us", "gb"]);
const LANGS = ["en", "de", "fr", "es", "it", "pt", "nl", "ja", "zh", "ko", "ru", "ar", "hi", "sv", "da", "nb", "no", "fi", "pl", "cs", "tr", "uk", "he", "iw", "el", "th", "vi", "id", "ms", "fil", "tl", "sw", "zu", "yue", "haw", "und", "xx",
  "en-US", "en-GB", "en-AU", "en-CA", "en-IN", "de-AT", "de-CH", "fr-CA", "fr-CH", "es-419", "es-MX", "es-ES", "pt-BR", "pt-PT", "nl-BE", "zh-Hans", "zh-Hant", "zh-CN", "zh-TW", "zh-HK", "zh-Hans-CN", "zh-Hant-TW", "zh-Hant-HK",
  "sr-Latn", "sr-Cyrl", "sr-Latn-RS", "az-Arab", "uz-Cyrl", "en-Latn", "en-Latn-US", "EN-us", "ar-001", "ar-EG", "ro-MD", "sw-CD", "nds-NL", "xx-US", "xx-Latn", "en-Xxxx", "en-ZZ", "ja-JP", "ko-KR", "hi-Latn"];
const SCRIPTS = ["Latn", "Cyrl", "Arab", "Hans", "Hant", "Jpan", "Kore", "Grek", "Hebr", "Deva", "Thai", "Zzzz", "Zyyy", "Zmth", "Brai", "Xxxx", "latn"];
const FIELDS = ["era", "year", "quarter", "month", "weekOfYear", "weekday", "day", "dayPeriod", "hour", "minute", "second", "timeZoneName"];
const CODES = {
  language: LANGS, region: REGIONS, script: SCRIPTS, currency: Intl.supportedValuesOf("currency").concat(["usd", "XYZ"]),
  calendar: Intl.supportedValuesOf("calendar").concat(["gregorian", "ethiopic-amete-alem", "foo"]), dateTimeField: FIELDS,
};
for (const l of ["en", "en-GB", "en-AU", "de", "de-CH", "fr", "fr-CA", "es", "es-MX", "it", "pt-BR", "pt-PT", "nl", "ja", "zh", "zh-Hant", "ko", "ru", "ar", "hi", "sv", "pl", "tr"]) {
  for (const type of Object.keys(CODES)) {
    for (const style of ["long", "short", "narrow"]) {
      for (const languageDisplay of type === "language" ? ["dialect", "standard"] : ["dialect"]) {
        for (const fallback of ["code", "none"]) {
          if (fallback === "none" && type !== "language" && type !== "region") continue;
          probes.push([`${l} ${type} ${style} ${languageDisplay} ${fallback}`, () => {
            const d = new Intl.DisplayNames(l, { type, style, languageDisplay, fallback });
            return CODES[type].map((c) => String(d.of(c))).join("|");
          }]);
        }
      }
    }
  }
}
const ERRORS = [[undefined, undefined], ["en", undefined], ["en", {}], ["en", null], ["en", { type: "x" }], ["en", { type: "region", style: "x" }],
  ["en", { type: "region", fallback: "x" }], ["en", { type: "language", languageDisplay: "x" }], ["en", { type: "region", localeMatcher: "x" }], ["en_US", { type: "region" }]];
for (const [l, o] of ERRORS) {
  probes.push([`new ${l} ${JSON.stringify(o)}`, () => new Intl.DisplayNames(l, o).resolvedOptions()]);
}
for (const [type, code] of [["language", "en-US-u-ca-gregory"], ["language", "root"], ["language", "e"], ["language", "en_US"], ["language", "i-klingon"], ["language", "en-x-foo"],
  ["region", "usa"], ["region", "1"], ["region", ""], ["script", "Lat"], ["currency", "US"], ["currency", "usdx"], ["calendar", "ca"], ["calendar", "gregory_x"], ["dateTimeField", "Era"], ["dateTimeField", "years"], ["region", 12]]) {
  probes.push([`of ${type} ${JSON.stringify(code)}`, () => new Intl.DisplayNames("en", { type }).of(code)]);
}
for (const [l, o] of [["de-DE", { type: "language" }], [undefined, { type: "region" }], ["ar", { type: "currency", style: "short" }], [["xx", "fr-CA"], { type: "script", fallback: "none" }], ["en-US-u-ca-japanese", { type: "calendar" }], ["zh-Hant-TW", { type: "dateTimeField", style: "narrow", languageDisplay: "standard" }]]) {
  probes.push([`resolved ${l} ${JSON.stringify(o)}`, () => new Intl.DisplayNames(l, o).resolvedOptions()]);
}
probes.push(["supportedLocalesOf", () => Intl.DisplayNames.supportedLocalesOf(["en-US", "de", "xx", "zh-Hant-TW", "ar-EG"])]);
probes.push(["shape", () => [Intl.DisplayNames.length, Intl.DisplayNames.name, Object.prototype.toString.call(new Intl.DisplayNames("en", { type: "region" })), Object.getOwnPropertyNames(Intl.DisplayNames.prototype).sort(), typeof Intl.DisplayNames.supportedLocalesOf]]);
probes.push(["call", () => Intl.DisplayNames("en", { type: "region" })]);
probes.push(["receiver", () => Intl.DisplayNames.prototype.of.call({}, "US")]);
probes.push(["receiver resolvedOptions", () => Intl.DisplayNames.prototype.resolvedOptions.call(1)]);

// The probes are split over PARTS routes (/?part=0 …), each short enough
// for a -race build's CPU budget.
const PARTS = 3;

export default {
  async fetch(request) {
    const part = Number(new URL(request.url).searchParams.get("part"));
    const out = [];
    for (const [label, fn] of probes.filter((_, i) => i % PARTS === part)) {
      try {
        out.push(`${label}: ${JSON.stringify(fn())}`);
      } catch (e) {
        out.push(`${label}: throws ${e.name}: ${e.message}`);
      }
    }
    return new Response(out.join("\n"));
  },
};
