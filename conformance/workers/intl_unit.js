// Conformance worker: Intl.NumberFormat's unit style (every sanctioned
// unit, "-per-" units, each unitDisplay, plural forms, parts, notations,
// ranges, options and errors) and the compact percent. A line per probe.

const UNITS = ["acre", "bit", "byte", "celsius", "centimeter", "day", "degree", "fahrenheit", "fluid-ounce", "foot", "gallon", "gigabit", "gigabyte", "gram", "hectare", "hour", "inch", "kilobit", "kilobyte", "kilogram", "kilometer", "liter", "megabit", "megabyte", "meter", "microsecond", "mile", "mile-scandinavian", "milliliter", "millimeter", "millisecond", "minute", "month", "nanosecond", "ounce", "percent", "petabyte", "pound", "second", "stone", "terabit", "terabyte", "week", "yard", "year"];
const PER = ["kilometer-per-hour", "meter-per-second", "mile-per-hour", "mile-per-gallon", "liter-per-kilometer", "kilobyte-per-second", "byte-per-day", "gram-per-liter", "percent-per-second", "foot-per-minute", "meter-per-meter", "celsius-per-hour", "gallon-per-mile", "kilogram-per-hectare", "hour-per-week", "megabyte-per-month"];
const LL = ["en", "en-GB", "en-IN", "de", "de-CH", "fr", "es", "it", "pt-BR", "nl", "ja", "zh", "ko", "ru", "ar", "hi", "pl", "uk", "sv", "zh-Hant"];
const VALS = [0, 1, 2, 3, 5, 11, 21, 22, 100, 1.5, -1, -2.5, 1234567.891, 0.25, 1000000];
const probes = [];
for (const l of LL) for (const unitDisplay of ["short", "long", "narrow"]) {
  probes.push([`${l} ${unitDisplay}`, () => UNITS.concat(PER).map((unit) => {
    const f = new Intl.NumberFormat(l, { style: "unit", unit, unitDisplay });
    return `${unit}: ${VALS.map((v) => f.format(v)).join(" | ")}`;
  })]);
  probes.push([`${l} ${unitDisplay} parts`, () => ["kilometer", "day", "percent", "kilometer-per-hour", "byte-per-day"].map((unit) => new Intl.NumberFormat(l, { style: "unit", unit, unitDisplay }).formatToParts(-1234.5))]);
  probes.push([`${l} ${unitDisplay} notations`, () => ["short", "long"].flatMap((compactDisplay) => [
    l === "ar" && unitDisplay === "long" ? "" : new Intl.NumberFormat(l, { style: "unit", unit: "kilometer", unitDisplay, notation: "compact", compactDisplay }).formatToParts(1234567),
    l === "ar" ? "" : new Intl.NumberFormat(l, { style: "unit", unit: "percent", unitDisplay, notation: "compact", compactDisplay }).formatToParts(-1234567),
    new Intl.NumberFormat(l, { style: "percent", notation: "compact", compactDisplay }).formatToParts(-1234567),
    new Intl.NumberFormat(l, { style: "unit", unit: "liter", unitDisplay, notation: "scientific" }).format(12345),
    new Intl.NumberFormat(l, { style: "unit", unit: "liter", unitDisplay, notation: "engineering" }).format(12345),
  ])]);
  if (l !== "ar") {
    probes.push([`${l} ${unitDisplay} ranges`, () => [
      new Intl.NumberFormat(l, { style: "unit", unit: "liter", unitDisplay }).formatRangeToParts(1, 5),
      new Intl.NumberFormat(l, { style: "unit", unit: "liter", unitDisplay }).formatRange(2, 2),
      new Intl.NumberFormat(l, { style: "unit", unit: "day", unitDisplay }).formatRange(0, 2),
      new Intl.NumberFormat(l, { style: "unit", unit: "hour", unitDisplay, notation: "compact" }).formatRange(1234, 5678),
      new Intl.NumberFormat(l, { style: "percent", notation: "compact" }).formatRange(12345, 56789),
    ]]);
  }
  probes.push([`${l} ${unitDisplay} options`, () => [
    new Intl.NumberFormat(l, { style: "unit", unit: "liter", unitDisplay, minimumFractionDigits: 1 }).format(1),
    new Intl.NumberFormat(l, { style: "unit", unit: "liter", unitDisplay, signDisplay: "always" }).format(0),
    new Intl.NumberFormat(l, { style: "unit", unit: "day", unitDisplay }).format(NaN),
    new Intl.NumberFormat(l, { style: "unit", unit: "day", unitDisplay }).format(-Infinity),
    new Intl.NumberFormat(l, { style: "unit", unit: "day", unitDisplay }).format(12345678901n),
    (1.5).toLocaleString(l, { style: "unit", unit: "gigabyte", unitDisplay }),
  ]]);
}
probes.push(["resolved", () => [
  new Intl.NumberFormat("en", { style: "unit", unit: "liter" }).resolvedOptions(),
  new Intl.NumberFormat("de", { style: "unit", unit: "kilometer-per-hour", unitDisplay: "long", maximumFractionDigits: 1 }).resolvedOptions(),
  new Intl.NumberFormat("en", { unit: "liter", unitDisplay: "long" }).resolvedOptions(),
  new Intl.NumberFormat("en-u-nu-arab", { style: "unit", unit: "liter", unitDisplay: "long" }).format(12.5),
]]);
probes.push(["errors", () => {
  const r = [];
  for (const o of [{ style: "unit" }, { style: "unit", unit: "foo" }, { style: "unit", unit: "Kilometer" }, { style: "unit", unit: "kilometer-per-foo" },
    { style: "unit", unit: "kilometer-per-hour-per-day" }, { style: "unit", unit: "" }, { unit: "foo" }, { style: "unit", unit: "meter", unitDisplay: "wide" },
    { style: "unit", unit: "meter-per-" }, { style: "unit", unit: "-per-meter" }]) {
    try { r.push(new Intl.NumberFormat("en", o).format(1)); } catch (e) { r.push(e.name + ": " + e.message); }
  }
  return r;
}]);

// The probes are split over PARTS routes (/?part=0 …), each short enough
// for a -race build's CPU budget.
const PARTS = 6;

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
