package jsruntime

// Intl.Collator's caseFirst: x/text's collate has no caseFirst, so an
// upper-first collator compares to the accent level, then by the case of
// the first letter whose case differs (upper first), then as the full
// collator does. "lower" orders as the default does in ICU's root.

import (
	"github.com/dop251/goja"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// upperFirstCollator is an upper-first collator: secondary compares to
// the sensitivity's level below case, full is the default collator.
type upperFirstCollator struct {
	secondary, full *collate.Collator
	byCase          bool // false for sensitivities that ignore case
	caseOnly        bool // sensitivity "case": no tertiary level after case
}

// upperFirstLocales are the languages whose collation is upper-first by
// default, as workerd resolves them.
var upperFirstLocales = map[string]bool{"da": true}

// collatorCaseFirst is the caseFirst locale (without extensions beyond
// -u-) resolves to when no option or -u-kf sets it.
func collatorCaseFirst(locale string) string {
	t, err := language.Parse(locale)
	if err != nil {
		return "false"
	}
	base, _ := t.Base()
	if upperFirstLocales[base.String()] {
		return "upper"
	}
	return "false"
}

// compare orders x and y upper first.
func (c *upperFirstCollator) compare(x, y string) int {
	if d := c.secondary.CompareString(x, y); d != 0 || !c.byCase {
		return d
	}
	if d := compareCase(x, y); d != 0 {
		return -d
	}
	if c.caseOnly {
		return 0
	}
	return c.full.CompareString(x, y)
}

// installIntlCollatorCase adds the natives for caseFirst to native.
// Before intl.js runs.
func installIntlCollatorCase(vm *goja.Runtime, native *goja.Object) {
	must(native.Set("collatorCaseFirst", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(collatorCaseFirst(call.Argument(0).String()))
	}))
	must(native.Set("collatorUpperFirst", func(call goja.FunctionCall) goja.Value {
		locale, sensitivity := call.Argument(0).String(), call.Argument(1).String()
		numeric, ignorePunctuation := call.Argument(2).ToBoolean(), call.Argument(3).ToBoolean()
		c := &upperFirstCollator{full: newCollator(locale, sensitivity, numeric, ignorePunctuation)}
		switch sensitivity {
		case "variant":
			c.secondary, c.byCase = newCollator(locale, "accent", numeric, ignorePunctuation), true
		case "case":
			c.secondary, c.byCase, c.caseOnly = newCollator(locale, "base", numeric, ignorePunctuation), true, true
		default:
			c.secondary = c.full
		}
		return vm.ToValue(c)
	}))
	must(native.Set("compareUpperFirst", func(call goja.FunctionCall) goja.Value {
		c := call.Argument(0).Export().(*upperFirstCollator)
		return vm.ToValue(c.compare(call.Argument(1).String(), call.Argument(2).String()))
	}))
}
