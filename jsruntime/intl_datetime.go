package jsruntime

// Intl.DateTimeFormat and Date.prototype.toLocale{,Date,Time}String:
// js/intl_datetime.js defines the objects and reads the options; the
// natives here negotiate the locale, pick the pattern ICU would
// (intl_datetime_pattern.go) and format in an IANA zone
// (intl_datetime_zone.go) with the data dumped from workerd's ICU
// (intl_datetime_data.go).

import (
	_ "embed"
	"math"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"
)

//go:embed js/intl_datetime.js
var intlDateTimeSource string

// zoneCache keeps loaded zones by resolved name (loading parses tzdata).
var zoneCache sync.Map

// zoneByID is the location of a resolved zone name.
func zoneByID(id string) *time.Location {
	if l, ok := zoneCache.Load(id); ok {
		return l.(*time.Location)
	}
	_, loc, ok := resolveZone(id)
	if !ok {
		loc = time.UTC
	}
	zoneCache.Store(id, loc)
	return loc
}

// installIntlDateTime adds DateTimeFormat to Intl and wires Date's
// toLocale*String to it. After installIntl.
func installIntlDateTime(r *Runtime) {
	vm := r.vm
	native := vm.NewObject()
	set := func(name string, fn func(goja.FunctionCall) goja.Value) { must(native.Set(name, fn)) }
	set("canonicalize", func(call goja.FunctionCall) goja.Value {
		tag, ok := canonicalTag(call.Argument(0).String())
		if !ok {
			return goja.Null()
		}
		return vm.ToValue(tag)
	})
	// locale(tag) is [reported, dataKey] or null.
	set("locale", func(call goja.FunctionCall) goja.Value {
		reported, key, ok := dateTimeLocaleFor(call.Argument(0).String())
		if !ok {
			return goja.Null()
		}
		return vm.ToValue([]any{reported, key})
	})
	set("zone", func(call goja.FunctionCall) goja.Value {
		id, _, ok := resolveZone(call.Argument(0).String())
		if !ok {
			return goja.Null()
		}
		return vm.ToValue(id)
	})
	// hourCycles(key) is the locale's [default, hour12 true, hour12 false].
	set("hourCycles", func(call goja.FunctionCall) goja.Value {
		loc := dateTimeLocaleData(call.Argument(0).String())
		return vm.ToValue([]any{loc.HourCycles.Default, loc.HourCycles.H12, loc.HourCycles.H24})
	})
	// rangeKey(fields, hourCycle, dateStyle, timeStyle) is the key of the
	// range data.
	set("rangeKey", func(call goja.FunctionCall) goja.Value {
		fields := map[string]string{}
		if obj := call.Argument(0).ToObject(vm); obj != nil {
			for _, k := range obj.Keys() {
				fields[k] = obj.Get(k).String()
			}
		}
		hc := call.Argument(1).String()
		twelve := hc == "h11" || hc == "h12"
		dateStyle, timeStyle := call.Argument(2).String(), call.Argument(3).String()
		if dateStyle != "" || timeStyle != "" {
			letter := "H"
			if twelve {
				letter = "h"
			}
			return vm.ToValue(orDash(dateStyle) + "/" + orDash(timeStyle) + "/" + letter)
		}
		return vm.ToValue(skeletonKey(fields, twelve))
	})
	// pattern(key, fields, hourCycle, dateStyle, timeStyle, zoneKind).
	set("pattern", func(call goja.FunctionCall) goja.Value {
		loc := dateTimeLocaleData(call.Argument(0).String())
		fields := map[string]string{}
		if obj := call.Argument(1).ToObject(vm); obj != nil {
			for _, k := range obj.Keys() {
				fields[k] = obj.Get(k).String()
			}
		}
		hc := call.Argument(2).String()
		twelve := hc == "h11" || hc == "h12"
		dateStyle, timeStyle := call.Argument(3).String(), call.Argument(4).String()
		var p string
		if dateStyle != "" || timeStyle != "" {
			letter := "H"
			if twelve {
				letter = "h"
			}
			p = loc.Styles[orDash(dateStyle)+"/"+orDash(timeStyle)+"/"+letter]
		} else {
			p = fieldsPattern(loc, fields, twelve)
		}
		return vm.ToValue(withHourCycle(p, hc))
	})
	set("fields", func(call goja.FunctionCall) goja.Value {
		out := vm.NewObject()
		p := call.Argument(0).String()
		for k, v := range resolvedFields(p) {
			must(out.Set(k, v))
		}
		must(out.Set("hasHour", patternHasHour(p)))
		return out
	})
	// format(key, pattern, zone, time) is the parts as [type, value, ...].
	set("format", func(call goja.FunctionCall) goja.Value {
		loc := dateTimeLocaleData(call.Argument(0).String())
		zone := call.Argument(2).String()
		ms := call.Argument(3).ToFloat()
		t := time.UnixMilli(int64(math.Floor(ms))).In(zoneByID(zone))
		var flat []any
		for _, p := range formatDateTime(loc, call.Argument(1).String(), t, zone) {
			flat = append(flat, p.Type, p.Value)
		}
		return vm.NewArray(flat...)
	})
	// range(key, rangeKey, hourCycle, zone, start, end, zoneKind) is the parts of a
	// range as [type, value, source, ...], or null when the data has no
	// interval format for it.
	set("range", func(call goja.FunctionCall) goja.Value {
		key := call.Argument(0).String()
		loc := dateTimeLocaleData(key)
		hc, zone := call.Argument(2).String(), call.Argument(3).String()
		z := zoneByID(zone)
		t1 := time.UnixMilli(int64(math.Floor(call.Argument(4).ToFloat()))).In(z)
		t2 := time.UnixMilli(int64(math.Floor(call.Argument(5).ToFloat()))).In(z)
		segments, ok := rangeSegments(key, call.Argument(1).String(), greatestDifference(t1, t2))
		if !ok {
			return goja.Null()
		}
		if segments == nil {
			return vm.NewArray()
		}
		var flat []any
		for _, seg := range segments {
			t, source := t1, "shared"
			switch seg.source {
			case "s":
				source = "startRange"
			case "e":
				t, source = t2, "endRange"
			}
			pattern := withHourCycle(seg.pattern, hc)
			if kind := call.Argument(6).String(); kind != "" {
				pattern = withZone(pattern, kind)
			}
			for _, p := range formatDateTime(loc, pattern, t, zone) {
				if p.Type == "literal" && len(flat) > 0 && flat[len(flat)-3] == "literal" && flat[len(flat)-1] == source {
					flat[len(flat)-2] = flat[len(flat)-2].(string) + p.Value
					continue
				}
				flat = append(flat, p.Type, p.Value, source)
			}
		}
		return vm.NewArray(flat...)
	})
	fn, err := RunInternal(vm, "intl_datetime", intlDateTimeSource)
	must(err)
	install, _ := goja.AssertFunction(fn)
	_, err = install(goja.Undefined(), native)
	must(err)
}

