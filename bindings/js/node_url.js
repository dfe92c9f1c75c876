// node:url (https://nodejs.org/api/url.html): the WHATWG URL classes (the
// globals) and the file-URL helpers. The legacy url.parse/resolve and Url
// are not provided.
(function () {
  "use strict";
  function argType(name, type, v) {
    const err = new TypeError(`The "${name}" argument must be ${type}. Received ${v === null ? "null" : typeof v}`);
    err.code = "ERR_INVALID_ARG_TYPE";
    return err;
  }
  function fileURLToPath(u) {
    if (typeof u === "string") u = new URL(u);
    else if (!(u instanceof URL)) throw argType("path", "of type string or an instance of URL", u);
    if (u.protocol !== "file:") {
      const err = new Error("The URL must be of scheme file");
      err.code = "ERR_INVALID_URL_SCHEME";
      throw err;
    }
    if (u.hostname !== "") {
      const err = new Error(`File URL host must be "localhost" or empty on linux`);
      err.code = "ERR_INVALID_FILE_URL_HOST";
      throw err;
    }
    if (/%2f/i.test(u.pathname)) {
      const err = new Error("File URL path must not include encoded / characters");
      err.code = "ERR_INVALID_FILE_URL_PATH";
      throw err;
    }
    return decodeURIComponent(u.pathname);
  }
  function pathToFileURL(p) {
    if (typeof p !== "string") throw argType("path", "of type string", p);
    const resolved = p.startsWith("/") ? p : "/" + p;
    const u = new URL("file://");
    u.pathname = resolved.replace(/%/g, "%25").replace(/\\/g, "%5C").replace(/\n/g, "%0A").replace(/\r/g, "%0D").replace(/\t/g, "%09");
    return u;
  }
  function format(u) {
    if (u instanceof URL) return u.href;
    if (typeof u === "string") return new URL(u).href;
    throw argType("urlObject", "one of type object or string", u);
  }
  const m = {
    URL,
    URLSearchParams,
    fileURLToPath,
    pathToFileURL,
    format,
    domainToASCII: (d) => { try { return new URL("http://" + d).hostname; } catch { return ""; } },
  };
  m.default = Object.assign({}, m);
  return m;
})
