// node:http2 (https://nodejs.org/api/http2.html) as workerd gives it: no
// HTTP/2 sessions, so servers, connect and the compatibility classes throw
// ERR_METHOD_NOT_IMPLEMENTED; the constants and settings helpers are there.
(function (h) {
  "use strict";
  const { notImplemented } = h.errors;
  const fail = (name) => function () { throw notImplemented("http2." + name); };
  function compat(name) {
    return function () {
      if (new.target === undefined) throw new TypeError("Class constructors cannot be invoked without 'new'");
      throw notImplemented("http2." + name);
    };
  }
  const Http2ServerRequest = compat("Http2ServerRequest");
  const Http2ServerResponse = compat("Http2ServerResponse");
  Object.defineProperty(Http2ServerRequest, "name", { value: "" });
  Object.defineProperty(Http2ServerResponse, "name", { value: "" });
  return {
    constants: h.constants("http2"),
    createSecureServer: fail("createSecureServer"),
    createServer: fail("createServer"),
    Http2ServerRequest,
    Http2ServerResponse,
    connect: fail("connect"),
    getDefaultSettings() { return {}; },
    getPackedSettings() { return h.require("buffer").Buffer.alloc(0); },
    getUnpackedSettings() { return {}; },
    performServerHandshake: fail("performServerHandshake"),
    sensitiveHeaders: Symbol("nodejs.http2.sensitiveHeaders"),
  };
})
