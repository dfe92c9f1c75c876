// node:path: the POSIX path functions (https://nodejs.org/api/path.html);
// workerd gives node:path its POSIX form, resolving against "/".
(function () {
  "use strict";
  function check(p, name) {
    if (typeof p !== "string") {
      const err = new TypeError(`The "${name}" argument must be of type string. Received ${p === null ? "null" : typeof p}`);
      err.code = "ERR_INVALID_ARG_TYPE";
      throw err;
    }
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
      if (p === "") return ".";
      let end = p.length;
      while (end > 1 && p[end - 1] === "/") end--;
      const i = p.lastIndexOf("/", end - 1);
      if (i === -1) return ".";
      if (i === 0) return "/";
      let j = i;
      while (j > 1 && p[j - 1] === "/") j--;
      return p.slice(0, j);
    },
    basename(p, ext) {
      check(p, "path");
      let end = p.length;
      while (end > 0 && p[end - 1] === "/") end--;
      let base = p.slice(p.lastIndexOf("/", end - 1) + 1, end);
      if (typeof ext === "string" && base.endsWith(ext)) base = base.slice(0, base.length - ext.length);
      return base;
    },
    extname(p) {
      const base = path.basename(p);
      const i = base.lastIndexOf(".");
      return i <= 0 ? "" : base.slice(i);
    },
    relative(from, to) {
      const a = path.resolve(from).split("/").filter(Boolean);
      const b = path.resolve(to).split("/").filter(Boolean);
      let i = 0;
      while (i < a.length && i < b.length && a[i] === b[i]) i++;
      return a.slice(i).map(() => "..").concat(b.slice(i)).join("/");
    },
    parse(p) {
      check(p, "path");
      const root = p[0] === "/" ? "/" : "";
      const base = path.basename(p);
      const ext = path.extname(p);
      let dir = path.dirname(p);
      if (dir === "." && !p.includes("/")) dir = "";
      return { root, dir, base, ext, name: ext ? base.slice(0, base.length - ext.length) : base };
    },
    format(o) {
      const dir = o.dir || o.root || "";
      const base = o.base || (o.name || "") + (o.ext ? (o.ext[0] === "." ? "" : ".") + o.ext : "");
      if (!dir) return base;
      return dir === o.root ? dir + base : dir + "/" + base;
    },
    toNamespacedPath(p) { return p; },
  };
  path.posix = path;
  return path;
})
