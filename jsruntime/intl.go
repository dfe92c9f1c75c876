package jsruntime

// Intl (https://tc39.es/ecma402/): getCanonicalLocales, Collator (and
// String.prototype.localeCompare on it) and PluralRules here, on
// golang.org/x/text's CLDR data; DateTimeFormat and RelativeTimeFormat
// (intl_datetime*.go, intl_relative.go), NumberFormat (intl_number*.go),
// ListFormat and Segmenter in their own files, on locale data recorded
// from workerd's ICU. js/intl*.js define the objects; the natives do the
// locale work. Locale and supportedValuesOf are in intl_locale*.go and
// intl_supported.go, DurationFormat and v8BreakIterator in
// intl_duration.go and intl_breakiterator.go, DisplayNames in
// intl_display.go.

import (
	_ "embed"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/dop251/goja"
	"golang.org/x/text/collate"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

//go:embed js/intl.js
var intlSource string

// defaultLocale is workerd's default locale.
const defaultLocale = "en-US"

// installIntl defines Intl. Before any script runs.
func installIntl(r *Runtime) {
	vm := r.vm
	rangeError := vm.Get("RangeError").(*goja.Object)
	throwRange := func(msg string) {
		e, err := vm.New(rangeError, vm.ToValue(msg))
		must(err)
		panic(e)
	}
	native := vm.NewObject()
	must(native.Set("canonicalize", func(call goja.FunctionCall) goja.Value {
		tag, ok := canonicalTag(call.Argument(0).String())
		if !ok {
			throwRange("Invalid language tag: " + call.Argument(0).String())
		}
		return vm.ToValue(tag)
	}))
	must(native.Set("supported", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(supportedLocale(call.Argument(0).String()))
	}))
	must(native.Set("collatorLocale", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(collatorLocale(call.Argument(0).String()))
	}))
	must(native.Set("collator", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(newCollator(call.Argument(0).String(), call.Argument(1).String(),
			call.Argument(2).ToBoolean(), call.Argument(3).ToBoolean()))
	}))
	must(native.Set("compare", func(call goja.FunctionCall) goja.Value {
		c := call.Argument(0).Export().(*collate.Collator)
		x, y := call.Argument(1).String(), call.Argument(2).String()
		d := c.CompareString(x, y)
		if d == 0 && call.Argument(3).ToBoolean() {
			d = compareCase(x, y)
		}
		return vm.ToValue(d)
	}))
	must(native.Set("pluralLocale", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(pluralLocale(call.Argument(0).String()))
	}))
	must(native.Set("plural", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(pluralCategory(call.Argument(0).String(), call.Argument(1).String() == "ordinal",
			call.Argument(2).ToFloat(), int(call.Argument(3).ToInteger()), int(call.Argument(4).ToInteger())))
	}))
	must(native.Set("pluralCategories", func(call goja.FunctionCall) goja.Value {
		var list []any
		for _, c := range pluralCategories(call.Argument(0).String(), call.Argument(1).String() == "ordinal") {
			list = append(list, c)
		}
		return vm.NewArray(list...)
	}))
	installIntlCollatorCase(vm, native)
	installIntlPluralDigits(vm, native)
	fn, err := RunInternal(vm, "intl", intlSource)
	must(err)
	install, _ := goja.AssertFunction(fn)
	_, err = install(goja.Undefined(), native)
	must(err)
	installIntlDateTime(r)
	installIntlRelative(r)
	installIntlNumber(vm, native)
	installIntlList(vm, native)
	installIntlSegmenter(vm, native)
	installIntlLocale(vm, native)
	installIntlSupported(vm, native)
	installIntlBreakIterator(vm, native)
	installIntlDuration(vm, native)
	installIntlDisplay(vm, native)
}

// canonicalTag returns the canonical form of a BCP 47 language tag, or
// false if it is not one ("en_US").
func canonicalTag(s string) (string, bool) {
	if !wellFormedTag.MatchString(s) {
		return "", false
	}
	t, err := language.Parse(s)
	if err != nil {
		// Well formed, but a language x/text does not know ("xx-XX"):
		// only the case of its subtags is canonicalised.
		parts := strings.Split(strings.ToLower(s), "-")
		for i := 1; i < len(parts); i++ {
			switch {
			case parts[i-1] == "x" || len(parts[i-1]) == 1:
				i = len(parts)
			case len(parts[i]) == 2:
				parts[i] = strings.ToUpper(parts[i])
			case len(parts[i]) == 4 && i == 1:
				parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
			}
		}
		return strings.Join(parts, "-"), true
	}
	return t.String(), true
}

