// Dumps the relative time formatting data of workerd's ICU that
// jsruntime/intl_relative.go reads from relative/: for each locale,
// style, unit and direction, the pattern of each plural category ("in {0}
// days"), the phrases numeric: "auto" gives ("tomorrow"), and the number
// symbols. Run in workerd as dump.js is (README.md beside this file).
(function () {
  const locales = ["en", "en-GB", "en-AU", "en-CA", "en-IN", "de", "de-AT", "de-CH", "fr", "fr-CA", "es", "es-MX", "it", "pt", "pt-PT", "nl", "ja", "zh", "zh-Hant", "ko", "ru", "sv", "pl", "tr", "da", "nb", "fi", "cs", "uk", "id"];
  const units = ["year", "quarter", "month", "week", "day", "hour", "minute", "second"];
  const samples = [];
  for (let n = 0; n <= 200; n++) samples.push(n);
  samples.push(0.5, 1.5, 2.5, 1000000, 1.1, 0.1);
  const result = { locales: {} };
  for (const loc of locales) {
    const L = { patterns: {}, auto: {} };
    result.locales[loc] = L;
    const pr = new Intl.PluralRules(loc);
    const nf = new Intl.NumberFormat(loc);
    const cats = pr.resolvedOptions().pluralCategories;
    const sampleOf = {};
    for (const c of cats) sampleOf[c] = samples.find((n) => pr.select(n) === c);
    const parts = nf.formatToParts(12345.5);
    L.group = (parts.find((p) => p.type === "group") || { value: "" }).value;
    L.decimal = parts.find((p) => p.type === "decimal").value;
    L.minGrouping = nf.format(1234).length > 4 ? 1 : 2;
    // The size of the groups above the lowest (2 in en-IN's 12,34,567).
    const ints = nf.formatToParts(1234567).filter((p) => p.type === "integer");
    L.secondaryGrouping = ints.length > 2 ? ints[ints.length - 2].value.length : 3;
    for (const style of ["long", "short", "narrow"]) {
      const always = new Intl.RelativeTimeFormat(loc, { style });
      const auto = new Intl.RelativeTimeFormat(loc, { style, numeric: "auto" });
      for (const unit of units) {
        for (const sign of [1, -1]) {
          const key = style + "/" + unit + "/" + (sign > 0 ? "future" : "past");
          const byCat = {};
          for (const c of cats) {
            if (sampleOf[c] === undefined) continue;
            const n = sampleOf[c];
            const s = always.format(sign * n, unit);
            byCat[c] = s.replace(nf.format(n), "{0}");
          }
          L.patterns[key] = byCat;
        }
        for (const v of [-2, -1, 0, 1, 2]) {
          const a = auto.format(v, unit), b = always.format(v, unit);
          if (a !== b) L.auto[style + "/" + unit + "/" + v] = a;
        }
        const a0 = auto.format(-0, unit);
        if (a0 !== always.format(-0, unit)) L.auto[style + "/" + unit + "/-0"] = a0;
      }
    }
  }
  return JSON.stringify(result);
})()
