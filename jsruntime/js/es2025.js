// ES2023–2025 built-ins goja lacks, written for workerhost from the
// specification (https://tc39.es/ecma262/). Each member is defined only
// where missing, so a goja upgrade that brings one natively wins. Methods
// are non-enumerable, writable and configurable, with the spec's `name` and
// `length` (the count of parameters before the first optional one).
// The host passes in native helpers written in Go (es2025.go).
(function (native) {
  "use strict";
  const hasOwn = Object.prototype.hasOwnProperty;
  // define gives target the methods it lacks, and defineAccessors the
  // accessors (getters and setters of a literal), both non-enumerable
  // (es2025.go: done in Go, no descriptor objects are made).
  const define = native.define;
  const defineAccessors = native.defineAccessors;
  function isCallable(v) {
    return typeof v === "function";
  }
  function isObject(v) {
    return (typeof v === "object" && v !== null) || typeof v === "function";
  }
  function isConstructor(v) {
    if (typeof v !== "function") {
      return false;
    }
    try {
      Reflect.construct(String, [], v);
      return true;
    } catch (e) {
      return false;
    }
  }
  function describe(v) {
    if (typeof v === "string") {
      return v;
    }
    if (typeof v === "symbol") {
      return v.toString();
    }
    if (typeof v === "function") {
      return v.toString();
    }
    if (isObject(v)) {
      return Array.isArray(v) ? String(v) : "#<Object>";
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
    return typeof v + " " + (typeof v === "string" ? JSON.stringify(v) : describe(v)) + " is not a function";
  }
  function requireCallable(fn) {
    if (!isCallable(fn)) {
      throw new TypeError(notCallable(fn));
    }
  }
  function toPropertyKey(v) {
    return typeof v === "symbol" ? v : String(v);
  }
  function toIntegerOrInfinity(v) {
    const n = Number(v);
    if (n !== n || n === 0) {
      return 0;
    }
    return Math.trunc(n);
  }

  // Promise.withResolvers and Promise.try (ES2024, ES2025).
  function capability(C, method) {
    if (!isObject(C)) {
      throw new TypeError(method + " called on non-object");
    }
    let resolve, reject;
    const promise = new C(function (res, rej) {
      resolve = res;
      reject = rej;
    });
    if (!isCallable(resolve) || !isCallable(reject)) {
      throw new TypeError("Promise resolve or reject function is not callable");
    }
    return { promise, resolve, reject };
  }
  define(Promise, {
    withResolvers() {
      return capability(this, "Promise.withResolvers");
    },
    try(callback, ...args) {
      const cap = capability(this, "Promise.try");
      try {
        requireCallable(callback);
        cap.resolve(Reflect.apply(callback, undefined, args));
      } catch (e) {
        cap.reject(e);
      }
      return cap.promise;
    },
  });

  // Object.groupBy and Map.groupBy (ES2024).
  function groupInto(method, items, callback, add) {
    if (items === null || items === undefined) {
      throw new TypeError(method + " called on null or undefined");
    }
    requireCallable(callback);
    if (!isObject(items) && typeof items !== "string") {
      throw new TypeError(typeof items + " " + describe(items) + " is not iterable (cannot read property Symbol(Symbol.iterator))");
    }
    let k = 0;
    for (const value of items) {
      add(callback(value, k++), value);
    }
  }
  define(Object, {
    groupBy(items, callback) {
      const groups = Object.create(null);
      groupInto("Object.groupBy", items, callback, function (key, value) {
        key = toPropertyKey(key);
        if (hasOwn.call(groups, key)) {
          groups[key].push(value);
        } else {
          groups[key] = [value];
        }
      });
      return groups;
    },
  });
  define(Map, {
    groupBy(items, callback) {
      const groups = new Map();
      groupInto("Map.groupBy", items, callback, function (key, value) {
        if (key === 0) {
          key = 0; // -0 becomes +0
        }
        const group = groups.get(key);
        if (group) {
          group.push(value);
        } else {
          groups.set(key, [value]);
        }
      });
      return groups;
    },
  });

  // Array.fromAsync (ES2026, shipped in V8).
  define(Array, {
    async fromAsync(items, mapfn = undefined, thisArg = undefined) {
      const C = this;
      if (mapfn !== undefined && !isCallable(mapfn)) {
        throw new TypeError(describe(mapfn) + " is not a function");
      }
      if (items === null || items === undefined) {
        throw new TypeError("Cannot read properties of " + String(items) + " (reading 'Symbol(Symbol.asyncIterator)')");
      }
      const asyncMethod = items[Symbol.asyncIterator];
      const syncMethod = asyncMethod == null ? items[Symbol.iterator] : undefined;
      if (asyncMethod != null || syncMethod != null) {
        const out = isConstructor(C) ? new C() : [];
        const it = asyncMethod != null ? Reflect.apply(asyncMethod, items, []) : Reflect.apply(syncMethod, items, []);
        if (!isObject(it)) {
          throw new TypeError("Result of the Symbol.iterator method is not an object");
        }
        const next = it.next;
        let k = 0;
        for (;;) {
          let step = Reflect.apply(next, it, []);
          if (asyncMethod != null) {
            step = await step;
          }
          if (!isObject(step)) {
            throw new TypeError("Iterator result " + describe(step) + " is not an object");
          }
          if (step.done) {
            out.length = k;
            return out;
          }
          let value = step.value;
          try {
            if (syncMethod != null) {
              value = await value;
            }
            if (mapfn !== undefined) {
              value = await Reflect.apply(mapfn, thisArg, [value, k]);
            }
            Object.defineProperty(out, k, { value, writable: true, enumerable: true, configurable: true });
          } catch (e) {
            const ret = it.return;
            if (ret != null) {
              try {
                const r = Reflect.apply(ret, it, []);
                if (asyncMethod != null) {
                  await r;
                }
              } catch (ignored) {
                // the first error wins
              }
            }
            throw e;
          }
          k++;
        }
      }
      const arrayLike = Object(items);
      const len = Math.min(Math.max(toIntegerOrInfinity(arrayLike.length), 0), Number.MAX_SAFE_INTEGER);
      const out = isConstructor(C) ? new C(len) : new Array(len);
      for (let k = 0; k < len; k++) {
        let value = await arrayLike[k];
        if (mapfn !== undefined) {
          value = await Reflect.apply(mapfn, thisArg, [value, k]);
        }
        Object.defineProperty(out, k, { value, writable: true, enumerable: true, configurable: true });
      }
      out.length = len;
      return out;
    },
  });

  // String.prototype.isWellFormed and toWellFormed (ES2024).
  function thisString(self, method) {
    if (self === null || self === undefined) {
      throw new TypeError("String.prototype." + method + " called on null or undefined");
    }
    return String(self);
  }
  function loneSurrogateAt(s, i) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      return !(d >= 0xdc00 && d <= 0xdfff) ? 1 : 2;
    }
    return c >= 0xdc00 && c <= 0xdfff ? 1 : 0;
  }
  define(String.prototype, {
    isWellFormed() {
      const s = thisString(this, "isWellFormed");
      for (let i = 0; i < s.length; i++) {
        const r = loneSurrogateAt(s, i);
        if (r === 1) {
          return false;
        }
        if (r === 2) {
          i++;
        }
      }
      return true;
    },
    toWellFormed() {
      const s = thisString(this, "toWellFormed");
      let out = "";
      let from = 0;
      for (let i = 0; i < s.length; i++) {
        const r = loneSurrogateAt(s, i);
        if (r === 1) {
          out += s.slice(from, i) + "\ufffd";
          from = i + 1;
        } else if (r === 2) {
          i++;
        }
      }
      return from === 0 ? s : out + s.slice(from);
    },
  });

  // RegExp.escape (ES2025).
  const syntaxCharacters = "^$\\.*+?()[]{}|/";
  const otherPunctuators = ",-=<>#&!%:;@~'`\"";
  const controlEscapes = { "\t": "\\t", "\n": "\\n", "\v": "\\v", "\f": "\\f", "\r": "\\r" };
  function hexEscape(c) {
    const code = c.charCodeAt(0);
    if (code <= 0xff) {
      return "\\x" + code.toString(16).padStart(2, "0");
    }
    return "\\u" + code.toString(16).padStart(4, "0");
  }
  const whiteSpace = "\u0020\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";
  function isAlphanumeric(code) {
    return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  }
  define(RegExp, {
    escape(s) {
      if (typeof s !== "string") {
        throw new TypeError("input argument must be a string");
      }
      let out = "";
      for (let i = 0; i < s.length; i++) {
        const c = s[i];
        const code = s.charCodeAt(i);
        if (i === 0 && isAlphanumeric(code)) {
          out += hexEscape(c);
        } else if (syntaxCharacters.includes(c)) {
          out += "\\" + c;
        } else if (hasOwn.call(controlEscapes, c)) {
          out += controlEscapes[c];
        } else if (otherPunctuators.includes(c) || whiteSpace.includes(c)) {
          out += hexEscape(c);
        } else if (code >= 0xd800 && code <= 0xdfff && loneSurrogateAt(s, i) === 1) {
          out += hexEscape(c);
        } else {
          out += c;
          if (code >= 0xd800 && code <= 0xdbff) {
            out += s[++i];
          }
        }
      }
      return out;
    },
  });

  // Math.f16round and Math.sumPrecise (ES2025, ES2026), computed in Go.
  define(Math, {
    f16round(x) {
      return native.f16round(Number(x));
    },
    sumPrecise(items) {
      if (items === null || items === undefined) {
        throw new TypeError("Math.sumPrecise called on null or undefined");
      }
      if (!isObject(items)) {
        throw new TypeError(Object.prototype.toString.call(items) + " is not iterable");
      }
      const numbers = [];
      for (const v of items) {
        if (typeof v !== "number") {
          throw new TypeError(`Type of 'Iterator value' must be 'number', found '${typeof v}'`);
        }
        numbers.push(v);
      }
      return native.sumPrecise(numbers);
    },
  });

  // ArrayBuffer.prototype.transfer, transferToFixedLength and detached
  // (ES2024), on goja's detach.
  define(ArrayBuffer.prototype, {
    transfer(newLength = undefined) {
      return native.transfer(this, newLength, "transfer");
    },
    transferToFixedLength(newLength = undefined) {
      return native.transfer(this, newLength, "transferToFixedLength");
    },
  });
  defineAccessors(ArrayBuffer.prototype, {
    get detached() {
      return native.detached(this, "detached");
    },
    // goja's buffers are never resizable: these two say so truthfully.
    get resizable() {
      native.detached(this, "resizable");
      return false;
    },
    get maxByteLength() {
      native.detached(this, "maxByteLength");
      return this.byteLength;
    },
  });
})
