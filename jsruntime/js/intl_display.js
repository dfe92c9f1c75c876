// Intl.DisplayNames (https://tc39.es/ecma402/#intl-displaynames-objects),
// written for workerhost over the names in intl_display.go.
(function (native) {
  "use strict";
  const Intl = globalThis.Intl;
  const getCanonicalLocales = Intl.getCanonicalLocales;
  function hidden(target, key, value) {
    Object.defineProperty(target, key, { value, writable: true, enumerable: false, configurable: true });
  }
  function getOption(options, name, values, fallback) {
    let v = options[name];
    if (v === undefined) {
      return fallback;
    }
    v = String(v);
    if (!values.includes(v)) {
      throw new RangeError(`Value ${v} out of range for Intl.DisplayNames options property ${name}`);
    }
    return v;
  }
  const fields = ["era", "year", "quarter", "month", "weekOfYear", "weekday", "day", "dayPeriod", "hour", "minute", "second", "timeZoneName"];
  const languageId = /^(?:[a-z]{2,3}|[a-z]{5,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|[0-9]{3}))?$/i;
  // canonical checks a code for a type and returns it in the case the
  // names are kept in, throwing workerd's RangeError for a bad one.
  function canonical(type, code) {
    const bad = () => new RangeError("invalid_argument");
    switch (type) {
      case "language": {
        if (!languageId.test(code)) throw bad();
        return code.split("-").map((s, i) => (i === 0 ? s.toLowerCase() : s.length === 4 ? s[0].toUpperCase() + s.slice(1).toLowerCase() : s.toUpperCase())).join("-");
      }
      case "region":
        // ICU names only upper-case codes: "us" stays "us".
        if (!/^(?:[a-z]{2}|[0-9]{3})$/i.test(code)) throw bad();
        return code;
      case "script":
        if (!/^[a-z]{4}$/i.test(code)) throw bad();
        return code;
      case "currency":
        if (!/^[a-z]{3}$/i.test(code)) throw bad();
        return code.toUpperCase();
      case "calendar":
        if (!/^[a-z0-9]{3,8}(?:-[a-z0-9]{3,8})*$/i.test(code)) throw bad();
        return code.toLowerCase();
      default:
        if (!fields.includes(code)) throw bad();
        return code;
    }
  }
  function incompatible(method, self) {
    const d = typeof self === "object" && self !== null ? "#<" + (self.constructor && self.constructor.name ? self.constructor.name : "Object") + ">" : String(self);
    return new TypeError(`Method ${method} called on incompatible receiver ${d}`);
  }
  const states = new WeakMap();
  const DisplayNames = function DisplayNames(locales, options) {
    if (new.target === undefined) {
      throw new TypeError("Constructor Intl.DisplayNames requires 'new'");
    }
    const requested = getCanonicalLocales(locales);
    if (options === undefined || options === null) {
      throw new TypeError("invalid_argument");
    }
    const opts = Object(options);
    getOption(opts, "localeMatcher", ["lookup", "best fit"], "best fit");
    const style = getOption(opts, "style", ["narrow", "short", "long"], "long");
    const type = getOption(opts, "type", ["language", "region", "script", "currency", "calendar", "dateTimeField"], undefined);
    if (type === undefined) {
      throw new TypeError("invalid_argument");
    }
    const fallback = getOption(opts, "fallback", ["code", "none"], "code");
    const languageDisplay = getOption(opts, "languageDisplay", ["dialect", "standard"], "dialect");
    let locale = "en-US";
    for (const tag of requested) {
      const base = tag.replace(/-u(?:-[a-z0-9]{2,8})+$/i, "");
      const found = native.supported(base);
      if (found !== "") {
        locale = found;
        break;
      }
    }
    states.set(this, { locale, style, type, fallback, languageDisplay });
  };
  Object.defineProperty(DisplayNames, "length", { value: 2 });
  const proto = {
    of(code) {
      const s = state(this, "Intl.DisplayNames.prototype.of");
      const given = String(code);
      const key = canonical(s.type, given);
      const name = native.displayOf(s.locale, s.type, s.style, s.languageDisplay === "dialect", key, s.fallback === "code");
      if (name !== undefined) {
        return name;
      }
      return s.fallback === "code" ? given : undefined;
    },
    resolvedOptions() {
      const s = state(this, "Intl.DisplayNames.prototype.resolvedOptions");
      const o = { locale: s.locale, style: s.style, type: s.type, fallback: s.fallback };
      if (s.type === "language") {
        o.languageDisplay = s.languageDisplay;
      }
      return o;
    },
  };
  for (const key of Object.keys(proto)) {
    hidden(DisplayNames.prototype, key, proto[key]);
  }
  hidden(DisplayNames, "supportedLocalesOf", {
    supportedLocalesOf(locales, options = undefined) {
      return getCanonicalLocales(locales).filter((tag) => native.supported(tag) !== "");
    },
  }.supportedLocalesOf);
  Object.defineProperty(DisplayNames, "prototype", { writable: false });
  Object.defineProperty(DisplayNames.prototype, Symbol.toStringTag, { value: "Intl.DisplayNames", configurable: true });
  hidden(Intl, "DisplayNames", DisplayNames);
  function state(self, method) {
    const s = typeof self === "object" && self !== null ? states.get(self) : undefined;
    if (s === undefined) {
      throw incompatible(method, self);
    }
    return s;
  }
})
