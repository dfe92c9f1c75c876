// Intl.DateTimeFormat (https://tc39.es/ecma402/#datetimeformat-objects),
// written for workerhost, and Date.prototype.toLocaleString,
// toLocaleDateString and toLocaleTimeString on it. The natives in
// intl_datetime.go negotiate the locale, pick ICU's pattern and format.
(function (native) {
  "use strict";
  const Intl = globalThis.Intl;
  function hidden(target, key, value) {
    Object.defineProperty(target, key, { value, writable: true, enumerable: false, configurable: true });
  }
  function methods(target, literal) {
    for (const key of Object.keys(literal)) {
      hidden(target, key, literal[key]);
    }
  }
  // canonicalList is Intl.getCanonicalLocales (intl.js), as it was at
  // install.
  const canonicalList = globalThis.Intl.getCanonicalLocales;
  // splitExtension parts a tag from its Unicode extension's hc value.
  function splitExtension(tag) {
    const m = /-u((?:-[a-z0-9]{2,8})+)$/i.exec(tag);
    if (!m) {
      return { base: tag, hc: undefined };
    }
    const hc = /(?:^|-)hc-(h11|h12|h23|h24)(?=-|$)/.exec(m[1]);
    return { base: tag.slice(0, m.index), hc: hc ? hc[1] : undefined };
  }
  // resolveLocale picks the first requested locale with data, else en-US.
  function resolveLocale(requested) {
    for (const tag of requested) {
      const { base, hc } = splitExtension(tag);
      const found = native.locale(base);
      if (found !== null) {
        return { reported: found[0], key: found[1], hc };
      }
    }
    return { reported: "en-US", key: "en", hc: undefined };
  }
  function supportedLocalesOf(locales) {
    return canonicalList(locales).filter((tag) => native.locale(splitExtension(tag).base) !== null);
  }
  function getOption(options, name, values, fallback) {
    let v = options[name];
    if (v === undefined) {
      return fallback;
    }
    if (values === "boolean") {
      return Boolean(v);
    }
    v = String(v);
    if (values && !values.includes(v)) {
      throw new RangeError(`Value ${v} out of range for Intl.DateTimeFormat options property ${name}`);
    }
    return v;
  }
  function incompatible(method, self) {
    const d = typeof self === "object" && self !== null ? "#<" + (self.constructor && self.constructor.name ? self.constructor.name : "Object") + ">" : String(self);
    return new TypeError(`Method ${method} called on incompatible receiver ${d}`);
  }

  const widths = ["narrow", "short", "long"];
  const numeric = ["2-digit", "numeric"];
  // The field options in the order they are read and reported.
  const fieldOptions = [
    ["weekday", widths],
    ["era", widths],
    ["year", numeric],
    ["month", ["2-digit", "numeric", "narrow", "short", "long"]],
    ["day", numeric],
    ["dayPeriod", widths],
    ["hour", numeric],
    ["minute", numeric],
    ["second", numeric],
    ["fractionalSecondDigits", null],
    ["timeZoneName", ["short", "long", "shortOffset", "longOffset", "shortGeneric", "longGeneric"]],
  ];
  const dateFields = ["weekday", "year", "month", "day"];
  const timeFields = ["dayPeriod", "hour", "minute", "second", "fractionalSecondDigits"];
  const styles = ["full", "long", "medium", "short"];

  const formats = new WeakMap();

  // createDateTimeFormat is CreateDateTimeFormat: required is "date",
  // "time" or "any", defaults "date", "time" or "all".
  function createDateTimeFormat(self, locales, options, required, defaults) {
    const requested = canonicalList(locales);
    if (options === null) {
      throw new TypeError("Intl.DateTimeFormat called on null or undefined");
    }
    const opts = options === undefined ? Object.create(null) : Object(options);
    getOption(opts, "localeMatcher", ["lookup", "best fit"], "best fit");
    const calendar = getOption(opts, "calendar", null, undefined);
    if (calendar !== undefined && !/^[a-z0-9]{3,8}(-[a-z0-9]{3,8})*$/i.test(calendar)) {
      throw new RangeError("Invalid calendar : " + calendar);
    }
    const numberingSystem = getOption(opts, "numberingSystem", null, undefined);
    if (numberingSystem !== undefined && !/^[a-z0-9]{3,8}(-[a-z0-9]{3,8})*$/i.test(numberingSystem)) {
      throw new RangeError("Invalid numberingSystem : " + numberingSystem);
    }
    const hour12 = getOption(opts, "hour12", "boolean", undefined);
    let hourCycle = getOption(opts, "hourCycle", ["h11", "h12", "h23", "h24"], undefined);
    if (hour12 !== undefined) {
      hourCycle = null;
    }
    let timeZone = opts.timeZone;
    if (timeZone === undefined) {
      timeZone = "UTC";
    } else {
      const zone = native.zone(String(timeZone));
      if (zone === null) {
        throw new RangeError("Invalid time zone specified: " + String(timeZone));
      }
      timeZone = zone;
    }
    const fields = {};
    for (const [name, values] of fieldOptions) {
      if (name === "fractionalSecondDigits") {
        const v = opts[name];
        if (v !== undefined) {
          const n = Number(v);
          if (!(n >= 1 && n <= 3)) {
            throw new RangeError("fractionalSecondDigits value is out of range.");
          }
          fields[name] = String(Math.floor(n));
        }
        continue;
      }
      const v = getOption(opts, name, values, undefined);
      if (v !== undefined) {
        fields[name] = v;
      }
    }
    getOption(opts, "formatMatcher", ["basic", "best fit"], "best fit");
    const dateStyle = getOption(opts, "dateStyle", styles, undefined);
    const timeStyle = getOption(opts, "timeStyle", styles, undefined);
    const hasStyle = dateStyle !== undefined || timeStyle !== undefined;
    if (hasStyle) {
      if (Object.keys(fields).length > 0) {
        throw new TypeError("Invalid option : option");
      }
      if (required === "date" && timeStyle !== undefined) {
        throw new TypeError("Invalid option : timeStyle");
      }
      if (required === "time" && dateStyle !== undefined) {
        throw new TypeError("Invalid option : dateStyle");
      }
    } else {
      let needDefaults = true;
      if (required === "date" || required === "any") {
        needDefaults = needDefaults && !dateFields.some((f) => fields[f] !== undefined);
      }
      if (required === "time" || required === "any") {
        needDefaults = needDefaults && !timeFields.some((f) => fields[f] !== undefined);
      }
      if (needDefaults && (defaults === "date" || defaults === "all")) {
        fields.year = fields.month = fields.day = "numeric";
      }
      if (needDefaults && (defaults === "time" || defaults === "all")) {
        fields.hour = fields.minute = fields.second = "numeric";
      }
    }
    const locale = resolveLocale(requested);
    const cycles = native.hourCycles(locale.key);
    let hc;
    let reported = locale.reported;
    if (hour12 !== undefined) {
      hc = hour12 ? cycles[1] : cycles[2];
    } else if (hourCycle !== undefined) {
      hc = hourCycle;
    } else if (locale.hc !== undefined) {
      hc = locale.hc;
    } else {
      hc = cycles[0];
    }
    if (locale.hc !== undefined && hc === locale.hc && hour12 === undefined && (hourCycle === undefined || hourCycle === locale.hc)) {
      reported += "-u-hc-" + locale.hc;
    }
    const skeleton = Object.assign({}, fields);
    const pattern = native.pattern(locale.key, skeleton, hc, dateStyle || "", timeStyle || "");
    delete skeleton.dayPeriod;
    const shown = native.fields(pattern);
    const resolved = { locale: reported, calendar: "gregory", numberingSystem: "latn", timeZone };
    if (shown.hasHour) {
      resolved.hourCycle = hc;
      resolved.hour12 = hc === "h11" || hc === "h12";
    }
    if (!hasStyle) {
      for (const [name] of fieldOptions) {
        const v = shown[name];
        if (v !== undefined) {
          resolved[name] = name === "fractionalSecondDigits" ? Number(v) : v;
        }
      }
    } else {
      if (dateStyle !== undefined) {
        resolved.dateStyle = dateStyle;
      }
      if (timeStyle !== undefined) {
        resolved.timeStyle = timeStyle;
      }
    }
    const rangeKey = native.rangeKey(skeleton, hc, dateStyle || "", timeStyle || "");
    const state = { key: locale.key, pattern, rangeKey, hc, zoneKind: fields.timeZoneName || "", timeZone, resolved, bound: undefined };
    if (self !== undefined) {
      formats.set(self, state);
    }
    return state;
  }

  // timeValue is the time a format method is given, or throws.
  function timeValue(date) {
    let x = date === undefined ? Date.now() : Number(date);
    if (!isFinite(x) || Math.abs(x) > 8.64e15) {
      throw new RangeError("Invalid time value");
    }
    return Math.trunc(x) + 0;
  }
  function partsOf(state, x) {
    const flat = native.format(state.key, state.pattern, state.timeZone, x);
    const out = [];
    for (let i = 0; i < flat.length; i += 2) {
      out.push({ type: flat[i], value: flat[i + 1] });
    }
    return out;
  }
  function formatString(state, x) {
    const flat = native.format(state.key, state.pattern, state.timeZone, x);
    let s = "";
    for (let i = 1; i < flat.length; i += 2) {
      s += flat[i];
    }
    return s;
  }
  function state(self, method) {
    const s = typeof self === "object" && self !== null ? formats.get(self) : undefined;
    if (s === undefined) {
      throw incompatible(method, self);
    }
    return s;
  }
  // rangeParts is the parts of a range: as ICU's interval formats give
  // them where the data has them; else the one date's when both format the
  // same, or both joined by an en dash between spaces (ICU's fallback).
  function rangeParts(s, start, end) {
    if (start === undefined || end === undefined) {
      throw new TypeError("Invalid time value");
    }
    const x = timeValue(start);
    const y = timeValue(end);
    const flat = native.range(s.key, s.rangeKey, s.hc, s.timeZone, x, y, s.zoneKind);
    if (flat !== null) {
      if (flat.length === 0) {
        return partsOf(s, x).map((p) => ({ type: p.type, value: p.value, source: "shared" }));
      }
      const out = [];
      for (let i = 0; i < flat.length; i += 3) {
        out.push({ type: flat[i], value: flat[i + 1], source: flat[i + 2] });
      }
      return out;
    }
    const a = partsOf(s, x);
    const b = partsOf(s, y);
    const same = a.length === b.length && a.every((p, i) => p.value === b[i].value);
    if (same) {
      return a.map((p) => ({ type: p.type, value: p.value, source: "shared" }));
    }
    return [
      ...a.map((p) => ({ type: p.type, value: p.value, source: "startRange" })),
      { type: "literal", value: " \u2013 ", source: "shared" },
      ...b.map((p) => ({ type: p.type, value: p.value, source: "endRange" })),
    ];
  }

  const DateTimeFormat = function DateTimeFormat(locales = undefined, options = undefined) {
    const self = new.target === undefined ? Object.create(DateTimeFormat.prototype) : this;
    createDateTimeFormat(self, locales, options, "any", "date");
    return self;
  };
  Object.defineProperty(DateTimeFormat, "length", { value: 0 });
  methods(DateTimeFormat, {
    supportedLocalesOf(locales, options = undefined) {
      return supportedLocalesOf(locales);
    },
  });
  Object.defineProperty(DateTimeFormat.prototype, Symbol.toStringTag, { value: "Intl.DateTimeFormat", configurable: true });
  Object.defineProperty(DateTimeFormat, "prototype", { writable: false });
  methods(DateTimeFormat.prototype, {
    resolvedOptions() {
      return Object.assign({}, state(this, "Intl.DateTimeFormat.prototype.resolvedOptions").resolved);
    },
    formatToParts(date) {
      const s = state(this, "Intl.DateTimeFormat.prototype.formatToParts");
      return partsOf(s, timeValue(date));
    },
  });
  const formatGetter = Object.getOwnPropertyDescriptor(
    {
      get format() {
        const s = state(this, "UnwrapDateTimeFormat");
        if (s.bound === undefined) {
          s.bound = (date) => formatString(s, timeValue(date));
          Object.defineProperty(s.bound, "name", { value: "" });
        }
        return s.bound;
      },
    },
    "format",
  ).get;
  Object.defineProperty(DateTimeFormat.prototype, "format", { get: formatGetter, enumerable: false, configurable: true });
  methods(DateTimeFormat.prototype, {
    formatRange(startDate, endDate) {
      const s = state(this, "Intl.DateTimeFormat.prototype.formatRange");
      return rangeParts(s, startDate, endDate).map((p) => p.value).join("");
    },
    formatRangeToParts(startDate, endDate) {
      const s = state(this, "Intl.DateTimeFormat.prototype.formatRangeToParts");
      return rangeParts(s, startDate, endDate);
    },
  });
  hidden(Intl, "DateTimeFormat", DateTimeFormat);

  // Date.prototype.toLocale*String.
  function toLocale(name, required, defaults) {
    const thisTime = Date.prototype.getTime;
    return {
      [name](locales = undefined, options = undefined) {
        let t;
        try {
          t = thisTime.call(this);
        } catch {
          throw incompatible("Date.prototype." + name, this);
        }
        if (t !== t) {
          return "Invalid Date";
        }
        return formatString(createDateTimeFormat(undefined, locales, options, required, defaults), t);
      },
    }[name];
  }
  methods(Date.prototype, {
    toLocaleString: toLocale("toLocaleString", "any", "all"),
    toLocaleDateString: toLocale("toLocaleDateString", "date", "date"),
    toLocaleTimeString: toLocale("toLocaleTimeString", "time", "time"),
  });
})
