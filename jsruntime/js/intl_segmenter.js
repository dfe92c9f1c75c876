// Intl.Segmenter (https://tc39.es/ecma402/#segmenter-objects), written for
// workerhost over the native in intl_segmenter.go.
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
  const states = new WeakMap();
  const Segmenter = function Segmenter(locales = undefined, options = undefined) {
    if (new.target === undefined) {
      throw new TypeError("Constructor Intl.Segmenter requires 'new'");
    }
    const requested = getCanonicalLocales(locales);
    if (options === null) {
      throw new TypeError("invalid_argument");
    }
    const opts = options === undefined ? Object.create(null) : Object(options);
    const matcher = opts.localeMatcher;
    if (matcher !== undefined && !["lookup", "best fit"].includes(String(matcher))) {
      throw new RangeError(`Value ${String(matcher)} out of range for Intl.Segmenter options property localeMatcher`);
    }
    let granularity = opts.granularity;
    granularity = granularity === undefined ? "grapheme" : String(granularity);
    if (!["grapheme", "word", "sentence"].includes(granularity)) {
      throw new RangeError(`Value ${granularity} out of range for Intl.Segmenter options property granularity`);
    }
    let locale = "en-US";
    for (const tag of requested) {
      const found = native.supported(tag.replace(/-u(?:-[a-z0-9]{2,8})+$/i, ""));
      if (found !== "") {
        locale = found;
        break;
      }
    }
    states.set(this, { locale, granularity });
  };
  Object.defineProperty(Segmenter, "length", { value: 0 });
  function state(self, method) {
    const s = typeof self === "object" && self !== null ? states.get(self) : undefined;
    if (s === undefined) {
      throw incompatible(method, self);
    }
    return s;
  }

  // Segments objects and their iterators.
  const segmentsData = new WeakMap();
  const SegmentsPrototype = {};
  const IteratorPrototype = Object.create(Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
  function segmentList(input, granularity) {
    const flat = native.segment(granularity, input);
    const list = [];
    for (let i = 0; i < flat.length; i += 3) {
      const o = { segment: flat[i + 1], index: flat[i], input };
      if (granularity === "word") {
        o.isWordLike = flat[i + 2];
      }
      list.push(o);
    }
    return list;
  }
  function copy(o) {
    return Object.assign({}, o);
  }
  hidden(SegmentsPrototype, "containing", {
    containing(index) {
      const d = segmentsData.get(this);
      if (d === undefined) {
        throw incompatible("%Segments.prototype%.containing", this);
      }
      const n = Math.trunc(Number(index)) || 0;
      if (n < 0 || n >= d.input.length) {
        return undefined;
      }
      for (const seg of d.list) {
        if (n >= seg.index && n < seg.index + seg.segment.length) {
          return copy(seg);
        }
      }
      return undefined;
    },
  }.containing);
  hidden(SegmentsPrototype, Symbol.iterator, {
    [Symbol.iterator]() {
      const d = segmentsData.get(this);
      if (d === undefined) {
        throw incompatible("%Segments.prototype%[@@iterator]", this);
      }
      const it = Object.create(IteratorPrototype);
      iterators.set(it, { list: d.list, next: 0 });
      return it;
    },
  }[Symbol.iterator]);
  const iterators = new WeakMap();
  hidden(IteratorPrototype, "next", {
    next() {
      const s = iterators.get(this);
      if (s === undefined) {
        throw incompatible("%SegmentIterator.prototype%.next", this);
      }
      if (s.next >= s.list.length) {
        return { value: undefined, done: true };
      }
      return { value: copy(s.list[s.next++]), done: false };
    },
  }.next);
  Object.defineProperty(IteratorPrototype, Symbol.toStringTag, { value: "Segmenter String Iterator", configurable: true });

  const proto = {
    resolvedOptions() {
      const s = state(this, "Intl.Segmenter.prototype.resolvedOptions");
      return { locale: s.locale, granularity: s.granularity };
    },
    segment(string) {
      const s = state(this, "Intl.Segmenter.prototype.segment");
      if (typeof string === "symbol") {
        throw new TypeError("Cannot convert a Symbol value to a string");
      }
      const input = String(string);
      const segments = Object.create(SegmentsPrototype);
      segmentsData.set(segments, { input, list: segmentList(input, s.granularity) });
      return segments;
    },
  };
  for (const key of Object.keys(proto)) {
    hidden(Segmenter.prototype, key, proto[key]);
  }
  hidden(Segmenter, "supportedLocalesOf", {
    supportedLocalesOf(locales, options = undefined) {
      return getCanonicalLocales(locales).filter((tag) => native.supported(tag) !== "");
    },
  }.supportedLocalesOf);
  Object.defineProperty(Segmenter.prototype, Symbol.toStringTag, { value: "Intl.Segmenter", configurable: true });
  Object.defineProperty(Segmenter, "prototype", { writable: false });
  hidden(Intl, "Segmenter", Segmenter);
})
