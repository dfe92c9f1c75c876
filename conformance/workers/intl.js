// Conformance worker: the Intl members workerhost has (getCanonicalLocales,
// Collator with String.prototype.localeCompare, PluralRules), in English and
// a handful of other locales. A line per probe.

function line(out, label, fn) {
  try {
    out.push(`${label}: ${JSON.stringify(fn())}`);
  } catch (e) {
    out.push(`${label}: throws ${e.name}: ${e.message}`);
  }
}

const words = ["a", "A", "á", "b", "B", "ä", "z", "Z", "10", "9", "2", "item10", "item9", "Item2", "é", "e", "E", "ß", "ss", "résumé", "resume", "Resume", "ø", "o", "-a", "a-b", "ab", " a", "_a", "ǆ", "dz"];

function collator(out) {
  for (const loc of ["en-US", "en-GB", "de-DE", "sv-SE", "fr-FR", "ja-JP"]) {
    line(out, `sort ${loc}`, () => [...words].sort(new Intl.Collator(loc).compare).join(" "));
  }
  for (const sensitivity of ["base", "accent", "case", "variant"]) {
    line(out, `sensitivity ${sensitivity}`, () => {
      const c = new Intl.Collator("en", { sensitivity });
      return [c.compare("a", "A"), c.compare("a", "á"), c.compare("a", "b"), c.compare("A", "á"), c.compare("e", "é"), c.compare("ss", "ß")];
    });
  }
  line(out, "numeric", () => ["item10", "item9", "item2", "10", "9", "a1b", "a01b"].sort(new Intl.Collator("en", { numeric: true }).compare));
  line(out, "kn in the tag", () => new Intl.Collator("en-u-kn-true").resolvedOptions());
  line(out, "ignorePunctuation", () => new Intl.Collator("en", { ignorePunctuation: true }).compare("a-b", "ab"));
  line(out, "resolvedOptions en-US", () => new Intl.Collator("en-US").resolvedOptions());
  line(out, "resolvedOptions de", () => new Intl.Collator("de", { numeric: true, sensitivity: "base" }).resolvedOptions());
  line(out, "usage search", () => new Intl.Collator("en", { usage: "search" }).resolvedOptions());
  for (const loc of ["en-US", "en-GB", "de-DE", "fr-FR", "ja-JP", "ar-EG", "de-CH", "pt-BR", "zh-Hant-TW", "sr-Latn"]) {
    line(out, `locale ${loc}`, () => new Intl.Collator(loc).resolvedOptions().locale);
  }
  line(out, "localeCompare", () => ["a".localeCompare("B"), "a".localeCompare("A"), "a".localeCompare("á", "en", { sensitivity: "base" }), "ä".localeCompare("z", "de"), "ä".localeCompare("z", "sv"), "10".localeCompare("9", undefined, { numeric: true })]);
  line(out, "compare", () => {
    const c = new Intl.Collator();
    const d = Object.getOwnPropertyDescriptor(Intl.Collator.prototype, "compare");
    return [c.compare === c.compare, c.compare.name, c.compare.length, ["b", "a"].sort(c.compare), typeof d.get, d.get.name, d.enumerable];
  });
  line(out, "Collator()", () => Intl.Collator() instanceof Intl.Collator);
  line(out, "shape", () => [Intl.Collator.length, Intl.Collator.name, Object.prototype.toString.call(new Intl.Collator()), Object.getOwnPropertyNames(Intl.Collator.prototype)]);
  line(out, "supportedLocalesOf", () => Intl.Collator.supportedLocalesOf(["en-US", "de", "xx-XX", "fr-CA"]));
  line(out, "bad locale", () => new Intl.Collator("en_US"));
  line(out, "bad option", () => new Intl.Collator("en", { sensitivity: "nope" }));
}

function plurals(out) {
  for (const loc of ["en-US", "en-GB", "de-DE", "fr-FR", "ja-JP", "ar", "ru", "pl", "cy"]) {
    line(out, `cardinal ${loc}`, () => {
      const p = new Intl.PluralRules(loc);
      return [0, 1, 2, 3, 5, 11, 21, 22, 101, 1.5, 0.5, 1000000].map((n) => p.select(n)).join(",");
    });
    line(out, `ordinal ${loc}`, () => {
      const p = new Intl.PluralRules(loc, { type: "ordinal" });
      return [0, 1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 102].map((n) => p.select(n)).join(",");
    });
  }
  for (const loc of ["en-US", "ar-EG", "ru", "cy", "pt-PT", "pt-BR", "fr", "zh-Hant-TW", "de-CH"]) {
    line(out, `categories ${loc}`, () => {
      const r = new Intl.PluralRules(loc).resolvedOptions();
      return [r.locale, r.pluralCategories.join(","), new Intl.PluralRules(loc, { type: "ordinal" }).resolvedOptions().pluralCategories.join(",")];
    });
  }
  line(out, "edge numbers", () => {
    const p = new Intl.PluralRules("en");
    return [p.select(-1), p.select(1.0001), p.select(1.0005), p.select(NaN), p.select(Infinity), p.select("1")];
  });
  line(out, "fraction digits", () => [new Intl.PluralRules("en", { minimumFractionDigits: 1 }).select(1), new Intl.PluralRules("en", { maximumFractionDigits: 0 }).select(1.4)]);
  line(out, "resolvedOptions", () => new Intl.PluralRules("en-US").resolvedOptions());
  line(out, "ordinal resolvedOptions", () => new Intl.PluralRules("fr", { type: "ordinal" }).resolvedOptions());
  line(out, "bad type", () => new Intl.PluralRules("en", { type: "x" }));
  line(out, "shape", () => [Intl.PluralRules.length, Intl.PluralRules.prototype.select.length, Object.prototype.toString.call(new Intl.PluralRules())]);
}

function locales(out) {
  line(out, "getCanonicalLocales", () => Intl.getCanonicalLocales(["EN-us", "de-de", "zh-hant-tw", "en-US"]));
  line(out, "getCanonicalLocales(string)", () => Intl.getCanonicalLocales("EN-gb"));
  line(out, "getCanonicalLocales()", () => Intl.getCanonicalLocales());
  line(out, "getCanonicalLocales bad", () => Intl.getCanonicalLocales("en_US"));
  line(out, "getCanonicalLocales extlang", () => Intl.getCanonicalLocales("zh-cmn"));
  line(out, "getCanonicalLocales(5)", () => Intl.getCanonicalLocales([5]));
  line(out, "Intl", () => [Object.prototype.toString.call(Intl), typeof Intl.getCanonicalLocales, Intl.getCanonicalLocales.length]);
}

export default {
  async fetch(request) {
    const out = [];
    switch (new URL(request.url).pathname) {
      case "/collator":
        collator(out);
        break;
      case "/plurals":
        plurals(out);
        break;
      case "/locales":
        locales(out);
        break;
      default:
        return new Response("not found", { status: 404 });
    }
    return new Response(out.join("\n"));
  },
};
