package jsruntime

import (
	"strings"

	"golang.org/x/text/language"
)

// dateTimeLocaleFor finds the data for a requested locale (canonical, any
// Unicode extension removed): the locale resolvedOptions reports and the
// key of its data, or false when there is none for its language. A locale
// with its own data, or its language's main region ("de-DE", "ja-JP"),
// resolves to itself; any other region to its parent with data, which is
// what it reports ("de-XX" is "de"), as ICU's fallback does.
func dateTimeLocaleFor(tag string) (reported, key string, ok bool) {
	if hasIntlData("datetime", tag) {
		return tag, tag, true
	}
	t, err := language.Parse(tag)
	if err != nil {
		return "", "", false
	}
	base, _ := t.Base()
	script, scriptConf := t.Script()
	region, regionConf := t.Region()
	switch {
	case tag == "en-US":
		return tag, "en", true
	case base.String() == "zh":
		if scriptConf == language.Exact && script.String() == "Hant" ||
			regionConf == language.Exact && (region.String() == "TW" || region.String() == "HK" || region.String() == "MO") {
			return tag, "zh-Hant", true
		}
		return tag, "zh", true
	case base.String() == "pt" && regionConf == language.Exact && region.String() != "BR":
		return tag, "pt-PT", true
	}
	if !hasIntlData("datetime", base.String()) {
		return "", "", false
	}
	if regionConf != language.Exact {
		return base.String(), base.String(), true
	}
	main, _ := language.Make(base.String()).Region()
	if main == region && !strings.Contains(tag[len(base.String()):], "-"+script.String()+"-") {
		return tag, base.String(), true
	}
	return base.String(), base.String(), true
}
