// Conformance worker: Intl.NumberFormat, Number.prototype.toLocaleString and
// BigInt.prototype.toLocaleString in the locales workerhost records data
// for, with each style, notation and digit option. A line per probe.

function line(out, label, fn) {
  try {
    out.push(`${label}: ${JSON.stringify(fn())}`);
  } catch (e) {
    out.push(`${label}: throws ${e.name}: ${e.message}`);
  }
}

const locales = ["en", "en-US", "en-GB", "en-IN", "de", "de-CH", "fr", "es", "it", "pt-BR", "nl", "ja", "zh", "ko", "ru", "ar", "hi"];
const numbers = [0, -0, 1, -1, 0.5, 1.005, 2.5, -2.5, 1234.5678, 0.000012345, 999999.5, 123456789.987, 1e21];
const options = [
  {}, { maximumFractionDigits: 0 }, { minimumFractionDigits: 2 }, { maximumSignificantDigits: 3 }, { minimumSignificantDigits: 5 },
  { minimumIntegerDigits: 4 }, { useGrouping: false }, { useGrouping: "min2" }, { useGrouping: "always" },
  { signDisplay: "always" }, { signDisplay: "exceptZero" }, { signDisplay: "never" }, { signDisplay: "negative" },
  { roundingMode: "ceil", maximumFractionDigits: 1 }, { roundingMode: "floor", maximumFractionDigits: 1 }, { roundingMode: "trunc", maximumFractionDigits: 1 },
  { roundingMode: "expand", maximumFractionDigits: 1 }, { roundingMode: "halfEven", maximumFractionDigits: 0 }, { roundingMode: "halfTrunc", maximumFractionDigits: 0 },
  { roundingMode: "halfCeil", maximumFractionDigits: 0 }, { roundingMode: "halfFloor", maximumFractionDigits: 0 },
  { roundingIncrement: 5, maximumFractionDigits: 2, minimumFractionDigits: 2 }, { roundingIncrement: 25, maximumFractionDigits: 2, minimumFractionDigits: 2 },
  { roundingPriority: "morePrecision", maximumSignificantDigits: 2, maximumFractionDigits: 2 },
  { roundingPriority: "lessPrecision", maximumSignificantDigits: 2, maximumFractionDigits: 2 },
  { minimumFractionDigits: 2, trailingZeroDisplay: "stripIfInteger" },
  { notation: "scientific" }, { notation: "engineering" }, { notation: "compact" }, { notation: "compact", compactDisplay: "long" },
  { notation: "scientific", maximumSignificantDigits: 2 }, { notation: "compact", maximumFractionDigits: 2 },
  { style: "percent" }, { style: "percent", maximumFractionDigits: 2 }, { style: "percent", signDisplay: "exceptZero" },
  { style: "currency", currency: "USD" }, { style: "currency", currency: "EUR", currencySign: "accounting" },
  { style: "currency", currency: "JPY", currencyDisplay: "code" }, { style: "currency", currency: "GBP", currencyDisplay: "name" },
  { style: "currency", currency: "INR", currencyDisplay: "narrowSymbol" }, { style: "currency", currency: "XXX" },
  { style: "currency", currency: "USD", notation: "compact" }, { style: "currency", currency: "EUR", signDisplay: "always", currencySign: "accounting" },
  { style: "currency", currency: "USD", notation: "scientific" },
];
const currencies = ["USD", "EUR", "JPY", "GBP", "INR", "CHF", "BRL", "CNY", "KRW", "RUB", "MXN", "CLP"];

function format(out) {
  for (const l of locales) {
    for (const o of options) {
      line(out, `${l} ${JSON.stringify(o)}`, () => {
        const f = new Intl.NumberFormat(l, o);
        return numbers.map((n) => f.format(n)).join(" | ");
      });
    }
  }
}

