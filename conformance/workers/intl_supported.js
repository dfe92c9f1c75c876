// Conformance worker: Intl.supportedValuesOf for each key, with its shape
// and errors. A line per probe.

const probes = [];
for (const k of ["calendar", "collation", "currency", "numberingSystem", "timeZone", "unit"]) {
  probes.push([k, () => Intl.supportedValuesOf(k)]);
}
probes.push(["shape", () => [Intl.supportedValuesOf.length, Intl.supportedValuesOf.name, Object.getOwnPropertyDescriptor(Intl, "supportedValuesOf").enumerable, "prototype" in Intl.supportedValuesOf, Intl.supportedValuesOf("unit") === Intl.supportedValuesOf("unit"), Intl.supportedValuesOf({ toString() { return "unit"; } }).length]]);
probes.push(["errors", () => {
  const r = [];
  for (const f of [() => Intl.supportedValuesOf("x"), () => Intl.supportedValuesOf(), () => Intl.supportedValuesOf(Symbol()), () => Intl.supportedValuesOf("Calendar")]) {
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
