package jsruntime_test

import "testing"

// TestIntlLocale checks Intl.Locale gives workerd's answers (the
// conformance case intl_locale checks many more tags and options).
func TestIntlLocale(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, js, want string }{
		{"canonical", `new Intl.Locale("EN-latn-us-u-kn-true-ca-islamicc")`, "en-Latn-US-u-ca-islamic-civil-kn"},
		{"options", `new Intl.Locale("en-US", { language: "fr", region: "ca", hourCycle: "h23", numeric: false, firstDayOfWeek: 1 })`, "fr-CA-u-fw-mon-hc-h23-kn-false"},
		{"getters", `(function (l) { return [l.baseName, l.language, l.script, l.region, l.calendar, l.collation, l.numeric, l.caseFirst].join(); })(new Intl.Locale("de-Latn-AT-u-co-phonebk-kf-upper-ca-gregory"))`, "de-Latn-AT,de,Latn,AT,gregory,phonebk,false,upper"},
		{"maximize", `new Intl.Locale("zh-TW").maximize()`, "zh-Hant-TW"},
		{"minimize", `new Intl.Locale("zh-Hant-TW-u-nu-latn").minimize()`, "zh-TW-u-nu-latn"},
		{"recorded likely", `new Intl.Locale("yi").maximize()`, "yi-Hebr-UA"},
		{"calendars", `new Intl.Locale("ar-SA").getCalendars()`, "gregory,islamic-umalqura,islamic,islamic-rgsa"},
		{"hour cycles", `new Intl.Locale("fr-CA").getHourCycles()`, "h23"},
		{"numbering", `[new Intl.Locale("ar").getNumberingSystems(), new Intl.Locale("ar-EG").getNumberingSystems()]`, "latn,arab"},
		{"collations", `new Intl.Locale("de").getCollations()`, "emoji,eor,phonebk"},
		{"time zones", `[new Intl.Locale("pt-PT").getTimeZones(), new Intl.Locale("pt").getTimeZones()]`, "Atlantic/Azores,Atlantic/Madeira,Europe/Lisbon,"},
		{"text", `new Intl.Locale("he").getTextInfo().direction`, "rtl"},
		{"week", `JSON.stringify(new Intl.Locale("en-US-u-fw-mon").getWeekInfo())`, `{"firstDay":1,"weekend":[6,7]}`},
		{"bad tag", `(function () { try { new Intl.Locale("en_US"); } catch (e) { return e.name + ": " + e.message; } })()`, "RangeError: Incorrect locale information provided"},
		{"bad option", `(function () { try { new Intl.Locale("en", { hourCycle: "h25" }); } catch (e) { return e.name + ": " + e.message; } })()`, "RangeError: Value h25 out of range for locale options property hourCycle"},
		{"receiver", `(function () { try { Intl.Locale.prototype.toString.call({}); } catch (e) { return e.name + ": " + e.message; } })()`, "TypeError: Method Intl.Locale.prototype.toString called on incompatible receiver #<Object>"},
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

// TestIntlSupportedValuesOf checks Intl.supportedValuesOf answers
// workerd's lists and errors.
func TestIntlSupportedValuesOf(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, js, want string }{
		{"collation", `Intl.supportedValuesOf("collation")`, "compat,emoji,eor,phonebk,pinyin,searchjl,stroke,trad,unihan,zhuyin"},
		{"unit count", `Intl.supportedValuesOf("unit").length`, "45"},
		{"bad key", `(function () { try { Intl.supportedValuesOf("x"); } catch (e) { return e.name + ": " + e.message; } })()`, "RangeError: Invalid key : x"},
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

// TestIntlPluralSignificant checks PluralRules selects on the number as
// significant digits show it, as workerd does.
func TestIntlPluralSignificant(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, js, want string }{
		{"min pads", `new Intl.PluralRules("en", { minimumSignificantDigits: 2 }).select(1)`, "other"},
		{"max rounds", `new Intl.PluralRules("en", { maximumSignificantDigits: 2 }).select(1.04)`, "one"},
		{"resolved", `Object.keys(new Intl.PluralRules("en", { maximumSignificantDigits: 2 }).resolvedOptions()).slice(3, 6).join()`, "minimumIntegerDigits,minimumSignificantDigits,maximumSignificantDigits"},
		{"range", `(function () { try { new Intl.PluralRules("en", { maximumSignificantDigits: 22 }); } catch (e) { return e.name + ": " + e.message; } })()`, "RangeError: maximumSignificantDigits value is out of range."},
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
