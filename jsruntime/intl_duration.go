package jsruntime

// Intl.DurationFormat: js/intl_duration.js defines it on NumberFormat's
// unit style and ListFormat's unit lists; the native here gives the
// separator of the digital style's hours, minutes and seconds.

import (
	_ "embed"

	"github.com/dop251/goja"
)

//go:embed js/intl_duration.js
var intlDurationSource string

// dotTimeSeparator are the locales (of those NumberFormat has data for)
// whose digital durations workerd's ICU writes "1.02.03"; the others take
// ":".
var dotTimeSeparator = map[string]bool{"da": true, "fi": true, "id": true}

// installIntlDuration adds DurationFormat's native to native and defines
// Intl.DurationFormat. After NumberFormat and ListFormat.
func installIntlDuration(vm *goja.Runtime, native *goja.Object) {
	must(native.Set("timeSeparator", func(call goja.FunctionCall) goja.Value {
		if dotTimeSeparator[numberDataKey(call.Argument(0).String())] {
			return vm.ToValue(".")
		}
		return vm.ToValue(":")
	}))
	fn, err := RunInternal(vm, "intl_duration", intlDurationSource)
	must(err)
	install, _ := goja.AssertFunction(fn)
	_, err = install(goja.Undefined(), native)
	must(err)
}
