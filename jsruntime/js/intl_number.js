// Intl.NumberFormat (https://tc39.es/ecma402/#numberformat-objects), written
// for workerhost: option processing here, formatting in Go
// (intl_number*.go); Number.prototype.toLocaleString and
// BigInt.prototype.toLocaleString use it.
(function (native) {
  "use strict";
  const Intl = globalThis.Intl;
  const getCanonicalLocales = Intl.getCanonicalLocales;
  const NumberCtor = Number;
  function hidden(target, key, value) {
    Object.defineProperty(target, key, { value, writable: true, enumerable: false, configurable: true });
  }
  function getOption(options, name, values, fallback) {
    let v = options[name];
    if (v === undefined) {
      return fallback;
    }
    if (typeof fallback === "boolean") {
      return Boolean(v);
    }
    v = String(v);
    if (values && !values.includes(v)) {
      throw new RangeError(`Value ${v} out of range for Intl.NumberFormat options property ${name}`);
    }
    return v;
  }
  function defaultNumber(v, min, max, fallback, name) {
    if (v === undefined) {
      return fallback;
    }
    const n = NumberCtor(v);
    if (Number.isNaN(n) || n < min || n > max) {
      throw new RangeError(`${name} value is out of range.`);
    }
    return Math.floor(n);
  }
  function incompatible(method, self) {
    const d = typeof self === "object" && self !== null ? "#<" + (self.constructor && self.constructor.name ? self.constructor.name : "Object") + ">" : String(self);
    return new TypeError(`Method ${method} called on incompatible receiver ${d}`);
  }
  // resolveLocale is the first requested locale with data (without its
  // Unicode extensions but nu), else the default, and its numbering system.
  function resolveLocale(requested, nuOption) {
    let locale = "en-US";
    let nu;
    for (const tag of requested) {
      const m = /^(.*?)(?:-u((?:-[a-z0-9]{2,8})+?))?((?:-[a-tv-z0-9](?:-[a-z0-9]{2,8})+)*(?:-x(?:-[a-z0-9]{1,8})+)?)$/i.exec(tag);
      const base = m ? m[1] : tag;
      const found = native.supported(base);
      if (found !== "") {
        locale = found;
        if (m && m[2]) {
          const k = /(?:^|-)nu-([a-z0-9]{3,8})(?=-|$)/.exec(m[2].slice(1));
          if (k && native.numberingSystemKnown(k[1])) {
            nu = k[1];
          }
        }
        break;
      }
    }
    let numberingSystem = native.defaultNumberingSystem(locale);
    if (nuOption !== undefined && native.numberingSystemKnown(nuOption)) {
      if (nu !== undefined && nu !== nuOption) {
        nu = undefined;
      }
      numberingSystem = nuOption;
    } else if (nu !== undefined) {
      numberingSystem = nu;
    }
    if (nu !== undefined) {
      locale += "-u-nu-" + nu;
    }
    return { locale, numberingSystem };
  }

  const states = new WeakMap();
  const sanctioned = ["1", "2", "5", "10", "20", "25", "50", "100", "200", "250", "500", "1000", "2000", "2500", "5000"];
  function digitOptions(opts, r, mnfdDefault, mxfdDefault, notation) {
    r.minimumIntegerDigits = defaultNumber(opts.minimumIntegerDigits, 1, 21, 1, "minimumIntegerDigits");
    let mnfd = opts.minimumFractionDigits;
    let mxfd = opts.maximumFractionDigits;
    let mnsd = opts.minimumSignificantDigits;
    let mxsd = opts.maximumSignificantDigits;
    const roundingIncrement = defaultNumber(opts.roundingIncrement, 1, 5000, 1, "roundingIncrement");
    if (!sanctioned.includes(String(roundingIncrement))) {
      throw new RangeError("roundingIncrement value is out of range.");
    }
    const roundingMode = getOption(opts, "roundingMode", ["ceil", "floor", "expand", "trunc", "halfCeil", "halfFloor", "halfExpand", "halfTrunc", "halfEven"], "halfExpand");
    const roundingPriority = getOption(opts, "roundingPriority", ["auto", "morePrecision", "lessPrecision"], "auto");
    const trailingZeroDisplay = getOption(opts, "trailingZeroDisplay", ["auto", "stripIfInteger"], "auto");
    if (roundingIncrement !== 1) {
      mxfdDefault = mnfdDefault;
    }
    const hasSd = mnsd !== undefined || mxsd !== undefined;
    const hasFd = mnfd !== undefined || mxfd !== undefined;
    let needSd = true;
    let needFd = true;
    if (roundingPriority === "auto") {
      needSd = hasSd;
      if (needSd || (!hasFd && notation === "compact")) {
        needFd = false;
      }
    }
    if (needSd) {
      if (hasSd) {
        mnsd = defaultNumber(mnsd, 1, 21, 1, "minimumSignificantDigits");
        mxsd = defaultNumber(mxsd, mnsd, 21, 21, "maximumSignificantDigits");
      } else {
        mnsd = 1;
        mxsd = 21;
      }
    }
    if (needFd) {
      if (hasFd) {
        mnfd = defaultNumber(mnfd, 0, 100, undefined, "minimumFractionDigits");
        mxfd = defaultNumber(mxfd, 0, 100, undefined, "maximumFractionDigits");
        if (mnfd === undefined) {
          mnfd = Math.min(mnfdDefault, mxfd);
        } else if (mxfd === undefined) {
          mxfd = Math.max(mxfdDefault, mnfd);
        } else if (mnfd > mxfd) {
          throw new RangeError("maximumFractionDigits value is out of range.");
        }
      } else {
        mnfd = mnfdDefault;
        mxfd = mxfdDefault;
      }
    }
    let roundingType;
    let computedPriority = roundingPriority;
    if (!needSd && !needFd) {
      mnfd = 0;
      mxfd = 0;
      mnsd = 1;
      mxsd = 2;
      roundingType = "morePrecision";
      computedPriority = "morePrecision";
    } else if (roundingPriority === "auto") {
      roundingType = hasSd ? "significantDigits" : "fractionDigits";
    } else {
      roundingType = roundingPriority;
    }
    if (roundingIncrement !== 1) {
      if (roundingType !== "fractionDigits") {
        throw new TypeError("RoundingType is not fractionDigits");
      }
      if (mxfd !== mnfd) {
        throw new RangeError("maximumFractionDigits value is out of range.");
      }
    }
    if (roundingType !== "significantDigits") {
      r.minimumFractionDigits = mnfd;
      r.maximumFractionDigits = mxfd;
    }
    if (roundingType !== "fractionDigits") {
      r.minimumSignificantDigits = mnsd;
      r.maximumSignificantDigits = mxsd;
    }
    return { roundingType, roundingIncrement, roundingMode, roundingPriority: computedPriority, trailingZeroDisplay, mnfd, mxfd, mnsd, mxsd };
  }

  const NumberFormat = function NumberFormat(locales = undefined, options = undefined) {
    if (new.target === undefined) {
      return new NumberFormat(locales, options);
    }
    const requested = getCanonicalLocales(locales);
    if (options === null) {
      throw new TypeError("Intl.NumberFormat called on null or undefined");
    }
    const opts = options === undefined ? Object.create(null) : Object(options);
    getOption(opts, "localeMatcher", ["lookup", "best fit"], "best fit");
    const nuOption = getOption(opts, "numberingSystem", null, undefined);
    if (nuOption !== undefined && !/^[a-z0-9]{3,8}(-[a-z0-9]{3,8})*$/i.test(nuOption)) {
      throw new RangeError(`Invalid numberingSystem : ${nuOption}`);
    }
    const { locale, numberingSystem } = resolveLocale(requested, nuOption);
    const style = getOption(opts, "style", ["decimal", "percent", "currency", "unit"], "decimal");
    let currency = getOption(opts, "currency", null, undefined);
    if (currency !== undefined && !/^[A-Za-z]{3}$/.test(currency)) {
      throw new RangeError(`Invalid currency code : ${currency}`);
    }
    const currencyDisplay = getOption(opts, "currencyDisplay", ["code", "symbol", "narrowSymbol", "name"], "symbol");
    const currencySign = getOption(opts, "currencySign", ["standard", "accounting"], "standard");
    const unit = getOption(opts, "unit", null, undefined);
    if (unit !== undefined && !native.wellFormedUnit(unit)) {
      throw new RangeError(`Invalid unit argument for Intl.NumberFormat() '${unit}'`);
    }
    const unitDisplay = getOption(opts, "unitDisplay", ["short", "narrow", "long"], "short");
    if (style === "currency" && currency === undefined) {
      throw new TypeError("Currency code is required with currency style.");
    }
    if (style === "unit" && unit === undefined) {
      throw new TypeError("Invalid unit argument for Intl.NumberFormat() ''");
    }
    const notation = getOption(opts, "notation", ["standard", "scientific", "engineering", "compact"], "standard");
    let mnfdDefault = 0;
    let mxfdDefault = style === "percent" ? 0 : 3;
    if (style === "currency") {
      currency = currency.toUpperCase();
      if (notation === "standard") {
        mnfdDefault = mxfdDefault = native.currencyDigits(currency);
      }
    }
    const r = { locale, numberingSystem, style };
    if (style === "currency") {
      Object.assign(r, { currency, currencyDisplay, currencySign });
    }
    if (style === "unit") {
      Object.assign(r, { unit, unitDisplay });
    }
    const digits = digitOptions(opts, r, mnfdDefault, mxfdDefault, notation);
    const compactDisplay = getOption(opts, "compactDisplay", ["short", "long"], "short");
    const defaultGrouping = notation === "compact" ? "min2" : "auto";
    let useGrouping = opts.useGrouping;
    if (useGrouping === undefined) {
      useGrouping = defaultGrouping;
    } else if (useGrouping === true) {
      useGrouping = "always";
    } else if (!useGrouping) {
      useGrouping = false;
    } else {
      useGrouping = String(useGrouping);
      if (!["min2", "auto", "always", "true", "false"].includes(useGrouping)) {
        throw new RangeError(`Value ${useGrouping} out of range for Intl.NumberFormat options property useGrouping`);
      }
      if (useGrouping === "true" || useGrouping === "false") {
        useGrouping = defaultGrouping;
      }
    }
    const signDisplay = getOption(opts, "signDisplay", ["auto", "never", "always", "exceptZero", "negative"], "auto");
    r.useGrouping = useGrouping;
    r.notation = notation;
    if (notation === "compact") {
      r.compactDisplay = compactDisplay;
    }
    Object.assign(r, {
      signDisplay,
      roundingIncrement: digits.roundingIncrement,
      roundingMode: digits.roundingMode,
      roundingPriority: digits.roundingPriority,
      trailingZeroDisplay: digits.trailingZeroDisplay,
    });
    const handle = native.numberFormat({
      locale, numberingSystem, style, currency: currency || "", currencyDisplay, currencySign, notation, compactDisplay,
      signDisplay, useGrouping: String(useGrouping), minimumIntegerDigits: r.minimumIntegerDigits,
      minimumFractionDigits: digits.mnfd || 0, maximumFractionDigits: digits.mxfd || 0,
      minimumSignificantDigits: digits.mnsd || 1, maximumSignificantDigits: digits.mxsd || 21,
      roundingType: digits.roundingType, roundingIncrement: digits.roundingIncrement,
      roundingMode: digits.roundingMode, trailingZeroDisplay: digits.trailingZeroDisplay,
      unit: unit || "", unitDisplay,
    });
    states.set(this, { handle, resolved: r, bound: undefined });
  };
  Object.defineProperty(NumberFormat, "length", { value: 0 });
  function state(self, method) {
    const s = typeof self === "object" && self !== null ? states.get(self) : undefined;
    if (s === undefined) {
      throw incompatible(method, self);
    }
    return s;
  }
  // mathematical is ToIntlMathematicalValue, as [kind, value] for Go.
  function mathematical(v) {
    if (typeof v === "object" && v !== null) {
      v = NumberCtor(v) === v ? v : primitive(v);
    }
    if (typeof v === "bigint") {
      return ["s", String(v)];
    }
    if (typeof v === "string") {
      return ["s", v];
    }
    return ["n", NumberCtor(v)];
  }
  function primitive(v) {
    const p = v[Symbol.toPrimitive];
    if (p !== undefined && p !== null) {
      return p.call(v, "number");
    }
    for (const m of ["valueOf", "toString"]) {
      const f = v[m];
      if (typeof f === "function") {
        const r = f.call(v);
        if (typeof r !== "object" || r === null) {
          return r;
        }
      }
    }
    throw new TypeError("Cannot convert object to primitive value");
  }
  function toParts(s, v) {
    const [kind, value] = mathematical(v);
    return native.formatNumber(s.handle, kind, value);
  }
  function join(parts) {
    let out = "";
    for (const p of parts) {
      out += p.value;
    }
    return out;
  }
  Object.defineProperty(NumberFormat.prototype, Symbol.toStringTag, { value: "Intl.NumberFormat", configurable: true });
  Object.defineProperty(NumberFormat, "prototype", { writable: false });
  hidden(NumberFormat, "supportedLocalesOf", {
    supportedLocalesOf(locales, options = undefined) {
      return getCanonicalLocales(locales).filter((tag) => native.supported(tag) !== "");
    },
  }.supportedLocalesOf);
  const proto = {
    resolvedOptions() {
      return Object.assign({}, state(this, "UnwrapNumberFormat").resolved);
    },
    formatToParts(value) {
      return toParts(state(this, "Intl.NumberFormat.prototype.formatToParts"), value);
    },
    formatRange(start, end) {
      return join(rangeParts(state(this, "Intl.NumberFormat.prototype.formatRange"), start, end));
    },
    formatRangeToParts(start, end) {
      return rangeParts(state(this, "Intl.NumberFormat.prototype.formatRangeToParts"), start, end);
    },
  };
  function rangeParts(s, start, end) {
    if (start === undefined) {
      throw new TypeError("Invalid start : undefined");
    }
    if (end === undefined) {
      throw new TypeError("Invalid end : undefined");
    }
    const x = mathematical(start);
    const y = mathematical(end);
    if (native.isNaNValue(x[0], x[1])) {
      throw new RangeError("Invalid start : NaN");
    }
    if (native.isNaNValue(y[0], y[1])) {
      throw new RangeError("Invalid end : NaN");
    }
    return native.formatRange(s.handle, x[0], x[1], y[0], y[1]);
  }
  for (const key of ["resolvedOptions", "formatToParts"]) {
    hidden(NumberFormat.prototype, key, proto[key]);
  }
  const formatGetter = Object.getOwnPropertyDescriptor(
    {
      get format() {
        const s = state(this, "UnwrapNumberFormat");
        if (s.bound === undefined) {
          s.bound = (value) => join(toParts(s, value));
          Object.defineProperty(s.bound, "name", { value: "" });
        }
        return s.bound;
      },
    },
    "format",
  ).get;
  Object.defineProperty(NumberFormat.prototype, "format", { get: formatGetter, enumerable: false, configurable: true });
  for (const key of ["formatRange", "formatRangeToParts"]) {
    hidden(NumberFormat.prototype, key, proto[key]);
  }
  hidden(Intl, "NumberFormat", NumberFormat);

  // toLocaleString on NumberFormat.
  const numberValueOf = Number.prototype.valueOf;
  function thisNumber(self) {
    if (typeof self !== "number" && !(typeof self === "object" && self !== null && Object.prototype.toString.call(self) === "[object Number]")) {
      throw new TypeError("Number.prototype.toLocaleString requires that 'this' be a Number");
    }
    return numberValueOf.call(self);
  }
  let defaultFormat;
  const byLocale = new Map();
  hidden(Number.prototype, "toLocaleString", {
    toLocaleString(locales = undefined, options = undefined) {
      const x = thisNumber(this);
      if (locales === undefined && options === undefined) {
        defaultFormat = defaultFormat || states.get(new NumberFormat());
        return join(toParts(defaultFormat, x));
      }
      if (typeof locales === "string" && options === undefined) {
        // x.toLocaleString("de-DE") in a loop makes one format per locale.
        let state = byLocale.get(locales);
        if (state === undefined) {
          state = states.get(new NumberFormat(locales));
          if (byLocale.size >= 32) {
            byLocale.clear();
          }
          byLocale.set(locales, state);
        }
        return join(toParts(state, x));
      }
      return new NumberFormat(locales, options).format(x);
    },
  }.toLocaleString);
  if (typeof BigInt === "function") {
    hidden(BigInt.prototype, "toLocaleString", {
      toLocaleString(locales = undefined, options = undefined) {
        const x = BigInt.prototype.valueOf.call(this);
        return new NumberFormat(locales, options).format(x);
      },
    }.toLocaleString);
  }
})
