package jsruntime

// Intl.RelativeTimeFormat: js/intl_relative.js defines the object and reads
// the options; the natives here format with the data dumped from workerd's
// ICU (intldata/relative, by intldata/dump_relative.js).

import (
	_ "embed"
	"math"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

//go:embed js/intl_relative.js
var intlRelativeSource string

// relativeLocale is one locale's relative time data.
type relativeLocale struct {
	// Patterns maps "style/unit/future|past" to a pattern ("in {0} days")
	// by plural category.
	Patterns map[string]map[string]string `json:"patterns"`
	// Auto maps "style/unit/value" (value -2 to 2, or -0) to the phrase
	// numeric: "auto" gives ("tomorrow").
	Auto map[string]string `json:"auto"`
	// Group and Decimal are the number symbols; MinGrouping is 2 where a
	// four-digit number is not grouped.
	Group       string `json:"group"`
	Decimal     string `json:"decimal"`
	MinGrouping int    `json:"minGrouping"`
	// SecondaryGrouping is the size of the groups above the lowest three
	// digits (2 in en-IN's 12,34,567).
	SecondaryGrouping int `json:"secondaryGrouping"`
}

// relativeParts formats value in unit as formatToParts gives it.
func relativeParts(loc *relativeLocale, key, style, unit string, numericAuto bool, value float64) []dateTimePart {
	negative := value < 0 || (value == 0 && math.Signbit(value))
	abs := math.Abs(value)
	intPart, frac := roundDecimal(strconv.FormatFloat(abs, 'f', -1, 64), 3)
	frac = strings.TrimRight(frac, "0")
	if numericAuto && frac == "" && (intPart == "0" || intPart == "1" || intPart == "2") {
		// The phrases apply to the number as rounded: 2.0004 days is
		// "the day after tomorrow".
		v := intPart
		if negative {
			v = "-" + v
		}
		if phrase, ok := loc.Auto[style+"/"+unit+"/"+v]; ok {
			return []dateTimePart{{"literal", phrase}}
		}
	}
	dir := "future"
	if negative {
		dir = "past"
	}
	patterns := loc.Patterns[style+"/"+unit+"/"+dir]
	p, ok := patterns[pluralCategory(key, false, abs, 0, 3)]
	if !ok {
		p = patterns["other"]
	}
	before, after, _ := strings.Cut(p, "{0}")
	var parts []dateTimePart
	if before != "" {
		parts = append(parts, dateTimePart{"literal", before})
	}
	parts = append(parts, numberParts(loc, intPart, frac)...)
	if after != "" {
		parts = append(parts, dateTimePart{"literal", after})
	}
	return parts
}

// numberParts are the integer (grouped as the locale groups), group, decimal and
// fraction parts of a number.
func numberParts(loc *relativeLocale, intPart, frac string) []dateTimePart {
	var parts []dateTimePart
	if loc.Group == "" || len(intPart) < 4 || (loc.MinGrouping == 2 && len(intPart) < 5) {
		parts = append(parts, dateTimePart{"integer", intPart})
	} else {
		size := loc.SecondaryGrouping
		if size == 0 {
			size = 3
		}
		high, low := intPart[:len(intPart)-3], intPart[len(intPart)-3:]
		first := len(high) % size
		if first == 0 {
			first = size
		}
		parts = append(parts, dateTimePart{"integer", high[:first]})
		for i := first; i < len(high); i += size {
			parts = append(parts, dateTimePart{"group", loc.Group}, dateTimePart{"integer", high[i : i+size]})
		}
		parts = append(parts, dateTimePart{"group", loc.Group}, dateTimePart{"integer", low})
	}
	if frac != "" {
		parts = append(parts, dateTimePart{"decimal", loc.Decimal}, dateTimePart{"fraction", frac})
	}
	return parts
}

// installIntlRelative adds RelativeTimeFormat to Intl. After installIntl.
func installIntlRelative(r *Runtime) {
	vm := r.vm
	native := vm.NewObject()
	must(native.Set("canonicalize", func(call goja.FunctionCall) goja.Value {
		tag, ok := canonicalTag(call.Argument(0).String())
		if !ok {
			return goja.Null()
		}
		return vm.ToValue(tag)
	}))
	must(native.Set("locale", func(call goja.FunctionCall) goja.Value {
		reported, key, ok := dateTimeLocaleFor(call.Argument(0).String())
		if !ok || !hasIntlData("relative", key) {
			return goja.Null()
		}
		return vm.ToValue([]any{reported, key})
	}))
	// format(key, style, unit, numeric, value) is the parts as
	// [type, value, ...].
	must(native.Set("format", func(call goja.FunctionCall) goja.Value {
		key := call.Argument(0).String()
		parts := relativeParts(intlData[relativeLocale]("relative", key), key, call.Argument(1).String(), call.Argument(2).String(),
			call.Argument(3).String() == "auto", call.Argument(4).ToFloat())
		var flat []any
		for _, p := range parts {
			flat = append(flat, p.Type, p.Value)
		}
		return vm.NewArray(flat...)
	}))
	fn, err := RunInternal(vm, "intl_relative", intlRelativeSource)
	must(err)
	install, _ := goja.AssertFunction(fn)
	_, err = install(goja.Undefined(), native)
	must(err)
}
