// A Durable Object: one per ID, made by its first event, with its queue
// of events, the input gate of blockConcurrencyWhile(), resets, alarms,
// the events of its hibernatable WebSockets and hibernation itself (see
// durable_objects.js for the model).
(function (h, d) {
  "use strict";

  // hibernateAfterMs is how long an object whose sockets are all
  // hibernatable stays in memory without events (workerd: about 10 s).
  const hibernateAfterMs = 10000;

  // --- the objects -----------------------------------------------------------

  // actorFor finds, or makes, the one object of ns with that ID.
  function actorFor(ns, hex, name) {
    let a = ns.actors.get(hex);
    if (a === undefined) {
      a = new Actor(ns, hex, name);
      ns.actors.set(hex, a);
    }
    return a;
  }

  class Actor {
    constructor(ns, hex, name) {
      this.ns = ns;
      this.hex = hex;
      this.id = d.makeId(ns, hex, name);
      this.context = h.newActorContext(ns.className + " " + hex.slice(0, 8));
      this.store = h.openStore(ns.handle, hex);
      this.instance = null;
      this.ready = null;
      this.inflight = 0;
      this.idle = null;
      this.constructing = false;
      this.blocked = 0;
      this.queue = [];
      this.sockets = new Set(); // hibernatable WebSockets
      this.autoResponse = null;
      this.eventTimeout = 0;
      this.broken = undefined;
      this.state = d.makeState(this);
      const self = this;
      h.setAlarmHandler(this.store, function (retryCount, at) { self.runAlarm(retryCount, at); }, function () {
        return self.hasAlarmHandler();
      });
    }

    // hasAlarmHandler tells whether the class defines alarm(); setAlarm()
    // needs one.
    hasAlarmHandler() {
      const C = h.classOf(this.ns.handle);
      return typeof (this.instance !== null ? this.instance.alarm : C.prototype.alarm) === "function";
    }

    // reset breaks the object, as abort() and a failed
    // blockConcurrencyWhile() do: its stubs fail with e from now on, its
    // queued events too, writes not yet committed are dropped, its
    // hibernatable sockets are dropped, and the next stub reaches a new
    // instance.
    reset(e) {
      if (this.broken !== undefined) return;
      this.broken = e;
      if (this.ns.actors.get(this.hex) === this) this.ns.actors.delete(this.hex);
      this.cancelIdle();
      for (const ws of this.sockets) h.dropSocket(ws);
      this.sockets.clear();
      this.instance = null;
      this.ready = null;
      h.resetStore(this.store);
      const queued = this.queue;
      this.queue = [];
      for (const job of queued) job.failed(e);
    }

    // runAlarm calls alarm() for the alarm due at `at`.
    runAlarm(retryCount, at) {
      const self = this;
      this.deliver("alarm", function () {
        return self.run(function (instance) {
          if (typeof instance.alarm !== "function") {
            throw new TypeError("Your Durable Object class must have an alarm() handler in order to call setAlarm()");
          }
          return instance.alarm({ retryCount, isRetry: retryCount > 0, scheduledTime: at });
        });
      }, function () { h.alarmDone(self.store, true, at); }, function (e) {
        h.report(e);
        h.alarmDone(self.store, false, at);
      });
    }

    // deliverWebSocketEvent calls a hibernatable socket's handler (name)
    // with the socket and the event's values.
    deliverWebSocketEvent(name, ws, a, b, c) {
      const self = this;
      const done = function () { if (name !== "webSocketMessage") h.forgetSocket(self, ws); };
      this.deliver(name, function () {
        return self.run(function (instance) {
          const f = instance[name];
          if (typeof f !== "function") return undefined;
          return name === "webSocketClose" ? f.call(instance, ws, a, b, c) : f.call(instance, ws, a);
        });
      }, done, function (e) {
        done();
        h.report(e);
      }, this.eventTimeout);
    }

    // deliver runs start() as a job of the object once nothing blocks it;
    // done(ok, value) gets what it settled with, or failed(error) a throw.
    deliver(what, start, done, failed, timeoutMs) {
      const job = { what, start, done: done || function () {}, failed: failed || function (e) { h.report(e); }, timeoutMs };
      if (this.broken !== undefined) {
        job.failed(this.broken);
        return;
      }
      if (this.blocked > 0) {
        this.queue.push(job);
        return;
      }
      this.dispatch(job);
    }

    // dispatch runs a job in an event context of its own. It settles once,
    // with what start() returned or threw (the reset's error once the
    // object was reset), or with the error that aborted its context (out
    // of CPU time), after which none of its callbacks run. With a timeout
    // (setHibernatableWebSocketEventTimeout), an event still running then
    // is cancelled, as workerd cancels it: what it awaits never resumes.
    dispatch(job) {
      const self = this;
      this.inflight++;
      this.cancelIdle();
      let finished = false;
      const finish = function () {
        if (finished) return false;
        finished = true;
        self.settled();
        return true;
      };
      const context = h.eventContext(this.context, job.what, function (message) {
        if (finish()) job.failed(new Error(message));
      });
      if (job.timeoutMs > 0) {
        h.after(job.timeoutMs, function () { if (finish()) h.cancelContext(context); });
      }
      h.enqueueIn(context, function () {
        let p;
        try {
          p = job.start();
        } catch (e) {
          if (finish()) job.failed(e);
          return;
        }
        // An event still running when the object is reset fails with the
        // reset's error, whatever it returns, as in workerd.
        Promise.resolve(p).then(function (v) {
          if (!finish()) return;
          if (self.broken !== undefined) job.failed(self.broken);
          else job.done(true, v);
        }, function (e) { if (finish()) job.failed(self.broken !== undefined ? self.broken : e); });
      });
    }

    // settled counts an event done; an object left with only hibernatable
    // sockets is evicted after a while without events, as workerd does.
    settled() {
      this.inflight--;
      if (this.inflight === 0 && this.sockets.size > 0) {
        const self = this;
        this.idle = h.after(hibernateAfterMs, function () { self.idle = null; self.hibernate(); });
      }
    }

    cancelIdle() {
      if (this.idle) {
        h.cancel(this.idle);
        this.idle = null;
      }
    }

    // hibernate evicts the instance if nothing runs in it and nothing but
    // its hibernatable sockets holds it (no plain accepted socket, no
    // waitUntil() promise).
    hibernate() {
      if (this.inflight > 0 || this.blocked > 0 || this.instance === null) return false;
      if (h.holds(this.context) > this.sockets.size) return false;
      this.cancelIdle();
      return this.evict();
    }

    // run gives fn the instance, constructing it first; the constructor's
    // blockConcurrencyWhile() holds fn too.
    run(fn) {
      if (this.broken !== undefined) throw this.broken;
      if (this.instance === null) {
        this.construct();
      }
      if (this.ready !== null) {
        const self = this;
        return this.ready.then(function () {
          if (self.broken !== undefined) throw self.broken;
          return fn(self.instance);
        });
      }
      return fn(this.instance);
    }

    construct() {
      const C = h.classOf(this.ns.handle);
      this.ready = null;
      this.blocking = [];
      this.constructing = true;
      try {
        this.instance = new C(this.state, h.env());
      } catch (e) {
        this.instance = null;
        throw e;
      } finally {
        this.constructing = false;
      }
      if (this.blocking.length > 0) {
        const self = this;
        this.ready = Promise.all(this.blocking).then(function () { self.ready = null; });
      }
      this.blocking = null;
    }

    // block runs callback with the object's other events held until it
    // settles; from the constructor, the callback starts once the
    // constructor has returned. A callback that throws resets the object.
    block(callback) {
      const self = this;
      this.blocked++;
      const call = function () {
        try {
          return Promise.resolve(callback());
        } catch (e) {
          return Promise.reject(e);
        }
      };
      const p = this.constructing ? Promise.resolve().then(call) : call();
      const settled = p.then(function (v) { self.unblock(); return v; }, function (e) {
        self.reset(e);
        self.unblock();
        throw e;
      });
      if (this.constructing) this.blocking.push(settled.catch(function () {}));
      return settled;
    }

    // hold holds the object's other events, as block() does, until the
    // returned function is called: storage.transaction() holds them while
    // its closure runs, as workerd does, so that no other event's writes
    // join the transaction (and are rolled back with it).
    hold() {
      const self = this;
      let held = true;
      this.blocked++;
      return function () {
        if (!held) return;
        held = false;
        self.unblock();
      };
    }

    unblock() {
      this.blocked--;
      while (this.blocked === 0 && this.queue.length > 0) {
        this.dispatch(this.queue.shift());
      }
    }

    // evict drops the instance (hibernation); its sockets stay open and
    // the next event constructs it again.
    evict() {
      if (this.blocked > 0) return false;
      this.instance = null;
      this.ready = null;
      return true;
    }
  }

  Object.assign(d, { actorFor, Actor });
})
