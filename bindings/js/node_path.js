// node:path: the POSIX path functions (https://nodejs.org/api/path.html);
// workerd gives node:path its POSIX form, resolving against "/". makeGlob
// and makeWin32 are node_path_glob.js's and node_path_win32.js's
// factories, for matchesGlob and path.win32; errors is
// node_small_shared.js's, for Node's argument errors.
(function (makeGlob, makeWin32, errors) {
  "use strict";
  function check(p, name) {
    if (typeof p !== "string") throw errors.argType(name, "string", p);
  }
  function checkObject(o) {
    if (o === null || typeof o !== "object") throw errors.argType("pathObject", "object", o);
  }
  // baseBounds returns where p's last segment starts and ends.
  function baseBounds(p) {
    let end = p.length;
    while (end > 0 && p[end - 1] === "/") end--;
    return [p.lastIndexOf("/", end - 1) + 1, end];
  }
  // extStart returns where base's extension starts, or -1 without one.
  function extStart(base) {
    const i = base.lastIndexOf(".");
    return i <= 0 || base === ".." ? -1 : i;
  }
  // normalizeParts resolves "." and ".." in the segments of p.
  function normalizeParts(p, absolute) {
    const out = [];
    for (const seg of p.split("/")) {
      if (seg === "" || seg === ".") continue;
      if (seg === "..") {
        if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
        else if (!absolute) out.push("..");
      } else out.push(seg);
    }
    return out;
  }
  const path = {
    sep: "/",
    delimiter: ":",
    normalize(p) {
      check(p, "path");
      if (p === "") return ".";
      const absolute = p[0] === "/";
      const trailing = p[p.length - 1] === "/";
      let s = normalizeParts(p, absolute).join("/");
      if (s === "" && !absolute) s = ".";
      if (s !== "" && trailing) s += "/";
      return (absolute ? "/" : "") + s;
    },
    join(...parts) {
      parts.forEach((p) => check(p, "path"));
      const joined = parts.filter((p) => p !== "").join("/");
      return joined === "" ? "." : path.normalize(joined);
    },
    resolve(...parts) {
      let resolved = "";
      for (let i = parts.length - 1; i >= -1 && resolved[0] !== "/"; i--) {
        const p = i >= 0 ? parts[i] : "/";
        check(p, "paths[" + i + "]");
        if (p !== "") resolved = p + (resolved === "" ? "" : "/" + resolved);
      }
      return "/" + normalizeParts(resolved, true).join("/");
    },
    isAbsolute(p) { check(p, "path"); return p.length > 0 && p[0] === "/"; },
    dirname(p) {
      check(p, "path");
      if (p.length === 0) return ".";
      const hasRoot = p[0] === "/";
      let end = p.length;
      while (end > 1 && p[end - 1] === "/") end--;
      while (end > 1 && p[end - 1] !== "/") end--;
      end--;
      if (end < 1) return hasRoot ? "/" : ".";
      if (hasRoot && end === 1) return "//";
      return p.slice(0, end);
    },
    basename(p, suffix) {
      check(p, "path");
      if (suffix !== undefined) check(suffix, "ext");
      if (suffix !== undefined && suffix.length > 0 && suffix === p) return "";
      const [start, end] = baseBounds(p);
      const base = p.slice(start, end);
      if (suffix !== undefined && suffix.length > 0 && suffix !== base && base.endsWith(suffix)) return base.slice(0, base.length - suffix.length);
      return base;
    },
    extname(p) {
      check(p, "path");
      const [start, end] = baseBounds(p);
      const i = extStart(p.slice(start, end));
      return i === -1 ? "" : p.slice(start + i, end);
    },
    relative(from, to) {
      check(from, "from");
      check(to, "to");
      const a = path.resolve(from).split("/").filter(Boolean);
      const b = path.resolve(to).split("/").filter(Boolean);
      let i = 0;
      while (i < a.length && i < b.length && a[i] === b[i]) i++;
      return a.slice(i).map(() => "..").concat(b.slice(i)).join("/");
    },
    parse(p) {
      check(p, "path");
      const ret = { root: "", dir: "", base: "", ext: "", name: "" };
      if (p.length === 0) return ret;
      const rootEnd = p[0] === "/" ? 1 : 0;
      ret.root = p.slice(0, rootEnd);
      let [start, end] = baseBounds(p);
      if (start < rootEnd) start = rootEnd;
      if (end > start) {
        const base = p.slice(start, end);
        const i = extStart(base);
        ret.base = base;
        ret.name = i === -1 ? base : base.slice(0, i);
        ret.ext = i === -1 ? "" : base.slice(i);
      }
      ret.dir = start > rootEnd ? p.slice(0, start - 1) : ret.root;
      return ret;
    },
    format(o) {
      checkObject(o);
      const dir = o.dir || o.root;
      const base = o.base || `${o.name || ""}${o.ext ? (o.ext[0] === "." ? "" : ".") + o.ext : ""}`;
      if (!dir) return base;
      return dir === o.root ? dir + base : dir + "/" + base;
    },
    toNamespacedPath(p) { return p; },
  };
  const globMatch = makeGlob(check);
  path.matchesGlob = function matchesGlob(p, pattern) { return globMatch(p, pattern, false); };
  const win32 = makeWin32(check, checkObject, globMatch);
  // Each form lists its members in workerd's order, and links to both.
  const order = ["resolve", "normalize", "isAbsolute", "join", "relative", "toNamespacedPath", "dirname", "basename",
    "extname", "format", "parse", "matchesGlob", "sep", "delimiter"];
  const posix = {}, windows = {};
  for (const k of order) {
    posix[k] = path[k];
    windows[k] = win32[k];
  }
  for (const form of [posix, windows]) {
    form.win32 = windows;
    form.posix = posix;
  }
  return posix;
})
