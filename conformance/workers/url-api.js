// Conformance worker: the URL and URLSearchParams interfaces beyond the WPT
// data — names, lengths, tags, errors, statics and the live link between a
// URL and its searchParams.
function attempt(label, fn) {
  try {
    return `${label}: ${JSON.stringify(fn())}`;
  } catch (e) {
    return `${label}: ${e.constructor.name}: ${e.message}`;
  }
}

const tag = (v) => Object.prototype.toString.call(v);
const names = (o) => Object.getOwnPropertyNames(o).sort();
const descriptor = (o, k) => {
  const d = Object.getOwnPropertyDescriptor(o, k);
  if (!d) return d;
  return { get: typeof d.get, set: typeof d.set, value: typeof d.value, writable: d.writable, enumerable: d.enumerable, configurable: d.configurable };
};

function shapes() {
  return [
    attempt("URL.name/length", () => [URL.name, URL.length]),
    attempt("URLSearchParams.name/length", () => [URLSearchParams.name, URLSearchParams.length]),
    attempt("URL statics", () => names(URL)),
    attempt("URL.prototype", () => names(URL.prototype)),
    attempt("URLSearchParams.prototype", () => names(URLSearchParams.prototype)),
    attempt("href descriptor", () => descriptor(URL.prototype, "href")),
    attempt("origin descriptor", () => descriptor(URL.prototype, "origin")),
    attempt("searchParams descriptor", () => descriptor(URL.prototype, "searchParams")),
    attempt("size descriptor", () => descriptor(URLSearchParams.prototype, "size")),
    attempt("toString descriptor", () => descriptor(URL.prototype, "toString")),
    attempt("canParse descriptor", () => descriptor(URL, "canParse")),
    attempt("method lengths", () => ["canParse", "parse", "createObjectURL", "revokeObjectURL"].map((k) => [k, typeof URL[k], URL[k] && URL[k].length])),
    attempt("params method lengths", () => names(URLSearchParams.prototype).map((k) => { const d = Object.getOwnPropertyDescriptor(URLSearchParams.prototype, k); return [k, typeof d.value === "function" ? d.value.length : typeof d.get]; })),
    attempt("toStringTag", () => [tag(new URL("http://a/")), tag(URL.prototype), tag(new URLSearchParams()), tag(new URLSearchParams().entries()), tag(new URLSearchParams()[Symbol.iterator]())]),
    attempt("iterator proto", () => names(Object.getPrototypeOf(new URLSearchParams().keys()))),
    attempt("String(url)", () => String(new URL("http://a/b?c#d"))),
    attempt("JSON.stringify(url)", () => JSON.stringify({ u: new URL("http://a/b") })),
    attempt("instanceof", () => new URL("http://a/") instanceof URL),
  ];
}

