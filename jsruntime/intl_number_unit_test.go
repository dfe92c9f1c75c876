package jsruntime_test

import "testing"

// TestIntlNumberFormatUnit checks the unit style gives workerd's answers
// (the conformance case intl_unit checks many more against workerd).
func TestIntlNumberFormatUnit(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, js, want string }{
		{"own per pattern", `new Intl.NumberFormat("en", { style: "unit", unit: "kilometer-per-hour" }).format(50)`, "50 km/h"},
		{"composed per", `new Intl.NumberFormat("en", { style: "unit", unit: "kilobyte-per-second", unitDisplay: "long" }).format(-1234.5)`, "-1,234.5 kilobytes per second"},
		{"singular", `new Intl.NumberFormat("de", { style: "unit", unit: "day", unitDisplay: "long" }).format(1)`, "1 Tag"},
		{"few", `new Intl.NumberFormat("ru", { style: "unit", unit: "hour", unitDisplay: "long" }).format(3)`, "3 часа"},
		{"no number", `new Intl.NumberFormat("ar", { style: "unit", unit: "day" }).format(1)`, "يوم"},
		{"narrow", `new Intl.NumberFormat("ja", { style: "unit", unit: "liter", unitDisplay: "narrow" }).format(2)`, "2L"},
		{"parts", `new Intl.NumberFormat("en", { style: "unit", unit: "byte-per-acre", unitDisplay: "long" }).formatToParts(5).map(function (p) { return p.type + ":" + p.value; }).join()`, "integer:5,literal: ,unit:bytes per acre"},
		{"range", `new Intl.NumberFormat("en", { style: "unit", unit: "meter", unitDisplay: "long" }).formatRange(1, 5)`, "1–5 meters"},
		{"compact", `new Intl.NumberFormat("en", { style: "unit", unit: "meter", unitDisplay: "long", notation: "compact" }).format(1234567)`, "1.2M meters"},
		{"compact percent", `new Intl.NumberFormat("de", { style: "percent", notation: "compact" }).format(12345)`, "1,2\u00a0Mio. %"},
		{"bad unit", `(function () { try { new Intl.NumberFormat("en", { unit: "foo" }); } catch (e) { return e.name + ": " + e.message; } })()`, "RangeError: Invalid unit argument for Intl.NumberFormat() 'foo'"},
		{"resolved", `Object.keys(new Intl.NumberFormat("en", { style: "unit", unit: "liter" }).resolvedOptions()).slice(0, 5).join()`, "locale,numberingSystem,style,unit,unitDisplay"},
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
