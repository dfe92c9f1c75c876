// node:worker_threads (https://nodejs.org/api/worker_threads.html) as
// workerd gives it: one main thread and no way to start another, so Worker
// and BroadcastChannel throw ERR_METHOD_NOT_IMPLEMENTED; MessageChannel and
// MessagePort are the globals.
(function (h) {
  "use strict";
  const { notImplemented, thrower } = h.errors;
  class BroadcastChannel {
    constructor() { throw notImplemented("BroadcastChannel"); }
  }
  class Worker {
    constructor() { throw notImplemented("Worker"); }
  }
  const environment = new Map();
  return {
    BroadcastChannel,
    MessageChannel,
    MessagePort,
    Worker,
    SHARE_ENV: Symbol.for("nodejs.worker_threads.SHARE_ENV"),
    getEnvironmentData(key) { return environment.get(key); },
    isMainThread: true,
    isMarkedAsUntransferable() { return false; },
    markAsUntransferable() {},
    markAsUncloneable() {},
    moveMessagePortToContext() { throw new TypeError("Illegal constructor"); },
    parentPort: null,
    receiveMessageOnPort() {},
    resourceLimits: {},
    setEnvironmentData(key, value) {
      if (value === undefined) environment.delete(key);
      else environment.set(key, value);
    },
    postMessageToThread: thrower("postMessageToThread"),
    threadId: 0,
    workerData: null,
    isInternalThread: false,
  };
})