function currency(out) {
  for (const l of [...locales, "ar-EG", "de-AT", "fr-CH", "es-MX", "pt-PT", "zh-TW", "sv", "pl", "xx"]) {
    line(out, `symbol ${l}`, () => currencies.map((c) => new Intl.NumberFormat(l, { style: "currency", currency: c }).format(-1234.5)));
    line(out, `name ${l}`, () => [1, 2, 5, 1.5].map((n) => new Intl.NumberFormat(l, { style: "currency", currency: "EUR", currencyDisplay: "name" }).format(n)));
    line(out, `accounting ${l}`, () => [new Intl.NumberFormat(l, { style: "currency", currency: "EUR", currencySign: "accounting" }).format(-1234.5), new Intl.NumberFormat(l, { style: "currency", currency: "USD", currencyDisplay: "code" }).format(-1234.5)]);
    line(out, `compact ${l}`, () => [1234, 12345, 1234567, 1.5e9, 2e12, 999999].map((n) => new Intl.NumberFormat(l, { notation: "compact" }).format(n) + " / " + new Intl.NumberFormat(l, { notation: "compact", compactDisplay: "long" }).format(n)));
    line(out, `special ${l}`, () => [NaN, Infinity, -Infinity, -0].map((n) => new Intl.NumberFormat(l).format(n)));
  }
}

function parts(out) {
  for (const l of ["en", "de", "de-CH", "fr", "ar", "ar-EG", "hi", "ja"]) {
    line(out, `currency ${l}`, () => new Intl.NumberFormat(l, { style: "currency", currency: "EUR" }).formatToParts(-1234.5));
    line(out, `percent ${l}`, () => new Intl.NumberFormat(l, { style: "percent", signDisplay: "always" }).formatToParts(0.256));
    line(out, `scientific ${l}`, () => new Intl.NumberFormat(l, { notation: "scientific" }).formatToParts(-0.000123));
    line(out, `compact ${l}`, () => new Intl.NumberFormat(l, { notation: "compact", compactDisplay: "long" }).formatToParts(1234567));
    line(out, `name ${l}`, () => new Intl.NumberFormat(l, { style: "currency", currency: "USD", currencyDisplay: "name" }).formatToParts(1));
  }
  line(out, "nan", () => new Intl.NumberFormat("en").formatToParts(NaN));
  line(out, "infinity", () => new Intl.NumberFormat("en", { signDisplay: "always" }).formatToParts(Infinity));
}

function range(out) {
  const R = (l, o, a, b) => () => new Intl.NumberFormat(l, o).formatRange(a, b);
  line(out, "plain", R("en", {}, 3, 5));
  line(out, "currency", R("en", { style: "currency", currency: "EUR" }, 3, 5));
  line(out, "currency de", R("de", { style: "currency", currency: "EUR" }, 3, 5));
  line(out, "equal", R("en", {}, 3, 3));
  line(out, "rounds equal", R("en", { maximumFractionDigits: 0 }, 2.9, 3.1));
  line(out, "approx currency de", R("de", { style: "currency", currency: "EUR" }, 3, 3));
  line(out, "approx negative", R("en", {}, -3, -3));
  line(out, "approx compact", R("en", { notation: "compact" }, 3000, 3010));
  line(out, "negative currency", R("en", { style: "currency", currency: "EUR" }, -5, -3));
  line(out, "mixed signs", R("en", { style: "currency", currency: "EUR" }, -5, 3));
  line(out, "CHF en", R("en", { style: "currency", currency: "CHF" }, 3, 5));
  line(out, "code", R("en", { style: "currency", currency: "USD", currencyDisplay: "code" }, 3, 5));
  line(out, "name", R("en", { style: "currency", currency: "USD", currencyDisplay: "name" }, 3, 5));
  line(out, "percent en", R("en", { style: "percent" }, 0.03, 0.05));
  line(out, "percent fr", R("fr", { style: "percent" }, 0.03, 0.05));
  line(out, "compact long", R("en", { notation: "compact", compactDisplay: "long" }, 3000, 5000));
  line(out, "compact de", R("de", { notation: "compact" }, 3e6, 5e6));
  line(out, "scientific", R("en", { notation: "scientific" }, 3000, 5000));
  line(out, "ar currency", R("ar", { style: "currency", currency: "EUR" }, 3, 5));
  line(out, "ar-EG", R("ar-EG", {}, 3, 5));
  line(out, "ja currency", R("ja", { style: "currency", currency: "JPY" }, 3, 5));
  line(out, "es", R("es", {}, 1234, 12345));
  line(out, "signDisplay always", R("en", { signDisplay: "always" }, 3, 5));
  line(out, "infinity", R("en", {}, 3, Infinity));
  line(out, "bigint and string", () => [new Intl.NumberFormat("en").formatRange(3n, 50000000000000000000n), new Intl.NumberFormat("en").formatRange("1e3", "2e3")]);
  line(out, "reversed", R("en", {}, 5, 3));
  line(out, "start undefined", R("en", {}, undefined, 3));
  line(out, "end undefined", R("en", {}, 3));
  line(out, "start NaN", R("en", {}, NaN, 3));
  line(out, "end NaN", R("en", {}, 3, NaN));
  line(out, "parts", () => new Intl.NumberFormat("de", { style: "currency", currency: "EUR" }).formatRangeToParts(3, 5));
  line(out, "parts negative", () => new Intl.NumberFormat("en").formatRangeToParts(-5, -3));
  line(out, "parts approx", () => new Intl.NumberFormat("en", { style: "currency", currency: "EUR" }).formatRangeToParts(3, 3));
}

