// Conformance worker: Intl.v8BreakIterator (V8's non-standard break
// iterator) of each type over sample texts, with its shape and errors. A
// line per probe.

const B = Intl.v8BreakIterator;
const TEXTS = ["Hello, world! It's 3.5 o'clock.  x\ny", "Hi. Bye.", "Hi.\nBye", "Hi. Bye\n", "Hi there", "", "a\r\nb", "x\u2029y",
  "12 apples, 3.5 ok", "カタカナ ひらがな", "😀 e\u0301 x", "Mr. Smith went (to) Washington. He said \"hi!\" Then left?", "Grüße aus Köln — 10,5 km/h!",
  "Привет, мир. Как дела?", "مرحبا بالعالم. كيف حالك؟", "line-breaking: hyphen-ated, slash/ed and (paren) words"];
const probes = [];
for (const type of ["word", "character", "sentence", "line"]) {
  probes.push([type, () => TEXTS.map((t) => {
    const it = new B("en", { type });
    it.adoptText(t);
    const r = [it.current(), it.first(), it.breakType()];
    let p;
    while ((p = it.next()) !== -1) {
      r.push(`${p}:${it.breakType()}`);
    }
    r.push(it.current(), it.next(), it.breakType(), it.first(), it.current(), it.breakType());
    return r.join(" ");
  })]);
}
probes.push(["shape", () => {
  const r = [typeof B, B.length, B.name, Object.getOwnPropertyNames(B), Object.getOwnPropertyNames(B.prototype), Object.getOwnPropertyDescriptor(B.prototype, Symbol.toStringTag),
    Object.getOwnPropertyDescriptor(Intl, "v8BreakIterator"), Object.getOwnPropertyDescriptor(B, "prototype").writable, B.supportedLocalesOf.length];
  for (const k of Object.getOwnPropertyNames(B.prototype)) {
    const d = Object.getOwnPropertyDescriptor(B.prototype, k);
    const f = d.value || d.get;
    r.push([k, d.writable, d.enumerable, d.configurable, typeof d.get, f.length, f.name]);
  }
  const it = new B("de");
  r.push(it.current(), it.first(), it.next(), it.breakType(), it.adoptText === it.adoptText, it.adoptText.length, it.adoptText.name, it.next.length,
    Object.getPrototypeOf(it.adoptText) === Function.prototype, B("en") instanceof B, Object.keys(it));
  const f = it.next;
  it.adoptText("a b");
  r.push(f(), f(), f());
  return r;
}]);
probes.push(["locales", () => [new B().resolvedOptions(), new B(["ja"]).resolvedOptions(), new B("en-u-nu-arab").resolvedOptions(), new B("de-DE", { type: "line" }).resolvedOptions(),
  new B("xx").resolvedOptions(), B.supportedLocalesOf(["en", "xx", "de-DE"]), B.supportedLocalesOf("fr")]]);
probes.push(["errors", () => {
  const r = [];
  for (const f of [() => new B("en", { type: "x" }), () => B.prototype.first, () => Object.getOwnPropertyDescriptor(B.prototype, "adoptText").get.call({}),
    () => B.prototype.resolvedOptions.call({}), () => new B("en_US"), () => new B("en", null), () => new B("en", { localeMatcher: "x" }),
    () => B.supportedLocalesOf("en", { localeMatcher: "x" }), () => { const i = new B(); i.adoptText(); return [i.first(), i.next(), i.next()]; },
    () => { const i = new B(); i.adoptText(12345); return [i.next(), i.next(), i.breakType()]; }]) {
    try {
      r.push(f());
    } catch (e) {
      r.push(e.name + ": " + e.message);
    }
  }
  return r;
}]);

export default {
  async fetch() {
    const out = [];
    for (const [label, fn] of probes) {
      try {
        out.push(`${label}: ${JSON.stringify(fn())}`);
      } catch (e) {
        out.push(`${label}: throws ${e.name}: ${e.message}`);
      }
    }
    return new Response(out.join("\n"));
  },
};
