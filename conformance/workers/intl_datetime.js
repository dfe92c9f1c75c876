// Conformance worker: Intl.DateTimeFormat and Date.prototype.toLocale*String
// in the locales workerhost has data for, with option sets, dates (DST
// edges among them) and IANA zones. A line per probe.

function line(out, label, fn) {
  try {
    out.push(`${label}: ${JSON.stringify(fn())}`);
  } catch (e) {
    out.push(`${label}: throws ${e.name}: ${e.message}`);
  }
}

const locales = ["en", "en-US", "en-GB", "de", "fr", "es", "it", "pt-BR", "nl", "ja", "zh-CN", "ko", "ru"];
const dates = [
  Date.UTC(2024, 0, 31, 15, 4, 5, 67),
  Date.UTC(1999, 11, 31, 23, 59, 59, 999),
  Date.UTC(2024, 6, 4, 0, 0, 0, 0),
];
const optionSets = [
  {},
  { year: "numeric", month: "long", day: "numeric" },
  { weekday: "long", year: "numeric", month: "long", day: "numeric" },
  { year: "2-digit", month: "2-digit", day: "2-digit" },
  { month: "short", day: "numeric" },
  { year: "numeric", month: "short" },
  { weekday: "short" },
  { hour: "numeric", minute: "2-digit" },
  { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false },
  { hour: "numeric", hourCycle: "h11" },
  { hour: "numeric", minute: "numeric", hourCycle: "h24" },
  { hour: "numeric", minute: "numeric", second: "numeric", fractionalSecondDigits: 3 },
  { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "numeric" },
  { weekday: "long", hour: "numeric", minute: "numeric" },
  { year: "numeric", era: "short" },
  { month: "narrow" },
  { dateStyle: "full" },
  { dateStyle: "long" },
  { dateStyle: "medium" },
  { dateStyle: "short" },
  { timeStyle: "medium" },
  { dateStyle: "full", timeStyle: "short" },
  { dateStyle: "medium", timeStyle: "medium" },
  { dateStyle: "short", timeStyle: "long" },
];

function formats(out) {
  for (const loc of locales) {
    for (const opts of optionSets) {
      line(out, `${loc} ${JSON.stringify(opts)}`, () => {
        const f = new Intl.DateTimeFormat(loc, opts);
        return dates.map((d) => f.format(d)).join(" | ");
      });
    }
  }
}

const zones = ["UTC", "America/New_York", "America/Los_Angeles", "Europe/London", "Europe/Berlin", "Asia/Tokyo", "Asia/Kolkata", "Australia/Sydney", "+05:30"];
// DST edges: the moments around New York's and Berlin's changes in 2024.
const edges = [
  Date.UTC(2024, 2, 10, 6, 59), Date.UTC(2024, 2, 10, 7, 0), Date.UTC(2024, 10, 3, 5, 59), Date.UTC(2024, 10, 3, 6, 0),
  Date.UTC(2024, 2, 31, 0, 59), Date.UTC(2024, 2, 31, 1, 0), Date.UTC(2024, 9, 27, 0, 59), Date.UTC(2024, 9, 27, 1, 0),
];

function zoneProbes(out) {
  for (const timeZone of zones) {
    for (const timeZoneName of ["short", "long", "shortOffset", "longOffset", "shortGeneric", "longGeneric"]) {
      for (const loc of ["en-US", "en-GB", "de", "fr", "ja"]) {
        line(out, `${timeZone} ${timeZoneName} ${loc}`, () => {
          const f = new Intl.DateTimeFormat(loc, { timeZone, timeZoneName, hour: "numeric", minute: "numeric" });
          // ICU names a generic zone by its place at an ambiguous hour
          // ("Central European Time (Germany)"), which workerhost does not:
          // generic names are probed away from the changes.
          const at = timeZoneName.endsWith("Generic") ? dates : edges;
          return at.map((d) => f.format(d)).join(" | ");
        });
      }
    }
    line(out, `${timeZone} full`, () => new Intl.DateTimeFormat("en-US", { timeZone, dateStyle: "full", timeStyle: "full" }).format(edges[0]));
    line(out, `${timeZone} resolved`, () => new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone);
  }
  line(out, "zone names", () => ["utc", "Etc/UTC", "GMT", "america/new_york", "US/Eastern", "Asia/Calcutta", "Europe/Kyiv", "-08:00"].map((z) => new Intl.DateTimeFormat("en", { timeZone: z }).resolvedOptions().timeZone));
  line(out, "bad zone", () => new Intl.DateTimeFormat("en", { timeZone: "Mars/Olympus" }));
}