function resolved(out) {
  const E = (o, l = "en") => () => new Intl.NumberFormat(l, o).resolvedOptions();
  const cases = {
    "default": E({}), "currency": E({ style: "currency", currency: "eur" }), "currency JPY": E({ style: "currency", currency: "JPY" }),
    "percent": E({ style: "percent" }), "significant": E({ maximumSignificantDigits: 3 }), "minimum significant": E({ minimumSignificantDigits: 3 }),
    "morePrecision": E({ roundingPriority: "morePrecision" }), "morePrecision digits": E({ roundingPriority: "morePrecision", maximumSignificantDigits: 2, maximumFractionDigits: 1 }),
    "maximumFractionDigits": E({ maximumFractionDigits: 1 }), "currency max 0": E({ style: "currency", currency: "USD", maximumFractionDigits: 0 }),
    "currency min 3": E({ style: "currency", currency: "USD", minimumFractionDigits: 3 }), "min 5": E({ minimumFractionDigits: 5 }),
    "compact": E({ notation: "compact" }), "compact long": E({ notation: "compact", compactDisplay: "long" }), "scientific": E({ notation: "scientific" }),
    "useGrouping true": E({ useGrouping: true }), "useGrouping 'true'": E({ useGrouping: "true" }), "useGrouping false": E({ useGrouping: false }),
    "useGrouping ''": E({ useGrouping: "" }), "useGrouping 'false'": E({ useGrouping: "false" }),
    "nu in tag": E({}, "ar-EG-u-nu-latn"), "nu arab": E({}, "en-u-nu-arab"), "nu option": E({ numberingSystem: "thai" }), "nu with ca": E({}, "en-US-u-ca-gregory-nu-arab"),
    "nu unknown": E({ numberingSystem: "abcd" }), "de-DE": E({}, "de-DE"), "other extension": E({}, "de-DE-u-co-phonebk"), "unknown locale": E({}, "xx"),
    "ar": E({}, "ar"), "ar-EG": E({}, "ar-EG"), "hi": E({}, "hi"),
  };
  for (const [label, fn] of Object.entries(cases)) {
    line(out, label, fn);
  }
  line(out, "numbering systems", () => [new Intl.NumberFormat("en-u-nu-arab").format(1234.5), new Intl.NumberFormat("en", { numberingSystem: "deva" }).format(1234.5), new Intl.NumberFormat("ar-EG-u-nu-latn").format(1234.5)]);
}

function errors(out) {
  const E = (o, l = "en") => () => new Intl.NumberFormat(l, o).resolvedOptions();
  const cases = {
    "no currency": E({ style: "currency" }), "bad currency": E({ style: "currency", currency: "US" }), "bad style": E({ style: "x" }),
    "minimumFractionDigits > maximum": E({ minimumFractionDigits: 5, maximumFractionDigits: 2 }), "minimumFractionDigits 101": E({ minimumFractionDigits: 101 }),
    "maximumSignificantDigits 22": E({ maximumSignificantDigits: 22 }), "minimumIntegerDigits 0": E({ minimumIntegerDigits: 0 }),
    "roundingIncrement 3": E({ roundingIncrement: 3 }), "roundingIncrement with significant": E({ roundingIncrement: 5, maximumSignificantDigits: 2 }),
    "roundingIncrement min != max": E({ roundingIncrement: 5, maximumFractionDigits: 2 }), "bad roundingMode": E({ roundingMode: "x" }),
    "bad useGrouping": E({ useGrouping: "x" }), "bad numberingSystem": E({ numberingSystem: "a" }), "null options": E(null), "bad locale": E({}, "en_US"),
  };
  for (const [label, fn] of Object.entries(cases)) {
    line(out, label, fn);
  }
  line(out, "Symbol", () => new Intl.NumberFormat("en").format(Symbol()));
  line(out, "incompatible resolvedOptions", () => Intl.NumberFormat.prototype.resolvedOptions.call({}));
  line(out, "incompatible formatToParts", () => Intl.NumberFormat.prototype.formatToParts.call({}, 1));
  line(out, "incompatible formatRange", () => Intl.NumberFormat.prototype.formatRange.call({}, 1, 2));
}

