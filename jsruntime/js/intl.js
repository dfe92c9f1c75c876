// Intl (https://tc39.es/ecma402/), written for workerhost: the namespace,
// getCanonicalLocales, Collator and PluralRules, over natives in intl.go;
// String.prototype.localeCompare uses Collator. Defined only where missing.
(function (native) {
  "use strict";
  if (typeof globalThis.Intl === "object") {
    return;
  }
  function hidden(target, key, value) {
    Object.defineProperty(target, key, { value, writable: true, enumerable: false, configurable: true });
  }
  function methods(target, literal) {
    for (const key of Object.keys(literal)) {
      hidden(target, key, literal[key]);
    }
  }

  // CanonicalizeLocaleList.
  function canonicalList(locales) {
    if (locales === undefined) {
      return [];
    }
    const list = typeof locales === "string" ? [locales] : Object(locales);
    const out = [];
    const len = Math.min(Math.max(Math.trunc(Number(list.length)) || 0, 0), Number.MAX_SAFE_INTEGER);
    for (let k = 0; k < len; k++) {
      if (!(k in list)) {
        continue;
      }
      const v = list[k];
      if (typeof v !== "string" && (typeof v !== "object" || v === null)) {
        throw new TypeError("Language ID should be string or object.");
      }
      const tag = native.canonicalize(String(v));
      if (!out.includes(tag)) {
        out.push(tag);
      }
    }
    return out;
  }
  function getOption(options, name, values, fallback, ctorName) {
    let v = options[name];
    if (v === undefined) {
      return fallback;
    }
    if (typeof fallback === "boolean") {
      return Boolean(v);
    }
    v = String(v);
    if (values && !values.includes(v)) {
      throw new RangeError(`Value ${v} out of range for ${ctorName} options property ${name}`);
    }
    return v;
  }
  function toOptions(options) {
    if (options === undefined) {
      return Object.create(null);
    }
    if (options === null) {
      throw new TypeError("Cannot convert undefined or null to object");
    }
    return Object(options);
  }
  // resolve picks the first requested locale with data, else the default.
  function resolve(requested) {
    for (const tag of requested) {
      const found = native.supported(tag);
      if (found !== "") {
        return found;
      }
    }
    return "en-US";
  }
  function supportedLocalesOf(locales) {
    return canonicalList(locales).filter((tag) => native.supported(tag) !== "");
  }
  function incompatible(method, self) {
    const d = typeof self === "object" && self !== null ? "#<" + (self.constructor && self.constructor.name ? self.constructor.name : "Object") + ">" : String(self);
    return new TypeError(`Method ${method} called on incompatible receiver ${d}`);
  }

  const Intl = {};
  Object.defineProperty(Intl, Symbol.toStringTag, { value: "Intl", configurable: true });
  methods(Intl, {
    getCanonicalLocales(locales) {
      return canonicalList(locales);
    },
  });

  // Intl.Collator.
  const collators = new WeakMap();
  const Collator = function Collator(locales = undefined, options = undefined) {
    if (new.target === undefined) {
      return new Collator(locales, options);
    }
    const requested = canonicalList(locales);
    const opts = toOptions(options);
    const name = "Intl.Collator";
    const usage = getOption(opts, "usage", ["sort", "search"], "sort", name);
    getOption(opts, "localeMatcher", ["lookup", "best fit"], "best fit", name);
    getOption(opts, "collation", null, undefined, name);
    let numeric = getOption(opts, "numeric", null, false, name);
    let caseFirst = getOption(opts, "caseFirst", ["upper", "lower", "false"], undefined, name);
    const sensitivity = getOption(opts, "sensitivity", ["base", "accent", "case", "variant"], "variant", name);
    const ignorePunctuation = getOption(opts, "ignorePunctuation", null, false, name);
    let locale = resolve(requested);
    const extension = /-u(?:-[a-z0-9]{2,8})+$/i.exec(locale);
    locale = native.collatorLocale(extension ? locale.slice(0, extension.index) : locale) + (extension ? extension[0] : "");
    // Of the Unicode extension keys, kf (caseFirst) and kn (numeric) are kept.
    const ext = /-u(?:-[a-z0-9]{2,8})+$/i.exec(locale);
    const optionCaseFirst = caseFirst;
    caseFirst = caseFirst === undefined ? native.collatorCaseFirst(locale) : caseFirst;
    if (ext) {
      locale = locale.slice(0, ext.index);
      const kf = /-kf-(upper|lower|false)(?=-[a-z0-9]{2}(?:-|$)|$)/.exec(ext[0]);
      if (kf && (optionCaseFirst === undefined || optionCaseFirst === kf[1])) {
        caseFirst = kf[1];
        locale += "-u-kf-" + kf[1];
      }
      const kn = /-kn(?:-(true|false))?(?=-[a-z0-9]{2}(?:-|$)|$)/.exec(ext[0]);
      if (kn && opts.numeric === undefined) {
        numeric = kn[1] !== "false";
        locale += (locale.includes("-u-") ? "" : "-u") + (kn[1] === "false" ? "-kn-false" : "-kn");
      }
    }
    const state = {
      handle: caseFirst === "upper" ? native.collatorUpperFirst(locale, sensitivity, numeric, ignorePunctuation) : native.collator(locale, sensitivity, numeric, ignorePunctuation),
      resolved: { locale, usage, sensitivity, ignorePunctuation, collation: "default", numeric, caseFirst },
      bound: undefined,
    };
    collators.set(this, state);
  };
  Object.defineProperty(Collator, "length", { value: 0 });
  function collatorState(self, method) {
    const s = typeof self === "object" && self !== null ? collators.get(self) : undefined;
    if (s === undefined) {
      throw incompatible(method, self);
    }
    return s;
  }
  methods(Collator, {
    supportedLocalesOf(locales, options = undefined) {
      return supportedLocalesOf(locales);
    },
  });
  Object.defineProperty(Collator.prototype, Symbol.toStringTag, { value: "Intl.Collator", configurable: true });
  Object.defineProperty(Collator, "prototype", { writable: false });
  methods(Collator.prototype, {
    resolvedOptions() {
      return Object.assign({}, collatorState(this, "Intl.Collator.prototype.resolvedOptions").resolved);
    },
  });
  const compareGetter = Object.getOwnPropertyDescriptor(
    {
      get compare() {
        const s = collatorState(this, "get Intl.Collator.prototype.compare");
        if (s.bound === undefined) {
          const caseLevel = s.resolved.sensitivity === "case";
          const compare = s.resolved.caseFirst === "upper" ? native.compareUpperFirst : native.compare;
          s.bound = (x, y) => compare(s.handle, String(x), String(y), caseLevel);
          Object.defineProperty(s.bound, "name", { value: "" });
        }
        return s.bound;
      },
    },
    "compare",
  ).get;
  Object.defineProperty(Collator.prototype, "compare", { get: compareGetter, enumerable: false, configurable: true });
  hidden(Intl, "Collator", Collator);

  // String.prototype.localeCompare on Collator.
  let defaultCollator;
  methods(String.prototype, {
    localeCompare(that, locales = undefined, options = undefined) {
      if (this === null || this === undefined) {
        throw new TypeError("String.prototype.localeCompare called on null or undefined");
      }
      const s = String(this);
      if (locales === undefined && options === undefined) {
        defaultCollator = defaultCollator || collators.get(new Collator());
        return native.compare(defaultCollator.handle, s, String(that));
      }
      return new Collator(locales, options).compare(s, String(that));
    },
  });

  // Intl.PluralRules.
  const pluralRules = new WeakMap();
  class PluralRules {
    constructor(locales = undefined, options = undefined) {
      const requested = canonicalList(locales);
      const opts = toOptions(options);
      const name = "Intl.PluralRules";
      const type = getOption(opts, "type", ["cardinal", "ordinal"], "cardinal", name);
      getOption(opts, "localeMatcher", ["lookup", "best fit"], "best fit", name);
      const minimumIntegerDigits = digitOption(opts, "minimumIntegerDigits", 1, 21, 1);
      const minimumFractionDigits = digitOption(opts, "minimumFractionDigits", 0, 100, 0);
      const maximumFractionDigits = digitOption(opts, "maximumFractionDigits", minimumFractionDigits, 100, Math.max(minimumFractionDigits, 3));
      let significant;
      if (opts.minimumSignificantDigits !== undefined || opts.maximumSignificantDigits !== undefined) {
        const minimumSignificantDigits = digitOption(opts, "minimumSignificantDigits", 1, 21, 1);
        const maximumSignificantDigits = digitOption(opts, "maximumSignificantDigits", minimumSignificantDigits, 21, 21);
        significant = { minimumSignificantDigits, maximumSignificantDigits };
      }
      const locale = native.pluralLocale(resolve(requested));
      pluralRules.set(this, {
        locale,
        type,
        minimumFractionDigits,
        maximumFractionDigits,
        significant,
        resolved: {
          locale,
          type,
          notation: "standard",
          minimumIntegerDigits,
          ...(significant || { minimumFractionDigits, maximumFractionDigits }),
          pluralCategories: native.pluralCategories(locale, type),
          roundingIncrement: 1,
          roundingMode: "halfExpand",
          roundingPriority: "auto",
          trailingZeroDisplay: "auto",
        },
      });
    }
    resolvedOptions() {
      const r = pluralState(this, "Intl.PluralRules.prototype.resolvedOptions").resolved;
      return Object.assign({}, r, { pluralCategories: r.pluralCategories.slice() });
    }
    select(n) {
      const s = pluralState(this, "Intl.PluralRules.prototype.select");
      if (s.significant !== undefined) {
        return native.pluralSignificant(s.locale, s.type, Number(n), s.significant.minimumSignificantDigits, s.significant.maximumSignificantDigits);
      }
      return native.plural(s.locale, s.type, Number(n), s.minimumFractionDigits, s.maximumFractionDigits);
    }
    static supportedLocalesOf(locales, options = undefined) {
      return supportedLocalesOf(locales);
    }
  }
  function digitOption(opts, name, min, max, fallback) {
    const v = opts[name];
    if (v === undefined) {
      return fallback;
    }
    const n = Number(v);
    if (!(n >= min && n <= max)) {
      throw new RangeError(`${name} value is out of range.`);
    }
    return Math.floor(n);
  }
  function pluralState(self, method) {
    const s = typeof self === "object" && self !== null ? pluralRules.get(self) : undefined;
    if (s === undefined) {
      throw incompatible(method, self);
    }
    return s;
  }
  Object.defineProperty(PluralRules.prototype, Symbol.toStringTag, { value: "Intl.PluralRules", configurable: true });
  hidden(Intl, "PluralRules", PluralRules);

  hidden(globalThis, "Intl", Intl);
})
