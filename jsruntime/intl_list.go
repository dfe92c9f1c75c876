package jsruntime

// Intl.ListFormat: js/intl_list.js defines it; its connectors come from
// intl_list_data.json, recorded from workerd 1.20261117.1 (ICU's CLDR
// list patterns) by formatting lists of two, three and four items in
// each locale, type and style.

import (
	_ "embed"
	"encoding/json"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"golang.org/x/text/language"
)

//go:embed intl_list_data.json
var listDataJSON []byte

//go:embed js/intl_list.js
var intlListSource string

var (
	listDataOnce sync.Once
	// listData maps a locale to "type style" to the connectors: pair,
	// start, middle, end, then what goes before and after the list.
	listData map[string]map[string][]string
)

// listPatterns are the connectors for locale, falling back to its
// language and then to English.
func listPatterns(locale, kind string) []string {
	listDataOnce.Do(func() { must(json.Unmarshal(listDataJSON, &listData)) })
	if i := strings.Index(locale, "-u-"); i >= 0 {
		locale = locale[:i]
	}
	if d, ok := listData[locale]; ok {
		return d[kind]
	}
	if t, err := language.Parse(locale); err == nil {
		base, _ := t.Base()
		if d, ok := listData[base.String()]; ok {
			return d[kind]
		}
	}
	return listData["en"][kind]
}

// installIntlList adds ListFormat's native to native and defines
// Intl.ListFormat. After intl.js.
func installIntlList(vm *goja.Runtime, native *goja.Object) {
	must(native.Set("listPatterns", func(call goja.FunctionCall) goja.Value {
		list := []any{}
		for _, s := range listPatterns(call.Argument(0).String(), call.Argument(1).String()) {
			list = append(list, s)
		}
		return vm.NewArray(list...)
	}))
	fn, err := RunInternal(vm, "intl_list", intlListSource)
	must(err)
	install, _ := goja.AssertFunction(fn)
	_, err = install(goja.Undefined(), native)
	must(err)
}
