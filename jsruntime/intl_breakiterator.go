package jsruntime

// Intl.v8BreakIterator, V8's non-standard break iterator that workerd
// has: js/intl_breakiterator.js defines it; the native here finds the
// boundaries with github.com/rivo/uniseg (as Intl.Segmenter does) and
// names each with ICU's rule status as V8 reports it ("none", "number",
// "letter", "kana", "ideo").

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf16"

	"github.com/dop251/goja"
	"github.com/rivo/uniseg"
)

//go:embed js/intl_breakiterator.js
var intlBreakIteratorSource string

// breakBoundaries splits s for a break iterator of type typ ("character",
// "word", "sentence" or "line"); it returns, for each boundary after the
// start, its UTF-16 index and its break type.
func breakBoundaries(typ, s string) []any {
	var out []any
	index, state := 0, -1
	for s != "" {
		var seg string
		switch typ {
		case "word":
			seg, s, state = uniseg.FirstWordInString(s, state)
		case "sentence":
			seg, s, state = uniseg.FirstSentenceInString(s, state)
		case "line":
			seg, s, _, state = uniseg.FirstLineSegmentInString(s, state)
		default:
			seg, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		}
		index += len(utf16.Encode([]rune(seg)))
		out = append(out, index, breakType(typ, seg))
	}
	return out
}

// hardBreaks are the characters after which a line must break and which
// end a paragraph.
const hardBreaks = "\n\r\v\f\u0085\u2028\u2029"

// breakType is the rule status V8 names for the segment seg ends: a word's
// kind; for a sentence "number" (ICU's separator status) unless a
// terminator ends it; for a line "number" (a hard break) after a line end.
func breakType(typ, seg string) string {
	switch typ {
	case "word":
		return wordBreakType(seg)
	case "sentence":
		body := strings.TrimRightFunc(seg, func(r rune) bool {
			return unicode.IsSpace(r) || unicode.In(r, unicode.Pe, unicode.Pf, unicode.Po) && !isSentenceTerminal(r)
		})
		if r := []rune(body); len(r) > 0 && isSentenceTerminal(r[len(r)-1]) {
			return "none"
		}
		return "number"
	case "line":
		if r := []rune(seg); len(r) > 0 && strings.ContainsRune(hardBreaks, r[len(r)-1]) {
			return "number"
		}
	}
	return "none"
}

// wordBreakType is ICU's word status: "ideo" for Chinese and Japanese
// (which ICU's dictionary breaks), "number", "letter" or "none".
func wordBreakType(seg string) string {
	kind := "none"
	for i, r := range seg {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			return "ideo"
		case i == 0 && unicode.IsDigit(r):
			kind = "number"
		case kind == "none" && (unicode.IsLetter(r) || unicode.IsNumber(r)):
			kind = "letter"
		}
	}
	return kind
}

// isSentenceTerminal is UAX #29's STerm or ATerm, in the common scripts.
func isSentenceTerminal(r rune) bool {
	return strings.ContainsRune(".!?\u037e\u0589\u061f\u06d4\u0964\u0965\u3002\uff01\uff0e\uff1f\u2024\ufe52\u203c\u203d\u2047\u2048\u2049", r)
}

// installIntlBreakIterator adds the break iterator's native to native and
// defines Intl.v8BreakIterator. After intl.js.
func installIntlBreakIterator(vm *goja.Runtime, native *goja.Object) {
	must(native.Set("breaks", func(call goja.FunctionCall) goja.Value {
		return vm.NewArray(breakBoundaries(call.Argument(0).String(), call.Argument(1).String())...)
	}))
	fn, err := RunInternal(vm, "intl_breakiterator", intlBreakIteratorSource)
	must(err)
	install, _ := goja.AssertFunction(fn)
	_, err = install(goja.Undefined(), native)
	must(err)
}
