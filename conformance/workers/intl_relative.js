// Conformance worker: Intl.RelativeTimeFormat in the locales workerhost has
// data for, every style, unit and numeric setting over values that pick
// each plural category, the numeric: "auto" phrases, rounding and grouping.
// A line per probe.

function line(out, label, fn) {
  try {
    out.push(`${label}: ${JSON.stringify(fn())}`);
  } catch (e) {
    out.push(`${label}: throws ${e.name}: ${e.message}`);
  }
}

const locales = ["en", "en-US", "en-GB", "en-IN", "de", "fr", "es", "it", "pt-BR", "pt-PT", "nl", "ja", "zh-CN", "zh-TW", "ko", "ru", "pl", "cs", "uk"];
const units = ["year", "quarter", "month", "week", "day", "hour", "minute", "second", "days"];
const values = [-2, -1, -0, 0, 1, 2, 3, 5, 11, 21, 22, 101, 1.5, -1.5, 0.5, 1000, 12345.678, -1234567, 2.0004];

function formats(out) {
  for (const loc of locales) {
    for (const style of ["long", "short", "narrow"]) {
      for (const numeric of ["always", "auto"]) {
        const f = new Intl.RelativeTimeFormat(loc, { style, numeric });
        for (const unit of units) {
          line(out, `${loc} ${style} ${numeric} ${unit}`, () => values.map((v) => f.format(v, unit)).join(" | "));
        }
      }
    }
  }
}

function options(out) {
  line(out, "resolvedOptions", () => [new Intl.RelativeTimeFormat().resolvedOptions(), new Intl.RelativeTimeFormat("de-XX", { numeric: "auto", style: "short" }).resolvedOptions()]);
  for (const loc of ["en-US", "de-DE", "zh-TW", "xx", "sv-SE"]) {
    line(out, `locale ${loc}`, () => new Intl.RelativeTimeFormat(loc).resolvedOptions().locale);
  }
  line(out, "formatToParts", () => new Intl.RelativeTimeFormat("en").formatToParts(-1234.5, "days"));
  line(out, "formatToParts auto", () => new Intl.RelativeTimeFormat("en", { numeric: "auto" }).formatToParts(-1, "day"));
  line(out, "formatToParts de", () => new Intl.RelativeTimeFormat("de").formatToParts(3.25, "hour"));
  line(out, "string value", () => new Intl.RelativeTimeFormat("en").format("3", "day"));
  line(out, "big value", () => new Intl.RelativeTimeFormat("en").format(1e21, "day"));
  line(out, "supportedLocalesOf", () => Intl.RelativeTimeFormat.supportedLocalesOf(["en-US", "xx", "de"]));
  line(out, "shape", () => [Intl.RelativeTimeFormat.length, Object.getOwnPropertyNames(Intl.RelativeTimeFormat.prototype), Object.prototype.toString.call(new Intl.RelativeTimeFormat())]);
  line(out, "bad unit", () => new Intl.RelativeTimeFormat("en").format(1, "xyz"));
  line(out, "no unit", () => new Intl.RelativeTimeFormat("en").format(1));
  line(out, "Infinity", () => new Intl.RelativeTimeFormat("en").format(Infinity, "day"));
  line(out, "NaN", () => new Intl.RelativeTimeFormat("en").format(NaN, "day"));
  line(out, "bad style", () => new Intl.RelativeTimeFormat("en", { style: "x" }));
  line(out, "bad numeric", () => new Intl.RelativeTimeFormat("en", { numeric: "x" }));
  line(out, "null options", () => new Intl.RelativeTimeFormat("en", null));
  line(out, "without new", () => Intl.RelativeTimeFormat());
  line(out, "format on {}", () => Intl.RelativeTimeFormat.prototype.format.call({}, 1, "day"));
}

export default {
  async fetch(request) {
    const out = [];
    switch (new URL(request.url).pathname) {
      case "/formats":
        formats(out);
        break;
      case "/options":
        options(out);
        break;
      default:
        return new Response("not found", { status: 404 });
    }
    return new Response(out.join("\n"));
  },
};
