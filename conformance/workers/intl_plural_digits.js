// Conformance worker: Intl.PluralRules with significant digits across
// locales, types and numbers, with resolvedOptions and errors. A line per
// probe.

const probes = [];
const NUMBERS = [0, 1, 1.5, 1.04, 0.99, 2, 3, 5, 10, 11, 21, 22, 100, 101, 1.96, 0.001, 1.25, 2.5, 1000000, 1234567, 0.1, 9.99, -1, -2.05];
const OPTS = [{ minimumSignificantDigits: 2 }, { maximumSignificantDigits: 2 }, { minimumSignificantDigits: 1, maximumSignificantDigits: 3 }, { maximumSignificantDigits: 1 }, { minimumSignificantDigits: 3 }, { maximumSignificantDigits: 1, maximumFractionDigits: 2 }, { minimumSignificantDigits: 21 }];
for (const l of ["en", "de", "fr", "es", "it", "pt-BR", "pt-PT", "nl", "ja", "zh", "ko", "ru", "ar", "hi", "pl", "cs", "ga"]) {
  for (const type of ["cardinal", "ordinal"]) {
    for (const o of OPTS) {
      probes.push([`${l} ${type} ${JSON.stringify(o)}`, () => {
        const p = new Intl.PluralRules(l, { type, ...o });
        return NUMBERS.map((n) => p.select(n)).join(" ");
      }]);
    }
  }
}
probes.push(["resolved", () => OPTS.map((o) => new Intl.PluralRules("en", o).resolvedOptions())]);
probes.push(["errors", () => {
  const r = [];
  for (const o of [{ minimumSignificantDigits: 0 }, { maximumSignificantDigits: 22 }, { minimumSignificantDigits: 3, maximumSignificantDigits: 2 }, { maximumSignificantDigits: "x" }]) {
    try {
      r.push(JSON.stringify(new Intl.PluralRules("en", o).resolvedOptions()));
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
