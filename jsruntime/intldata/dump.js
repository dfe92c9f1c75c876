// Dumps the date and time formatting data of workerd's ICU that
// jsruntime/intl_datetime*.go reads from datetime/: for each locale, the
// pattern ICU picks for every combination of date fields, of time fields
// (with a 12- and a 24-hour clock) and of weekday with time fields, the glue
// joining a date to a time, the dateStyle/timeStyle patterns, the names of
// months, weekdays, eras and day periods, the hour cycles and some zone
// names. Run in workerd (see README.md beside this file); the result is
// JSON.
(function () {
  const locales = ["en", "en-GB", "en-AU", "en-CA", "en-IN", "de", "de-AT", "de-CH", "fr", "fr-CA", "es", "es-MX", "it", "pt", "pt-PT", "nl", "ja", "zh", "zh-Hant", "ko", "ru", "sv", "pl", "tr", "da", "nb", "fi", "cs", "uk", "id"];
  const zones = ["UTC", "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Sao_Paulo", "Europe/London", "Europe/Berlin", "Europe/Paris", "Europe/Moscow", "Asia/Tokyo", "Asia/Shanghai", "Asia/Kolkata", "Asia/Seoul", "Australia/Sydney",
    "Pacific/Auckland", "America/Phoenix", "America/Anchorage", "Pacific/Honolulu", "America/Toronto", "America/Vancouver", "America/Mexico_City",
    "America/Halifax", "America/Argentina/Buenos_Aires", "America/Bogota", "Europe/Madrid", "Europe/Rome", "Europe/Amsterdam", "Europe/Dublin",
    "Europe/Lisbon", "Europe/Stockholm", "Europe/Warsaw", "Europe/Istanbul", "Europe/Kyiv", "Europe/Helsinki", "Europe/Athens", "Europe/Zurich",
    "Asia/Dubai", "Asia/Singapore", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Jakarta", "Asia/Bangkok", "Asia/Manila", "Asia/Karachi",
    "Asia/Jerusalem", "Africa/Johannesburg", "Africa/Cairo", "Africa/Lagos", "Africa/Nairobi", "Australia/Perth", "Australia/Melbourne",
    "Australia/Brisbane", "Australia/Adelaide"];
  // The instants whose zone names are dumped: a winter and a summer of
  // 2024 and of 2018, when more zones kept daylight saving time.
  const zoneInstants = [Date.UTC(2024, 0, 15), Date.UTC(2024, 6, 15), Date.UTC(2018, 0, 15), Date.UTC(2018, 6, 15)];
  const zoneKinds = ["short", "long", "shortGeneric", "longGeneric"];
  // Field codes: one character per field, "-" when absent (the same order
  // and codes as skeletonKey in intl_datetime_pattern.go).
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
  const A = Date.UTC(2024, 0, 5, 3, 7, 9, 123); // Friday
  function months(loc, opts) {
    const out = [];
    for (let m = 0; m < 12; m++) {
      const p = new Intl.DateTimeFormat(loc, { timeZone: "UTC", ...opts }).formatToParts(Date.UTC(2024, m, 15));
      out.push(p.find((x) => x.type === "month").value);
    }
    return out;
  }
  function weekdays(loc, opts) {
    const out = [];
    for (let d = 0; d < 7; d++) {
      // 2024-01-07 is a Sunday.
      const p = new Intl.DateTimeFormat(loc, { timeZone: "UTC", ...opts }).formatToParts(Date.UTC(2024, 0, 7 + d));
      out.push(p.find((x) => x.type === "weekday").value);
    }
    return out;
  }
  function quote(s) {
    return /[A-Za-z']/.test(s) ? "'" + s.replace(/'/g, "''") + "'" : s;
  }
  const widthLetter = { long: 4, short: 3, narrow: 5 };
  // pattern rebuilds the ICU pattern behind opts from formatToParts.
  function pattern(loc, opts, names) {
    const dtf = new Intl.DateTimeFormat(loc, { timeZone: "UTC", ...opts });
    const parts = dtf.formatToParts(A);
    let monthParts = null;
    let out = "";
    for (const p of parts) {
      const v = p.value;
      switch (p.type) {
        case "literal": out += quote(v); break;
        case "year": out += v.length === 2 ? "yy" : "y"; break;
        case "day": out += v.length === 2 ? "dd" : "d"; break;
        case "hour": out += (opts.hourCycle === "h12" ? "h" : "H").repeat(v.length); break;
        case "minute": out += v.length === 2 ? "mm" : "m"; break;
        case "second": out += v.length === 2 ? "ss" : "s"; break;
        case "fractionalSecond": out += "S".repeat(v.length); break;
        case "dayPeriod": out += names.dayPeriods.includes(v) ? "a" : "B"; break;
        case "era": out += "G".repeat(opts.era === "long" ? 4 : opts.era === "narrow" ? 5 : 1); break;
        case "timeZoneName": out += "z"; break;
        case "weekday": {
          const w = widthLetter[opts.weekday];
          const all = weekdays(loc, opts).join("|");
          out += (all === names.weekdays.format[opts.weekday].join("|") ? "E" : "c").repeat(w); break;
        }
        case "month": {
          if (/^\d+$/.test(v)) {
            out += v.length === 2 ? "MM" : "M";
            break;
          }
          const w = widthLetter[{ long: "long", short: "short", narrow: "narrow" }[opts.month]];
          monthParts = months(loc, opts).join("|");
          out += (monthParts === names.months.format[opts.month].join("|") ? "M" : "L").repeat(w);
          break;
        }
        default: out += "{" + p.type + "}";
      }
    }
    return out;
  }
  function combos(codes) {
    // codes: list of [fieldIndex, allowed codes]
    let acc = [""];
    for (const [i, list] of codes) {
      const next = [];
      for (const a of acc) for (const c of list) next.push(a + c);
      acc = next;
    }
    return acc;
  }
  function optsOf(key) {
    const o = {};
    for (let i = 0; i < fields.length; i++) {
      const c = key[i];
      if (c !== "-") o[fields[i][0]] = fields[i][1][c];
    }
    return o;
  }
  const result = { locales: {} };
  for (const loc of locales) {
    const L = { patterns: {} };
    result.locales[loc] = L;
    L.resolved = new Intl.DateTimeFormat(loc).resolvedOptions().locale;
    const names = { months: { format: {}, standalone: {} }, weekdays: { format: {}, standalone: {} }, eras: {}, dayPeriods: [] };
    L.names = names;
    for (const w of ["long", "short", "narrow"]) {
      names.months.format[w] = months(loc, { month: w, day: "numeric" });
      names.months.standalone[w] = months(loc, { month: w });
      names.weekdays.format[w] = weekdays(loc, { weekday: w, day: "numeric" });
      names.weekdays.standalone[w] = weekdays(loc, { weekday: w });
      names.eras[w] = [Date.UTC(-100, 0, 1), A].map((t) => new Intl.DateTimeFormat(loc, { timeZone: "UTC", era: w, year: "numeric" }).formatToParts(t).find((x) => x.type === "era").value);
    }
    // Flexible day periods (B) of each hour at half past, then of noon
    // and midnight.
    names.flexible = {};
    for (const w of ["long", "short", "narrow"]) {
      const at = (h, m) => new Intl.DateTimeFormat(loc, { timeZone: "UTC", hour: "numeric", minute: "numeric", dayPeriod: w, hourCycle: "h12" }).formatToParts(Date.UTC(2024, 0, 5, h, m)).find((x) => x.type === "dayPeriod").value;
      names.flexible[w] = [...Array(24).keys()].map((h) => at(h, 30)).concat([at(12, 0), at(0, 0)]);
    }
    names.dayPeriods = [3, 15].map((h) => new Intl.DateTimeFormat(loc, { timeZone: "UTC", hour: "numeric", hourCycle: "h12" }).formatToParts(Date.UTC(2024, 0, 5, h)).find((x) => x.type === "dayPeriod").value);
    L.hourCycles = {
      default: new Intl.DateTimeFormat(loc, { hour: "numeric" }).resolvedOptions().hourCycle,
      h12: new Intl.DateTimeFormat(loc, { hour: "numeric", hour12: true }).resolvedOptions().hourCycle,
      h24: new Intl.DateTimeFormat(loc, { hour: "numeric", hour12: false }).resolvedOptions().hourCycle,
    };
    const W = ["-", "l", "s", "n"], Y = ["-", "n", "2"], M = ["-", "n", "2", "l", "s", "x"], D = ["-", "n", "2"];
    const T2 = ["-", "n", "2"], F = ["-", "1", "2", "3"];
    const dateKeys = [];
    for (const k of combos([[0, W], [1, ["-"]], [2, Y], [3, M], [4, D]])) dateKeys.push(k);
    for (const k of combos([[0, ["-", "l", "s"]], [1, ["l", "s", "n"]], [2, ["n", "2", "-"]], [3, ["-", "n", "l", "s"]], [4, ["-", "n"]]])) dateKeys.push(k);
    const timeKeys = combos([[5, T2], [6, T2], [7, T2], [8, F]]);
    for (const dk of dateKeys) {
      if (dk === "-----") continue;
      const key = dk + "----";
      L.patterns[key] = pattern(loc, optsOf(key), names);
      L.patterns[key + "z"] = pattern(loc, { ...optsOf(key), timeZoneName: "short" }, names);
    }
    for (const tk of timeKeys) {
      for (const wk of W) {
        const key = wk + "----" + tk;
        if (key === "---------") continue;
        const o = optsOf(key);
        if (o.hour === undefined && o.minute === undefined && o.second === undefined && o.fractionalSecondDigits === undefined) continue;
        for (const hc of ["h12", "h23"]) {
          const suffix = hc === "h12" ? "h" : "H";
          L.patterns[key + suffix] = pattern(loc, { ...o, hourCycle: hc }, names);
          if (wk === "-") L.patterns[key + suffix + "z"] = pattern(loc, { ...o, hourCycle: hc, timeZoneName: "short" }, names);
        }
      }
    }
    // Glue: date patterns of four lengths joined with "jm".
    L.glue = {};
    for (const [len, dk] of [["full", "l-nln"], ["long", "--nln"], ["medium", "--nsn"], ["short", "--nnn"]]) {
      const whole = pattern(loc, { ...optsOf(dk + "nn---"), hourCycle: "h12" }, names);
      const d = L.patterns[dk + "----"], t = L.patterns["-----nn--h"];
      L.glue[len] = whole.replace(d, "{1}").replace(t, "{0}");
    }
    L.styles = {};
    for (const ds of ["full", "long", "medium", "short", undefined]) {
      for (const ts of ["full", "long", "medium", "short", undefined]) {
        if (!ds && !ts) continue;
        for (const hc of ["h12", "h23"]) {
          const o = { hourCycle: hc };
          if (ds) o.dateStyle = ds;
          if (ts) o.timeStyle = ts;
          L.styles[(ds || "-") + "/" + (ts || "-") + "/" + (hc === "h12" ? "h" : "H")] = stylePattern(loc, o, names);
        }
      }
    }
    L.zones = {};
    for (const z of zones) {
      const zn = {};
      for (const kind of zoneKinds) {
        zn[kind] = zoneInstants.map((t) => new Intl.DateTimeFormat(loc, { timeZone: z, timeZoneName: kind, hour: "numeric" }).formatToParts(t).find((x) => x.type === "timeZoneName").value);
      }
      L.zones[z] = zn;
    }
    L.offsets = {};
    for (const [z, t] of [["Etc/GMT-1", 0], ["Asia/Kolkata", 0], ["Etc/GMT+5", 0], ["UTC", 0]]) {
      L.offsets[z] = ["shortOffset", "longOffset"].map((kind) => new Intl.DateTimeFormat(loc, { timeZone: z, timeZoneName: kind, hour: "numeric" }).formatToParts(t).find((x) => x.type === "timeZoneName").value);
    }
  }
  // stylePattern is pattern() for dateStyle/timeStyle, whose field widths
  // come from the style: read from the parts' values.
  function stylePattern(loc, opts, names) {
    const parts = new Intl.DateTimeFormat(loc, { timeZone: "UTC", ...opts }).formatToParts(A);
    let out = "";
    for (const p of parts) {
      const v = p.value;
      switch (p.type) {
        case "literal": out += quote(v); break;
        case "year": out += v.length === 2 ? "yy" : "y"; break;
        case "day": out += v.length === 2 ? "dd" : "d"; break;
        case "hour": out += (opts.hourCycle === "h12" ? "h" : "H").repeat(v.length); break;
        case "minute": out += v.length === 2 ? "mm" : "m"; break;
        case "second": out += v.length === 2 ? "ss" : "s"; break;
        case "dayPeriod": out += names.dayPeriods.includes(v) ? "a" : "B"; break;
        case "era": out += "G"; break;
        case "timeZoneName": out += opts.timeStyle === "full" ? "zzzz" : "z"; break;
        case "weekday": {
          let w = ["long", "short", "narrow"].find((x) => names.weekdays.format[x][5] === v);
          let letter = "E";
          if (w === undefined) {
            w = ["long", "short", "narrow"].find((x) => names.weekdays.standalone[x][5] === v);
            letter = "c";
          }
          out += letter.repeat(widthLetter[w]); break;
        }
        case "month": {
          if (/^\d+$/.test(v)) { out += v.length === 2 ? "MM" : "M"; break; }
          const w = ["long", "short", "narrow"].find((x) => names.months.format[x][0] === v) || ["long", "short", "narrow"].find((x) => names.months.standalone[x][0] === v);
          const fmt = ["long", "short", "narrow"].some((x) => names.months.format[x][0] === v);
          out += (fmt ? "M" : "L").repeat(widthLetter[w]); break;
        }
        default: out += "{" + p.type + "}";
      }
    }
    return out;
  }
  return JSON.stringify(result);
})()
