// node:diagnostics_channel (https://nodejs.org/api/diagnostics_channel.html)
// as workerd has it: named channels that pass published messages to their
// subscribers, with bound AsyncLocalStorage stores, and tracing channels
// of five channels each. Like workerd's, unsubscribe and unbindStore
// return undefined and a Channel shows no name.
(function (h) {
  "use strict";
  const channels = new Map();
  const subscribersOf = new WeakMap();
  const storesOf = new WeakMap();
  function subscribeError() {
    return new TypeError("Failed to execute 'subscribe' on 'Channel': parameter 1 is not of type 'function'.");
  }
  class Channel {
    constructor(name, unused) {
      Object.defineProperty(this, nameKey, { value: name });
      subscribersOf.set(this, []);
      storesOf.set(this, new Map());
      void unused;
    }
    get hasSubscribers() { return subscribersOf.get(this).length > 0 || storesOf.get(this).size > 0; }
    publish(message) {
      for (const fn of subscribersOf.get(this).slice()) {
        try {
          fn(message, this[nameKey]);
        } catch (err) {
          queueMicrotask(() => { throw err; });
        }
      }
    }
    subscribe(fn) {
      if (typeof fn !== "function") throw subscribeError();
      subscribersOf.get(this).push(fn);
    }
    unsubscribe(fn) {
      const list = subscribersOf.get(this);
      const at = list.indexOf(fn);
      if (at >= 0) list.splice(at, 1);
    }
    bindStore(store, transform) { storesOf.get(this).set(store, transform); }
    unbindStore(store) { storesOf.get(this).delete(store); }
    runStores(data, fn, thisArg, ...args) {
      let run = () => {
        this.publish(data);
        return fn.apply(thisArg, args);
      };
      for (const [store, transform] of storesOf.get(this)) {
        const next = run;
        run = () => store.run(typeof transform === "function" ? transform(data) : data, next);
      }
      return run();
    }
  }
  const nameKey = Symbol("name");
  function channel(name) {
    let ch = channels.get(name);
    if (!ch) {
      ch = new Channel(name);
      channels.set(name, ch);
    }
    return ch;
  }
  const events = ["start", "end", "asyncStart", "asyncEnd", "error"];
  const tracingChannels = new WeakMap();
  class TracingChannel {
    get start() { return tracingChannels.get(this).start; }
    get end() { return tracingChannels.get(this).end; }
    get asyncStart() { return tracingChannels.get(this).asyncStart; }
    get asyncEnd() { return tracingChannels.get(this).asyncEnd; }
    get error() { return tracingChannels.get(this).error; }
    subscribe(handlers) {
      for (const e of events) if (handlers && typeof handlers[e] === "function") this[e].subscribe(handlers[e]);
    }
    unsubscribe(handlers) {
      for (const e of events) if (handlers && typeof handlers[e] === "function") this[e].unsubscribe(handlers[e]);
    }
    traceSync(fn, context = {}, thisArg, ...args) {
      if (!this.hasSubscribers) return fn.apply(thisArg, args);
      return this.start.runStores(context, () => {
        try {
          context.result = fn.apply(thisArg, args);
          return context.result;
        } catch (err) {
          context.error = err;
          this.error.publish(context);
          throw err;
        } finally {
          this.end.publish(context);
        }
      });
    }
    tracePromise(fn, context = {}, thisArg, ...args) {
      if (!this.hasSubscribers) return fn.apply(thisArg, args);
      const settle = (key, v) => {
        context[key] = v;
        if (key === "error") this.error.publish(context);
        this.asyncStart.publish(context);
        this.asyncEnd.publish(context);
      };
      return this.start.runStores(context, () => {
        try {
          const p = Promise.resolve(fn.apply(thisArg, args));
          return p.then((v) => { settle("result", v); return v; }, (err) => { settle("error", err); throw err; });
        } catch (err) {
          context.error = err;
          this.error.publish(context);
          throw err;
        } finally {
          this.end.publish(context);
        }
      });
    }
    traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
      if (!this.hasSubscribers) return fn.apply(thisArg, args);
      const at = position < 0 ? args.length + position : position;
      const callback = args[at];
      args[at] = (err, result) => {
        if (err) { context.error = err; this.error.publish(context); } else context.result = result;
        this.asyncStart.runStores(context, () => {
          try {
            return callback.call(thisArg, err, result);
          } finally {
            this.asyncEnd.publish(context);
          }
        });
      };
      return this.traceSync(fn, context, thisArg, ...args);
    }
    get hasSubscribers() { return events.some((e) => this[e].hasSubscribers); }
  }
  function tracingChannel(nameOrChannels) {
    const tc = Object.create(TracingChannel.prototype);
    const chans = {};
    for (const e of events) chans[e] = typeof nameOrChannels === "string" ? channel(`tracing:${nameOrChannels}:${e}`) : nameOrChannels[e];
    tracingChannels.set(tc, chans);
    return tc;
  }
  const def = {
    hasSubscribers: (name) => channel(name).hasSubscribers,
    channel,
    subscribe(name, fn) { channel(name).subscribe(fn); },
    unsubscribe(name, fn) { channel(name).unsubscribe(fn); },
    tracingChannel,
    Channel,
  };
  return h.errors.esModule(def, Object.assign({ TracingChannel }, def));
})
