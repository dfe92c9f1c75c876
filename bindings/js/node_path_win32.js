// node:path's win32 form (https://nodejs.org/api/path.html#windows-vs-posix):
// drive letters ("C:"), UNC roots ("\\server\share"), and "\" and "/" both
// taken as separators, "\" written. Without a drive, resolve starts from
// workerd's working directory "/", so win32.resolve("a") is "\a".
// check and checkObject are node:path's argument checks;
// matchesGlob(path, pattern, win32) is node_path_glob.js's matcher.
(function (check, checkObject, matchesGlob) {
  "use strict";
  const isSep = (c) => c === "\\" || c === "/";
  const isDriveLetter = (c) => (c >= "A" && c <= "Z") || (c >= "a" && c <= "z");
  const hasDrive = (p) => p.length >= 2 && p[1] === ":" && isDriveLetter(p[0]);

  // normalizeTail resolves "." and ".." in p, whose segments are parted
  // by either separator, joining them with "\"; aboveRoot keeps leading
  // ".." segments.
  function normalizeTail(p, aboveRoot) {
    const out = [];
    for (const seg of p.split(/[\\/]/)) {
      if (seg === "" || seg === ".") continue;
      if (seg === "..") {
        if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
        else if (aboveRoot) out.push("..");
      } else out.push(seg);
    }
    return out.join("\\");
  }

  // skip returns the first index from i at which p's character is (sep
  // true) or is not (sep false) a separator, or p.length.
  function skip(p, i, sep) {
    while (i < p.length && isSep(p[i]) !== sep) i++;
    return i;
  }

  // root splits p's root from its tail: its device ("C:",
  // "\\server\share", or "" without one), where the tail starts, and
  // whether p is absolute.
  function root(p) {
    if (p.length === 0) return { device: "", end: 0, absolute: false };
    if (isSep(p[0])) {
      if (p.length > 1 && isSep(p[1])) {
        const serverEnd = skip(p, 2, true);
        if (serverEnd < p.length && serverEnd !== 2) {
          const shareStart = skip(p, serverEnd, false);
          if (shareStart < p.length && shareStart !== serverEnd) {
            const shareEnd = skip(p, shareStart, true);
            if (shareEnd === p.length || shareEnd !== shareStart) {
              return { device: "\\\\" + p.slice(2, serverEnd) + "\\" + p.slice(shareStart, shareEnd), end: shareEnd, absolute: true };
            }
          }
        }
      }
      return { device: "", end: 1, absolute: true };
    }
    if (hasDrive(p)) {
      const absolute = p.length > 2 && isSep(p[2]);
      return { device: p.slice(0, 2), end: absolute ? 3 : 2, absolute };
    }
    return { device: "", end: 0, absolute: false };
  }

  // baseBounds returns where p's last segment starts and ends, searching
  // no further left than from.
  function baseBounds(p, from) {
    let end = p.length;
    while (end > from && isSep(p[end - 1])) end--;
    let start = end;
    while (start > from && !isSep(p[start - 1])) start--;
    return [start, end];
  }

  // extStart returns where the extension of base starts, or -1 if it has
  // none: a last "." that is neither its first character nor the only
  // non-dot character's follower ("..").
  function extStart(base) {
    const i = base.lastIndexOf(".");
    if (i <= 0 || base === "..") return -1;
    return i;
  }

  const win32 = {
    resolve(...args) {
      let device = "", tail = "", absolute = false;
      for (let i = args.length - 1; i >= -1; i--) {
        let p;
        if (i >= 0) {
          p = args[i];
          check(p, "paths[" + i + "]");
          if (p.length === 0) continue;
        } else if (device.length === 0) {
          p = "/";
        } else {
          p = device + "\\";
        }
        const r = root(p);
        if (r.device.length > 0) {
          if (device.length > 0) {
            if (r.device.toLowerCase() !== device.toLowerCase()) continue;
          } else device = r.device;
        }
        if (absolute) {
          if (device.length > 0) break;
        } else {
          tail = p.slice(r.end) + "\\" + tail;
          absolute = r.absolute;
          if (absolute && device.length > 0) break;
        }
      }
      tail = normalizeTail(tail, !absolute);
      return absolute ? device + "\\" + tail : (device + tail) || ".";
    },
    normalize(p) {
      check(p, "path");
      if (p.length === 0) return ".";
      if (p.length === 1) return isSep(p) ? "\\" : p;
      const r = root(p);
      let tail = r.end < p.length ? normalizeTail(p.slice(r.end), !r.absolute) : "";
      if (tail.length === 0 && !r.absolute) tail = ".";
      if (tail.length > 0 && isSep(p[p.length - 1])) tail += "\\";
      return r.absolute ? r.device + "\\" + tail : r.device + tail;
    },
    isAbsolute(p) {
      check(p, "path");
      return p.length > 0 && (isSep(p[0]) || (hasDrive(p) && p.length > 2 && isSep(p[2])));
    },
    join(...args) {
      args.forEach((p) => check(p, "path"));
      const parts = args.filter((p) => p.length > 0);
      if (parts.length === 0) return ".";
      let joined = parts.join("\\");
      // A first part that does not itself start a UNC root ("\\x") must
      // not make one out of the joined separators.
      const first = parts[0];
      let leading = 0;
      while (leading < Math.min(first.length, 2) && isSep(first[leading])) leading++;
      const isUNC = leading === 2 && first.length > 2 && !isSep(first[2]);
      if (!isUNC && leading > 0) {
        const n = skip(joined, 0, false);
        if (n >= 2) joined = "\\" + joined.slice(n);
      }
      return win32.normalize(joined);
    },
    relative(from, to) {
      check(from, "from");
      check(to, "to");
      if (from === to) return "";
      const fromOrig = win32.resolve(from), toOrig = win32.resolve(to);
      if (fromOrig === toOrig) return "";
      const f = fromOrig.toLowerCase(), t = toOrig.toLowerCase();
      if (f === t) return "";
      const trim = (s) => { let a = 0, b = s.length; while (a < b && s[a] === "\\") a++; while (b - 1 > a && s[b - 1] === "\\") b--; return [a, b]; };
      const [fs, fe] = trim(f), [ts, te] = trim(t);
      const fl = fe - fs, tl = te - ts, len = Math.min(fl, tl);
      let lastSep = -1, i = 0;
      for (; i < len; i++) {
        if (f[fs + i] !== t[ts + i]) break;
        if (f[fs + i] === "\\") lastSep = i;
      }
      if (i !== len) {
        if (lastSep === -1) return toOrig;
      } else {
        if (tl > len) {
          if (t[ts + i] === "\\") return toOrig.slice(ts + i + 1);
          if (i === 2) return toOrig.slice(ts + i);
        }
        if (fl > len) {
          if (f[fs + i] === "\\") lastSep = i;
          else if (i === 2) lastSep = 3;
        }
        if (lastSep === -1) lastSep = 0;
      }
      let out = "";
      for (let j = fs + lastSep + 1; j <= fe; j++) {
        if (j === fe || f[j] === "\\") out += out.length === 0 ? ".." : "\\..";
      }
      let start = ts + lastSep;
      if (out.length > 0) return out + toOrig.slice(start, te);
      if (toOrig[start] === "\\") start++;
      return toOrig.slice(start, te);
    },
    toNamespacedPath(p) {
      if (typeof p !== "string" || p.length === 0) return p;
      const r = win32.resolve(p);
      if (r.length <= 2) return p;
      if (r[0] === "\\") {
        if (r[1] === "\\" && r[2] !== "?" && r[2] !== ".") return "\\\\?\\UNC\\" + r.slice(2);
      } else if (hasDrive(r) && r[2] === "\\") {
        return "\\\\?\\" + r;
      }
      return r;
    },
    dirname(p) {
      check(p, "path");
      if (p.length === 0) return ".";
      if (p.length === 1) return isSep(p) ? p : ".";
      const r = root(p);
      if (r.device.length > 2 && r.end === p.length) return p; // a bare UNC root
      const rootEnd = r.device.length > 2 ? r.end + 1 : r.end;
      let end = p.length;
      while (end > rootEnd && isSep(p[end - 1])) end--;
      while (end > rootEnd && !isSep(p[end - 1])) end--;
      end--;
      if (end < rootEnd) return rootEnd === 0 ? "." : p.slice(0, rootEnd);
      return p.slice(0, end);
    },
    basename(p, suffix) {
      check(p, "path");
      if (suffix !== undefined) check(suffix, "suffix");
      if (suffix !== undefined && suffix.length > 0 && suffix === p) return "";
      const [start, end] = baseBounds(p, hasDrive(p) ? 2 : 0);
      const base = p.slice(start, end);
      if (suffix !== undefined && suffix.length > 0 && suffix !== base && base.endsWith(suffix)) {
        return base.slice(0, base.length - suffix.length);
      }
      return base;
    },
    extname(p) {
      check(p, "path");
      const [start, end] = baseBounds(p, hasDrive(p) ? 2 : 0);
      const base = p.slice(start, end);
      const i = extStart(base);
      return i === -1 ? "" : base.slice(i);
    },
    format(o) {
      checkObject(o);
      const dir = o.dir || o.root;
      const base = o.base || `${o.name || ""}${o.ext ? (o.ext[0] === "." ? "" : ".") + o.ext : ""}`;
      if (!dir) return base;
      return dir === o.root ? dir + base : dir + "\\" + base;
    },
    parse(p) {
      check(p, "path");
      const ret = { root: "", dir: "", base: "", ext: "", name: "" };
      if (p.length === 0) return ret;
      const r = root(p);
      let rootEnd = r.device.length > 2 && r.end < p.length ? r.end + 1 : r.end;
      if (p.length === 1 && !isSep(p)) rootEnd = 0;
      ret.root = p.slice(0, rootEnd);
      const [start, end] = baseBounds(p, rootEnd);
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
    matchesGlob(p, pattern) { return matchesGlob(p, pattern, true); },
    sep: "\\",
    delimiter: ";",
  };
  return win32;
})
