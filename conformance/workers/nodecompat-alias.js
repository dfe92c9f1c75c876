// The remaining small node: modules and exports (bindings/node_path.go,
// bindings/node_alias.go): node:path's win32 form and matchesGlob,
// node:assert's Assert and partialDeepStrictEqual and node:assert/strict,
// node:sys, node:dgram and the _stream_* modules, one path per area, as
// "label: result" lines.
import path from "node:path";
import * as pathNS from "node:path";
import posixDefault from "node:path/posix";
import win32Default from "node:path/win32";
import * as win32NS from "node:path/win32";

function caught(fn) {
  try {
    return JSON.stringify(fn());
  } catch (e) {
    return "throws " + e.name + " " + e.code + " " + e.message;
  }
}

// pathInputs exercise roots (drives, UNC shares, device paths), both
// separators, "." and "..", and trailing separators.
const pathInputs = ["", ".", "..", "a", "\\", "/", "//", "\\\\", "C:", "C:\\", "c:/", "C:a\\b", "C:\\a\\b\\", "C:/a/../..", "\\a\\b",
  "/a/b/c.txt", "a/b/../c/./d", "..\\..\\a", "\\\\server\\share", "\\\\server\\share\\", "\\\\server\\share\\dir\\f.txt",
  "//server/share/x", "\\\\server", "\\\\?\\C:\\x", "\\\\.\\COM1", "a:b", "file.tar.gz", ".bashrc", "a.", "..a", "C:.x", "a\\b\\",
  "a//b\\\\c", "C:\\a\\.", "\\\\s\\sh\\..\\.."];

function pathForm(log, p, name) {
  for (const x of pathInputs) {
    log(name + " " + JSON.stringify(x), ["normalize", "isAbsolute", "dirname", "basename", "extname", "toNamespacedPath"].map((f) => caught(() => p[f](x))).join(" "));
    log("  parse", caught(() => p.parse(x)), "resolve", caught(() => p.resolve(x)), "resolve2", caught(() => p.resolve("C:\\base", x)));
  }
  const pairs = [["C:\\a\\b", "C:\\a\\c\\d"], ["C:\\a", "D:\\b"], ["c:\\A\\b", "C:\\a\\B\\c"], ["\\\\s\\sh\\a", "\\\\s\\sh\\b"], ["/a/b", "/a"], ["a", "b"], ["C:\\", "C:\\x"], ["C:\\x", "C:\\"], ["\\\\s\\sh", "\\\\s\\sh\\x"], ["C:\\foo\\bar", "C:\\foo\\bar"]];
  for (const [a, b] of pairs) log(name + " relative " + JSON.stringify([a, b]), caught(() => p.relative(a, b)));
  const joins = [["a", "b"], ["\\\\", "server", "share"], ["//", "a"], ["/", "/a"], ["\\\\a", "b"], ["", ""], ["C:", "a"], ["C:\\", "..", "b"], ["a", "C:\\b"], ["\\\\\\a", "b"]];
  for (const j of joins) log(name + " join " + JSON.stringify(j), caught(() => p.join(...j)));
  for (const r of [["a", "b"], ["C:\\a", "b", "..\\c"], ["C:\\a", "D:b"], ["\\\\s\\sh\\a", "..\\..\\b"], ["D:", "x"], ["/a", "C:b"]]) log(name + " resolve " + JSON.stringify(r), caught(() => p.resolve(...r)));
  for (const b of [["a.js", ".js"], ["C:\\x\\a.js", ".js"], ["a.js", "a.js"], ["C:a.js", ".js"], ["dir\\a.js\\", ".js"], ["x.js", "s"], ["/a/b.js", "b.js"]]) log(name + " basename " + JSON.stringify(b), caught(() => p.basename(...b)));
  log(name + " format", caught(() => p.format({ root: "C:\\", name: "n", ext: "e" })), caught(() => p.format({ dir: "C:\\a", base: "b" })), caught(() => p.format(null)), caught(() => p.format("x")));
  log(name + " bad", caught(() => p.normalize(1)), caught(() => p.resolve("a", null)), caught(() => p.relative(1, "a")), caught(() => p.basename("a", 1)), caught(() => p.join("a", {})));
}

const globs = [["/a/b/c.js", "/a/**/*.js"], ["/a/c.js", "/a/**/*.js"], ["a/.b/c.js", "a/**/*.js"], ["a/.b.js", "a/*.js"], ["a/.b.js", "a/.*.js"],
  ["a/b.js", "a/*.JS"], ["a/b.js", "a/?.js"], ["a/bb.js", "a/?.js"], ["a/b.js", "a/[abc].js"], ["a/d.js", "a/[!abc].js"], ["a/d.js", "a/[^abc].js"],
  ["a/b.js", "a/{b,c}.js"], ["a/b", "a/b/"], ["a/b/", "a/b"], ["a\\*b", "a\\*b"], ["a*b", "a\\*b"], ["a/b", "a/**"], ["a", "a/**"], ["a/b/c", "**"],
  [".a", "*"], ["a/b", "!a/b"], ["!a", "!a"], ["#a", "#a"], ["a/b/c", "a/*/c"], ["a/b/c", "a/*"], ["a/b", "*/b"], ["/a", "*"], ["a.js", "*.{js,ts}"],
  ["abc", "a{b,x}c"], ["a1", "a[0-9]"], ["a3", "a{1..3}"], ["a/b/c/d", "a/**/d"], ["a/d", "a/**/d"], ["ab", "a+(b)"], ["abbb", "a+(b)"],
  ["a", "@(a|b)"], ["c", "!(a|b)"], ["a", "!(a|b)"], ["a", "a*(x)"], ["ax", "a?(x)"], ["", ""], ["a", ""], ["a/", "a/*"],
  ["C:\\a\\b.js", "C:/a/*.js"], ["C:\\a\\b.js", "c:\\a\\*.js"], ["a\\b", "a/b"], ["a/b", "a\\b"], ["A/b", "a/b"], ["a.b", "a.b"], ["a+b", "a+b"], ["a(b)", "a(b)"]];

const routes = {
  "/path_shape": (log) => {
    log("path keys", Object.keys(path).join(","));
    log("path named", Object.keys(pathNS).sort().join(","));
    log("win32 keys", Object.keys(win32Default).join(","));
    log("win32 named", Object.keys(win32NS).sort().join(","));
    log("links", path.win32 === win32Default, path.posix === path, posixDefault === path, win32Default.posix === path, win32Default.win32 === win32Default, win32NS.default === win32Default);
    log("win32 sep", win32Default.sep, win32Default.delimiter, path.matchesGlob.name, path.matchesGlob.length, win32Default.matchesGlob.length);
  },
  "/win32": (log) => pathForm(log, path.win32, "win32"),
  "/posix": (log) => pathForm(log, path.posix, "posix"),
  "/glob": (log) => {
    for (const [p, pat] of globs) log(JSON.stringify(p) + " " + JSON.stringify(pat), caught(() => path.matchesGlob(p, pat)), caught(() => path.win32.matchesGlob(p, pat)));
    log("bad", caught(() => path.matchesGlob("x", 1)), caught(() => path.matchesGlob(1, "x")), caught(() => path.win32.matchesGlob(null, "x")));
  },
};

export default {
  async fetch(request) {
    const route = routes[new URL(request.url).pathname];
    if (!route) return new Response("no such route", { status: 404 });
    const lines = [];
    await route((...parts) => lines.push(parts.join(": ")));
    return new Response(lines.join("\n") + "\n");
  },
};
