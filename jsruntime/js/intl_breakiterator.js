// Intl.v8BreakIterator (V8's non-standard break iterator, as workerd has
// it), written for workerhost over the native in intl_breakiterator.go.
(function (native) {
  "use strict";
  const Intl = globalThis.Intl;
  const getCanonicalLocales = Intl.getCanonicalLocales;
  function hidden(target, key, value) {
    Object.defineProperty(target, key, { value, writable: true, enumerable: false, configurable: true });
  }
  function incompatible(method, self) {
    const d = typeof self === "object" && self !== null ? "#<" + (self.constructor && self.constructor.name ? self.constructor.name : "Object") + ">" : String(self);
    return new TypeError(`Method ${method} called on incompatible receiver ${d}`);
  }
  function option(opts, key, allowed, fallback, where) {
    const v = opts[key];
    if (v === undefined) {
      return fallback;
    }
    const s = String(v);
    if (!allowed.includes(s)) {
      throw new RangeError(`Value ${s} out of range for ${where} options property ${key}`);
    }
    return s;
  }
  function optionsObject(options) {
    if (options === null) {
      throw new TypeError("Intl.v8BreakIterator called on null or undefined");
    }
    return options === undefined ? Object.create(null) : Object(options);
  }
  const states = new WeakMap();
  const BreakIterator = function v8BreakIterator(locales = undefined, options = undefined) {
    if (new.target === undefined) {
      return new BreakIterator(locales, options);
    }
    const requested = getCanonicalLocales(locales);
    const opts = optionsObject(options);
    option(opts, "localeMatcher", ["lookup", "best fit"], "best fit", "Intl.v8BreakIterator");
    const type = option(opts, "type", ["character", "word", "sentence", "line"], "word", "Intl.v8BreakIterator");
    let locale = "en-US";
    for (const tag of requested) {
      const found = native.supported(tag.replace(/-u(?:-[a-z0-9]{2,8})+$/i, ""));
      if (found !== "") {
        locale = found;
        break;
      }
    }
    states.set(this, { locale, type, bounds: [0], types: ["none"], pos: 0, bound: {} });
  };
  Object.defineProperty(BreakIterator, "length", { value: 0 });
  function state(self, method) {
    const s = typeof self === "object" && self !== null ? states.get(self) : undefined;
    if (s === undefined) {
      throw incompatible(method, self);
    }
    return s;
  }
  // The iterator's functions, which the getters hand out bound.
  const actions = {
    adoptText(s, text) {
      const flat = native.breaks(s.type, String(text));
      s.bounds = [0];
      s.types = ["none"];
      for (let i = 0; i < flat.length; i += 2) {
        s.bounds.push(flat[i]);
        s.types.push(flat[i + 1]);
      }
      s.pos = 0;
      s.last = undefined;
    },
    first(s) {
      s.pos = 0;
      s.last = undefined;
      return 0;
    },
    next(s) {
      if (s.pos + 1 >= s.bounds.length) {
        s.last = s.pos;
        return -1;
      }
      s.pos++;
      return s.bounds[s.pos];
    },
    current(s) {
      return s.bounds[s.pos];
    },
    breakType(s) {
      return s.types[s.pos];
    },
  };
  hidden(BreakIterator.prototype, "resolvedOptions", {
    resolvedOptions() {
      const s = state(this, "Intl.v8BreakIterator.prototype.resolvedOptions");
      return { locale: s.locale, type: s.type };
    },
  }.resolvedOptions);
  for (const key of ["adoptText", "first", "next", "current", "breakType"]) {
    const method = `get Intl.v8BreakIterator.prototype.${key}`;
    const getter = Object.getOwnPropertyDescriptor({
      get [key]() {
        const s = state(this, method);
        if (s.bound[key] === undefined) {
          const f = key === "adoptText" ? (text) => actions.adoptText(s, text) : () => actions[key](s);
          Object.defineProperty(f, "name", { value: "" });
          s.bound[key] = f;
        }
        return s.bound[key];
      },
    }, key).get;
    Object.defineProperty(BreakIterator.prototype, key, { get: getter, enumerable: false, configurable: true });
  }
  hidden(BreakIterator, "supportedLocalesOf", {
    supportedLocalesOf(locales, options = undefined) {
      const opts = optionsObject(options);
      option(opts, "localeMatcher", ["lookup", "best fit"], "best fit", "Intl.v8BreakIterator.supportedLocalesOf");
      return getCanonicalLocales(locales).filter((tag) => native.supported(tag) !== "");
    },
  }.supportedLocalesOf);
  Object.defineProperty(BreakIterator.prototype, Symbol.toStringTag, { value: "Object", configurable: true });
  Object.defineProperty(BreakIterator, "prototype", { writable: false });
  hidden(Intl, "v8BreakIterator", BreakIterator);
})
