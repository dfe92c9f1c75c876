// Intl.RelativeTimeFormat (https://tc39.es/ecma402/#relativetimeformat-objects),
// written for workerhost over the natives in intl_relative.go.
(function (native) {
  "use strict";
  const Intl = globalThis.Intl;
  function hidden(target, key, value) {
    Object.defineProperty(target, key, { value, writable: true, enumerable: false, configurable: true });
  }
  // canonicalList is Intl.getCanonicalLocales (intl.js), as it was at
  // install.
  const canonicalList = globalThis.Intl.getCanonicalLocales;
  function withoutExtension(tag) {
    const m = /-u(?:-[a-z0-9]{2,8})+$/i.exec(tag);
    return m ? tag.slice(0, m.index) : tag;
  }
  function getOption(options, name, values, fallback) {
    let v = options[name];
    if (v === undefined) {
      return fallback;
    }
    v = String(v);
    if (values && !values.includes(v)) {
      throw new RangeError(`Value ${v} out of range for Intl.RelativeTimeFormat options property ${name}`);
    }
    return v;
  }
  function incompatible(method, self) {
    const d = typeof self === "object" && self !== null ? "#<" + (self.constructor && self.constructor.name ? self.constructor.name : "Object") + ">" : String(self);
    return new TypeError(`Method ${method} called on incompatible receiver ${d}`);
  }
  const units = ["year", "quarter", "month", "week", "day", "hour", "minute", "second"];
  const formats = new WeakMap();
  function state(self, method) {
    const s = typeof self === "object" && self !== null ? formats.get(self) : undefined;
    if (s === undefined) {
      throw incompatible(method, self);
    }
    return s;
  }
  // parts formats value in unit: [type, value, ...] from the native.
  function parts(s, value, unit, method) {
    const v = Number(value);
    unit = String(unit);
    if (!isFinite(v)) {
      throw new RangeError(`Value need to be finite number for ${method}()`);
    }
    const singular = unit.endsWith("s") ? unit.slice(0, -1) : unit;
    if (!units.includes(singular)) {
      throw new RangeError(`Invalid unit argument for ${method}() '${unit}'`);
    }
    return { unit: singular, flat: native.format(s.key, s.resolved.style, singular, s.resolved.numeric, v) };
  }

  const RelativeTimeFormat = function RelativeTimeFormat(locales = undefined, options = undefined) {
    {
      if (new.target === undefined) {
        throw new TypeError("Constructor Intl.RelativeTimeFormat requires 'new'");
      }
      const requested = canonicalList(locales);
      if (options === null) {
        throw new TypeError("Intl.RelativeTimeFormat called on null or undefined");
      }
      const opts = options === undefined ? Object.create(null) : Object(options);
      getOption(opts, "localeMatcher", ["lookup", "best fit"], "best fit");
      const numberingSystem = getOption(opts, "numberingSystem", null, undefined);
      if (numberingSystem !== undefined && !/^[a-z0-9]{3,8}(-[a-z0-9]{3,8})*$/i.test(numberingSystem)) {
        throw new RangeError("Invalid numberingSystem : " + numberingSystem);
      }
      const style = getOption(opts, "style", ["long", "short", "narrow"], "long");
      const numeric = getOption(opts, "numeric", ["always", "auto"], "always");
      let found = null;
      for (const tag of requested) {
        found = native.locale(withoutExtension(tag));
        if (found !== null) {
          break;
        }
      }
      if (found === null) {
        found = ["en-US", "en"];
      }
      formats.set(this, { key: found[1], resolved: { locale: found[0], style, numeric, numberingSystem: "latn" } });
    }
  };
  Object.defineProperty(RelativeTimeFormat, "prototype", { writable: false });
  const methods = {
    resolvedOptions() {
      return Object.assign({}, state(this, "Intl.RelativeTimeFormat.prototype.resolvedOptions").resolved);
    },
    format(value, unit) {
      const method = "Intl.RelativeTimeFormat.prototype.format";
      const { flat } = parts(state(this, method), value, unit, method);
      let out = "";
      for (let i = 1; i < flat.length; i += 2) {
        out += flat[i];
      }
      return out;
    },
    formatToParts(value, unit) {
      const method = "Intl.RelativeTimeFormat.prototype.formatToParts";
      const p = parts(state(this, method), value, unit, method);
      const out = [];
      for (let i = 0; i < p.flat.length; i += 2) {
        const part = { type: p.flat[i], value: p.flat[i + 1] };
        if (part.type !== "literal") {
          part.unit = p.unit;
        }
        out.push(part);
      }
      return out;
    },
  };
  for (const key of Object.keys(methods)) {
    hidden(RelativeTimeFormat.prototype, key, methods[key]);
  }
  hidden(RelativeTimeFormat, "supportedLocalesOf", function supportedLocalesOf(locales, options = undefined) {
    return canonicalList(locales).filter((tag) => native.locale(withoutExtension(tag)) !== null);
  });
  Object.defineProperty(RelativeTimeFormat.prototype, Symbol.toStringTag, { value: "Intl.RelativeTimeFormat", configurable: true });
  hidden(Intl, "RelativeTimeFormat", RelativeTimeFormat);
})