// fieldsPattern is the pattern for the field options: ICU's for the
// skeleton, with the zone name's letters and the flexible day period
// (dayPeriod, which V8 shows only with a 12-hour clock or alone) put in.
func fieldsPattern(loc *dateTimeLocale, fields map[string]string, twelve bool) string {
	dayPeriod := fields["dayPeriod"]
	delete(fields, "dayPeriod")
	var p string
	if len(fields) > 0 {
		p = bestPattern(loc, fields, twelve)
		if kind := fields["timeZoneName"]; kind != "" {
			p = withZone(p, kind)
		}
	}
	if dayPeriod == "" {
		return p
	}
	letters := map[string]string{"short": "B", "long": "BBBB", "narrow": "BBBBB"}[dayPeriod]
	key := skeletonKey(fields, twelve)
	switch {
	case p == "":
		return letters
	case strings.Trim(key[5:9], "-") == "" && fields["timeZoneName"] == "":
		// A date and the day period: joined as a date and a time.
		return glue(loc, key[:9], p, letters)
	}
	var b strings.Builder
	for _, t := range parsePattern(p) {
		switch {
		case t.letter == 'a':
			b.WriteString(letters)
		case t.letter != 0:
			b.WriteString(strings.Repeat(string(t.letter), t.count))
		default:
			b.WriteString(quoteLiteral(t.text))
		}
	}
	return b.String()
}

// orDash is s, or "-" when it is empty.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
