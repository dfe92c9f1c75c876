// URLPattern's algorithms (https://urlpattern.spec.whatwg.org/): the
// constructor string parser, init processing, the constructor's steps and
// matching; pattern strings are compiled by urlpattern_compile.js's factory
// (makeCompiler). The class itself is defined in Go (urlpattern.go), which
// calls construct and match. go is {canon(kind, value, protocol) -> string
// or null, isNameCodePoint(cp, first) -> bool, parse(input, base) -> the
// URL's attributes or null, usv(v) -> WebIDL's USVString conversion}; a failure throws Failure, which Go turns into
// workerd's TypeError for the operation.
(function (go, makeCompiler) {
  "use strict";

  class Failure extends Error {}
  const fail = () => {
    throw new Failure();
  };

  const { tokenize, compile, escapePattern, defaultOptions, hostnameOptions } = makeCompiler(go, fail);

  const canon = (kind, protocol) => (value) => {
    const out = go.canon(kind, value, protocol || "");
    if (out === null) fail();
    return out;
  };

  function canonIPv6(value) {
    if (/[^[\]:0-9a-fA-F]/.test(value)) fail();
    return value.toLowerCase();
  }

  const specialSchemes = ["ftp", "file", "http", "https", "ws", "wss"];
  const defaultPorts = { ftp: "21", http: "80", https: "443", ws: "80", wss: "443" };

  function isIPv6Pattern(s) {
    return s.length >= 2 && (s[0] === "[" || s.startsWith("{[") || s.startsWith("\\["));
  }

  function matchesSpecialScheme(component) {
    return specialSchemes.some((s) => component.regexp.test(s));
  }

  // Constructor strings (https://urlpattern.spec.whatwg.org/#constructor-string-parsing).
  function parseConstructorString(input) {
    const tokens = tokenize(input, true);
    const result = {};
    let state = "init";
    let componentStart = 0;
    let ti = 0;
    let increment = 1;
    let groupDepth = 0;
    let ipv6Depth = 0;
    let special = false;
    const safe = (i) => (i < tokens.length ? tokens[i] : tokens[tokens.length - 1]);
    const plain = (i, value) => {
      const t = safe(i);
      return t.value === value && (t.type === "char" || t.type === "escaped-char" || t.type === "invalid-char");
    };
    const componentString = () => {
      const start = safe(componentStart).index;
      return Array.from(input).slice(start, tokens[ti].index).join("");
    };
    const isSearchPrefix = () => {
      if (plain(ti, "?")) return true;
      if (tokens[ti].value !== "?") return false;
      if (ti - 1 < 0) return true;
      const prev = safe(ti - 1);
      return !["name", "regexp", "close", "asterisk"].includes(prev.type);
    };
    const before = (list) => list.includes(state);
    const change = (next, skip) => {
      if (state !== "init" && state !== "authority" && state !== "done") result[state] = componentString();
      if (state !== "init" && next !== "done") {
        if (before(["protocol", "authority", "username", "password"]) && ["port", "pathname", "search", "hash"].includes(next) && !("hostname" in result)) {
          result.hostname = "";
        }
        if (before(["protocol", "authority", "username", "password", "hostname", "port"]) && ["search", "hash"].includes(next) && !("pathname" in result)) {
          result.pathname = special ? "/" : "";
        }
        if (before(["protocol", "authority", "username", "password", "hostname", "port", "pathname"]) && next === "hash" && !("search" in result)) {
          result.search = "";
        }
      }
      state = next;
      ti += skip;
      componentStart = ti;
      increment = 0;
    };
    const rewind = () => {
      ti = componentStart;
      increment = 0;
    };
    const rewindTo = (s) => {
      rewind();
      state = s;
    };
    while (ti < tokens.length) {
      increment = 1;
      const token = tokens[ti];
      if (token.type === "end") {
        if (state === "init") {
          rewind();
          if (plain(ti, "#")) change("hash", 1);
          else if (isSearchPrefix()) change("search", 1);
          else change("pathname", 0);
          ti += increment;
          continue;
        }
        if (state === "authority") {
          rewindTo("hostname");
          ti += increment;
          continue;
        }
        change("done", 0);
        break;
      }
      if (token.type === "open") {
        groupDepth++;
        ti += increment;
        continue;
      }
      if (groupDepth > 0) {
        if (token.type === "close") {
          groupDepth--;
        } else {
          ti += increment;
          continue;
        }
      }
      switch (state) {
        case "init":
          if (plain(ti, ":")) rewindTo("protocol");
          break;
        case "protocol":
          if (plain(ti, ":")) {
            special = matchesSpecialScheme(compile(componentString(), canon("protocol"), defaultOptions));
            let next = "pathname";
            let skip = 1;
            if (plain(ti + 1, "/") && plain(ti + 2, "/")) {
              next = "authority";
              skip = 3;
            } else if (special) {
              next = "authority";
            }
            change(next, skip);
          }
          break;
        case "authority":
          if (plain(ti, "@")) rewindTo("username");
          else if (plain(ti, "/") || isSearchPrefix() || plain(ti, "#")) rewindTo("hostname");
          break;
        case "username":
          if (plain(ti, ":")) change("password", 1);
          else if (plain(ti, "@")) change("hostname", 1);
          break;
        case "password":
          if (plain(ti, "@")) change("hostname", 1);
          break;
        case "hostname":
          if (plain(ti, "[")) ipv6Depth++;
          else if (plain(ti, "]")) ipv6Depth--;
          else if (plain(ti, ":") && ipv6Depth === 0) change("port", 1);
          else if (plain(ti, "/")) change("pathname", 0);
          else if (isSearchPrefix()) change("search", 1);
          else if (plain(ti, "#")) change("hash", 1);
          break;
        case "port":
          if (plain(ti, "/")) change("pathname", 0);
          else if (isSearchPrefix()) change("search", 1);
          else if (plain(ti, "#")) change("hash", 1);
          break;
        case "pathname":
          if (isSearchPrefix()) change("search", 1);
          else if (plain(ti, "#")) change("hash", 1);
          break;
        case "search":
          if (plain(ti, "#")) change("hash", 1);
          break;
      }
      ti += increment;
    }
    if ("hostname" in result && !("port" in result)) result.port = "";
    return result;
  }

  // Init processing (https://urlpattern.spec.whatwg.org/#canon-processing-for-init).
  const initKeys = ["protocol", "username", "password", "hostname", "port", "pathname", "search", "hash", "baseURL"];
  const components = initKeys.slice(0, 8);

  function readInit(o) {
    const init = {};
    for (const k of initKeys) {
      const v = o[k];
      if (v !== undefined) init[k] = go.usv(v);
    }
    return init;
  }

  function isAbsolutePathname(s, type) {
    if (s === "") return false;
    if (s[0] === "/") return true;
    if (type === "url" || s.length < 2) return false;
    return (s[0] === "\\" || s[0] === "{") && s[1] === "/";
  }

  function processInit(init, type, result) {
    const has = (...keys) => keys.some((k) => k in init);
    const base = (s) => (type === "pattern" ? escapePattern(s) : s);
    const pattern = type === "pattern";
    let baseURL = null;
    if ("baseURL" in init) {
      baseURL = go.parse(init.baseURL);
      if (baseURL === null) fail();
      if (!has("protocol")) result.protocol = base(baseURL.protocol.slice(0, -1));
      if (!pattern && !has("protocol", "hostname", "port", "username")) result.username = base(baseURL.username);
      if (!pattern && !has("protocol", "hostname", "port", "username", "password")) result.password = base(baseURL.password);
      if (!has("protocol", "hostname")) result.hostname = base(baseURL.hostname);
      if (!has("protocol", "hostname", "port")) result.port = baseURL.port;
      if (!has("protocol", "hostname", "port", "pathname")) result.pathname = base(baseURL.pathname);
      if (!has("protocol", "hostname", "port", "pathname", "search")) result.search = base(baseURL.search.slice(1));
      if (!has("protocol", "hostname", "port", "pathname", "search", "hash")) result.hash = base(baseURL.hash.slice(1));
    }
    if (has("protocol")) {
      const v = init.protocol.endsWith(":") ? init.protocol.slice(0, -1) : init.protocol;
      result.protocol = pattern ? v : canon("protocol")(v);
    }
    if (has("username")) result.username = pattern ? init.username : canon("username")(init.username);
    if (has("password")) result.password = pattern ? init.password : canon("password")(init.password);
    if (has("hostname")) result.hostname = pattern ? init.hostname : canon("hostname")(init.hostname);
    if (has("port")) result.port = pattern ? init.port : canon("port", result.protocol)(init.port);
    if (has("pathname")) {
      let p = init.pathname;
      if (baseURL !== null && !baseURL.opaque && !isAbsolutePathname(p, type)) {
        const basePath = base(baseURL.pathname);
        const slash = basePath.lastIndexOf("/");
        if (slash >= 0) p = basePath.slice(0, slash + 1) + p;
      }
      if (!pattern) {
        const proto = result.protocol;
        p = proto === undefined || proto === "" || specialSchemes.includes(proto) ? canon("pathname")(p) : canon("opaque")(p);
      }
      result.pathname = p;
    }
    if (has("search")) {
      const v = init.search.startsWith("?") ? init.search.slice(1) : init.search;
      result.search = pattern ? v : canon("search")(v);
    }
    if (has("hash")) {
      const v = init.hash.startsWith("#") ? init.hash.slice(1) : init.hash;
      result.hash = pattern ? v : canon("hash")(v);
    }
    return result;
  }

  // The constructor (https://urlpattern.spec.whatwg.org/#url-pattern-initialize).
  function construct(input, baseURL, ignoreCase) {
    let init;
    if (typeof input === "string") {
      init = parseConstructorString(input);
      if (baseURL === null && !("protocol" in init)) fail();
      if (baseURL !== null) init.baseURL = baseURL;
    } else {
      if (baseURL !== null) fail();
      init = readInit(input);
    }
    const p = processInit(init, "pattern", {});
    for (const k of components) if (!(k in p)) p[k] = "*";
    if (specialSchemes.includes(p.protocol) && p.port === defaultPorts[p.protocol]) p.port = "";
    const c = {};
    c.protocol = compile(p.protocol, canon("protocol"), defaultOptions);
    c.username = compile(p.username, canon("username"), defaultOptions);
    c.password = compile(p.password, canon("password"), defaultOptions);
    c.hostname = isIPv6Pattern(p.hostname) ? compile(p.hostname, canonIPv6, hostnameOptions) : compile(p.hostname, canon("hostname"), hostnameOptions);
    c.port = compile(p.port, canon("port"), defaultOptions);
    const options = { delimiter: "", prefix: "", ignoreCase };
    if (matchesSpecialScheme(c.protocol)) {
      c.pathname = compile(p.pathname, canon("pathname"), { delimiter: "/", prefix: "/", ignoreCase });
    } else {
      c.pathname = compile(p.pathname, canon("opaque"), options);
    }
    c.search = compile(p.search, canon("search"), options);
    c.hash = compile(p.hash, canon("hash"), options);
    return c;
  }

  // Matching (https://urlpattern.spec.whatwg.org/#url-pattern-match).
  function match(c, input, baseURL) {
    let values;
    let inputs;
    if (typeof input !== "string") {
      // The dictionary as WebIDL converted it is what inputs holds.
      const init = readInit(input);
      inputs = [init];
      if (baseURL !== null) fail();
      try {
        const empty = {};
        for (const k of components) empty[k] = "";
        values = processInit(init, "url", empty);
      } catch (e) {
        if (e instanceof Failure) return null;
        throw e;
      }
    } else {
      inputs = baseURL === null ? [input] : [input, baseURL];
      const url = go.parse(input, baseURL === null ? undefined : baseURL);
      if (url === null) return null;
      values = {
        protocol: url.protocol.slice(0, -1),
        username: url.username,
        password: url.password,
        hostname: url.hostname,
        port: url.port,
        pathname: url.pathname,
        search: url.search.slice(1),
        hash: url.hash.slice(1),
      };
    }
    const result = { inputs };
    for (const k of components) {
      const m = c[k].regexp.exec(values[k]);
      if (m === null) return null;
      // workerd's groups come from an unordered map, which lists these
      // small sets last name first. A bare optional group that matched
      // the empty string did not take part in V8's match (goja's RegExp
      // reports "").
      const groups = {};
      const { names, bareOptional } = c[k];
      for (let i = names.length - 1; i >= 0; i--) {
        const v = m[i + 1];
        groups[names[i]] = v === "" && bareOptional[i] ? undefined : v;
      }
      result[k] = { input: values[k], groups };
    }
    return result;
  }

  return { construct, match, Failure };
});
