package jsruntime

// Intl.supportedValuesOf: js/intl_supported.js defines it; the lists are
// intl_supported_data.json, recorded from workerd 1.20261117.1 with
// intldata/dump_supported.js.

import (
	_ "embed"
	"encoding/json"
	"sync"

	"github.com/dop251/goja"
)

//go:embed intl_supported_data.json
var supportedDataJSON []byte

//go:embed js/intl_supported.js
var intlSupportedSource string

var (
	supportedDataOnce sync.Once
	// supportedData maps a key ("calendar", "unit", ...) to its values.
	supportedData map[string][]string
)

// installIntlSupported adds supportedValuesOf's native to native and
// defines Intl.supportedValuesOf. After intl.js.
func installIntlSupported(vm *goja.Runtime, native *goja.Object) {
	must(native.Set("supportedValues", func(call goja.FunctionCall) goja.Value {
		supportedDataOnce.Do(func() { must(json.Unmarshal(supportedDataJSON, &supportedData)) })
		values, ok := supportedData[call.Argument(0).String()]
		if !ok {
			return goja.Undefined()
		}
		list := make([]any, len(values))
		for i, v := range values {
			list[i] = v
		}
		return vm.NewArray(list...)
	}))
	fn, err := RunInternal(vm, "intl_supported", intlSupportedSource)
	must(err)
	install, _ := goja.AssertFunction(fn)
	_, err = install(goja.Undefined(), native)
	must(err)
}