// wellFormedTag matches a BCP 47 language tag as ECMA-402 takes it
// (unicode_locale_id: no extlang, no grandfathered tags).
var wellFormedTag = regexp.MustCompile(`^(?i)[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|[0-9]{3}))?(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*(-[a-wyz0-9](-[a-z0-9]{2,8})+)*(-x(-[a-z0-9]{1,8})+)?$`)

// supportedLocale is the locale a request resolves to, or "" when its
// language is one x/text has no data for.
func supportedLocale(s string) string {
	t, err := language.Parse(s)
	if err != nil {
		return ""
	}
	if _, conf := t.Base(); conf == language.No {
		return ""
	}
	return t.String()
}

// newCollator makes a collator for locale (which may carry -u-kn) with an
// ECMA-402 sensitivity, as ICU's strength and case level give it.
func newCollator(locale, sensitivity string, numeric, ignorePunctuation bool) *collate.Collator {
	t, err := language.Parse(locale)
	if err != nil {
		t = language.AmericanEnglish
	}
	base, _ := t.Base()
	ext := "-u"
	switch sensitivity {
	case "base":
		ext += "-ks-level1"
	case "accent":
		ext += "-ks-level2"
	case "case":
		ext += "-ks-level1" // and caseLevel (compareCase) on equal strings
	}
	if ignorePunctuation {
		ext += "-ka-shifted"
	}
	if numeric {
		ext += "-kn-true"
	}
	opts := language.Make(base.String() + ext)
	return collate.New(t, collate.OptionsFromTag(opts))
}

// pluralLocale is the locale PluralRules resolves to: the language alone,
// as ICU's plural data is kept (pt-PT has its own).
func pluralLocale(s string) string {
	t, err := language.Parse(s)
	if err != nil {
		return "en"
	}
	base, _ := t.Base()
	if base.String() == "pt" {
		if region, conf := t.Region(); conf == language.Exact && region.String() == "PT" {
			return "pt-PT"
		}
	}
	return base.String()
}

// pluralForms are the categories in the order ECMA-402 lists them.
var pluralForms = []struct {
	form plural.Form
	name string
}{
	{plural.Zero, "zero"}, {plural.One, "one"}, {plural.Two, "two"},
	{plural.Few, "few"}, {plural.Many, "many"}, {plural.Other, "other"},
}

// pluralCategory is PluralRules.prototype.select for n formatted with
// minFrac to maxFrac fraction digits.
func pluralCategory(locale string, ordinal bool, n float64, minFrac, maxFrac int) string {
	if math.IsNaN(n) || math.IsInf(n, 0) {
		return "other"
	}
	i, v, w, f, t := pluralOperands(math.Abs(n), minFrac, maxFrac)
	rules := plural.Cardinal
	if ordinal {
		rules = plural.Ordinal
	}
	if !ordinal && v == 0 && millionsMany[baseOf(locale)] && math.Abs(n) >= 1e6 && math.Mod(math.Trunc(math.Abs(n)), 1e6) == 0 {
		// CLDR 42's rule for these languages, newer than x/text's data:
		// many is "e = 0 and i != 0 and i % 1000000 = 0 and v = 0".
		return "many"
	}
	form := rules.MatchPlural(language.Make(locale), i, v, w, f, t)
	for _, p := range pluralForms {
		if p.form == form {
			return p.name
		}
	}
	return "other"
}

// millionsMany are the languages whose cardinal "many" category CLDR 42
// gave to exact millions.
var millionsMany = map[string]bool{"fr": true, "es": true, "it": true, "pt": true, "ca": true}

// baseOf is the language subtag of locale.
func baseOf(locale string) string {
	base, _, _ := strings.Cut(locale, "-")
	return base
}

