// Dumps the date interval formats of workerd's ICU that
// jsruntime/intl_datetime_range.go reads from range/: for each
// locale, skeleton key (as in dump.js) and field in which two dates first
// differ, the segments formatRangeToParts gives, as [source, pattern]
// pairs (source "s" start, "e" end, "x" shared), or "" when the range
// formats as one date. Run in workerd as dump.js is (README.md).
(function () {
  const locales = ["en", "en-GB", "en-AU", "en-CA", "en-IN", "de", "de-AT", "de-CH", "fr", "fr-CA", "es", "es-MX", "it", "pt", "pt-PT", "nl", "ja", "zh", "zh-Hant", "ko", "ru", "sv", "pl", "tr", "da", "nb", "fi", "cs", "uk", "id"];
  const fields = [
    ["weekday", { l: "long", s: "short", n: "narrow" }],
    ["era", { l: "long", s: "short", n: "narrow" }],
    ["year", { n: "numeric", 2: "2-digit" }],
    ["month", { n: "numeric", 2: "2-digit", l: "long", s: "short", x: "narrow" }],
    ["day", { n: "numeric", 2: "2-digit" }],
    ["hour", { n: "numeric", 2: "2-digit" }],
    ["minute", { n: "numeric", 2: "2-digit" }],
    ["second", { n: "numeric", 2: "2-digit" }],
    ["fractionalSecondDigits", { 1: 1, 2: 2, 3: 3 }],
  ];
  const start = Date.UTC(2024, 0, 5, 3, 7, 9);
  // The end dates differing first in each field.
  const ends = {
    y: Date.UTC(2025, 0, 5, 3, 7, 9), M: Date.UTC(2024, 2, 5, 3, 7, 9), d: Date.UTC(2024, 0, 8, 3, 7, 9),
    a: Date.UTC(2024, 0, 5, 15, 7, 9), h: Date.UTC(2024, 0, 5, 4, 7, 9), m: Date.UTC(2024, 0, 5, 3, 8, 9),
    s: Date.UTC(2024, 0, 5, 3, 7, 10),
  };
  function optsOf(key) {
    const o = {};
    for (let i = 0; i < fields.length; i++) {
      if (key[i] !== "-") o[fields[i][0]] = fields[i][1][key[i]];
    }
    return o;
  }
  function quote(s) {
    return /[A-Za-z']/.test(s) ? "'" + s.replace(/'/g, "''") + "'" : s;
  }
  const widthLetter = { long: 4, short: 3, narrow: 5 };
  function letters(p, opts, hc) {
    const v = p.value;
    switch (p.type) {
      case "literal": return quote(v);
      case "year": return v.length === 2 ? "yy" : "y";
      case "day": return v.length === 2 ? "dd" : "d";
      case "hour": return (hc === "h12" ? "h" : "H").repeat(v.length);
      case "minute": return v.length === 2 ? "mm" : "m";
      case "second": return v.length === 2 ? "ss" : "s";
      case "dayPeriod": return "a";
      case "era": return "G".repeat(widthLetter[opts.era] || 1);
      case "weekday": {
        // ICU's interval formats keep their own weekday width.
        for (const w of ["long", "short", "narrow"]) {
          const names = [start, ...Object.values(ends)].map((t) => new Intl.DateTimeFormat(p.loc, { timeZone: "UTC", weekday: w, day: "numeric" }).formatToParts(t).find((x) => x.type === "weekday").value);
          if (names.includes(v)) return "E".repeat(widthLetter[w]);
        }
        return "E".repeat(widthLetter[opts.weekday] || 3);
      }
      case "month": {
        if (/^\d+$/.test(v)) return v.length === 2 ? "MM" : "M";
        const w = opts.month === "long" || opts.month === "short" || opts.month === "narrow" ? opts.month : "short";
        // Format or stand-alone name: the month of either date, as a
        // format name beside a day.
        const formatNames = [start, Date.UTC(2024, 2, 5)].map((t) => new Intl.DateTimeFormat(p.loc, { timeZone: "UTC", month: w, day: "numeric" }).formatToParts(t).find((x) => x.type === "month").value);
        return (formatNames.includes(v) ? "M" : "L").repeat(widthLetter[w]);
      }
      case "timeZoneName": return opts.timeStyle === "full" ? "zzzz" : "z";
      default: return "{" + p.type + "}";
    }
  }
  function segments(dtf, opts, hc, end) {
    const parts = dtf.formatRangeToParts(start, end);
    if (parts.every((p) => p.source === "shared")) return "";
    const out = [];
    for (const p of parts) {
      p.loc = dtf.resolvedOptions().locale;
      const src = { startRange: "s", endRange: "e", shared: "x" }[p.source];
      const l = letters(p, opts, hc);
      if (out.length > 0 && out[out.length - 1][0] === src) out[out.length - 1][1] += l;
      else out.push([src, l]);
    }
    return out;
  }
  const result = { locales: {} };
  const W = ["-", "l", "s"], Y = ["-", "n", "2"], M = ["-", "n", "2", "l", "s"], D = ["-", "n", "2"], T = ["-", "n", "2"];
  for (const loc of locales) {
    const L = {};
    result.locales[loc] = L;
    const keys = [];
    for (const w of W) for (const y of Y) for (const m of M) for (const d of D) {
      const dk = w + "-" + y + m + d;
      if (dk === "-----") continue;
      keys.push([dk + "----", null]);
      keys.push([dk + "nn--", "h12"], [dk + "nn--", "h23"]);
    }
    for (const h of T) for (const mi of T) for (const s of T) {
      const tk = "-----" + h + mi + s + "-";
      if (tk === "---------") continue;
      keys.push([tk, "h12"], [tk, "h23"]);
    }
    for (const [key, hc] of keys) {
      for (const zone of hc ? [false, true] : [false]) {
        const opts = optsOf(key);
        if (hc) opts.hourCycle = hc;
        if (zone) opts.timeZoneName = "short";
        const dtf = new Intl.DateTimeFormat(loc, { timeZone: "UTC", ...opts });
        const entry = {};
        for (const f of Object.keys(ends)) entry[f] = segments(dtf, opts, hc, ends[f]);
        L[key + (hc ? (hc === "h12" ? "h" : "H") : "") + (zone ? "z" : "")] = entry;
      }
    }
    for (const ds of ["full", "long", "medium", "short", undefined]) {
      for (const ts of ["full", "long", "medium", "short", undefined]) {
        if (!ds && !ts) continue;
        for (const hc of ["h12", "h23"]) {
          const opts = { hourCycle: hc };
          if (ds) opts.dateStyle = ds;
          if (ts) opts.timeStyle = ts;
          const dtf = new Intl.DateTimeFormat(loc, { timeZone: "UTC", ...opts });
          const entry = {};
          for (const f of Object.keys(ends)) entry[f] = segments(dtf, { ...opts, weekday: ds === "full" ? "long" : undefined, month: ds === "full" || ds === "long" ? "long" : "short" }, hc, ends[f]);
          L[(ds || "-") + "/" + (ts || "-") + "/" + (hc === "h12" ? "h" : "H")] = entry;
        }
      }
    }
  }
  return JSON.stringify(result);
})()
