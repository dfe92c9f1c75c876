// Records what workerd's Intl.Locale answers for getCalendars,
// getHourCycles, getWeekInfo and getTimeZones per region (as an unknown
// language "xx-REGION" gets them), getCollations, getNumberingSystems and
// getTextInfo per language, and per "lang-REGION" and "lang-Script" what
// differs from those. See README.md.
(() => {
  const L = Intl.Locale;
  const regionNames = new Intl.DisplayNames("en", { type: "region" });
  const languageNames = new Intl.DisplayNames("en", { type: "language" });
  const A = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const regions = ["001", "150", "419"];
  const languages = [];
  for (const a of A) {
    for (const b of A) {
      if (regionNames.of(a + b) !== a + b) regions.push(a + b);
      const l = (a + b).toLowerCase();
      if (languageNames.of(l) !== l) languages.push(l);
    }
  }
  for (const l of ["yue", "fil", "haw", "ast", "ceb", "chr", "ckb", "kok", "sat", "mni", "brx", "doi", "mai", "yrl", "kgp", "jbo"]) languages.push(l);
  const scripts = ["Latn", "Cyrl", "Arab", "Hans", "Hant", "Deva", "Kana", "Hira", "Jpan", "Kore", "Hang", "Grek", "Hebr", "Beng", "Thai", "Guru", "Mong", "Tibt", "Adlm", "Olck", "Mtei", "Vaii", "Tfng"];
  const out = { regions: {}, languages: {}, locales: {} };
  const regionInfo = (l) => {
    const w = l.getWeekInfo();
    return { ca: l.getCalendars(), hc: l.getHourCycles(), week: [w.firstDay, ...w.weekend] };
  };
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  for (const r of regions) {
    const l = new L("xx-" + r);
    out.regions[r] = { ...regionInfo(l), tz: l.getTimeZones() };
  }
  out.regions[""] = regionInfo(new L("xx"));
  for (const lang of languages) {
    const l = new L(lang);
    const nu = l.getNumberingSystems()[0];
    const co = l.getCollations();
    out.languages[lang] = { co, nu, dir: l.getTextInfo().direction };
    for (const r of regions) {
      const x = new L(lang + "-" + r);
      const got = regionInfo(x);
      const want = out.regions[r];
      const d = {};
      for (const k of ["ca", "hc", "week"]) if (!same(got[k], want[k])) d[k] = got[k];
      const n = x.getNumberingSystems()[0];
      if (n !== nu) d.nu = n;
      if (Object.keys(d).length) out.locales[lang + "-" + r] = d;
    }
    for (const s of scripts) {
      const x = new L(lang + "-" + s);
      const d = {};
      if (!same(x.getCollations(), co)) d.co = x.getCollations();
      if (x.getNumberingSystems()[0] !== nu) d.nu = x.getNumberingSystems()[0];
      if (Object.keys(d).length) out.locales[lang + "-" + s] = d;
    }
  }
  return JSON.stringify(out);
})()
