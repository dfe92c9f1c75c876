package jsruntime

// Intl.Segmenter: js/intl_segmenter.js defines it; the natives here split
// text with github.com/rivo/uniseg, which follows UAX #29 as ICU's rule
// based break iterators do (ICU's dictionary break of Chinese, Japanese
// and Thai words is not there).

import (
	_ "embed"
	"unicode"
	"unicode/utf16"

	"github.com/dop251/goja"
	"github.com/rivo/uniseg"
)

//go:embed js/intl_segmenter.js
var intlSegmenterSource string

// segmentText splits s at granularity's boundaries; it returns, for each
// segment, its UTF-16 index, its text and whether it is word-like.
func segmentText(granularity, s string) []any {
	var out []any
	index, state := 0, -1
	for s != "" {
		var seg string
		switch granularity {
		case "word":
			seg, s, state = uniseg.FirstWordInString(s, state)
		case "sentence":
			seg, s, state = uniseg.FirstSentenceInString(s, state)
		default:
			seg, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		}
		out = append(out, index, seg, wordLike(seg))
		index += len(utf16.Encode([]rune(seg)))
	}
	return out
}

// wordLike is ICU's word rule status other than "none": the segment has a
// letter or a number.
func wordLike(seg string) bool {
	for _, r := range seg {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return true
		}
	}
	return false
}

// installIntlSegmenter adds Segmenter's native to native and defines
// Intl.Segmenter. After intl.js.
func installIntlSegmenter(vm *goja.Runtime, native *goja.Object) {
	must(native.Set("segment", func(call goja.FunctionCall) goja.Value {
		return vm.NewArray(segmentText(call.Argument(0).String(), call.Argument(1).String())...)
	}))
	fn, err := RunInternal(vm, "intl_segmenter", intlSegmenterSource)
	must(err)
	install, _ := goja.AssertFunction(fn)
	_, err = install(goja.Undefined(), native)
	must(err)
}