function errors() {
  return [
    attempt("new URL()", () => new URL()),
    attempt("URL('http://a/')", () => URL("http://a/")),
    attempt("URLSearchParams()", () => URLSearchParams()),
    attempt("new URL('x')", () => new URL("x")),
    attempt("new URL('x', 'y')", () => new URL("x", "y")),
    attempt("new URL('/x', 'http://a/')", () => new URL("/x", "http://a/").href),
    attempt("new URL('http://a/', undefined)", () => new URL("http://a/", undefined).href),
    attempt("new URL('x', null)", () => new URL("x", null).href),
    attempt("new URL('x', new URL('http://b/'))", () => new URL("x", new URL("http://b/")).href),
    attempt("new URL({toString(){}})", () => new URL({ toString() { return "http://obj/"; } }).href),
    attempt("URL.canParse()", () => URL.canParse()),
    attempt("URL.canParse('x')", () => URL.canParse("x")),
    attempt("URL.canParse('x', 'http://a')", () => URL.canParse("x", "http://a")),
    attempt("URL.parse()", () => URL.parse()),
    attempt("URL.parse('x')", () => URL.parse("x")),
    attempt("URL.parse('x', 'http://a') instanceof URL", () => URL.parse("x", "http://a") instanceof URL),
    attempt("set href invalid", () => { const u = new URL("http://a/"); u.href = "x"; return u.href; }),
    attempt("set origin", () => { const u = new URL("http://a/"); u.origin = "http://b"; return u.href; }),
    attempt("href getter on {}", () => Object.getOwnPropertyDescriptor(URL.prototype, "href").get.call({})),
    attempt("toString on {}", () => URL.prototype.toString.call({})),
    attempt("URL.createObjectURL(blob)", () => URL.createObjectURL(new Blob(["x"]))),
    attempt("URL.revokeObjectURL('x')", () => URL.revokeObjectURL("x")),
    attempt("get on {}", () => URLSearchParams.prototype.get.call({}, "a")),
    attempt("sp.get()", () => new URLSearchParams().get()),
    attempt("sp.append('a')", () => new URLSearchParams().append("a")),
    attempt("new URLSearchParams([['a']])", () => new URLSearchParams([["a"]])),
    attempt("new URLSearchParams([1])", () => new URLSearchParams([1])),
    attempt("new URLSearchParams(5)", () => new URLSearchParams(5).toString()),
    attempt("new URLSearchParams(null)", () => new URLSearchParams(null).toString()),
    attempt("forEach(1)", () => new URLSearchParams("a=1").forEach(1)),
    attempt("new URL(undefined)", () => new URL(undefined).href),
    attempt("new URL(null)", () => new URL(null).href),
    attempt("new URL('http://a/', 'x')", () => new URL("http://a/", "x").href),
    attempt("symbol input", () => new URL(Symbol("s"))),
    attempt("record with symbol key", () => new URLSearchParams({ [Symbol("s")]: 1, a: 2 }).toString()),
    attempt("sequence of strings", () => new URLSearchParams(["ab", "cd"]).toString()),
    attempt("subclass", () => { class X extends URL {} const x = new X("http://a/b"); return [x instanceof X, x.href, X.parse("http://c/") instanceof X, String(x)]; }),
    attempt("params subclass", () => { class P extends URLSearchParams {} const p = new P("a=1"); return [p instanceof P, p.get("a")]; }),
    attempt("set with duplicates", () => { const p = new URLSearchParams("a=1&b=2&a=3&c=4&a=5"); p.set("a", "x"); return p.toString(); }),
    attempt("url searchParams set", () => { const u = new URL("http://h/?a=1&a=2"); u.searchParams.set("a", "z"); return u.href; }),
    attempt("forEach mutation", () => { const p = new URLSearchParams("a=1&b=2&c=3"); const seen = []; p.forEach((v, k) => { seen.push(k); if (k === "a") p.delete("b"); }); return seen; }),
    attempt("invalid utf-8", () => [...new URLSearchParams("a=%FF%FE&b=%E2%82x&c=%F0%9F%98&d=%ED%A0%80&e=%C0%AF&f=%F4%90%80%80")].map(([k, v]) => [k, [...v].map((c) => c.codePointAt(0).toString(16))])),
    attempt("own keys", () => [Object.keys(new URL("http://a/")), JSON.stringify(new URLSearchParams("a=1"))]),
    attempt("for-in", () => { const k = []; for (const x in new URL("http://a/")) k.push(x); return k.sort(); }),
    attempt("toString on prototype", () => URL.prototype.toString.call(URL.prototype)),
    attempt("hash '#'", () => { const u = new URL("http://a/"); u.hash = "#"; return [u.href, u.hash]; }),
    attempt("searchParams size live", () => { const u = new URL("http://a/?x=1"); const s = u.searchParams; u.search = "a&b&c"; return s.size; }),
    attempt("append '=' name", () => { const p = new URLSearchParams(); p.append("a=b", "c&d"); return [p.toString(), [...new URLSearchParams(p.toString())]]; }),
    attempt("has(name, undefined)", () => new URLSearchParams("a=1").has("a", undefined)),
    attempt("delete(name, undefined)", () => { const p = new URLSearchParams("a=1&a=2"); p.delete("a", undefined); return p.toString(); }),
    attempt("port out of range", () => { const u = new URL("http://a:1/"); u.port = "99999"; return u.href; }),
    attempt("protocol to special", () => { const u = new URL("foo://a/"); u.protocol = "http"; return u.href; }),
    attempt("request url", () => new Request("http://EXAMPLE.com:80/a/../b?c d#e").url),
    attempt("request bad url", () => new Request("x").url),
    attempt("redirect bad url", () => Response.redirect("x")),
    attempt("redirect url", () => Response.redirect("http://a/\\b c").headers.get("location")),
  ];
}

