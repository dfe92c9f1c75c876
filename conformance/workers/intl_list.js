// Conformance worker: Intl.ListFormat in each locale, type and style, with
// its shape and errors. A line per probe.

const probes = [];
const LL = ["en","en-GB","en-IN","de","de-CH","fr","es","it","pt-BR","nl","ja","zh","ko","ru","ar","hi","xx"];
for (const l of LL) for (const type of ["conjunction", "disjunction", "unit"]) for (const style of ["long", "short", "narrow"]) {
  probes.push([`${l} ${type} ${style}`, () => [1, 2, 3, 4, 5].map((n) => new Intl.ListFormat(l, { type, style }).format(["apple", "banana", "cherry", "date", "elder"].slice(0, n)))]);
}
probes.push(["shape", () => [Object.getOwnPropertyNames(Intl.ListFormat.prototype), Intl.ListFormat.length, new Intl.ListFormat().resolvedOptions(), Object.prototype.toString.call(new Intl.ListFormat()), new Intl.ListFormat("de-DE", {type: "unit", style: "short"}).resolvedOptions(), Intl.ListFormat.prototype.format.length, Intl.ListFormat.supportedLocalesOf(["en", "xx"])]]);
probes.push(["errors", () => { const r = []; for (const f of [() => new Intl.ListFormat("en", {type: "x"}), () => new Intl.ListFormat("en", {style: "x"}), () => new Intl.ListFormat("en").format([1]), () => new Intl.ListFormat("en").format("ab"), () => Intl.ListFormat("en"), () => Intl.ListFormat.prototype.format.call({}, []), () => new Intl.ListFormat("en", null), () => new Intl.ListFormat("en_US")]) { try { r.push(f()); } catch (e) { r.push(e.name + ": " + e.message); } } return r; }]);
probes.push(["parts", () => [new Intl.ListFormat("en").formatToParts(["a", "b", "c"]), new Intl.ListFormat("ja", {type: "disjunction"}).formatToParts(["a", "b"])]]);
probes.push(["edge", () => [new Intl.ListFormat("en").format([]), new Intl.ListFormat("en").format(["a"]), new Intl.ListFormat("en").format(), new Intl.ListFormat("en").format(new Set(["x", "y"]))]]);

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
