// Intl.ListFormat (https://tc39.es/ecma402/#listformat-objects), written for
// workerhost over the connectors in intl_list.go.
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
      throw new RangeError(`Value ${v} out of range for Intl.ListFormat options property ${name}`);
    }
    return v;
  }
  function incompatible(method, self) {
    const d = typeof self === "object" && self !== null ? "#<" + (self.constructor && self.constructor.name ? self.constructor.name : "Object") + ">" : String(self);
    return new TypeError(`Method ${method} called on incompatible receiver ${d}`);
  }
  const states = new WeakMap();
  const ListFormat = function ListFormat(locales = undefined, options = undefined) {
    if (new.target === undefined) {
      throw new TypeError("Constructor Intl.ListFormat requires 'new'");
    }
    const requested = getCanonicalLocales(locales);
    if (options === null) {
      throw new TypeError("invalid_argument");
    }
    const opts = options === undefined ? Object.create(null) : Object(options);
    getOption(opts, "localeMatcher", ["lookup", "best fit"], "best fit");
    const type = getOption(opts, "type", ["conjunction", "disjunction", "unit"], "conjunction");
    const style = getOption(opts, "style", ["long", "short", "narrow"], "long");
    let locale = "en-US";
    for (const tag of requested) {
      const base = tag.replace(/-u(?:-[a-z0-9]{2,8})+$/i, "");
      const found = native.supported(base);
      if (found !== "") {
        locale = found;
        break;
      }
    }
    states.set(this, { locale, type, style, patterns: native.listPatterns(locale, type + " " + style) });
  };
  Object.defineProperty(ListFormat, "length", { value: 0 });
  const proto = {
    resolvedOptions() {
      const s = state(this, "Intl.ListFormat.prototype.resolvedOptions");
      return { locale: s.locale, type: s.type, style: s.style };
    },
    format(list) {
      let out = "";
      for (const p of parts(state(this, "Intl.ListFormat.prototype.format"), list)) {
        out += p.value;
      }
      return out;
    },
    formatToParts(list) {
      return parts(state(this, "Intl.ListFormat.prototype.formatToParts"), list);
    },
  };
  for (const key of Object.keys(proto)) {
    hidden(ListFormat.prototype, key, proto[key]);
  }
  hidden(ListFormat, "supportedLocalesOf", {
    supportedLocalesOf(locales, options = undefined) {
      return getCanonicalLocales(locales).filter((tag) => native.supported(tag) !== "");
    },
  }.supportedLocalesOf);
  Object.defineProperty(ListFormat, "prototype", { writable: false });
  function state(self, method) {
    const s = typeof self === "object" && self !== null ? states.get(self) : undefined;
    if (s === undefined) {
      throw incompatible(method, self);
    }
    return s;
  }
  // parts is CreatePartsFromList over StringListFromIterable.
  function parts(s, list) {
    const items = [];
    if (list !== undefined) {
      for (const v of list) {
        if (typeof v !== "string") {
          throw new TypeError(`Iterable yielded ${typeof v === "symbol" ? "Symbol()" : String(v)} which is not a string`);
        }
        items.push(v);
      }
    }
    const [pair, start, middle, end, before, after] = s.patterns;
    const out = [];
    const literal = (value) => {
      if (value !== "") {
        out.push({ type: "literal", value });
      }
    };
    if (items.length === 0) {
      return out;
    }
    literal(items.length > 1 ? before : "");
    for (let i = 0; i < items.length; i++) {
      if (i > 0) {
        if (items.length === 2) {
          literal(pair);
        } else if (i === 1) {
          literal(start);
        } else if (i === items.length - 1) {
          literal(end);
        } else {
          literal(middle);
        }
      }
      out.push({ type: "element", value: items[i] });
    }
    literal(items.length > 1 ? after : "");
    return out;
  }
  Object.defineProperty(ListFormat.prototype, Symbol.toStringTag, { value: "Intl.ListFormat", configurable: true });
  hidden(Intl, "ListFormat", ListFormat);
})
