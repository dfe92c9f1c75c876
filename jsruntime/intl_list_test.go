package jsruntime_test

import "testing"

// TestIntlListFormat checks Intl.ListFormat gives workerd's answers (the
// conformance case intl_list checks every locale, type and style).
func TestIntlListFormat(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, js, want string }{
		{"conjunction", `new Intl.ListFormat("en").format(["a", "b", "c"])`, "a, b, and c"},
		{"pair", `new Intl.ListFormat("en").format(["a", "b"])`, "a and b"},
		{"disjunction de", `new Intl.ListFormat("de", { type: "disjunction" }).format(["a", "b", "c"])`, "a, b oder c"},
		{"unit narrow", `new Intl.ListFormat("en", { type: "unit", style: "narrow" }).format(["1", "2", "3"])`, "1 2 3"},
		{"parts", `new Intl.ListFormat("en").formatToParts(["a", "b"]).map(function (p) { return p.type; }).join()`, "element,literal,element"},
		{"not a string", `(function () { try { new Intl.ListFormat("en").format([1]); } catch (e) { return e.name + ": " + e.message; } })()`, "TypeError: Iterable yielded 1 which is not a string"},
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
