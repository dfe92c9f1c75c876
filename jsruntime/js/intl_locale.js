// Intl.Locale (https://tc39.es/ecma402/#locale-objects), written for
// workerhost over the natives in intl_locale.go.
(function (native) {
  "use strict";
  const Intl = globalThis.Intl;
  function hidden(target, key, value) {
    Object.defineProperty(target, key, { value, writable: true, enumerable: false, configurable: true });
  }
  function incompatible(method, self) {
    const d = typeof self === "object" && self !== null ? "#<" + (self.constructor && self.constructor.name ? self.constructor.name : "Object") + ">" : String(self);
    return new TypeError(`Method Intl.Locale.prototype.${method} called on incompatible receiver ${d}`);
  }
  // states maps a Locale to {tag, parts}.
  const states = new WeakMap();
  function state(self, method) {
    const s = typeof self === "object" && self !== null ? states.get(self) : undefined;
    if (s === undefined) {
      throw incompatible(method, self);
    }
    return s;
  }
  function parts(s) {
    if (s.parts === undefined) {
      s.parts = native.localeParts(s.tag);
    }
    return s.parts;
  }
  const weekdays = { 0: "sun", 1: "mon", 2: "tue", 3: "wed", 4: "thu", 5: "fri", 6: "sat", 7: "sun" };
  function getString(options, name, values) {
    const v = options[name];
    if (v === undefined) {
      return undefined;
    }
    const s = String(v);
    if (values !== undefined && !values.includes(s)) {
      throw new RangeError(`Value ${s} out of range for locale options property ${name}`);
    }
    return s;
  }

  const Locale = function Locale(tag, options = undefined) {
    if (new.target === undefined) {
      throw new TypeError("Constructor Intl.Locale requires 'new'");
    }
    if (typeof tag !== "string" && (typeof tag !== "object" || tag === null)) {
      throw new TypeError("First argument to Intl.Locale constructor can't be empty or missing");
    }
    const from = typeof tag === "object" ? states.get(tag) : undefined;
    tag = from !== undefined ? from.tag : String(tag);
    if (tag === "") {
      throw new RangeError("First argument to Intl.Locale constructor can't be empty or missing");
    }
    if (options === null) {
      throw new TypeError("Intl.Locale called on null or undefined");
    }
    const o = options === undefined ? Object.create(null) : Object(options);
    const opts = Object.create(null);
    function put(name, v) {
      if (v !== undefined) {
        opts[name] = v;
      }
    }
    put("language", getString(o, "language"));
    put("script", getString(o, "script"));
    put("region", getString(o, "region"));
    put("calendar", getString(o, "calendar"));
    put("collation", getString(o, "collation"));
    let fw = getString(o, "firstDayOfWeek");
    if (fw !== undefined && Object.prototype.hasOwnProperty.call(weekdays, fw)) {
      fw = weekdays[fw];
    }
    put("firstDayOfWeek", fw);
    put("hourCycle", getString(o, "hourCycle", ["h11", "h12", "h23", "h24"]));
    put("caseFirst", getString(o, "caseFirst", ["upper", "lower", "false"]));
    if (o.numeric !== undefined) {
      opts.numeric = String(Boolean(o.numeric));
    }
    put("numberingSystem", getString(o, "numberingSystem"));
    const self = Object.create(new.target.prototype);
    states.set(self, { tag: native.localeNew(tag, opts), parts: undefined });
    return self;
  };
  Object.defineProperty(Locale, "length", { value: 1, configurable: true });
  const proto = Locale.prototype;
  Object.defineProperty(proto, Symbol.toStringTag, { value: "Intl.Locale", configurable: true });
  function newLocale(tag) {
    const l = Object.create(proto);
    states.set(l, { tag, parts: undefined });
    return l;
  }
  const methods = {
    toString() {
      return state(this, "toString").tag;
    },
    maximize() {
      return newLocale(native.localeMaximize(state(this, "maximize").tag));
    },
    minimize() {
      return newLocale(native.localeMinimize(state(this, "minimize").tag));
    },
  };
  for (const key of Object.keys(methods)) {
    hidden(proto, key, methods[key]);
  }
  for (const key of ["language", "script", "region", "variants", "baseName", "calendar", "caseFirst", "collation", "firstDayOfWeek", "hourCycle", "numeric", "numberingSystem"]) {
    const get = {
      [key]() {
        return parts(state(this, key))[key];
      },
    }[key];
    Object.defineProperty(get, "name", { value: "get " + key });
    Object.defineProperty(proto, key, { get, enumerable: false, configurable: true });
  }
  const queries = {
    getCalendars: "calendars",
    getCollations: "collations",
    getHourCycles: "hourCycles",
    getNumberingSystems: "numberingSystems",
    getTimeZones: "timeZones",
  };
  for (const key of Object.keys(queries)) {
    const m = {
      [key]() {
        return native.localeQuery(state(this, key).tag, queries[key]);
      },
    }[key];
    hidden(proto, key, m);
  }
  const info = {
    getTextInfo() {
      return { direction: native.localeQuery(state(this, "getTextInfo").tag, "direction") };
    },
    getWeekInfo() {
      const week = native.localeQuery(state(this, "getWeekInfo").tag, "week");
      return { firstDay: week[0], weekend: week.slice(1) };
    },
  };
  hidden(proto, "getTextInfo", info.getTextInfo);
  hidden(proto, "getWeekInfo", info.getWeekInfo);
  hidden(Intl, "Locale", Locale);
})
