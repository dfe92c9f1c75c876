package jsruntime

// Intl.Locale: js/intl_locale.js defines it over the natives here.
// maximize and minimize use x/text's likely subtags (which agree with
// workerd's ICU); the get* methods answer from intl_locale_data.json,
// recorded from workerd 1.20261117.1 with intldata/dump_locale.js.

import (
	_ "embed"
	"encoding/json"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"golang.org/x/text/language"
)

//go:embed intl_locale_data.json
var localeDataJSON []byte

//go:embed js/intl_locale.js
var intlLocaleSource string

// localeData is what workerd's Intl.Locale answers, per region and per
// language.
type localeData struct {
	Regions map[string]struct {
		Ca   []string `json:"ca"`
		Hc   []string `json:"hc"`
		Week []int    `json:"week"` // first day, then the weekend days
		Tz   []string `json:"tz"`
	} `json:"regions"`
	Languages map[string]struct {
		Co  []string `json:"co"`
		Nu  string   `json:"nu"`
		Dir string   `json:"dir"`
	} `json:"languages"`
	// Locales is what "lang-REGION" and "lang-Script" answer where it
	// differs from their region's and language's.
	Locales map[string]struct {
		Ca   []string `json:"ca"`
		Hc   []string `json:"hc"`
		Week []int    `json:"week"`
		Nu   string   `json:"nu"`
		Co   []string `json:"co"`
	} `json:"locales"`
	// Likely is maximize's answer where x/text's likely subtags differ
	// from ICU's, by language[-Script][-REGION].
	Likely map[string]string `json:"likely"`
}

var (
	localeDataOnce sync.Once
	localeInfo     localeData
)

func loadLocaleData() *localeData {
	localeDataOnce.Do(func() { must(json.Unmarshal(localeDataJSON, &localeInfo)) })
	return &localeInfo
}

// likelySubtags fills in id's missing language, script and region; ok is
// false when x/text does not know the language.
func likelySubtags(id *localeID) (lang, script, region string, ok bool) {
	base := (&localeID{lang: id.lang, script: id.script, region: id.region}).String()
	if max, ok := loadLocaleData().Likely[base]; ok {
		p := strings.Split(max, "-")
		return p[0], p[1], p[2], true
	}
	t, err := language.Parse(base)
	if err != nil {
		return id.lang, id.script, id.region, false
	}
	b, conf := t.Base()
	s, _ := t.Script()
	r, _ := t.Region()
	if conf == language.No || s.String() == "Zzzz" || r.String() == "ZZ" {
		return id.lang, id.script, id.region, false
	}
	return b.String(), s.String(), r.String(), true
}

// maximize is Intl.Locale.prototype.maximize.
func (id *localeID) maximize() *localeID {
	out := *id
	out.lang, out.script, out.region, _ = likelySubtags(id)
	return &out
}

// minimize is Intl.Locale.prototype.minimize: the shortest of language,
// language-region and language-script that maximizes to the same.
func (id *localeID) minimize() *localeID {
	lang, script, region, ok := likelySubtags(id)
	out := *id
	if !ok {
		return &out
	}
	for _, try := range []localeID{{lang: lang}, {lang: lang, region: region}, {lang: lang, script: script}} {
		l, s, r, _ := likelySubtags(&try)
		if l == lang && s == script && r == region {
			out.lang, out.script, out.region = try.lang, try.script, try.region
			return &out
		}
	}
	out.lang, out.script, out.region = lang, script, region
	return &out
}

// localeRegion is the region whose preferences id takes: its -u-rg, its
// own, its likely one, or "" (the world's, as an unknown language has).
func (id *localeID) localeRegion() string {
	if rg, ok := id.keyValue("rg"); ok && len(rg) == 6 {
		return strings.ToUpper(rg[:2])
	}
	if id.region != "" {
		return id.region
	}
	if _, _, region, ok := likelySubtags(id); ok {
		return region
	}
	return ""
}

// regionPrefs are the calendars, hour cycles and week of id's region,
// as its language has them there.
func (id *localeID) regionPrefs() (ca, hc []string, week []int) {
	d := loadLocaleData()
	region := id.localeRegion()
	r, ok := d.Regions[region]
	if !ok {
		r = d.Regions[""]
	}
	ca, hc, week = r.Ca, r.Hc, r.Week
	if l, ok := d.Locales[id.lang+"-"+region]; ok {
		if l.Ca != nil {
			ca = l.Ca
		}
		if l.Hc != nil {
			hc = l.Hc
		}
		if l.Week != nil {
			week = l.Week
		}
	}
	return ca, hc, week
}

// rtlScripts are the scripts written right to left.
var rtlScripts = map[string]bool{
	"Adlm": true, "Arab": true, "Hebr": true, "Mand": true, "Mend": true,
	"Nkoo": true, "Rohg": true, "Samr": true, "Syrc": true, "Thaa": true,
	"Yezi": true,
}