function options(out) {
  line(out, "resolvedOptions default", () => new Intl.DateTimeFormat().resolvedOptions());
  line(out, "resolvedOptions en-GB time", () => new Intl.DateTimeFormat("en-GB", { hour: "numeric", minute: "numeric" }).resolvedOptions());
  line(out, "resolvedOptions styles", () => new Intl.DateTimeFormat("de", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Berlin" }).resolvedOptions());
  line(out, "resolvedOptions fields", () => new Intl.DateTimeFormat("en", { weekday: "long", era: "short", hour: "2-digit", minute: "numeric", fractionalSecondDigits: 2, timeZoneName: "short" }).resolvedOptions());
  line(out, "resolvedOptions es month year", () => new Intl.DateTimeFormat("es", { year: "numeric", month: "long" }).resolvedOptions());
  line(out, "hour12 over hourCycle", () => new Intl.DateTimeFormat("en", { hour: "numeric", hourCycle: "h23", hour12: true }).resolvedOptions());
  line(out, "hc extension", () => [new Intl.DateTimeFormat("en-u-hc-h23", { hour: "numeric" }).resolvedOptions(), new Intl.DateTimeFormat("en-u-hc-h23", { hour: "numeric", hourCycle: "h11" }).resolvedOptions().locale]);
  line(out, "ja hour12", () => [new Intl.DateTimeFormat("ja", { hour: "numeric", hour12: true }).format(0), new Intl.DateTimeFormat("ja", { hour: "numeric" }).resolvedOptions().hourCycle]);
  for (const loc of ["en-US", "de-DE", "ja-JP", "pt-BR", "zh-CN", "zh-TW", "de-XX", "sv-SE", "xx", "en-GB-u-hc-h12"]) {
    line(out, `locale ${loc}`, () => new Intl.DateTimeFormat(loc).resolvedOptions().locale);
  }
  for (const [loc, opts] of [["en", { dayPeriod: "short", hour: "numeric" }], ["en", { dayPeriod: "long", hour: "numeric", minute: "numeric" }], ["en", { dayPeriod: "narrow" }], ["de", { dayPeriod: "short", hour: "numeric" }], ["ja", { dayPeriod: "long", hour: "numeric", hourCycle: "h12" }], ["fr", { dayPeriod: "long", hour: "numeric", minute: "numeric", hourCycle: "h12" }], ["en", { dayPeriod: "short", year: "numeric", month: "short", day: "numeric" }]]) {
    line(out, `dayPeriod ${loc} ${JSON.stringify(opts)}`, () => {
      const f = new Intl.DateTimeFormat(loc, opts);
      return [[0, 6, 9, 12, 12.5, 15, 19, 22].map((h) => f.format(h * 3600000)).join(" | "), f.resolvedOptions()];
    });
  }
  line(out, "supportedLocalesOf", () => Intl.DateTimeFormat.supportedLocalesOf(["en-US", "de", "xx", "sv-SE"]));
  line(out, "formatToParts", () => new Intl.DateTimeFormat("en", { dateStyle: "full", timeStyle: "long" }).formatToParts(dates[0]));
  line(out, "formatToParts fraction", () => new Intl.DateTimeFormat("de", { minute: "2-digit", second: "2-digit", fractionalSecondDigits: 2 }).formatToParts(dates[0]));
  line(out, "format bound", () => {
    const f = new Intl.DateTimeFormat("en");
    return [f.format === f.format, f.format.name, f.format.length, [dates[0], dates[1]].map(f.format)];
  });
  line(out, "format()", () => typeof new Intl.DateTimeFormat().format());
  line(out, "format(string)", () => new Intl.DateTimeFormat("en").format("2024-01-31T00:00:00Z"));
  line(out, "formatRange same day", () => new Intl.DateTimeFormat("en").formatRange(0, 1000));
  line(out, "formatRange numeric", () => new Intl.DateTimeFormat("en").formatRange(0, 86400000 * 3));
  line(out, "formatRangeToParts same", () => new Intl.DateTimeFormat("en").formatRangeToParts(0, 1000));
  line(out, "shape", () => [Intl.DateTimeFormat.length, Intl.DateTimeFormat.name, Object.getOwnPropertyNames(Intl.DateTimeFormat.prototype), Object.prototype.toString.call(new Intl.DateTimeFormat()), Intl.DateTimeFormat() instanceof Intl.DateTimeFormat]);
  line(out, "bad weekday", () => new Intl.DateTimeFormat("en", { weekday: "xx" }));
  line(out, "bad hourCycle", () => new Intl.DateTimeFormat("en", { hourCycle: "h25" }));
  line(out, "bad fractionalSecondDigits", () => new Intl.DateTimeFormat("en", { fractionalSecondDigits: 4 }));
  line(out, "style and field", () => new Intl.DateTimeFormat("en", { dateStyle: "long", hour: "numeric" }));
  line(out, "null options", () => new Intl.DateTimeFormat("en", null));
  line(out, "bad calendar", () => new Intl.DateTimeFormat("en", { calendar: "!!" }));
  line(out, "bad locale", () => new Intl.DateTimeFormat("en_US"));
  line(out, "NaN", () => new Intl.DateTimeFormat("en").format(NaN));
  line(out, "formatRange(x)", () => new Intl.DateTimeFormat().formatRange(0));
  line(out, "format on prototype", () => Intl.DateTimeFormat.prototype.format);
  line(out, "formatToParts on {}", () => Intl.DateTimeFormat.prototype.formatToParts.call({}));
}

function dateMethods(out) {
  const d = new Date(Date.UTC(2024, 0, 31, 15, 4, 5));
  for (const loc of [undefined, ...locales]) {
    line(out, `toLocaleString ${loc}`, () => [d.toLocaleString(loc), d.toLocaleDateString(loc), d.toLocaleTimeString(loc)]);
  }
  line(out, "toLocaleDateString with hour", () => d.toLocaleDateString("en", { hour: "numeric" }));
  line(out, "toLocaleTimeString with weekday", () => d.toLocaleTimeString("en", { weekday: "long" }));
  line(out, "toLocaleString weekday", () => d.toLocaleString("en", { weekday: "long" }));
  line(out, "toLocaleString zone", () => d.toLocaleString("en-US", { timeZone: "America/New_York", timeZoneName: "short" }));
  line(out, "toLocaleDateString timeStyle", () => d.toLocaleDateString("en", { timeStyle: "long" }));
  line(out, "toLocaleTimeString dateStyle", () => d.toLocaleTimeString("en", { dateStyle: "long" }));
  line(out, "Invalid Date", () => new Date(NaN).toLocaleString());
  line(out, "toLocaleString on {}", () => Date.prototype.toLocaleString.call({}));
}

// Ranges whose dates first differ in each field, from a year to a second,
// and one backwards.
const rangeStart = Date.UTC(2024, 6, 15, 13, 45, 30);
const rangeDeltas = [0, 1000, 60000, 3600000, 5 * 3600000, 12 * 3600000, 86400000, 3 * 86400000, 40 * 86400000, 400 * 86400000, -86400000];
const rangeOptions = [
  {},
  { year: "numeric", month: "short", day: "numeric" },
  { weekday: "long", year: "numeric", month: "long", day: "numeric" },
  { month: "long", year: "numeric" },
  { month: "short", day: "numeric" },
  { hour: "numeric", minute: "numeric" },
  { hour: "2-digit", minute: "2-digit", hour12: false },
  { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "numeric" },
  { dateStyle: "long", timeStyle: "short" },
  { dateStyle: "full" },
  { hour: "numeric", minute: "numeric", hourCycle: "h11" },
  { hour: "numeric", minute: "numeric", timeZoneName: "short", timeZone: "America/New_York" },
];

function ranges(out) {
  for (const loc of locales) {
    for (const opts of rangeOptions) {
      line(out, `${loc} ${JSON.stringify(opts)}`, () => {
        const f = new Intl.DateTimeFormat(loc, opts);
        return rangeDeltas.map((d) => f.formatRange(rangeStart, rangeStart + d)).join(" | ");
      });
    }
  }
  line(out, "formatRangeToParts", () => new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" }).formatRangeToParts(rangeStart, rangeStart + 3600000));
  line(out, "formatRangeToParts days", () => new Intl.DateTimeFormat("de", { year: "numeric", month: "long", day: "numeric" }).formatRangeToParts(rangeStart, rangeStart + 2 * 86400000));
}

export default {
  async fetch(request) {
    const out = [];
    switch (new URL(request.url).pathname) {
      case "/formats":
        formats(out);
        break;
      case "/zones":
        zoneProbes(out);
        break;
      case "/options":
        options(out);
        break;
      case "/dates":
        dateMethods(out);
        break;
      case "/ranges":
        ranges(out);
        break;
      default:
        return new Response("not found", { status: 404 });
    }
    return new Response(out.join("\n"));
  },
};
