// Records Intl.DisplayNames for intl_display.go, as workerd answers. See README.md.
(() => {
  const locales = ["cs", "da", "de-AT", "de-CH", "de", "en-AU", "en-CA", "en-GB", "en-IN", "en", "es-MX", "es", "fi", "fr-CA", "fr", "id", "it", "ja", "ko", "nb", "nl", "pl", "pt-PT", "pt", "ru", "sv", "tr", "uk", "zh-Hant", "zh", "ar", "hi"];
  const A = "abcdefghijklmnopqrstuvwxyz";
  const all = (n, alphabet) => (n === 0 ? [""] : all(n - 1, alphabet).flatMap((p) => [...alphabet].map((c) => p + c)));
  const named = (type, codes) => {
    const d = new Intl.DisplayNames("en", { type, fallback: "none" });
    return codes.filter((c) => d.of(c) !== undefined);
  };
  const langs = named("language", [...all(2, A), ...all(3, A)]);
  const regions = named("region", [...all(2, A).map((c) => c.toUpperCase()), ...all(3, "0123456789")]);
  const scripts = named("script", all(4, A).map((c) => c[0].toUpperCase() + c.slice(1)));
  const codes = {
    language: langs, region: regions, script: scripts,
    currency: Intl.supportedValuesOf("currency"), calendar: Intl.supportedValuesOf("calendar"),
    dateTimeField: ["era", "year", "quarter", "month", "weekOfYear", "weekday", "day", "dayPeriod", "hour", "minute", "second", "timeZoneName"],
  };
  // UN M.49 areas have no region name in ICU, but dialect names ("ar-001").
  const m49 = ["001", "002", "003", "005", "009", "011", "013", "014", "015", "017", "018", "019", "021", "029", "030", "034", "035", "039", "053", "054", "057", "061", "142", "143", "145", "150", "151", "154", "155", "202", "419"];
  const areas = [...new Set([...regions, ...m49])];
  const out = {};
  for (const loc of locales) {
    const L = {};
    for (const type of Object.keys(codes)) {
      const T = {};
      let long;
      for (const style of ["long", "short", "narrow"]) {
        const d = new Intl.DisplayNames(loc, { type, style, fallback: "none", languageDisplay: "standard" });
        const m = {};
        for (const c of codes[type]) {
          const v = d.of(c);
          if (v !== undefined && (style === "long" || v !== long[c])) m[c] = v;
        }
        if (style === "long") long = m;
        if (Object.keys(m).length) T[style] = m;
      }
      L[type] = T;
    }
    const D = {};
    for (const style of ["long", "short", "narrow"]) {
      const dia = new Intl.DisplayNames(loc, { type: "language", style, fallback: "none" });
      const std = new Intl.DisplayNames(loc, { type: "language", style, fallback: "none", languageDisplay: "standard" });
      // Short and narrow keep what differs from long, "" where the style
      // has no dialect name but long has one.
      const m = {};
      for (const l of langs) {
        for (const s of [...areas, ...scripts]) {
          const tag = l + "-" + s;
          const v = dia.of(tag);
          const plain = v === std.of(tag);
          if (style === "long") {
            if (!plain) m[tag] = v;
          } else if (!plain ? v !== D.long[tag] : tag in D.long) {
            m[tag] = plain ? "" : v;
          }
        }
      }
      D[style] = m;
    }
    L.dialect = D;
    const p = new Intl.DisplayNames(loc, { type: "language", languageDisplay: "standard" }).of("xx-Latn-US");
    const sn = new Intl.DisplayNames(loc, { type: "script" }).of("Latn"), rn = new Intl.DisplayNames(loc, { type: "region" }).of("US");
    const i = p.indexOf(sn), j = p.indexOf(rn, i + sn.length);
    L.pattern = [p.slice(2, i), p.slice(i + sn.length, j), p.slice(j + rn.length)];
    out[loc] = L;
  }
  return JSON.stringify({ codes: { language: langs.length, region: regions.length, script: scripts.length }, locales: out });
})()
