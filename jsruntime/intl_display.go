package jsruntime

// Intl.DisplayNames: js/intl_display.js defines it; the names come from
// intldata/display, recorded from workerd 1.20261117.1 by
// intldata/dump_display.js: per locale and type the long names and the
// short and narrow ones that differ, the dialect names of language-region
// and language-script pairs, and the locale's "name (part, part)" pattern
// that composes a tag's name from its subtags as ICU does.

import (
	"embed"
	"fmt"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

//go:embed intldata/display
var displayFS embed.FS

//go:embed js/intl_display.js
var intlDisplaySource string

// displayLocale is one locale's recorded names.
type displayLocale struct {
	Language      map[string]map[string]string `json:"language"`
	Region        map[string]map[string]string `json:"region"`
	Script        map[string]map[string]string `json:"script"`
	Currency      map[string]map[string]string `json:"currency"`
	Calendar      map[string]map[string]string `json:"calendar"`
	DateTimeField map[string]map[string]string `json:"dateTimeField"`
	Dialect       map[string]map[string]string `json:"dialect"`
	Pattern       []string                     `json:"pattern"`
}

var displayCache sync.Map

// displayBrackets swaps round brackets, plain and full-width, for square.
var displayBrackets = strings.NewReplacer("(", "[", ")", "]", "\uff08", "\uff3b", "\uff09", "\uff3d")

// displayData is the data for locale, falling back to its language and
// then to English.
func displayData(locale string) *displayLocale {
	if i := strings.Index(locale, "-u-"); i >= 0 {
		locale = locale[:i]
	}
	for _, key := range []string{locale, strings.SplitN(locale, "-", 2)[0], "en"} {
		if v, ok := displayCache.Load(key); ok {
			return v.(*displayLocale)
		}
		gz, err := displayFS.ReadFile("intldata/display/" + key + ".json.gz")
		if err != nil {
			continue
		}
		v := new(displayLocale)
		if err := decodeGzipJSON(gz, v); err != nil {
			panic(fmt.Errorf("display names %s: %w", key, err)) // embedded, part of the build
		}
		actual, _ := displayCache.LoadOrStore(key, v)
		return actual.(*displayLocale)
	}
	panic("display names: no English data")
}

// displayDialect finds a tag's dialect name in a style, where "" says
// the style has none, then in the long ones.
func displayDialect(m map[string]map[string]string, style, tag string) (string, bool) {
	if v, ok := m[style][tag]; ok {
		return v, v != ""
	}
	v, ok := m["long"][tag]
	return v, ok
}

// displayLookup finds code in a style's names, then in the long ones.
func displayLookup(m map[string]map[string]string, style, code string) (string, bool) {
	if v, ok := m[style][code]; ok {
		return v, true
	}
	v, ok := m["long"][code]
	return v, ok
}

// intlDisplayName answers of(code) for a checked, canonically cased code:
// the name and whether there is one.
func intlDisplayName(locale, kind, style string, dialect bool, code string) (string, bool) {
	d := displayData(locale)
	switch kind {
	case "region":
		return displayLookup(d.Region, style, code)
	case "script":
		return displayLookup(d.Script, style, code)
	case "currency":
		return displayLookup(d.Currency, style, code)
	case "calendar":
		return displayLookup(d.Calendar, style, code)
	case "dateTimeField":
		return displayLookup(d.DateTimeField, style, code)
	}
	return displayLanguage(d, style, dialect, code)
}

// displayLanguage composes a language tag's name as ICU does: a dialect
// name for language-script or language-region when asked for, else the
// language's name, then the other subtags' names in the locale pattern.
// ok is false when a part has no name (the name then holds the codes).
func displayLanguage(d *displayLocale, style string, dialect bool, code string) (string, bool) {
	sub := strings.Split(code, "-")
	lang, script, region := sub[0], "", ""
	for _, s := range sub[1:] {
		if len(s) == 4 {
			script = s
		} else {
			region = s
		}
	}
	ok := true
	name, found := "", false
	// ICU uses a dialect name only for a tag of exactly two subtags.
	dialect = dialect && len(sub) == 2
	if dialect && script != "" {
		if name, found = displayDialect(d.Dialect, style, lang+"-"+script); found {
			script = ""
		}
	}
	if !found && dialect && region != "" {
		if name, found = displayDialect(d.Dialect, style, lang+"-"+region); found {
			region = ""
		}
	}
	if !found {
		if name, found = displayLookup(d.Language, style, lang); !found || lang == "und" {
			name, ok = lang, false
		}
		if lang == "und" {
			name = "root" // ICU's code for the root locale
		}
	}
	var parts []string
	if script != "" {
		n, f := displayLookup(d.Script, style, script)
		if !f {
			n, ok = script, false
		}
		parts = append(parts, n)
	}
	if region != "" {
		n, f := displayLookup(d.Region, style, region)
		if !f {
			n, ok = region, false
		}
		parts = append(parts, n)
	}
	if len(parts) == 0 {
		return name, ok
	}
	// ICU turns brackets inside the parts into square ones, so that they
	// do not nest in the pattern's: "(Kinshasa)" becomes "[Kinshasa]".
	for i, p := range parts {
		parts[i] = displayBrackets.Replace(p)
	}
	return name + d.Pattern[0] + strings.Join(parts, d.Pattern[1]) + d.Pattern[2], ok
}

// installIntlDisplay defines Intl.DisplayNames.
func installIntlDisplay(vm *goja.Runtime, native *goja.Object) {
	must(native.Set("displayOf", func(call goja.FunctionCall) goja.Value {
		name, ok := intlDisplayName(call.Argument(0).String(), call.Argument(1).String(),
			call.Argument(2).String(), call.Argument(3).ToBoolean(), call.Argument(4).String())
		if !ok && !(call.Argument(1).String() == "language" && call.Argument(5).ToBoolean()) {
			return goja.Undefined()
		}
		return vm.ToValue(name)
	}))
	fn, err := RunInternal(vm, "intl_display", intlDisplaySource)
	must(err)
	install, _ := goja.AssertFunction(fn)
	_, err = install(goja.Undefined(), native)
	must(err)
}
