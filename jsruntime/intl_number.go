package jsruntime

// Intl.NumberFormat: js/intl_number.js processes the options, the natives
// here format (intl_number_format.go) with the locale data workerd's ICU
// gives (intl_number_data.go).

import (
	_ "embed"
	"math"
	"strings"
	"unicode"

	"github.com/dop251/goja"
)

//go:embed js/intl_number.js
var intlNumberSource string

// installIntlNumber adds NumberFormat's natives to native and defines
// Intl.NumberFormat and the toLocaleString methods on it. After intl.js.
func installIntlNumber(vm *goja.Runtime, native *goja.Object) {
	must(native.Set("numberingSystemKnown", func(call goja.FunctionCall) goja.Value {
		_, ok := numberingDigits[call.Argument(0).String()]
		return vm.ToValue(ok)
	}))
	must(native.Set("defaultNumberingSystem", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(numberLocaleData(call.Argument(0).String()).NS)
	}))
	must(native.Set("wellFormedUnit", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(wellFormedUnit(call.Argument(0).String()))
	}))
	must(native.Set("currencyDigits", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(currencyDigits(call.Argument(0).String()))
	}))
	must(native.Set("numberFormat", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(newNumberFormat(call.Argument(0).ToObject(vm)))
	}))
	must(native.Set("formatNumber", func(call goja.FunctionCall) goja.Value {
		f := call.Argument(0).Export().(*numberFormat)
		r, _ := valueLayers(f, call.Argument(1).String(), call.Argument(2))
		return partsValue(vm, r.flat())
	}))
	must(native.Set("isNaNValue", func(call goja.FunctionCall) goja.Value {
		_, nan := valueLayers(nil, call.Argument(0).String(), call.Argument(1))
		return vm.ToValue(nan)
	}))
	must(native.Set("formatRange", func(call goja.FunctionCall) goja.Value {
		f := call.Argument(0).Export().(*numberFormat)
		x, _ := valueLayers(f, call.Argument(1).String(), call.Argument(2))
		y, _ := valueLayers(f, call.Argument(3).String(), call.Argument(4))
		if f.style == "unit" {
			// ICU names the unit once, in the plural form of the range.
			x.outerPre, x.outerSuf = y.outerPre, y.outerSuf
		}
		list := []any{}
		for _, p := range f.formatRange(x, y) {
			o := vm.NewObject()
			must(o.Set("type", p.Type))
			must(o.Set("value", p.Value))
			must(o.Set("source", p.source))
			list = append(list, o)
		}
		return vm.NewArray(list...)
	}))
	fn, err := RunInternal(vm, "intl_number", intlNumberSource)
	must(err)
	install, _ := goja.AssertFunction(fn)
	_, err = install(goja.Undefined(), native)
	must(err)
}

// newNumberFormat reads the resolved options js/intl_number.js passes.
func newNumberFormat(o *goja.Object) *numberFormat {
	str := func(k string) string { return o.Get(k).String() }
	num := func(k string) int { return int(o.Get(k).ToInteger()) }
	f := &numberFormat{
		locale: str("locale"), numberingSystem: str("numberingSystem"), data: numberLocaleData(str("locale")),
		style: str("style"), currency: str("currency"), currencyDisplay: str("currencyDisplay"),
		currencySign: str("currencySign"), notation: str("notation"), compactDisplay: str("compactDisplay"),
		signDisplay: str("signDisplay"), useGrouping: str("useGrouping"),
		minInt: num("minimumIntegerDigits"), minFrac: num("minimumFractionDigits"), maxFrac: num("maximumFractionDigits"),
		minSig: num("minimumSignificantDigits"), maxSig: num("maximumSignificantDigits"),
		roundingType: str("roundingType"), roundingIncrement: num("roundingIncrement"),
		roundingMode: str("roundingMode"), trailingZeroDisplay: str("trailingZeroDisplay"),
		unit: str("unit"), unitDisplay: str("unitDisplay"),
	}
	f.data = withNumberingSystem(f.data, f.locale, f.numberingSystem)
	return f
}

// withNumberingSystem is data with the decimal and group separators of
// numbering system ns where -u-nu picks another than the locale's (ICU
// keeps symbols by numbering system: "en-u-nu-arab" takes Arabic's).
func withNumberingSystem(data *numberLocale, locale, ns string) *numberLocale {
	var from *numberLocale
	switch {
	case ns == data.NS:
		return data
	case ns == "arab":
		from = numberLocaleData("ar-EG")
	case ns == "latn":
		from = numberLocaleData(baseOf(locale))
		if from.NS != "latn" {
			from = numberLocaleData("en")
		}
	default:
		return data
	}
	c := *data
	c.Decimal, c.Group, c.CurDecimal, c.CurGroup = from.Decimal, from.Group, from.CurDecimal, from.CurGroup
	return &c
}

// valueLayers formats a value js/intl_number.js converted (kind "n" is a
// Number, "s" a BigInt's digits or a string, read as an exact decimal),
// and tells whether it is NaN. With a nil f it only tells that.
func valueLayers(f *numberFormat, kind string, v goja.Value) (formatted, bool) {
	x, nan, inf := decimalFromFloat(0), false, false
	if kind == "s" {
		s := strings.TrimFunc(v.String(), isJSSpace)
		switch s {
		case "Infinity", "+Infinity", "-Infinity":
			x, inf = decimalFromFloat(1), true
			x.neg = s[0] == '-'
		default:
			var ok bool
			x, ok = parseDecimal(s)
			nan = !ok
		}
	} else {
		n := v.ToFloat()
		switch {
		case math.IsNaN(n):
			nan = true
		case math.IsInf(n, 0):
			x, inf = decimalFromFloat(1), true
			x.neg = n < 0
		default:
			x = decimalFromFloat(n)
		}
	}
	if f == nil {
		return formatted{}, nan
	}
	return f.layers(x, nan, inf), nan
}

// isJSSpace is what StringToNumber trims: WhiteSpace and LineTerminator.
func isJSSpace(r rune) bool {
	return r == '\ufeff' || unicode.IsSpace(r) || unicode.Is(unicode.Zs, r)
}

// partsValue is parts as the array of {type, value} objects formatToParts
// returns.
func partsValue(vm *goja.Runtime, parts []numberPart) goja.Value {
	list := make([]any, len(parts))
	for i, p := range parts {
		o := vm.NewObject()
		must(o.Set("type", p.Type))
		must(o.Set("value", p.Value))
		list[i] = o
	}
	return vm.NewArray(list...)
}
