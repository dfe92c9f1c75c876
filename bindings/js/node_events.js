// node:events: EventEmitter as Node.js documents it
// (https://nodejs.org/api/events.html), the part workerd provides that
// workers use: listeners in registration order, prepend, once, the
// 'error' event that throws without a listener, and events.once().
(function (h) {
  "use strict";
  const kEvents = Symbol("kEvents");
  let defaultMaxListeners = 10;

  function checkListener(listener) {
    if (typeof listener !== "function") {
      const err = new TypeError(`The "listener" argument must be of type function. Received ${describe(listener)}`);
      err.code = "ERR_INVALID_ARG_TYPE";
      throw err;
    }
  }

  function describe(v) {
    if (v === null || v === undefined) return String(v);
    if (typeof v === "object") return "an instance of " + ((v.constructor && v.constructor.name) || "Object");
    return `type ${typeof v} (${typeof v === "string" ? "'" + v + "'" : String(v)})`;
  }

  function events(ee) {
    if (!Object.prototype.hasOwnProperty.call(ee, kEvents) || ee[kEvents] === undefined) {
      Object.defineProperty(ee, kEvents, { value: new Map(), writable: true, configurable: true });
    }
    return ee[kEvents];
  }

  function EventEmitter(opts) {
    EventEmitter.init.call(this, opts);
  }
  EventEmitter.init = function () {
    events(this);
    if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
      this._events = Object.create(null);
      this._eventsCount = 0;
    }
    if (this._maxListeners === undefined) this._maxListeners = undefined;
    if (!Object.prototype.hasOwnProperty.call(this, "domain")) this.domain = null;
  };

  // mirror keeps Node's public view of the listeners, _events (a listener,
  // or an array of them, by event name) and _eventsCount, in step with
  // the map the emitter uses.
  function mirror(ee, name) {
    if (!Object.prototype.hasOwnProperty.call(ee, "_events") || ee._events === null || typeof ee._events !== "object") return;
    const list = events(ee).get(name);
    if (!list || list.length === 0) delete ee._events[name];
    else ee._events[name] = list.length === 1 ? list[0].listener : list.map((e) => e.listener);
    ee._eventsCount = Reflect.ownKeys(ee._events).length;
  }

  function add(ee, name, listener, prepend, once) {
    checkListener(listener);
    const map = events(ee);
    if (map.has("newListener")) ee.emit("newListener", name, listener);
    const entry = { listener, once };
    const list = map.get(name) || [];
    if (prepend) list.unshift(entry); else list.push(entry);
    map.set(name, list);
    mirror(ee, name);
    return ee;
  }

  const proto = EventEmitter.prototype;
  proto._events = undefined;
  proto._eventsCount = 0;
  proto._maxListeners = undefined;
  proto.on = proto.addListener = function addListener(name, listener) { return add(this, name, listener, false, false); };
  proto.prependListener = function prependListener(name, listener) { return add(this, name, listener, true, false); };
  proto.once = function once(name, listener) { return add(this, name, listener, false, true); };
  proto.prependOnceListener = function prependOnceListener(name, listener) { return add(this, name, listener, true, true); };
  proto.off = proto.removeListener = function removeListener(name, listener) {
    checkListener(listener);
    const map = events(this);
    const list = map.get(name);
    if (!list) return this;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i].listener === listener) {
        list.splice(i, 1);
        if (list.length === 0) map.delete(name);
        mirror(this, name);
        if (map.has("removeListener")) this.emit("removeListener", name, listener);
        break;
      }
    }
    return this;
  };
  proto.removeAllListeners = function removeAllListeners(name) {
    const map = events(this);
    const names = arguments.length === 0 ? Array.from(map.keys()) : [name];
    for (const n of names) {
      map.delete(n);
      mirror(this, n);
    }
    return this;
  };
  proto.emit = function emit(name, ...args) {
    const list = events(this).get(name);
    if (!list || list.length === 0) {
      if (name === "error") {
        const er = args[0];
        if (er instanceof Error) throw er;
        const err = new Error("Unhandled error. (" + h.inspect(er) + ")");
        err.code = "ERR_UNHANDLED_ERROR";
        err.context = er;
        throw err;
      }
      return false;
    }
    for (const entry of list.slice()) {
      if (entry.once) this.removeListener(name, entry.listener);
      entry.listener.apply(this, args);
    }
    return true;
  };
  proto.listenerCount = function listenerCount(name) {
    const list = events(this).get(name);
    return list ? list.length : 0;
  };
  proto.listeners = function listeners(name) {
    return (events(this).get(name) || []).map((e) => e.listener);
  };
  proto.rawListeners = proto.listeners;
  proto.eventNames = function eventNames() { return Array.from(events(this).keys()); };
  proto.setMaxListeners = function setMaxListeners(n) { this._maxListeners = n; return this; };
  proto.getMaxListeners = function getMaxListeners() {
    return this._maxListeners === undefined ? defaultMaxListeners : this._maxListeners;
  };

  Object.defineProperty(EventEmitter, "defaultMaxListeners", {
    enumerable: true,
    get() { return defaultMaxListeners; },
    set(n) { defaultMaxListeners = n; },
  });
  EventEmitter.EventEmitter = EventEmitter;
  EventEmitter.errorMonitor = Symbol("events.errorMonitor");
  EventEmitter.captureRejections = false;
  EventEmitter.listenerCount = (ee, name) => ee.listenerCount(name);
  EventEmitter.once = function once(ee, name) {
    return new Promise((resolve, reject) => {
      const onError = (err) => { ee.removeListener(name, onEvent); reject(err); };
      const onEvent = (...args) => { if (name !== "error") ee.removeListener("error", onError); resolve(args); };
      ee.once(name, onEvent);
      if (name !== "error") ee.once("error", onError);
    });
  };
  return EventEmitter;
})
