package jsruntime_test

import "testing"

// TestIntl checks the Intl members workerhost has give workerd's answers
// (the conformance case language_intl checks many more against workerd).
func TestIntl(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, js, want string }{
		{"collator sort", `["b", "ä", "a", "Z"].sort(new Intl.Collator("de").compare).join()`, "a,ä,b,Z"},
		{"swedish sorts ä last", `["b", "ä", "z"].sort(new Intl.Collator("sv").compare).join()`, "b,z,ä"},
		{"numeric", `["a10", "a9"].sort(new Intl.Collator("en", { numeric: true }).compare).join()`, "a9,a10"},
		{"sensitivity base", `new Intl.Collator("en", { sensitivity: "base" }).compare("a", "Á")`, "0"},
		{"sensitivity case", `[new Intl.Collator("en", { sensitivity: "case" }).compare("a", "á"), new Intl.Collator("en", { sensitivity: "case" }).compare("a", "A")].join()`, "0,-1"},
		{"localeCompare options", `"a".localeCompare("á", "en", { sensitivity: "base" })`, "0"},
		{"resolved locale", `new Intl.Collator("en-US").resolvedOptions().locale + " " + new Intl.Collator("de-CH").resolvedOptions().locale`, "en-US de"},
		{"bad tag", `(function () { try { new Intl.Collator("en_US"); } catch (e) { return e.name + ": " + e.message; } })()`, "RangeError: Invalid language tag: en_US"},
		{"caseFirst upper", `["b", "a", "B", "A"].sort(new Intl.Collator("en", { caseFirst: "upper" }).compare).join()`, "A,a,B,b"},
		{"plural en", `[0, 1, 2, 1.5].map(function (n) { return new Intl.PluralRules("en-US").select(n); }).join()`, "other,one,other,other"},
		{"ordinal en", `[1, 2, 3, 4, 11, 21].map(function (n) { return new Intl.PluralRules("en", { type: "ordinal" }).select(n); }).join()`, "one,two,few,other,other,one"},
		{"plural ar", `[0, 1, 2, 3, 11, 100].map(function (n) { return new Intl.PluralRules("ar").select(n); }).join()`, "zero,one,two,few,many,other"},
		{"french millions", `new Intl.PluralRules("fr").select(2000000) + " " + new Intl.PluralRules("fr").resolvedOptions().pluralCategories.join()`, "many one,many,other"},
		{"rounding", `new Intl.PluralRules("en").select(1.0005) + " " + new Intl.PluralRules("en", { minimumFractionDigits: 1 }).select(1)`, "other other"},
		{"getCanonicalLocales", `Intl.getCanonicalLocales(["EN-us", "zh-hant-tw", "en-US", "xx-xx"]).join()`, "en-US,zh-Hant-TW,xx-XX"},
		{"toStringTag", `Object.prototype.toString.call(Intl) + Object.prototype.toString.call(new Intl.PluralRules())`, "[object Intl][object Intl.PluralRules]"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			vm, _ := run(t, "var result = String("+tc.js+");")
			if got := vm.Get("result").String(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
