// The iterator proposals V8 ships beyond ES2025, written for workerhost
// from their specifications: joint iteration (Iterator.zip and
// Iterator.zipKeyed, https://tc39.es/proposal-joint-iteration/),
// Iterator.prototype.includes (https://github.com/tc39/proposal-iterator-includes)
// and Iterator.prototype.join (https://github.com/tc39/proposal-iterator-join).
// They build on iterators.js's helper objects; defined only where missing.
(function (native) {
  "use strict";
  const it = native.iterators;
  if (it === undefined || typeof it.IteratorConstructor.zip === "function") {
    return;
  }
  const { IteratorConstructor, IteratorPrototype, helper, step, close, closeThrowing, direct, describe, isObject } = it;

  // closeAll is IteratorCloseAll: the records closed last to first; the
  // first error thrown wins, or error when given.
  function closeAll(records, error, hasError) {
    for (let i = records.length - 1; i >= 0; i--) {
      try {
        close(records[i]);
      } catch (e) {
        if (!hasError) {
          error = e;
          hasError = true;
        }
      }
    }
    if (hasError) {
      throw error;
    }
  }
  // guarded runs fn; if it throws, the records are closed and the error
  // thrown on.
  function guarded(records, fn) {
    try {
      return fn();
    } catch (e) {
      return closeAll(records, e, true);
    }
  }
  // iteratorOf is GetIterator(value, sync), with V8's messages.
  function iteratorOf(value) {
    const method = value === undefined || value === null ? undefined : value[Symbol.iterator];
    if (typeof method !== "function") {
      throw new TypeError((isObject(value) ? "object" : describe(value)) + " is not iterable (cannot read property Symbol(Symbol.iterator))");
    }
    const iterator = Reflect.apply(method, value, []);
    if (!isObject(iterator)) {
      throw new TypeError(describe(iterator) + " is not an object");
    }
    return { iterator, next: iterator.next, done: false };
  }
  // flattenable is GetIteratorFlattenable(value, reject-strings).
  function flattenable(value) {
    const label = isObject(value) ? "#<Object>" : String(value);
    if (!isObject(value)) {
      throw new TypeError(label + " is not iterable");
    }
    const method = value[Symbol.iterator];
    let iterator = value;
    if (method !== undefined && method !== null) {
      iterator = Reflect.apply(method, value, []);
      if (!isObject(iterator)) {
        throw new TypeError(label + " is not iterable");
      }
    }
    return { iterator, next: iterator.next, done: false };
  }
  // zipOptions reads the mode and padding of an options argument.
  function zipOptions(options) {
    if (options !== undefined && !isObject(options)) {
      throw new TypeError("options called on non-object");
    }
    let mode = options === undefined ? undefined : options.mode;
    if (mode === undefined) {
      mode = "shortest";
    }
    if (mode !== "shortest" && mode !== "longest" && mode !== "strict") {
      throw new TypeError("Iterator.zip mode must be 'shortest', 'longest', or 'strict'");
    }
    let padding;
    if (mode === "longest") {
      padding = options === undefined ? undefined : options.padding;
      if (padding !== undefined && !isObject(padding)) {
        throw new TypeError("padding called on non-object");
      }
    }
    return { mode, padding };
  }
  const strictMismatch = "Iterators passed to Iterator.zip in 'strict' mode must have the same length";

  // zipHelper is IteratorZip: an iterator helper that steps every record
  // once per result and finishes, pads or throws by mode.
  function zipHelper(records, mode, padding, finish) {
    const count = records.length;
    const iters = records.slice();
    let open = records.slice();
    const forget = (record) => {
      open = open.filter((r) => r !== record);
    };
    const closer = {
      return() {
        const now = open;
        open = [];
        closeAll(now, undefined, false);
        return {};
      },
    };
    return helper({ iterator: closer, next: null, done: false }, function (state) {
      if (count === 0) {
        return state;
      }
      const results = [];
      for (let i = 0; i < count; i++) {
        const record = iters[i];
        if (record === null) {
          results.push(padding[i]);
          continue;
        }
        let r;
        try {
          r = step(record);
        } catch (e) {
          forget(record);
          return closeAll(open, e, true);
        }
        if (r) {
          results.push(r.value);
          continue;
        }
        forget(record);
        if (mode === "shortest") {
          closeAll(open, undefined, false);
          open = [];
          return state;
        }
        if (mode === "strict") {
          if (i !== 0) {
            return closeAll(open, new TypeError(strictMismatch), true);
          }
          for (let k = 1; k < count; k++) {
            let more;
            try {
              more = step(iters[k]);
            } catch (e) {
              forget(iters[k]);
              return closeAll(open, e, true);
            }
            if (more) {
              return closeAll(open, new TypeError(strictMismatch), true);
            }
            forget(iters[k]);
          }
          return state;
        }
        if (open.length === 0) {
          return state;
        }
        iters[i] = null;
        results.push(padding[i]);
      }
      return finish(results);
    });
  }

  native.define(IteratorConstructor, {
    zip(iterables, options) {
      if (!isObject(iterables)) {
        throw new TypeError("Iterator.zip called on non-object");
      }
      const { mode, padding: paddingOption } = zipOptions(options);
      const records = [];
      const input = iteratorOf(iterables);
      for (;;) {
        const r = guarded(records, () => step(input));
        if (!r) {
          break;
        }
        try {
          records.push(flattenable(r.value));
        } catch (e) {
          closeAll(records.concat([input]), e, true);
        }
      }
      let padding = [];
      if (mode === "longest") {
        if (paddingOption === undefined) {
          padding = records.map(() => undefined);
        } else {
          const source = guarded(records, () => iteratorOf(paddingOption));
          let more = true;
          for (let i = 0; i < records.length; i++) {
            if (more) {
              const r = guarded(records, () => step(source));
              if (r) {
                padding.push(r.value);
                continue;
              }
              more = false;
            }
            padding.push(undefined);
          }
          if (more) {
            guarded(records, () => close(source));
          }
        }
      }
      return zipHelper(records, mode, padding, (results) => results);
    },
    zipKeyed(iterables, options) {
      if (!isObject(iterables)) {
        throw new TypeError("Iterator.zipKeyed called on non-object");
      }
      const { mode, padding: paddingOption } = zipOptions(options);
      const records = [];
      const keys = [];
      for (const key of Reflect.ownKeys(iterables)) {
        const record = guarded(records, () => {
          const desc = Reflect.getOwnPropertyDescriptor(iterables, key);
          if (desc === undefined || !desc.enumerable) {
            return undefined;
          }
          const value = iterables[key];
          return value === undefined ? undefined : flattenable(value);
        });
        if (record !== undefined) {
          keys.push(key);
          records.push(record);
        }
      }
      const padding = keys.map((key) => (paddingOption === undefined ? undefined : guarded(records, () => paddingOption[key])));
      return zipHelper(records, mode, padding, (results) => {
        const out = Object.create(null);
        for (let i = 0; i < keys.length; i++) {
          Object.defineProperty(out, keys[i], { value: results[i], writable: true, enumerable: true, configurable: true });
        }
        return out;
      });
    },
  });

  native.define(IteratorPrototype, {
    join(separator) {
      const record = direct(this, "join");
      let sep = ",";
      if (separator !== undefined) {
        try {
          sep = `${separator}`;
        } catch (e) {
          closeThrowing(record, e);
        }
      }
      let out = "";
      let first = true;
      for (let r = step(record); r; r = step(record)) {
        if (!first) {
          out += sep;
        }
        first = false;
        const v = r.value;
        if (v !== undefined && v !== null) {
          try {
            out += `${v}`;
          } catch (e) {
            closeThrowing(record, e);
          }
        }
      }
      return out;
    },
    includes(searchElement, skippedElements) {
      const record = direct(this, "includes");
      let toSkip = 0;
      if (skippedElements !== undefined) {
        const n = skippedElements;
        if (typeof n !== "number" || n !== n || (Math.trunc(n) !== n && Math.abs(n) !== Infinity)) {
          closeThrowing(record, new TypeError("skippedElements argument must be undefined or an integer"));
        }
        if (n < 0) {
          closeThrowing(record, new RangeError(describe(n) + " must be positive"));
        }
        toSkip = n;
      }
      let skipped = 0;
      for (let r = step(record); r; r = step(record)) {
        if (skipped < toSkip) {
          skipped++;
          continue;
        }
        const v = r.value;
        if (v === searchElement || (v !== v && searchElement !== searchElement)) {
          close(record);
          return true;
        }
      }
      return false;
    },
  });
  for (const fn of [IteratorConstructor.zip, IteratorConstructor.zipKeyed, IteratorPrototype.includes]) {
    Object.defineProperty(fn, "length", { value: 1 });
  }
})
