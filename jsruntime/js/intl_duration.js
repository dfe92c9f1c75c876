// Intl.DurationFormat (https://tc39.es/ecma402/#durationformat-objects),
// written for workerhost on Intl.NumberFormat's unit style and
// Intl.ListFormat's unit lists, as V8 does; the native in
// intl_duration.go gives the locale's time separator.
(function (native) {
  "use strict";
  const Intl = globalThis.Intl;
  const NumberFormat = Intl.NumberFormat;
  const ListFormat = Intl.ListFormat;
  const nfParts = NumberFormat.prototype.formatToParts;
  const lfParts = ListFormat.prototype.formatToParts;
  const getCanonicalLocales = Intl.getCanonicalLocales;
  function hidden(target, key, value) {
    Object.defineProperty(target, key, { value, writable: true, enumerable: false, configurable: true });
  }
  function describe(v) {
    return typeof v === "object" && v !== null ? "#<" + (v.constructor && v.constructor.name ? v.constructor.name : "Object") + ">" : String(v);
  }
  function incompatible(method, self) {
    return new TypeError(`Method ${method} called on incompatible receiver ${describe(self)}`);
  }
  function getOption(opts, key, allowed, fallback) {
    const v = opts[key];
    if (v === undefined) {
      return fallback;
    }
    const s = String(v);
    if (!allowed.includes(s)) {
      throw new RangeError(`Value ${s} out of range for Intl.DurationFormat options property ${key}`);
    }
    return s;
  }
  // The units in order: name, NumberFormat's unit, styles, digital style.
  const UNITS = [
    ["years", "year", ["long", "short", "narrow"], "short"],
    ["months", "month", ["long", "short", "narrow"], "short"],
    ["weeks", "week", ["long", "short", "narrow"], "short"],
    ["days", "day", ["long", "short", "narrow"], "short"],
    ["hours", "hour", ["long", "short", "narrow", "numeric", "2-digit"], "numeric"],
    ["minutes", "minute", ["long", "short", "narrow", "numeric", "2-digit"], "numeric"],
    ["seconds", "second", ["long", "short", "narrow", "numeric", "2-digit"], "numeric"],
    ["milliseconds", "millisecond", ["long", "short", "narrow", "numeric"], "numeric"],
    ["microseconds", "microsecond", ["long", "short", "narrow", "numeric"], "numeric"],
    ["nanoseconds", "nanosecond", ["long", "short", "narrow", "numeric"], "numeric"],
  ];
  const NUMERIC = ["numeric", "2-digit", "fractional"];
  // unitOptions is GetDurationUnitOptions.
  function unitOptions(unit, opts, baseStyle, styles, digitalBase, prevStyle) {
    let style = getOption(opts, unit, styles, undefined);
    let displayDefault = "always";
    if (style === undefined) {
      if (baseStyle === "digital") {
        style = digitalBase;
        if (!["hours", "minutes", "seconds"].includes(unit)) {
          displayDefault = "auto";
        }
      } else if (NUMERIC.includes(prevStyle)) {
        style = "numeric";
        if (unit !== "minutes" && unit !== "seconds") {
          displayDefault = "auto";
        }
      } else {
        style = baseStyle;
        displayDefault = "auto";
      }
    }
    if (style === "numeric" && ["milliseconds", "microseconds", "nanoseconds"].includes(unit)) {
      style = "fractional";
      displayDefault = "auto";
    }
    const display = getOption(opts, unit + "Display", ["auto", "always"], displayDefault);
    if (display === "always" && style === "fractional") {
      throw new RangeError(`Invalid object : ${describe(opts)}`);
    }
    if (prevStyle === "fractional" && style !== "fractional") {
      throw new RangeError(`Invalid object : ${describe(opts)}`);
    }
    if (prevStyle === "numeric" || prevStyle === "2-digit") {
      if (!NUMERIC.includes(style)) {
        throw new RangeError(`Invalid object : ${describe(opts)}`);
      }
      if (unit === "minutes" || unit === "seconds") {
        style = "2-digit";
      }
    }
    return { style, display };
  }
  const states = new WeakMap();
  const DurationFormat = function DurationFormat(locales = undefined, options = undefined) {
    if (new.target === undefined) {
      throw new TypeError("Constructor Intl.DurationFormat requires 'new'");
    }
    const requested = getCanonicalLocales(locales);
    if (options !== undefined && (typeof options !== "object" || options === null) && typeof options !== "function") {
      throw new TypeError("invalid_argument");
    }
    const opts = options === undefined ? Object.create(null) : options;
    getOption(opts, "localeMatcher", ["lookup", "best fit"], "best fit");
    const nu = opts.numberingSystem;
    const nuOption = nu === undefined ? undefined : String(nu);
    if (nuOption !== undefined && !/^[a-z0-9]{3,8}(-[a-z0-9]{3,8})*$/i.test(nuOption)) {
      throw new RangeError(`Invalid numberingSystem : ${nuOption}`);
    }
    const resolved = new NumberFormat(requested, { numberingSystem: nuOption }).resolvedOptions();
    const style = getOption(opts, "style", ["long", "short", "narrow", "digital"], "short");
    const r = { locale: resolved.locale, numberingSystem: resolved.numberingSystem, style };
    let prevStyle = "";
    for (const [unit, , styles, digitalBase] of UNITS) {
      const u = unitOptions(unit, opts, style, styles, digitalBase, prevStyle);
      r[unit] = u.style;
      r[unit + "Display"] = u.display;
      prevStyle = u.style;
    }
    const fd = opts.fractionalDigits;
    if (fd !== undefined) {
      const n = Number(fd);
      if (Number.isNaN(n) || n < 0 || n > 9) {
        throw new RangeError("fractionalDigits value is out of range.");
      }
      r.fractionalDigits = Math.floor(n);
    }
    states.set(this, r);
  };
  Object.defineProperty(DurationFormat, "length", { value: 0 });
  function state(self, method) {
    const s = typeof self === "object" && self !== null ? states.get(self) : undefined;
    if (s === undefined) {
      throw incompatible(method, self);
    }
    return s;
  }
  // FIELDS are read in alphabetical order, as Temporal reads a duration.
  const FIELDS = ["days", "hours", "microseconds", "milliseconds", "minutes", "months", "nanoseconds", "seconds", "weeks", "years"];
  // record is ToDurationRecord.
  function record(input) {
    if (typeof input === "string") {
      return parseDuration(input);
    }
    if (typeof input !== "object" || input === null) {
      throw new TypeError("Temporal error: Duration argument must be Duration or string.");
    }
    const d = {};
    let any = false;
    for (const f of FIELDS) {
      const v = input[f];
      if (v === undefined) {
        d[f] = 0;
        continue;
      }
      any = true;
      const n = Number(v);
      if (!Number.isFinite(n) || Math.trunc(n) !== n) {
        throw new RangeError("Temporal error: Expected finite integer.");
      }
      d[f] = n;
    }
    if (!any) {
      throw new TypeError("Temporal error: Did not provide any valid Duration fields.");
    }
    validate(d);
    return d;
  }
  function sign(d) {
    for (const [unit] of UNITS) {
      if (d[unit] !== 0) {
        return d[unit] < 0 ? -1 : 1;
      }
    }
    return 0;
  }
  function validate(d) {
    const s = sign(d);
    for (const [unit] of UNITS) {
      if ((s < 0 && d[unit] > 0) || (s > 0 && d[unit] < 0)) {
        throw new RangeError("Temporal error: Duration was not valid.");
      }
    }
  }
  // parseDuration reads an ISO 8601 duration whose only fraction is of
  // seconds.
  function parseDuration(s) {
    const m = /^([+-]|\u2212)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:[.,](\d{1,9}))?S)?)?$/i.exec(s);
    if (m === null || /^[+-]?PT?$/i.test(s) || /T$/i.test(s)) {
      throw new RangeError("Temporal error: Invalid duration string.");
    }
    const k = m[1] === "-" || m[1] === "\u2212" ? -1 : 1;
    const frac = (m[9] || "").padEnd(9, "0");
    const n = (x) => (x === undefined ? 0 : k * Number(x)) || 0;
    return {
      years: n(m[2]), months: n(m[3]), weeks: n(m[4]), days: n(m[5]), hours: n(m[6]), minutes: n(m[7]), seconds: n(m[8]),
      milliseconds: n(frac.slice(0, 3)), microseconds: n(frac.slice(3, 6)), nanoseconds: n(frac.slice(6, 9)),
    };
  }
  // withFraction is value of unit plus the smaller units as its fraction,
  // as an exact decimal string (AddFractionalDigits).
  function withFraction(d, unit) {
    const scale = { seconds: 9, milliseconds: 6, microseconds: 3 }[unit];
    let total = BigInt(d[unit]) * 10n ** BigInt(scale);
    if (unit === "seconds") {
      total += BigInt(d.milliseconds) * 1000000n;
    }
    if (unit === "seconds" || unit === "milliseconds") {
      total += BigInt(d.microseconds) * 1000n;
    }
    total += BigInt(d.nanoseconds);
    const neg = total < 0n || (total === 0n && Object.is(d[unit], -0));
    const digits = String(total < 0n ? -total : total).padStart(scale + 1, "0");
    return (neg ? "-" : "") + digits.slice(0, -scale) + "." + digits.slice(-scale);
  }
  function numberParts(r, opts, value, unit) {
    opts.numberingSystem = r.numberingSystem;
    return nfParts.call(new NumberFormat(r.locale, opts), value).map((p) => ({ type: p.type, value: p.value, unit }));
  }
  function fractionOptions(r, opts) {
    if (r.fractionalDigits === undefined) {
      opts.maximumFractionDigits = 9;
      opts.minimumFractionDigits = 0;
    } else {
      opts.maximumFractionDigits = opts.minimumFractionDigits = r.fractionalDigits;
    }
    opts.roundingMode = "trunc";
  }
  // numericUnits is FormatNumericUnits: hours, minutes and seconds joined
  // by the locale's time separator. As V8 does, the group joins the unit
  // shown before it with a separator (as one element of the list) when it
  // starts with seconds, or with minutes after hidden numeric hours.
  function numericUnits(r, d, first, signShown, before) {
    const out = [];
    let hours = d.hours;
    let minutes = d.minutes;
    let seconds = d.seconds;
    if (r.milliseconds === "fractional") {
      seconds = withFraction(d, "seconds");
    }
    const negZero = sign(d) === -1;
    const hoursShown = first === "hours" && (hours !== 0 || r.hoursDisplay === "always");
    const secondsShown = Number(seconds) !== 0 || r.secondsDisplay === "always";
    let minutesShown = false;
    if (first === "hours" || first === "minutes") {
      minutesShown = (hoursShown && secondsShown) || minutes !== 0 || r.minutesDisplay === "always";
    }
    const sep = native.timeSeparator(r.locale);
    const unitParts = (value, unit, style, fraction) => {
      const opts = { useGrouping: false };
      if (style === "2-digit") {
        opts.minimumIntegerDigits = 2;
      }
      if (signShown) {
        if (Number(value) === 0 && negZero) {
          value = -0;
        }
        signShown = false;
      } else {
        opts.signDisplay = "never";
      }
      if (fraction) {
        fractionOptions(r, opts);
      }
      return numberParts(r, opts, value, unit);
    };
    if (hoursShown) {
      out.push(...unitParts(hours, "hour", r.hours, false));
    }
    let glued = false;
    if (minutesShown) {
      if (hoursShown) {
        out.push({ type: "literal", value: sep });
      } else if (first === "hours" && before) {
        glued = true;
        out.push({ type: "literal", value: sep });
      }
      out.push(...unitParts(minutes, "minute", r.minutes, false));
    }
    if (secondsShown) {
      if (minutesShown) {
        out.push({ type: "literal", value: sep });
      } else if (before) {
        glued = true;
        out.push({ type: "literal", value: sep });
      }
      out.push(...unitParts(seconds, "second", r.seconds, true));
    }
    return { parts: out, signShown, glued };
  }
  // partition is PartitionDurationFormatPattern.
  function partition(r, d) {
    const lists = [];
    let signShown = true;
    for (let i = 0; i < UNITS.length; i++) {
      const [unit, nfUnit] = UNITS[i];
      const style = r[unit];
      if (style === "numeric" || style === "2-digit") {
        const n = numericUnits(r, d, unit, signShown, lists.length > 0);
        if (n.glued) {
          lists[lists.length - 1].push(...n.parts);
        } else if (n.parts.length > 0) {
          lists.push(n.parts);
        }
        break;
      }
      let value = d[unit];
      const opts = {};
      let done = false;
      if (i + 1 < UNITS.length && ["seconds", "milliseconds", "microseconds"].includes(unit) && r[UNITS[i + 1][0]] === "fractional") {
        value = withFraction(d, unit);
        fractionOptions(r, opts);
        done = true;
      }
      if (r[unit + "Display"] === "always" || Number(value) !== 0) {
        if (signShown) {
          signShown = false;
          if (Number(value) === 0 && sign(d) === -1) {
            value = -0;
          }
        } else {
          opts.signDisplay = "never";
        }
        Object.assign(opts, { style: "unit", unit: nfUnit, unitDisplay: style });
        lists.push(numberParts(r, opts, value, nfUnit));
      }
      if (done) {
        break;
      }
    }
    const lf = new ListFormat(r.locale, { type: "unit", style: r.style === "digital" ? "short" : r.style });
    const strings = lists.map((parts) => parts.map((p) => p.value).join(""));
    const out = [];
    let k = 0;
    for (const p of lfParts.call(lf, strings)) {
      if (p.type === "element") {
        out.push(...lists[k++]);
      } else {
        out.push({ type: "literal", value: p.value });
      }
    }
    return out;
  }
  const proto = {
    resolvedOptions() {
      const r = state(this, "Intl.DurationFormat.prototype.resolvedOptions");
      const out = {};
      for (const key of Object.keys(r)) {
        out[key] = r[key] === "fractional" ? "numeric" : r[key];
      }
      return out;
    },
    format(duration) {
      const r = state(this, "Intl.DurationFormat.prototype.format");
      return partition(r, record(duration)).map((p) => p.value).join("");
    },
    formatToParts(duration) {
      const r = state(this, "Intl.DurationFormat.prototype.formatToParts");
      return partition(r, record(duration));
    },
  };
  for (const key of ["resolvedOptions", "format", "formatToParts"]) {
    hidden(DurationFormat.prototype, key, proto[key]);
  }
  hidden(DurationFormat, "supportedLocalesOf", {
    supportedLocalesOf(locales, options = undefined) {
      return NumberFormat.supportedLocalesOf(locales, options);
    },
  }.supportedLocalesOf);
  Object.defineProperty(DurationFormat.prototype, Symbol.toStringTag, { value: "Intl.DurationFormat", configurable: true });
  Object.defineProperty(DurationFormat, "prototype", { writable: false });
  hidden(Intl, "DurationFormat", DurationFormat);
})