function behaviour() {
  const u = new URL("https://h/p?a=1&b=2#f");
  const sp = u.searchParams;
  const out = [
    attempt("userinfo", () => new URL("https://test@test/").href),
    attempt("origin port", () => new URL("http://foo:21").origin),
    attempt("blob origin", () => [new URL("blob:https://a.com:8/x").origin, new URL("blob:ftp://a/x").origin, new URL("blob:x").origin]),
    attempt("spaces tabs backslashes", () => new URL(" \thttp:\\\\ex ample.com\\a\\b c\n").href),
    attempt("same searchParams", () => u.searchParams === sp),
    attempt("sp.get", () => [sp.get("a"), sp.get("zz")]),
  ];
  sp.append("c", "x y");
  out.push(attempt("after append", () => u.href));
  u.search = "?q=%20+z&q=2";
  out.push(attempt("after set search", () => [sp.getAll("q"), sp.size]));
  u.href = "http://other/?n=1";
  out.push(attempt("after set href", () => [...sp]));
  sp.delete("n");
  out.push(attempt("after delete all", () => [u.href, u.search]));
  u.search = "?";
  out.push(attempt("search '?'", () => [u.href, u.search, sp.size]));
  const op = new URL("foo:opaque   ?x#y");
  op.hash = "";
  op.search = "";
  out.push(attempt("opaque strip", () => op.href));
  const p = new URLSearchParams("?b=2&a=1&a=0&c=%zz&d=%C3%A9+x&&=e&f");
  out.push(
    attempt("parsed", () => [...p]),
    attempt("toString", () => p.toString()),
    attempt("has", () => [p.has("a"), p.has("a", "0"), p.has("a", "9"), p.has("q")]),
  );
  p.delete("a", "1");
  out.push(attempt("delete(name, value)", () => p.toString()));
  p.set("b", "s");
  p.set("new", "n");
  out.push(attempt("set", () => p.toString()));
  p.sort();
  out.push(attempt("sort", () => p.toString()));
  const fe = [];
  p.forEach(function (v, k, o) { fe.push([k, v, o === p, this === undefined ? "u" : typeof this]); });
  out.push(attempt("forEach", () => fe));
  out.push(
    attempt("keys/values/entries", () => [[...p.keys()], [...p.values()], [...p.entries()]]),
    attempt("from record", () => new URLSearchParams({ a: 1, "b c": "d&e", é: "😀" }).toString()),
    attempt("from sequence", () => new URLSearchParams([["x", "1"], new Set(["y", "2"])]).toString()),
    attempt("from params", () => new URLSearchParams(new URLSearchParams("k=v")).toString()),
    attempt("serialize", () => new URLSearchParams([["a*-._ ~!'()", "\u0000/?&=+%é"]]).toString()),
    attempt("sort stability", () => { const s = new URLSearchParams("z=1&é=2&a=3&z=0&\uD83D\uDE00=4&\uFFFD=5"); s.sort(); return s.toString(); }),
    attempt("lone surrogate", () => new URLSearchParams([["\uD800", "\uDC00"]]).toString()),
    attempt("iterator live", () => { const s = new URLSearchParams("a=1&b=2"); const it = s.keys(); const first = it.next().value; s.delete("b"); s.append("c", "3"); return [first, it.next(), it.next()]; }),
    attempt("ascii xn-- hosts", () => ["http://xn--a/", "http://XN--ZCA.com/", "http://xn--ls8h/", "http://a.xn--/", "http://xn--zca.xn--n3h/", "http://xn0-0-a.xn--/", "foo://xn--a/", "http://xn%2D-a/", "http://é.xn--a/", "http://xn--55555577/"].map((s) => URL.canParse(s) ? new URL(s).host : "invalid")),
    attempt("iterator tags", () => { const s = new URLSearchParams("a=1"); return [tag(s.keys()), tag(s.values()), s[Symbol.iterator] === s.entries, typeof Object.getPrototypeOf(s.keys())[Symbol.iterator]]; }),
    attempt("url lone surrogate", () => new URL("http://a/\uD800?\uDC00#\uD800").href),
  );
  return out;
}

export default {
  fetch(request) {
    const { pathname } = new URL(request.url);
    const lines = pathname === "/shapes" ? shapes() : pathname === "/errors" ? errors() : behaviour();
    return new Response(lines.join("\n") + "\n");
  },
};
