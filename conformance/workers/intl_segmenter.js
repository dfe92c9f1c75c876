// Conformance worker: Intl.Segmenter's grapheme, word and sentence
// segments, containing(), iteration, shape and errors. A line per probe.
// (Chinese and Japanese words are left out: ICU splits them with a
// dictionary workerhost does not have.)

const probes = [];
const texts = ["Hello, world! How are you?", "e\u0301👨‍👩‍👧🇫🇷ok", "Mr. Smith went home. Then he slept!  Yes?", "don't stop 3.14 can't-be", "日本語のテキストです。", "naïve café, 123 abc_def"];
for (const g of ["grapheme", "word", "sentence"]) for (const t of texts) if (!(g === "word" && t.startsWith("日"))) probes.push([`${g} ${t}`, () => [...new Intl.Segmenter("en", { granularity: g }).segment(t)]]);
probes.push(["containing", () => { const s = new Intl.Segmenter("en", {granularity: "word"}).segment("Hello world"); return [s.containing(0), s.containing(5), s.containing(7), s.containing(11), s.containing(-1), s.containing("3")]; }]);
probes.push(["shape", () => [Object.getOwnPropertyNames(Intl.Segmenter.prototype), Intl.Segmenter.length, new Intl.Segmenter().resolvedOptions(), new Intl.Segmenter("de-DE", {granularity: "word"}).resolvedOptions(), Object.prototype.toString.call(new Intl.Segmenter()), Object.prototype.toString.call(new Intl.Segmenter().segment("a")), Object.getOwnPropertyNames(Object.getPrototypeOf(new Intl.Segmenter().segment("a"))), Object.prototype.toString.call(new Intl.Segmenter().segment("a")[Symbol.iterator]()), typeof new Intl.Segmenter().segment("a")[Symbol.iterator]().next]]);
probes.push(["errors", () => { const r = []; for (const f of [() => new Intl.Segmenter("en", {granularity: "x"}), () => Intl.Segmenter(), () => Intl.Segmenter.prototype.segment.call({}, "a"), () => new Intl.Segmenter("en", null), () => new Intl.Segmenter().segment(), () => new Intl.Segmenter().segment(Symbol())]) { try { r.push(JSON.stringify(f())); } catch (e) { r.push(e.name + ": " + e.message); } } return r; }]);

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
