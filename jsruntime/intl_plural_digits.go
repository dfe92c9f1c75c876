package jsruntime

// Intl.PluralRules with significant digits: the number is rounded to
// maximumSignificantDigits and shown with at least
// minimumSignificantDigits, on exact decimal digits as NumberFormat does
// (intl_number_decimal.go), and the plural rules see that form.

import (
	"math"

	"github.com/dop251/goja"
)

// pluralSignificant is PluralRules.prototype.select for n formatted with
// minSig to maxSig significant digits.
func pluralSignificant(locale string, ordinal bool, n float64, minSig, maxSig int) string {
	if math.IsNaN(n) || math.IsInf(n, 0) {
		return "other"
	}
	d := decimalFromFloat(math.Abs(n))
	if !d.isZero() {
		d = d.roundTo(d.magnitude()-maxSig+1, 1, "halfExpand")
	}
	frac := max(0, -d.exp, minSig-1-d.magnitude())
	return pluralCategory(locale, ordinal, d.float(), frac, frac)
}

// installIntlPluralDigits adds PluralRules' significant-digit native to
// native. Before intl.js runs.
func installIntlPluralDigits(vm *goja.Runtime, native *goja.Object) {
	must(native.Set("pluralSignificant", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(pluralSignificant(call.Argument(0).String(), call.Argument(1).String() == "ordinal",
			call.Argument(2).ToFloat(), int(call.Argument(3).ToInteger()), int(call.Argument(4).ToInteger())))
	}))
}