// pluralOperands are CLDR's operands of n as formatted: the integer part
// (kept modulo 10^9, which every rule's modulus divides), the count of
// visible fraction digits with and without trailing zeros, and those
// digits with and without them.
func pluralOperands(n float64, minFrac, maxFrac int) (i, v, w, f, t int) {
	intPart, frac := roundDecimal(strconv.FormatFloat(n, 'f', -1, 64), maxFrac)
	for len(frac) < minFrac {
		frac += "0"
	}
	for len(frac) > minFrac && strings.HasSuffix(frac, "0") {
		frac = frac[:len(frac)-1]
	}
	if len(intPart) > 9 {
		intPart = intPart[len(intPart)-9:]
	}
	i, _ = strconv.Atoi(intPart)
	v = len(frac)
	trimmed := strings.TrimRight(frac, "0")
	w = len(trimmed)
	if len(frac) > 9 {
		frac, trimmed = frac[:9], trimmed[:min(9, len(trimmed))]
	}
	f, _ = strconv.Atoi("0" + frac)
	t, _ = strconv.Atoi("0" + trimmed)
	return i, v, w, f, t
}

// pluralCategories lists the categories locale's rules use, found by
// trying the numbers that tell them apart.
func pluralCategories(locale string, ordinal bool) []string {
	seen := map[string]bool{}
	for n := 0; n <= 200; n++ {
		seen[pluralCategory(locale, ordinal, float64(n), 0, 3)] = true
		if !ordinal {
			seen[pluralCategory(locale, false, float64(n)+0.5, 0, 3)] = true
			seen[pluralCategory(locale, false, float64(n)+0.1, 0, 3)] = true
		}
	}
	for _, n := range []float64{1000, 10000, 100000, 1000000, 1e7} {
		seen[pluralCategory(locale, ordinal, n, 0, 3)] = true
	}
	var out []string
	for _, p := range pluralForms {
		if seen[p.name] {
			out = append(out, p.name)
		}
	}
	return out
}

// compareCase is ICU's case level for strings equal at the primary level:
// letter by letter, lowercase before uppercase; strings whose letters do not
// pair up (ß and ss) are equal.
func compareCase(x, y string) int {
	xs, ys := baseLetters(x), baseLetters(y)
	if len(xs) != len(ys) {
		return 0
	}
	for i := range xs {
		xu, yu := unicode.IsUpper(xs[i]), unicode.IsUpper(ys[i])
		switch {
		case xu && !yu:
			return 1
		case !xu && yu:
			return -1
		}
	}
	return 0
}

// baseLetters are the letters of s without their diacritics.
func baseLetters(s string) []rune {
	var out []rune
	for _, r := range norm.NFD.String(s) {
		if unicode.IsLetter(r) {
			out = append(out, r)
		}
	}
	return out
}

// roundDecimal rounds the decimal digits s (no sign, no exponent) to at
// most maxFrac fraction digits, half away from zero as ICU's halfExpand
// does on the number's shortest decimal form.
func roundDecimal(s string, maxFrac int) (intPart, frac string) {
	intPart, frac, _ = strings.Cut(s, ".")
	if len(frac) <= maxFrac {
		return intPart, frac
	}
	up := frac[maxFrac] >= '5'
	digits := []byte(intPart + frac[:maxFrac])
	for i := len(digits) - 1; up && i >= 0; i-- {
		if digits[i] == '9' {
			digits[i] = '0'
			continue
		}
		digits[i]++
		up = false
	}
	if up {
		digits = append([]byte{'1'}, digits...)
	}
	cut := len(digits) - maxFrac
	return string(digits[:cut]), string(digits[cut:])
}

// collatorLocale is the locale a Collator resolves to. ICU keeps collation
// data by language, with Chinese and the script variants (sr-Latn) apart,
// and the default locale stays as it is: so "de-CH" and "en-GB" resolve to
// "de" and "en", "en-US" and "zh-Hant-TW" to themselves, as workerd
// answers.
func collatorLocale(locale string) string {
	t, err := language.Parse(locale)
	if err != nil {
		return locale
	}
	base, _ := t.Base()
	if _, conf := t.Script(); conf == language.Exact || t == language.AmericanEnglish || base.String() == "zh" {
		return locale
	}
	return base.String()
}