function shape(out) {
  line(out, "call", () => Intl.NumberFormat("en").format(1));
  line(out, "format getter", () => {
    const f = new Intl.NumberFormat();
    const d = Object.getOwnPropertyDescriptor(Intl.NumberFormat.prototype, "format");
    return [f.format === f.format, f.format.name, f.format.length, typeof d.get, d.get.name, d.enumerable, [3, 1, 2].map(new Intl.NumberFormat("de").format)];
  });
  line(out, "prototype", () => Object.getOwnPropertyNames(Intl.NumberFormat.prototype));
  line(out, "static", () => [Intl.NumberFormat.length, Intl.NumberFormat.name, Object.getOwnPropertyNames(Intl.NumberFormat), Object.prototype.toString.call(new Intl.NumberFormat())]);
  line(out, "lengths", () => [Intl.NumberFormat.prototype.formatRange.length, Intl.NumberFormat.prototype.formatRangeToParts.length, Intl.NumberFormat.prototype.formatToParts.length, Intl.NumberFormat.supportedLocalesOf.length]);
  line(out, "supportedLocalesOf", () => Intl.NumberFormat.supportedLocalesOf(["en", "xx", "de-CH"]));
  line(out, "values", () => {
    const f = new Intl.NumberFormat("en", { maximumFractionDigits: 20 });
    return [f.format(12345678901234567890123n), f.format("1234567890.12345678901234567890"), f.format("abc"), f.format("0x1F"), f.format("  "), f.format("-Infinity"), f.format(), f.format({ valueOf: () => 7 }), f.format(true), f.format(null)];
  });
  line(out, "NaN and zero signs", () => [
    new Intl.NumberFormat("en", { signDisplay: "always" }).format(NaN), new Intl.NumberFormat("en", { signDisplay: "exceptZero" }).format(NaN),
    new Intl.NumberFormat("en", { signDisplay: "always" }).format(-0), new Intl.NumberFormat("en", { signDisplay: "exceptZero" }).format(-0.0001),
    new Intl.NumberFormat("en", { signDisplay: "negative" }).format(-0.0001), new Intl.NumberFormat("en").format(-0.0001)]);
  line(out, "option read order", () => {
    const seen = [];
    new Intl.NumberFormat("en", new Proxy({}, { get(t, k) { seen.push(k); return undefined; } }));
    return seen;
  });
}

function toLocale(out) {
  line(out, "Number", () => [(1234.5).toLocaleString(), (1234.5).toLocaleString("de"), (1234567.891).toLocaleString("en-IN"), (0.256).toLocaleString("fr", { style: "percent" }), (1234.5).toLocaleString("en", { style: "currency", currency: "USD" }), (1234.5).toLocaleString("ja-JP", { style: "currency", currency: "JPY" }), NaN.toLocaleString("ar-EG")]);
  line(out, "BigInt", () => [(123n).toLocaleString("fr"), 12345678901234567890n.toLocaleString("en-IN"), (-5n).toLocaleString("de", { style: "currency", currency: "EUR" }), (10n ** 30n).toLocaleString()]);
  line(out, "Number shape", () => [Number.prototype.toLocaleString.length, Number.prototype.toLocaleString.name, BigInt.prototype.toLocaleString.length]);
  line(out, "errors", () => {
    const r = [];
    for (const f of [() => (1).toLocaleString("en_US"), () => (1).toLocaleString("en", { style: "currency" }), () => Number.prototype.toLocaleString.call("1")]) {
      try {
        f();
      } catch (e) {
        r.push(`${e.name}: ${e.message}`);
      }
    }
    return r;
  });
}

const routes = { "/format": format, "/currency": currency, "/parts": parts, "/range": range, "/resolved": resolved, "/errors": errors, "/shape": shape, "/tolocale": toLocale };

export default {
  async fetch(request) {
    const route = routes[new URL(request.url).pathname];
    if (route === undefined) {
      return new Response("not found", { status: 404 });
    }
    const out = [];
    route(out);
    return new Response(out.join("\n"));
  },
};
