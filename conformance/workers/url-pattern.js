// Conformance worker: URLPattern, on web-platform-tests' urlpatterntestdata
// (testdata/wpt) case by case, and its interface (names, tags, errors).
import data from "../testdata/wpt/urlpatterntestdata.json";

const components = ["protocol", "username", "password", "hostname", "port", "pathname", "search", "hash"];

function failure(e) {
  return `${e.constructor.name}: ${e.message}`;
}

function attempt(fn) {
  try {
    return fn();
  } catch (e) {
    return failure(e);
  }
}

function wpt() {
  const lines = [];
  for (const c of data) {
    let pattern;
    let made;
    try {
      pattern = new URLPattern(...c.pattern);
      made = {};
      for (const k of components) made[k] = pattern[k];
      made.hasRegExpGroups = pattern.hasRegExpGroups;
    } catch (e) {
      made = failure(e);
    }
    let test = null;
    let exec = null;
    if (pattern && c.inputs) {
      test = attempt(() => pattern.test(...c.inputs));
      exec = attempt(() => pattern.exec(...c.inputs));
    }
    lines.push(`${JSON.stringify(c.pattern)} ${JSON.stringify(c.inputs ?? null)} -> ${JSON.stringify(made)} test=${JSON.stringify(test)} exec=${JSON.stringify(exec)}`);
  }
  return lines;
}

function labelled(label, fn) {
  return `${label}: ${JSON.stringify(attempt(fn))}`;
}

const names = (o) => Object.getOwnPropertyNames(o).sort();
const tag = (v) => Object.prototype.toString.call(v);

