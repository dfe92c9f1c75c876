// Iterator helpers (ES2025, https://tc39.es/ecma262/#sec-iterator-objects)
// and Iterator.concat, written for workerhost from the specification: the
// Iterator global over goja's %IteratorPrototype%, Iterator.from, and the
// lazy helpers map/filter/take/drop/flatMap with the eager
// reduce/toArray/forEach/some/every/find. Defined only where missing.
(function (native) {
  "use strict";
  const hasOwn = Object.prototype.hasOwnProperty;
  const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
  if (typeof globalThis.Iterator === "function" && hasOwn.call(IteratorPrototype, "map")) {
    return;
  }
  // define gives target the methods it lacks, and defineAccessors the
  // accessors (getters and setters of a literal), both non-enumerable
  // (es2025.go: done in Go, no descriptor objects are made).
  const define = native.define;
  const defineAccessors = native.defineAccessors;
  function isObject(v) {
    return (typeof v === "object" && v !== null) || typeof v === "function";
  }
  function describe(v) {
    if (typeof v === "string") {
      return JSON.stringify(v);
    }
    if (typeof v === "symbol" || typeof v === "function") {
      return v.toString();
    }
    if (isObject(v)) {
      return "#<Object>";
    }
    return String(v);
  }
  // notCallable is V8's message for calling a value that is no function.
  function notCallable(v) {
    if (v === undefined || v === null) {
      return String(v) + " is not a function";
    }
    if (isObject(v)) {
      return "object is not a function";
    }
    return typeof v + " " + describe(v) + " is not a function";
  }

  // Iterator is abstract: only a subclass may be constructed.
  function IteratorConstructor() {
    if (new.target === undefined) {
      throw new TypeError("Constructor Iterator requires 'new'");
    }
    if (new.target === IteratorConstructor) {
      throw new TypeError("Abstract class Iterator not directly constructable");
    }
  }
  Object.defineProperty(IteratorConstructor, "name", { value: "Iterator" });
  Object.defineProperty(IteratorConstructor, "prototype", {
    value: IteratorPrototype,
    writable: false,
    enumerable: false,
    configurable: false,
  });

  // SetterThatIgnoresPrototypeProperties, for the two accessors below.
  function setIgnoringPrototype(self, key, value) {
    if (!isObject(self)) {
      throw new TypeError("Iterator accessor called on non-object");
    }
    if (self === IteratorPrototype) {
      throw new TypeError("Cannot assign to read only property '" + String(key) + "' of object '[object Iterator]'");
    }
    if (!hasOwn.call(self, key)) {
      Object.defineProperty(self, key, { value, writable: true, enumerable: true, configurable: true });
    } else {
      self[key] = value;
    }
  }
  if (!hasOwn.call(IteratorPrototype, Symbol.toStringTag)) {
    defineAccessors(IteratorPrototype, {
      get [Symbol.toStringTag]() {
        return "Iterator";
      },
      set [Symbol.toStringTag](v) {
        setIgnoringPrototype(this, Symbol.toStringTag, v);
      },
    });
  }
  const ctorAccessor = {
    get constructor() {
      return IteratorConstructor;
    },
    set constructor(v) {
      setIgnoringPrototype(this, "constructor", v);
    },
  };
  if (!hasOwn.call(IteratorPrototype, "constructor")) {
    defineAccessors(IteratorPrototype, ctorAccessor);
  }

  // GetIteratorDirect: the receiver is the iterator, its next read once.
  function direct(self, method) {
    if (!isObject(self)) {
      throw new TypeError("Iterator.prototype." + method + " called on non-object");
    }
    return { iterator: self, next: self.next, done: false };
  }
  function step(record) {
    if (typeof record.next !== "function") {
      throw new TypeError(notCallable(record.next));
    }
    const result = Reflect.apply(record.next, record.iterator, []);
    if (!isObject(result)) {
      throw new TypeError("Iterator result " + describe(result) + " is not an object");
    }
    if (result.done) {
      record.done = true;
      return undefined;
    }
    return result;
  }
  function close(record) {
    const ret = record.iterator.return;
    if (ret !== undefined && ret !== null) {
      const r = Reflect.apply(ret, record.iterator, []);
      if (!isObject(r)) {
        throw new TypeError("Iterator result " + describe(r) + " is not an object");
      }
    }
  }
  function closeThrowing(record, error) {
    try {
      const ret = record.iterator.return;
      if (ret !== undefined && ret !== null) {
        Reflect.apply(ret, record.iterator, []);
      }
    } catch (ignored) {
      // the original error wins
    }
    throw error;
  }
  function requireCallable(record, fn) {
    if (typeof fn !== "function") {
      closeThrowing(record, new TypeError(notCallable(fn)));
    }
  }
  function toLimit(record, limit) {
    let n = Number(limit);
    if (n !== n) {
      closeThrowing(record, new RangeError(describe(limit) + " must be positive"));
    }
    n = Math.trunc(n);
    if (n < 0) {
      closeThrowing(record, new RangeError(describe(limit) + " must be positive"));
    }
    return n;
  }

  // %IteratorHelperPrototype%: the state of each helper is kept in a WeakMap.
  const helpers = new WeakMap();
  const IteratorHelperPrototype = Object.create(IteratorPrototype);
  function helperState(self, method) {
    const state = isObject(self) ? helpers.get(self) : undefined;
    if (state === undefined) {
      throw new TypeError("Method Iterator Helper.prototype." + method + " called on incompatible receiver " + describe(self));
    }
    return state;
  }
  define(IteratorHelperPrototype, {
    next() {
      const state = helperState(this, "next");
      if (state.running) {
        throw new TypeError("Generator is already running");
      }
      if (state.finished) {
        return { value: undefined, done: true };
      }
      state.running = true;
      try {
        const r = state.pull();
        if (r === state) {
          state.finished = true;
          return { value: undefined, done: true };
        }
        return { value: r, done: false };
      } catch (e) {
        state.finished = true;
        throw e;
      } finally {
        state.running = false;
      }
    },
    return() {
      const state = helperState(this, "return");
      if (state.running) {
        throw new TypeError("Generator is already running");
      }
      if (!state.finished) {
        state.finished = true;
        if (state.inner) {
          closeThrowing2(state.inner);
        }
        close(state.record);
      }
      return { value: undefined, done: true };
    },
  });
  Object.defineProperty(IteratorHelperPrototype, Symbol.toStringTag, { value: "Iterator Helper", configurable: true });
  function closeThrowing2(record) {
    try {
      close(record);
    } catch (ignored) {
      // the outer iterator is still closed
    }
  }
  // helper makes a helper object whose pull returns the next value, or the
  // state itself when the underlying iterator is done.
  function helper(record, pull) {
    const h = Object.create(IteratorHelperPrototype);
    const state = { record, running: false, finished: false, inner: null, pull: null };
    state.pull = function () {
      return pull(state);
    };
    helpers.set(h, state);
    return h;
  }
  // callWith runs fn on a value, closing the iterator if it throws.
  function callWith(record, fn, value, counter) {
    try {
      return fn(value, counter);
    } catch (e) {
      return closeThrowing(record, e);
    }
  }

  define(IteratorPrototype, {
    map(mapper) {
      const record = direct(this, "map");
      requireCallable(record, mapper);
      let counter = 0;
      return helper(record, function (state) {
        const r = step(record);
        if (!r) {
          return state;
        }
        return callWith(record, mapper, r.value, counter++);
      });
    },
    filter(predicate) {
      const record = direct(this, "filter");
      requireCallable(record, predicate);
      let counter = 0;
      return helper(record, function (state) {
        for (;;) {
          const r = step(record);
          if (!r) {
            return state;
          }
          if (callWith(record, predicate, r.value, counter++)) {
            return r.value;
          }
        }
      });
    },
    take(limit) {
      const record = direct(this, "take");
      let remaining = toLimit(record, limit);
      return helper(record, function (state) {
        if (remaining === 0) {
          close(record);
          return state;
        }
        if (remaining !== Infinity) {
          remaining--;
        }
        const r = step(record);
        return r ? r.value : state;
      });
    },
    drop(limit) {
      const record = direct(this, "drop");
      let remaining = toLimit(record, limit);
      return helper(record, function (state) {
        while (remaining > 0) {
          if (remaining !== Infinity) {
            remaining--;
          }
          if (!step(record)) {
            return state;
          }
        }
        const r = step(record);
        return r ? r.value : state;
      });
    },
    flatMap(mapper) {
      const record = direct(this, "flatMap");
      requireCallable(record, mapper);
      let counter = 0;
      return helper(record, function (state) {
        for (;;) {
          if (state.inner) {
            let r;
            try {
              r = step(state.inner);
            } catch (e) {
              state.inner = null;
              return closeThrowing(record, e);
            }
            if (r) {
              return r.value;
            }
            state.inner = null;
          }
          const outer = step(record);
          if (!outer) {
            return state;
          }
          const mapped = callWith(record, mapper, outer.value, counter++);
          try {
            state.inner = flattenable(mapped, false, "Iterator.prototype.flatMap");
          } catch (e) {
            return closeThrowing(record, e);
          }
        }
      });
    },
    reduce(reducer, ...initial) {
      const record = direct(this, "reduce");
      requireCallable(record, reducer);
      let acc;
      let counter = 0;
      if (initial.length === 0) {
        const first = step(record);
        if (!first) {
          throw new TypeError("Reduce of a done iterator with no initial value");
        }
        acc = first.value;
        counter = 1;
      } else {
        acc = initial[0];
      }
      for (let r = step(record); r; r = step(record)) {
        acc = callWith(record, (v, i) => reducer(acc, v, i), r.value, counter++);
      }
      return acc;
    },
    toArray() {
      const record = direct(this, "toArray");
      const out = [];
      for (let r = step(record); r; r = step(record)) {
        out.push(r.value);
      }
      return out;
    },
    forEach(fn) {
      const record = direct(this, "forEach");
      requireCallable(record, fn);
      let counter = 0;
      for (let r = step(record); r; r = step(record)) {
        callWith(record, fn, r.value, counter++);
      }
      return undefined;
    },
    some(predicate) {
      const record = direct(this, "some");
      requireCallable(record, predicate);
      let counter = 0;
      for (let r = step(record); r; r = step(record)) {
        if (callWith(record, predicate, r.value, counter++)) {
          close(record);
          return true;
        }
      }
      return false;
    },
    every(predicate) {
      const record = direct(this, "every");
      requireCallable(record, predicate);
      let counter = 0;
      for (let r = step(record); r; r = step(record)) {
        if (!callWith(record, predicate, r.value, counter++)) {
          close(record);
          return false;
        }
      }
      return true;
    },
    find(predicate) {
      const record = direct(this, "find");
      requireCallable(record, predicate);
      let counter = 0;
      for (let r = step(record); r; r = step(record)) {
        if (callWith(record, predicate, r.value, counter++)) {
          close(record);
          return r.value;
        }
      }
      return undefined;
    },
  });

  // GetIteratorFlattenable: an object's @@iterator, or the object itself
  // as an iterator; strings are iterated only where allowed.
  function flattenable(obj, allowStrings, caller) {
    if (!isObject(obj) && !(allowStrings && typeof obj === "string")) {
      throw new TypeError(caller + " called on non-object");
    }
    const method = obj[Symbol.iterator];
    let iterator = obj;
    if (method !== undefined && method !== null) {
      iterator = Reflect.apply(method, obj, []);
    }
    if (!isObject(iterator)) {
      throw new TypeError(describe(iterator) + " is not an object");
    }
    return { iterator, next: iterator.next, done: false };
  }

  // %WrapForValidIteratorPrototype%, for Iterator.from of an iterator that
  // does not inherit from Iterator.prototype.
  const wrapped = new WeakMap();
  const WrapForValidIteratorPrototype = Object.create(IteratorPrototype);
  function wrappedRecord(self, method) {
    const record = isObject(self) ? wrapped.get(self) : undefined;
    if (record === undefined) {
      throw new TypeError("Method WrapForValidIteratorPrototype." + method + " called on incompatible receiver " + describe(self));
    }
    return record;
  }
  define(WrapForValidIteratorPrototype, {
    next() {
      const record = wrappedRecord(this, "next");
      return Reflect.apply(record.next, record.iterator, []);
    },
    return() {
      const record = wrappedRecord(this, "return");
      const ret = record.iterator.return;
      if (ret === undefined || ret === null) {
        return { value: undefined, done: true };
      }
      return Reflect.apply(ret, record.iterator, []);
    },
  });

  define(IteratorConstructor, {
    from(obj) {
      const record = flattenable(obj, true, "Iterator.from");
      if (record.iterator instanceof IteratorConstructor) {
        return record.iterator;
      }
      const w = Object.create(WrapForValidIteratorPrototype);
      wrapped.set(w, record);
      return w;
    },
    concat(...items) {
      const iterables = items.map(function (item) {
        if (!isObject(item)) {
          throw new TypeError("Iterator.concat called on non-object");
        }
        const method = item[Symbol.iterator];
        if (typeof method !== "function") {
          throw new TypeError(describe(item) + " is not iterable");
        }
        return { item, method };
      });
      let index = 0;
      const h = helper({ iterator: { return: undefined }, next: null, done: false }, function (state) {
        for (;;) {
          if (state.inner) {
            const r = step(state.inner);
            if (r) {
              return r.value;
            }
            state.inner = null;
          }
          if (index >= iterables.length) {
            return state;
          }
          const { item, method } = iterables[index++];
          const iterator = Reflect.apply(method, item, []);
          if (!isObject(iterator)) {
            throw new TypeError(describe(iterator) + " is not an object");
          }
          state.inner = { iterator, next: iterator.next, done: false };
        }
      });
      return h;
    },
  });

  // The later proposals (iterator_proposals.js) build on these.
  native.iterators = { IteratorConstructor, IteratorPrototype, helper, step, close, closeThrowing, flattenable, direct, describe, isObject };

  if (typeof globalThis.Iterator !== "function") {
    Object.defineProperty(globalThis, "Iterator", {
      value: IteratorConstructor,
      writable: true,
      enumerable: false,
      configurable: true,
    });
  }
})
