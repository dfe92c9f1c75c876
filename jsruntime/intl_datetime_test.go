package jsruntime_test

import "testing"

// TestIntlDateTime checks DateTimeFormat and Date's toLocale*String give
// workerd's answers (the conformance case intl_datetime checks many more
// against workerd).
func TestIntlDateTime(t *testing.T) {
	t.Parallel()
	const jan31 = "Date.UTC(2024, 0, 31, 15, 4, 5, 67)"
	cases := []struct{ name, js, want string }{
		{"toLocaleDateString en-US", "new Date(" + jan31 + ").toLocaleDateString('en-US')", "1/31/2024"},
		{"toLocaleDateString en-GB", "new Date(" + jan31 + ").toLocaleDateString('en-GB')", "31/01/2024"},
		{"toLocaleString default", "new Date(" + jan31 + ").toLocaleString()", "1/31/2024, 3:04:05 PM"},
		{"toLocaleTimeString de", "new Date(" + jan31 + ").toLocaleTimeString('de')", "15:04:05"},
		{"long date", "new Intl.DateTimeFormat('en', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(0)", "Thursday, January 1, 1970"},
		{"ru month genitive", "new Intl.DateTimeFormat('ru', { month: 'long', day: 'numeric' }).format(" + jan31 + ")", "31 января"},
		{"ru month standalone", "new Intl.DateTimeFormat('ru', { month: 'long' }).format(" + jan31 + ")", "январь"},
		{"ja", "new Intl.DateTimeFormat('ja', { dateStyle: 'full', timeStyle: 'short' }).format(" + jan31 + ")", "2024年1月31日水曜日 15:04"},
		{"zone and DST", "new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', minute: 'numeric', timeZoneName: 'short' }).format(Date.UTC(2024, 6, 4, 16))", "12:00 PM EDT"},
		{"offset name", "new Intl.DateTimeFormat('fr', { timeZone: 'Asia/Kolkata', timeZoneName: 'shortOffset', hour: 'numeric' }).format(0)", "05 h UTC+5:30"},
		{"h11", "new Intl.DateTimeFormat('en', { hour: 'numeric', minute: 'numeric', hourCycle: 'h11' }).format(Date.UTC(2024, 0, 5, 12, 7))", "0:07 PM"},
		{"fraction", "new Intl.DateTimeFormat('de', { minute: '2-digit', second: '2-digit', fractionalSecondDigits: 2 }).format(" + jan31 + ")", "04:05,06"},
		{"resolved zone", "new Intl.DateTimeFormat('en', { timeZone: 'asia/kolkata' }).resolvedOptions().timeZone", "Asia/Calcutta"},
		{"resolved locale", "new Intl.DateTimeFormat('de-XX').resolvedOptions().locale + ' ' + new Intl.DateTimeFormat('xx').resolvedOptions().locale", "de en-US"},
		{"resolved reads literals as V8 does", "JSON.stringify(new Intl.DateTimeFormat('es', { year: 'numeric', month: 'long' }).resolvedOptions())",
			`{"locale":"es","calendar":"gregory","numberingSystem":"latn","timeZone":"UTC","year":"numeric","month":"long","day":"numeric"}`},
		{"parts", "new Intl.DateTimeFormat('en').formatToParts(0).map(function (p) { return p.type; }).join()", "month,literal,day,literal,year"},
		{"range shared", "new Intl.DateTimeFormat('en').formatRange(0, 1000)", "1/1/1970"},
		{"bad zone", "(function () { try { new Intl.DateTimeFormat('en', { timeZone: 'Mars/Olympus' }); } catch (e) { return e.name + ': ' + e.message; } })()", "RangeError: Invalid time zone specified: Mars/Olympus"},
		{"style and field", "(function () { try { new Intl.DateTimeFormat('en', { dateStyle: 'long', hour: 'numeric' }); } catch (e) { return e.name + ': ' + e.message; } })()", "TypeError: Invalid option : option"},
		{"invalid time", "(function () { try { new Intl.DateTimeFormat('en').format(NaN); } catch (e) { return e.name + ': ' + e.message; } })()", "RangeError: Invalid time value"},
		{"Invalid Date", "new Date(NaN).toLocaleString()", "Invalid Date"},
		{"dayPeriod", "[0, 12, 12.5, 19].map(function (h) { return new Intl.DateTimeFormat('en', { dayPeriod: 'short', hour: 'numeric' }).format(h * 3600000); }).join('|')", "12 in the morning|12 noon|12 noon|7 in the evening"},
		{"dayPeriod with a 24-hour clock", "new Intl.DateTimeFormat('de', { dayPeriod: 'short', hour: 'numeric' }).format(0)", "00 Uhr"},
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

// TestIntlRelativeTime checks RelativeTimeFormat gives workerd's answers
// (the conformance case intl_relative checks many more).
func TestIntlRelativeTime(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, js, want string }{
		{"past", "new Intl.RelativeTimeFormat('en').format(-3, 'days')", "3 days ago"},
		{"one", "new Intl.RelativeTimeFormat('en').format(1, 'hour')", "in 1 hour"},
		{"auto", "new Intl.RelativeTimeFormat('de', { numeric: 'auto' }).format(2, 'day')", "übermorgen"},
		{"auto rounds first", "new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(1.0004, 'day')", "tomorrow"},
		{"russian few", "new Intl.RelativeTimeFormat('ru').format(3, 'day')", "через 3 дня"},
		{"grouping", "new Intl.RelativeTimeFormat('de').format(-1234567.5, 'second')", "vor 1.234.567,5 Sekunden"},
		{"indian grouping", "new Intl.RelativeTimeFormat('en-IN').format(1234567, 'year')", "in 12,34,567 years"},
		{"parts", "JSON.stringify(new Intl.RelativeTimeFormat('en').formatToParts(1.5, 'day'))",
			`[{"type":"literal","value":"in "},{"type":"integer","value":"1","unit":"day"},{"type":"decimal","value":".","unit":"day"},{"type":"fraction","value":"5","unit":"day"},{"type":"literal","value":" days"}]`},
		{"bad unit", "(function () { try { new Intl.RelativeTimeFormat('en').format(1, 'xyz'); } catch (e) { return e.name + ': ' + e.message; } })()",
			"RangeError: Invalid unit argument for Intl.RelativeTimeFormat.prototype.format() 'xyz'"},
		{"without new", "(function () { try { Intl.RelativeTimeFormat(); } catch (e) { return e.message; } })()", "Constructor Intl.RelativeTimeFormat requires 'new'"},
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

// TestIntlDateTimeRange checks formatRange uses ICU's interval formats as
// workerd does.
func TestIntlDateTimeRange(t *testing.T) {
	t.Parallel()
	const start = "Date.UTC(2024, 6, 15, 13, 45, 30)"
	cases := []struct{ name, js, want string }{
		{"days share month and year", "new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric' }).formatRange(" + start + ", " + start + " + 3 * 86400000)", "Jul 15 – 18, 2024"},
		{"hours share the period", "new Intl.DateTimeFormat('en', { hour: 'numeric', minute: 'numeric' }).formatRange(" + start + ", " + start + " + 3600000)", "1:45 – 2:45 PM"},
		{"time only across days", "new Intl.DateTimeFormat('en', { hour: 'numeric', minute: 'numeric' }).formatRange(" + start + ", " + start + " + 86400000)", "7/15/2024, 1:45 PM – 7/16/2024, 1:45 PM"},
		{"same as shown", "new Intl.DateTimeFormat('en').formatRange(" + start + ", " + start + " + 3600000)", "7/15/2024"},
		{"ru days", "new Intl.DateTimeFormat('ru', { dateStyle: 'long' }).formatRange(" + start + ", " + start + " + 86400000)", "15–16 июля 2024 г."},
		{"parts", "new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' }).formatRangeToParts(" + start + ", " + start + " + 86400000).map(function (p) { return p.value + ':' + p.source; }).join('|')", "Jul:shared| :shared|15:startRange| – :shared|16:endRange"},
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
