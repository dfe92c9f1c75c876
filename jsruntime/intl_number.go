package jsruntime

// Intl.NumberFormat: js/intl_number.js processes the options, the natives
// here format (intl_number_format.go) with the locale data workerd's ICU
// gives (intl_number_data.go).

import (
	_ "embed"
	"math"

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
	must(native.Set("currencyDigits", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(currencyDigits(call.Argument(0).String()))
	}))
	must(native.Set("numberFormat", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(newNumberFormat(call.Argument(0).ToObject(vm)))
	}))
	must(native.Set("formatNumber", func(call goja.FunctionCall) goja.Value {
		f := call.Argument(0).Export().(*numberFormat)
		return partsValue(vm, formatValue(f, call.Argument(1).String(), call.Argument(2)), "")
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
	return &numberFormat{
		locale: str("locale"), numberingSystem: str("numberingSystem"), data: numberLocaleData(str("locale")),
		style: str("style"), currency: str("currency"), currencyDisplay: str("currencyDisplay"),
		currencySign: str("currencySign"), notation: str("notation"), compactDisplay: str("compactDisplay"),
		signDisplay: str("signDisplay"), useGrouping: str("useGrouping"),
		minInt: num("minimumIntegerDigits"), minFrac: num("minimumFractionDigits"), maxFrac: num("maximumFractionDigits"),
		minSig: num("minimumSignificantDigits"), maxSig: num("maximumSignificantDigits"),
		roundingType: str("roundingType"), roundingIncrement: num("roundingIncrement"),
		roundingMode: str("roundingMode"), trailingZeroDisplay: str("trailingZeroDisplay"),
	}
}

// formatValue formats a value js/intl_number.js converted: kind "n" is a
// Number, "s" a BigInt's digits or a string, read as an exact decimal.
func formatValue(f *numberFormat, kind string, v goja.Value) []numberPart {
	if kind == "s" {
		s := v.String()
		switch trimmed := trimJSSpace(s); trimmed {
		case "Infinity", "+Infinity":
			return f.format(decimalFromFloat(1), false, true)
		case "-Infinity":
			return f.format(decimal{coef: decimalFromFloat(1).coef, neg: true}, false, true)
		}
		if d, ok := parseDecimal(trimJSSpace(s)); ok {
			return f.format(d, false, false)
		}
		return f.format(decimalFromFloat(0), true, false)
	}
	x := v.ToFloat()
	switch {
	case math.IsNaN(x):
		return f.format(decimalFromFloat(0), true, false)
	case math.IsInf(x, 0):
		return f.format(decimal{coef: decimalFromFloat(1).coef, neg: x < 0}, false, true)
	}
	return f.format(decimalFromFloat(x), false, false)
}

// trimJSSpace trims what StringToNumber treats as white space.
func trimJSSpace(s string) string {
	const space = " \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
	for len(s) > 0 {
		trimmed := false
		for _, r := range space {
			if len(s) > 0 && []rune(s)[0] == r {
				s = string([]rune(s)[1:])
				trimmed = true
			}
			if len(s) > 0 && []rune(s)[len([]rune(s))-1] == r {
				rs := []rune(s)
				s = string(rs[:len(rs)-1])
				trimmed = true
			}
		}
		if !trimmed {
			break
		}
	}
	return s
}

// partsValue is parts as the array of {type, value} (and source, when
// given) objects formatToParts returns.
func partsValue(vm *goja.Runtime, parts []numberPart, source string) goja.Value {
	list := make([]any, len(parts))
	for i, p := range parts {
		o := vm.NewObject()
		must(o.Set("type", p.Type))
		must(o.Set("value", p.Value))
		if source != "" {
			must(o.Set("source", source))
		}
		list[i] = o
	}
	return vm.NewArray(list...)
}
