// node:cluster (https://nodejs.org/api/cluster.html) as workerd gives it:
// the default export is the primary's Cluster, an EventEmitter with no
// workers, whose fork and setup throw ERR_METHOD_NOT_IMPLEMENTED.
(function (h) {
  "use strict";
  const EventEmitter = h.require("events");
  const { notImplemented } = h.errors;
  const fail = (name) => function () { throw notImplemented("cluster." + name); };
  class Worker extends EventEmitter {
    constructor() {
      super();
      this._connected = false;
      this.id = 0;
    }
    get process() { return h.require("process"); }
    get exitedAfterDisconnect() { return false; }
    isConnected() { return this._connected; }
    isDead() { return true; }
    send() { return false; }
    kill() {}
    destroy() {}
    disconnect() { return this; }
  }
  class Cluster extends EventEmitter {
    constructor() {
      super();
      this.Worker = Worker;
      this.isMaster = true;
      this.isPrimary = true;
      this.isWorker = false;
      this.SCHED_NONE = 1;
      this.SCHED_RR = 2;
      this.schedulingPolicy = 2;
      this.settings = {};
      this.workers = {};
    }
  }
  Cluster.prototype.setupPrimary = fail("setupPrimary");
  Cluster.prototype.setupMaster = fail("setupWorker");
  Cluster.prototype.disconnect = fail("disconnect");
  Cluster.prototype.fork = fail("fork");
  const cluster = new Cluster();
  const named = { Cluster };
  for (const k of Object.keys(cluster)) if (k !== "domain") named[k] = cluster[k];
  for (const k of ["setupPrimary", "setupMaster", "disconnect", "fork"]) named[k] = cluster[k];
  return h.errors.esModule(cluster, named);
})
