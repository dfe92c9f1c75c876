// Map and WeakMap's getOrInsert and getOrInsertComputed (the ES2026 upsert
// proposal V8 ships), defined only where missing, with V8's messages.
(function () {
  "use strict";
  function define(proto, name, fn) {
    if (Object.prototype.hasOwnProperty.call(proto, name)) return;
    Object.defineProperty(proto, name, { value: fn, writable: true, enumerable: false, configurable: true });
  }
  function receiver(map, check, method) {
    try {
      check.call(map, undefined);
    } catch (e) {
      const shown = map !== null && typeof map === "object" ? "#<" + ((map.constructor && map.constructor.name) || "Object") + ">" : String(map);
      throw new TypeError("Method " + method + " called on incompatible receiver " + shown);
    }
  }
  // weakKey refuses what a WeakMap cannot hold, with V8's message.
  function weakKey(label, key) {
    if (label === "WeakMap" && (key === null || (typeof key !== "object" && typeof key !== "function" && typeof key !== "symbol"))) {
      throw new TypeError("Invalid value used as weak map key");
    }
  }
  for (const [C, label] of [[Map, "Map"], [WeakMap, "WeakMap"]]) {
    const has = C.prototype.has, get = C.prototype.get, set = C.prototype.set;
    define(C.prototype, "getOrInsert", {
      getOrInsert(key, value) {
        receiver(this, has, label + ".prototype.getOrInsert");
        weakKey(label, key);
        if (has.call(this, key)) return get.call(this, key);
        set.call(this, key, value);
        return value;
      },
    }.getOrInsert);
    define(C.prototype, "getOrInsertComputed", {
      getOrInsertComputed(key, callbackfn) {
        receiver(this, has, label + ".prototype.getOrInsertComputed");
        if (typeof callbackfn !== "function") throw new TypeError(label + ".prototype.getOrInsertComputed is not a function");
        weakKey(label, key);
        if (key === 0) key = 0; // -0 is stored as +0
        if (has.call(this, key)) return get.call(this, key);
        const value = callbackfn(key);
        set.call(this, key, value);
        return value;
      },
    }.getOrInsertComputed);
  }
})();
