// node:perf_hooks (https://nodejs.org/api/perf_hooks.html) as workerd
// gives it: the global Performance classes and performance object, Node's
// constants, and the event-loop measurements a worker cannot take, which
// answer zeros or throw ERR_METHOD_NOT_IMPLEMENTED.
(function (h) {
  "use strict";
  const { notImplemented } = h.errors;
  return {
    Performance,
    PerformanceEntry,
    PerformanceMark,
    PerformanceMeasure,
    PerformanceObserver,
    PerformanceObserverEntryList,
    PerformanceResourceTiming,
    monitorEventLoopDelay() { throw notImplemented("monitorEventLoopDelay"); },
    createHistogram() { throw notImplemented("createHistogram"); },
    eventLoopUtilization(util1, util2) { return { idle: 0, active: 0, utilization: 0 }; },
    timerify(fn) { return fn; },
    performance,
    constants: h.constants("perf_hooks"),
  };
})
