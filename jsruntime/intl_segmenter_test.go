package jsruntime_test

import "testing"

// TestIntlSegmenter checks Intl.Segmenter gives workerd's answers (the
// conformance case intl_segmenter checks more against workerd).
func TestIntlSegmenter(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, js, want string }{
		{"grapheme", `Array.from(new Intl.Segmenter().segment("e\u0301🇫🇷k"), function (s) { return s.index + s.segment; }).join("|")`, "0e\u0301|2🇫🇷|6k"},
		{"word", `Array.from(new Intl.Segmenter("en", { granularity: "word" }).segment("don't stop, 3.14"), function (s) { return s.segment + (s.isWordLike ? "+" : "-"); }).join("|")`, "don't+| -|stop+|,-| -|3.14+"},
		{"sentence", `Array.from(new Intl.Segmenter("en", { granularity: "sentence" }).segment("Mr. Smith went home. Yes?"), function (s) { return s.segment; }).join("|")`, "Mr. |Smith went home. |Yes?"},
		{"containing", `new Intl.Segmenter("en", { granularity: "word" }).segment("Hello world").containing(7).segment`, "world"},
		{"containing out of range", `new Intl.Segmenter().segment("ab").containing(2)`, "undefined"},
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
