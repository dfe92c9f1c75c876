// Conformance worker: Intl.Collator's caseFirst, from the option and from
// -u-kf, across locales and sensitivities. A line per probe.

const probes = [];
const WORDS = ["b", "a", "A", "B", "ab", "Ab", "aB", "AB", "á", "Á", "résumé", "Résumé", "resume", "Resume", "zebra", "Zebra", "äpfel", "Äpfel", "a1", "A1", "a-b", "A-b"];
for (const l of ["en", "de", "fr", "es", "da", "sv", "ja", "zh", "ru"]) {
  for (const caseFirst of ["upper", "lower", "false"]) {
    for (const sensitivity of ["base", "accent", "case", "variant"]) {
      probes.push([`${l} ${caseFirst} ${sensitivity}`, () => {
        const c = new Intl.Collator(l, { caseFirst, sensitivity });
        return [WORDS.slice().sort(c.compare).join(" "), c.compare("a", "A"), c.compare("A", "a"), c.compare("á", "A"), c.resolvedOptions().caseFirst];
      }]);
    }
  }
}
const TAGS = [["en-u-kf-upper", {}], ["en-u-kf-upper", { caseFirst: "lower" }], ["en-u-kf-upper", { caseFirst: "upper" }], ["en-u-kf-upper-kn", {}], ["en-u-kf", {}], ["en-u-kf-false", {}], ["en-u-kn-kf-lower", { numeric: false }], ["da", {}], ["da", { caseFirst: "false" }], ["de-u-kf-upper", { numeric: true }]];
for (const [l, o] of TAGS) {
  probes.push([`${l} ${JSON.stringify(o)}`, () => {
    const c = new Intl.Collator(l, o);
    const r = c.resolvedOptions();
    return [r.locale, r.caseFirst, r.numeric, ["b", "a", "A", "B", "a10", "a9"].sort(c.compare)];
  }]);
}
probes.push(["localeCompare", () => ["a".localeCompare("A", "en", { caseFirst: "upper" }), "a".localeCompare("A", "en-u-kf-upper"), "a".localeCompare("A", "en", { caseFirst: "lower" })]]);
probes.push(["errors", () => {
  try {
    return new Intl.Collator("en", { caseFirst: "x" });
  } catch (e) {
    return e.name + ": " + e.message;
  }
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
