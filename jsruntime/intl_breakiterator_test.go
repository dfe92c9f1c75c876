package jsruntime_test

import "testing"

// TestIntlBreakIterator checks Intl.v8BreakIterator gives workerd's
// boundaries and break types (the conformance case intl_breakiterator
// checks more against workerd).
func TestIntlBreakIterator(t *testing.T) {
	t.Parallel()
	walk := `(function (type, text) {
		var it = new Intl.v8BreakIterator("en", { type: type });
		it.adoptText(text);
		var r = [it.first()], p;
		while ((p = it.next()) !== -1) { r.push(p + ":" + it.breakType()); }
		return r.join(" ");
	})`
	cases := []struct{ name, js, want string }{
		{"word", walk + `("word", "12 apples, 3.5 ok")`, "0 2:number 3:none 9:letter 10:none 11:none 14:number 15:none 17:letter"},
		{"sentence", walk + `("sentence", "Hi.\nBye")`, "0 4:none 7:number"},
		{"line", walk + `("line", "Hi.\nBye")`, "0 4:number 7:none"},
		{"character", walk + `("character", "e\u0301x")`, "0 2:none 3:none"},
		{"resolved", `JSON.stringify(new Intl.v8BreakIterator("de-DE", { type: "line" }).resolvedOptions())`, `{"locale":"de-DE","type":"line"}`},
		{"bound", `(function () { var it = Intl.v8BreakIterator(); var next = it.next; it.adoptText("a b"); return [next(), next(), next(), it.current()].join(); })()`, "1,2,3,3"},
		{"receiver", `(function () { try { return Intl.v8BreakIterator.prototype.first; } catch (e) { return e.name + ": " + e.message; } })()`,
			"TypeError: Method get Intl.v8BreakIterator.prototype.first called on incompatible receiver #<v8BreakIterator>"},
		{"bad type", `(function () { try { new Intl.v8BreakIterator("en", { type: "x" }); } catch (e) { return e.name + ": " + e.message; } })()`,
			"RangeError: Value x out of range for Intl.v8BreakIterator options property type"},
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