// localeQuery answers Intl.Locale's get* methods; nil is undefined.
func (id *localeID) localeQuery(what string) any {
	d := loadLocaleData()
	keyed := func(key string) []string {
		if v, ok := id.keyValue(key); ok && v != "" {
			return []string{v}
		}
		return nil
	}
	switch what {
	case "calendars":
		if v := keyed("ca"); v != nil {
			return v
		}
		ca, _, _ := id.regionPrefs()
		return ca
	case "collations":
		if v := keyed("co"); v != nil {
			return v
		}
		if l, ok := d.Locales[id.lang+"-"+id.script]; ok && l.Co != nil {
			return l.Co
		}
		if l, ok := d.Languages[id.lang]; ok {
			return l.Co
		}
		return []string{"emoji", "eor"}
	case "hourCycles":
		if v := keyed("hc"); v != nil {
			return v
		}
		_, hc, _ := id.regionPrefs()
		return hc
	case "numberingSystems":
		if v := keyed("nu"); v != nil {
			return v
		}
		for _, k := range []string{id.lang + "-" + id.region, id.lang + "-" + id.script} {
			if l, ok := d.Locales[k]; ok && l.Nu != "" {
				return []string{l.Nu}
			}
		}
		if l, ok := d.Languages[id.lang]; ok {
			return []string{l.Nu}
		}
		return []string{"latn"}
	case "timeZones":
		if id.region == "" {
			return nil
		}
		if r, ok := d.Regions[id.region]; ok && r.Tz != nil {
			return r.Tz
		}
		return []string{}
	case "direction":
		_, script, _, _ := likelySubtags(id)
		if rtlScripts[script] {
			return "rtl"
		}
		return "ltr"
	case "week":
		_, _, w := id.regionPrefs()
		week := append([]int(nil), w...)
		if fw, ok := id.keyValue("fw"); ok {
			for i, day := range []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"} {
				if fw == day {
					week[0] = i + 1
				}
			}
		}
		return week
	}
	return nil
}

// installIntlLocale adds Locale's natives to native and defines
// Intl.Locale. After intl.js.
func installIntlLocale(vm *goja.Runtime, native *goja.Object) {
	rangeError := vm.Get("RangeError").(*goja.Object)
	parse := func(v goja.Value) *localeID {
		id, err := parseLocaleID(v.String())
		if err != nil {
			e, err2 := vm.New(rangeError, vm.ToValue(err.Error()))
			must(err2)
			panic(e)
		}
		return id
	}
	must(native.Set("localeNew", func(call goja.FunctionCall) goja.Value {
		opts := map[string]string{}
		if o, ok := call.Argument(1).(*goja.Object); ok {
			for _, k := range o.Keys() {
				opts[k] = o.Get(k).String()
			}
		}
		id, err := newLocaleID(call.Argument(0).String(), opts)
		if err != nil {
			e, err2 := vm.New(rangeError, vm.ToValue(err.Error()))
			must(err2)
			panic(e)
		}
		return vm.ToValue(id.String())
	}))
	must(native.Set("localeParts", func(call goja.FunctionCall) goja.Value {
		id := parse(call.Argument(0))
		o := vm.NewObject()
		set := func(name, v string, ok bool) {
			if ok {
				must(o.Set(name, v))
			}
		}
		set("baseName", id.baseName(), true)
		set("language", id.lang, true)
		set("script", id.script, id.script != "")
		set("region", id.region, id.region != "")
		set("variants", strings.Join(id.variants, "-"), len(id.variants) > 0)
		for _, k := range []struct{ name, key string }{
			{"calendar", "ca"}, {"caseFirst", "kf"}, {"collation", "co"},
			{"firstDayOfWeek", "fw"}, {"hourCycle", "hc"}, {"numberingSystem", "nu"},
		} {
			v, ok := id.keyValue(k.key)
			set(k.name, v, ok)
		}
		kn, ok := id.keyValue("kn")
		must(o.Set("numeric", ok && kn == ""))
		return o
	}))
	must(native.Set("localeMaximize", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(parse(call.Argument(0)).maximize().String())
	}))
	must(native.Set("localeMinimize", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(parse(call.Argument(0)).minimize().String())
	}))
	must(native.Set("localeQuery", func(call goja.FunctionCall) goja.Value {
		v := parse(call.Argument(0)).localeQuery(call.Argument(1).String())
		switch v := v.(type) {
		case []string:
			list := make([]any, len(v))
			for i, s := range v {
				list[i] = s
			}
			return vm.NewArray(list...)
		case []int:
			list := make([]any, len(v))
			for i, n := range v {
				list[i] = n
			}
			return vm.NewArray(list...)
		case string:
			return vm.ToValue(v)
		}
		return goja.Undefined()
	}))
	fn, err := RunInternal(vm, "intl_locale", intlLocaleSource)
	must(err)
	install, _ := goja.AssertFunction(fn)
	_, err = install(goja.Undefined(), native)
	must(err)
}
