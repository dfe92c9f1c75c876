// node:inspector and node:inspector/promises
// (https://nodejs.org/api/inspector.html) as workerd gives them: no
// inspector to open; Session throws ERR_METHOD_NOT_IMPLEMENTED, the
// callback module's functions do nothing, the promise module's throw.
(function (h, name) {
  "use strict";
  const { notImplemented } = h.errors;
  class Session {
    constructor() { throw notImplemented("Session"); }
  }
  const consoleNames = ["debug", "error", "info", "log", "warn", "dir", "dirxml", "table", "trace", "group", "groupCollapsed",
    "groupEnd", "clear", "count", "countReset", "assert", "profile", "profileEnd", "time", "timeLog", "timeStamp"];
  const inspectorConsole = Object.fromEntries(consoleNames.map((n) => [n, () => {}]));
  const Network = Object.fromEntries(["requestWillBeSent", "dataReceived", "dataSent", "responseReceived", "loadingFinished",
    "loadingFailed", "webSocketCreated", "webSocketHandshakeResponseReceived", "webSocketClosed"].map((n) => [n, () => {}]));
  if (name === "inspector/promises") {
    const fail = (n) => function () { throw notImplemented("Inspector." + n); };
    return { close: fail("close"), console: inspectorConsole, Network, open: fail("open"), Session, url: fail("url"), waitForDebugger: fail("waitForDebugger") };
  }
  return {
    Session,
    close() {},
    console: inspectorConsole,
    open() { return {}; },
    url() {},
    waitForDebugger() {},
    Network,
  };
})