function api() {
  return [
    labelled("name/length", () => [URLPattern.name, URLPattern.length]),
    labelled("statics", () => names(URLPattern)),
    labelled("prototype", () => names(URLPattern.prototype)),
    labelled("descriptors", () => names(URLPattern.prototype).map((k) => { const d = Object.getOwnPropertyDescriptor(URLPattern.prototype, k); return [k, typeof d.get, typeof d.set, typeof d.value, d.enumerable]; })),
    labelled("method lengths", () => [URLPattern.prototype.test.length, URLPattern.prototype.exec.length]),
    labelled("toStringTag", () => [tag(new URLPattern()), tag(URLPattern.prototype)]),
    labelled("URLPattern()", () => URLPattern()),
    labelled("new URLPattern()", () => { const p = new URLPattern(); return [p.pathname, p.protocol, p.test("https://a/b"), p.test()]; }),
    labelled("new URLPattern(1)", () => new URLPattern(1).pathname),
    labelled("new URLPattern(null)", () => new URLPattern(null).pathname),
    labelled("relative without base", () => new URLPattern("/foo")),
    labelled("bad base", () => new URLPattern("/foo", "nope")),
    labelled("bad regexp", () => new URLPattern({ pathname: "/(\\m)" })),
    labelled("bad group name", () => new URLPattern({ pathname: "/:1" })),
    labelled("duplicate name", () => new URLPattern({ pathname: "/:a/:a" })),
    labelled("init with base and baseURL", () => new URLPattern({ pathname: "/a" }, "https://x/")),
    labelled("ignoreCase", () => [new URLPattern({ pathname: "/FOO" }, { ignoreCase: true }).test({ pathname: "/foo" }), new URLPattern("https://a/FOO", { ignoreCase: true }).test("https://a/foo")]),
    labelled("options null", () => new URLPattern("https://a/", "https://b/", null).hostname),
    labelled("options bad", () => new URLPattern("https://a/", 5).hostname),
    labelled("test bad base", () => new URLPattern("https://a/*").test("/x", "nope")),
    labelled("exec bad input", () => new URLPattern("https://a/*").exec("x")),
    labelled("exec base with dict", () => new URLPattern("https://a/*").exec({ pathname: "/x" }, "https://a/")),
    labelled("test base with dict", () => new URLPattern("https://a/*").test({ pathname: "/x" }, "https://a/")),
    labelled("exec result", () => { const r = new URLPattern({ hostname: ":sub.a.com", pathname: "/:id(\\d+)/*" }).exec("https://x.a.com/12/rest/of?q=1#frag"); return [Object.keys(r), r]; }),
    labelled("optional group", () => new URLPattern({ pathname: "/a/:b?" }).exec({ pathname: "/a" }).pathname.groups),
    labelled("test getter on {}", () => Object.getOwnPropertyDescriptor(URLPattern.prototype, "pathname").get.call({})),
    labelled("test on {}", () => URLPattern.prototype.test.call({}, "https://a/")),
    labelled("hasRegExpGroups", () => [new URLPattern({ pathname: "/(\\d+)" }).hasRegExpGroups, new URLPattern({ pathname: "/:a" }).hasRegExpGroups]),
    labelled("compareComponent", () => typeof URLPattern.compareComponent),
    labelled("instanceof", () => new URLPattern() instanceof URLPattern),
    labelled("string with hash chars", () => { const p = new URLPattern("https://example.com/foo?bar#baz"); return [p.pathname, p.search, p.hash]; }),
    labelled("regexp modifiers", () => new URLPattern({ pathname: "/(?i:a)" }).pathname),
    labelled("exec()", () => new URLPattern({ pathname: "/*" }).exec()),
    labelled("exec(undefined, 'https://a/')", () => new URLPattern({ pathname: "/*" }).exec(undefined, "https://a/")),
    labelled("exec(URL)", () => new URLPattern({ pathname: "/:x" }).exec(new URL("https://a/b"))),
    labelled("test(URL)", () => new URLPattern({ pathname: "/:x" }).test(new URL("https://a/b"))),
    labelled("3 args, undefined base", () => new URLPattern("/a", undefined, { ignoreCase: true }).pathname),
    labelled("3 args, undefined options", () => new URLPattern("/a", "https://b/", undefined).hostname),
    labelled("symbol component", () => new URLPattern({ pathname: Symbol("s") })),
    labelled("symbol input", () => new URLPattern(Symbol("s"))),
    labelled("throwing getter", () => new URLPattern({ get pathname() { throw new RangeError("boom"); } })),
    labelled("ignoreCase getter", () => new URLPattern("https://a/X", { get ignoreCase() { return 1; } }).test("https://a/x")),
    labelled("string with base object", () => new URLPattern("/a", { toString() { return "https://b/"; } }).hostname),
    labelled("port default", () => [new URLPattern("https://a:443/").port, new URLPattern({ protocol: "http", port: "80" }).port, new URLPattern({ port: "0080" }).port]),
    labelled("hostname canon", () => [new URLPattern({ hostname: "EXAMPLE.com" }).hostname, new URLPattern({ hostname: "ÉX" }).hostname]),
    labelled("exec groups undefined", () => { const r = new URLPattern({ pathname: "/a/:b?" }).exec({ pathname: "/a" }); return ["b" in r.pathname.groups, r.pathname.groups.b === undefined]; }),
    labelled("v flag classes", () => [["/([^[a-c]--b])", "/b"], ["/([^[a-c]--b])", "/d"], ["/([[a-c][x-z]])", "/y"], ["/([\\w--[a-y]])", "/z"], ["/([\\w&&[a-c]&&[b-d]])", "/b"], ["/([a(])", "/a"], ["/([a&&&b])", "/a"]].map(([p, i]) => attempt(() => new URLPattern({ pathname: p }).test({ pathname: i })))),
    labelled("regexp v flag set", () => new URLPattern({ pathname: "/([[a-z]--a])" }).test({ pathname: "/b" })),
  ];
}

export default {
  fetch(request) {
    const { pathname } = new URL(request.url);
    const lines = pathname === "/api" ? api() : wpt();
    return new Response(lines.join("\n") + "\n");
  },
};
