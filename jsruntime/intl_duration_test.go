package jsruntime_test

import "testing"

// TestIntlDurationFormat checks Intl.DurationFormat gives workerd's
// answers (the conformance case intl_duration checks many more).
func TestIntlDurationFormat(t *testing.T) {
	t.Parallel()
	all := `{years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7, milliseconds: 8, microseconds: 9, nanoseconds: 10}`
	cases := []struct{ name, js, want string }{
		{"long", `new Intl.DurationFormat("en", { style: "long" }).format(` + all + `)`,
			"1 year, 2 months, 3 weeks, 4 days, 5 hours, 6 minutes, 7 seconds, 8 milliseconds, 9 microseconds, 10 nanoseconds"},
		{"digital", `new Intl.DurationFormat("de", { style: "digital" }).format(` + all + `)`, "1 J, 2 Mon., 3 Wo., 4 Tg. und 5:06:07,00800901"},
		{"narrow", `new Intl.DurationFormat("en", { style: "narrow" }).format({ hours: -1, minutes: -30 })`, "-1h 30m"},
		{"fractional", `new Intl.DurationFormat("en", { style: "digital", fractionalDigits: 0 }).format({ days: 1, minutes: 2, seconds: 3, milliseconds: 500 })`, "1 day, 0:02:03"},
		{"seconds glued", `new Intl.DurationFormat("en", { seconds: "numeric" }).format({ minutes: 6, seconds: 7 })`, "6 min:7"},
		{"zero", `new Intl.DurationFormat("en").format({ seconds: 0 })`, ""},
		{"parts", `new Intl.DurationFormat("en", { style: "digital" }).formatToParts({ hours: 1, minutes: 2 }).map(function (p) { return p.type + ":" + p.value + ":" + p.unit; }).join()`,
			"integer:1:hour,literal:::undefined,integer:02:minute,literal:::undefined,integer:00:second"},
		{"iso string", `new Intl.DurationFormat("en").format("PT1H")`, "1 hr"},
		{"resolved", `new Intl.DurationFormat("en", { style: "digital" }).resolvedOptions().minutes`, "2-digit"},
		{"mixed signs", `(function () { try { new Intl.DurationFormat().format({ hours: 1, minutes: -1 }); } catch (e) { return e.name + ": " + e.message; } })()`,
			"RangeError: Temporal error: Duration was not valid."},
		{"no fields", `(function () { try { new Intl.DurationFormat().format({}); } catch (e) { return e.name + ": " + e.message; } })()`,
			"TypeError: Temporal error: Did not provide any valid Duration fields."},
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
