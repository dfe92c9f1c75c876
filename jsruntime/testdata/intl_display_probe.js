const out = [];
const t = (f) => { try { out.push(JSON.stringify(f())); } catch (e) { out.push(String(e)); } };
for (const loc of ["en", "en-GB", "de", "fr", "es", "it", "pt-BR", "nl", "ja", "zh", "ko", "ru", "ar", "hi", "zh-Hant", "de-CH"]) {
  for (const [type, codes] of [["language", ["en", "en-US", "en-GB", "de-AT", "fr-CA", "es-419", "zh-Hant", "zh-Hans-CN", "zh-Hant-TW", "pt-BR", "sr-Latn", "xx-US", "en-Latn-US", "EN-us", "nl-BE", "ar-EG", "ja-JP", "und", "xx", "en-Xxxx"]], ["region", ["US", "gb", "419", "DE", "JP", "xy", "001", "HK"]], ["script", ["Latn", "cyrl", "Hant", "Arab", "Zzzz", "Xxxx"]], ["currency", ["USD", "eur", "JPY", "XYZ", "CNY"]], ["calendar", ["gregory", "japanese", "islamic-civil", "foo", "roc"]], ["dateTimeField", ["era", "weekOfYear", "dayPeriod", "timeZoneName", "month"]]]) {
    for (const style of ["long", "short", "narrow"]) {
      for (const languageDisplay of ["dialect", "standard"]) {
        for (const fallback of ["code", "none"]) {
          if (type !== "language" && languageDisplay === "standard") continue;
          const d = new Intl.DisplayNames(loc, { type, style, languageDisplay, fallback });
          out.push(loc + " " + type + " " + style + " " + languageDisplay + " " + fallback + ": " + codes.map((c) => { try { return String(d.of(c)); } catch (e) { return String(e); } }).join(" | "));
        }
      }
    }
  }
}
t(() => new Intl.DisplayNames("en"));
t(() => new Intl.DisplayNames("en", {}));
t(() => new Intl.DisplayNames("en", { type: "x" }));
t(() => new Intl.DisplayNames("en", { type: "region", style: "x" }));
t(() => new Intl.DisplayNames("en", { type: "region", fallback: "x" }));
t(() => new Intl.DisplayNames("en", { type: "language", languageDisplay: "x" }));
t(() => Intl.DisplayNames("en", { type: "region" }));
t(() => new Intl.DisplayNames("de-DE", { type: "language" }).resolvedOptions());
t(() => new Intl.DisplayNames(undefined, { type: "region" }).resolvedOptions());
t(() => new Intl.DisplayNames("ar", { type: "currency", style: "short" }).resolvedOptions());
t(() => Intl.DisplayNames.supportedLocalesOf(["en-US", "de", "xx"]));
t(() => [Intl.DisplayNames.length, Object.prototype.toString.call(new Intl.DisplayNames("en", { type: "region" }))]);
t(() => new Intl.DisplayNames("en", { type: "region" }).of("usa"));
t(() => new Intl.DisplayNames("en", { type: "language" }).of("en-US-u-ca-gregory"));
t(() => new Intl.DisplayNames("en", { type: "language" }).of("root"));
t(() => new Intl.DisplayNames("en", { type: "dateTimeField" }).of("Era"));
t(() => Intl.DisplayNames.prototype.of.call({}, "x"));
out.join("\n")
