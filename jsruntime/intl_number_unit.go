package jsruntime

// Intl.NumberFormat's unit style: the patterns of the sanctioned simple
// units and of their "-per-" combinations, recorded from workerd's ICU in
// intldata/unit (see intldata/dump_unit.js). A "-per-" unit is the
// numerator's pattern put in the denominator's "per" pattern, as ICU
// composes it, unless the recording lists its own pattern (CLDR's
// kilometer-per-hour, and whatever else ICU does not compose).

import (
	"embed"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
)

//go:embed intldata/unit
var intlUnitFS embed.FS

// sanctionedUnits are ECMA-402's simple units
// (https://tc39.es/ecma402/#table-sanctioned-single-unit-identifiers).
var sanctionedUnits = map[string]bool{}

func init() {
	for _, u := range strings.Fields(`acre bit byte celsius centimeter day degree fahrenheit
		fluid-ounce foot gallon gigabit gigabyte gram hectare hour inch kilobit kilobyte
		kilogram kilometer liter megabit megabyte meter microsecond mile mile-scandinavian
		milliliter millimeter millisecond minute month nanosecond ounce percent petabyte
		pound second stone terabit terabyte week yard year`) {
		sanctionedUnits[u] = true
	}
}

// wellFormedUnit is IsWellFormedUnitIdentifier: a sanctioned unit or two
// joined by "-per-".
func wellFormedUnit(u string) bool {
	if sanctionedUnits[u] {
		return true
	}
	num, den, ok := strings.Cut(u, "-per-")
	return ok && sanctionedUnits[num] && sanctionedUnits[den]
}

// unitDisplayData is one unitDisplay's recording: templates by unit and
// plural category, "per" patterns by denominator and category, and the
// "-per-" units with their own templates.
type unitDisplayData struct {
	Simple map[string]map[string]partTemplate
	Per    map[string]map[string]string
	Exc    map[string]map[string]partTemplate
	// CompactPercent is what follows the compact part of a compacted
	// percent unit, by compactDisplay; the short display's PercentStyle is
	// that of the percent style, where ICU also names the sign a unit.
	CompactPercent map[string]partTemplate `json:"compactPercent"`
	PercentStyle   map[string]partTemplate `json:"percentStyle"`
}

var unitDataCache sync.Map

// unitLocaleData is the recording for the number data locale of locale,
// by unitDisplay.
func unitLocaleData(locale string) map[string]*unitDisplayData {
	key := numberDataKey(locale)
	if v, ok := unitDataCache.Load(key); ok {
		return v.(map[string]*unitDisplayData)
	}
	gz, err := intlUnitFS.ReadFile("intldata/unit/" + key + ".json.gz")
	if err != nil {
		gz, _ = intlUnitFS.ReadFile("intldata/unit/en.json.gz")
	}
	v := map[string]*unitDisplayData{}
	if err := decodeGzipJSON(gz, &v); err != nil {
		panic(fmt.Errorf("intl unit data %s: %w", key, err)) // the embedded files are part of the build
	}
	actual, _ := unitDataCache.LoadOrStore(key, v)
	return actual.(map[string]*unitDisplayData)
}

// numberDataKey is the key of the number data numberLocaleData picks for
// locale.
func numberDataKey(locale string) string {
	d := numberLocaleData(locale)
	for k, v := range numberData {
		if v == d {
			return k
		}
	}
	return "en"
}

// unitTemplate is the pattern of f's unit for the number as formatted
// (times 10^scale, when compact), "#" standing for it.
func (f *numberFormat) unitTemplate(number []numberPart, scale int) partTemplate {
	category := f.formattedCategory(number, scale)
	d := unitLocaleData(f.locale)[f.unitDisplay]
	if d == nil {
		return partTemplate{{Type: "#"}}
	}
	if t, ok := byCategory(d.Exc[f.unit], category); ok {
		return t
	}
	num, den, isPer := strings.Cut(f.unit, "-per-")
	if !isPer {
		t, _ := byCategory(d.Simple[f.unit], category)
		return t
	}
	t, _ := byCategory(d.Simple[num], category)
	per, ok := d.Per[den][category]
	if !ok {
		per, ok = d.Per[den]["other"]
	}
	if !ok {
		return t
	}
	return composePer(per, t)
}

// compactPercentSuffix is what follows a compacted percent (the percent
// style, or the unit percent in a short or narrow display), or nil where
// the usual patterns apply.
func (f *numberFormat) compactPercentSuffix() partTemplate {
	switch {
	case f.style == "percent":
		if d := unitLocaleData(f.locale)["short"]; d != nil {
			return d.PercentStyle[f.compactDisplay]
		}
	case f.style == "unit" && f.unit == "percent" && f.unitDisplay != "long":
		if d := unitLocaleData(f.locale)[f.unitDisplay]; d != nil {
			return d.CompactPercent[f.compactDisplay]
		}
	}
	return nil
}

// byCategory is m's entry for category, else its "other".
func byCategory[T any](m map[string]T, category string) (T, bool) {
	if t, ok := m[category]; ok {
		return t, true
	}
	t, ok := m["other"]
	return t, ok
}

// formattedCategory is the plural category of the number as formatted
// (times 10^scale, when compact).
func (f *numberFormat) formattedCategory(number []numberPart, scale int) string {
	var intPart, frac string
	for _, p := range number {
		switch p.Type {
		case "integer":
			intPart += p.Value
		case "fraction":
			frac = p.Value
		}
	}
	if intPart == "" {
		return "other" // NaN and Infinity
	}
	if len(intPart) > 12 && scale == 0 {
		// Past a float's precision: the rules only look at the last
		// digits, and at whether the number is small.
		intPart = "1" + intPart[len(intPart)-12:]
	}
	v, _ := strconv.ParseFloat(intPart+"."+frac+"0", 64)
	visible := len(frac)
	if scale != 0 {
		v, visible = math.Round(v*math.Pow10(scale)), 0
	}
	return pluralCategory(pluralLocale(f.locale), false, v, visible, visible)
}

// composePer puts the numerator's template in a denominator's per pattern
// ("{0}" standing for the numerator) and splits the text as ICU does: the
// spaces next to the number are a literal, the rest of each side one unit
// part.
func composePer(per string, numerator partTemplate) partTemplate {
	var b strings.Builder
	for _, p := range numerator {
		if p.Type == "#" {
			b.WriteByte(0)
		} else {
			b.WriteString(p.Value)
		}
	}
	s := strings.Replace(per, "{0}", b.String(), 1)
	pre, post, ok := strings.Cut(s, "\x00")
	if !ok {
		return partTemplate{{"unit", s}}
	}
	var out partTemplate
	if pre != "" {
		u := strings.TrimRight(pre, unitSpaces)
		if u != "" {
			out = append(out, numberPart{"unit", u})
		}
		if sp := pre[len(u):]; sp != "" {
			out = append(out, numberPart{"literal", sp})
		}
	}
	out = append(out, numberPart{Type: "#"})
	if post != "" {
		u := strings.TrimLeft(post, unitSpaces)
		if sp := post[:len(post)-len(u)]; sp != "" {
			out = append(out, numberPart{"literal", sp})
		}
		if u != "" {
			out = append(out, numberPart{"unit", u})
		}
	}
	return out
}

// unitSpaces are the spaces composePer keeps out of the unit part (the
// recording's probe splits on the same).
const unitSpaces = " \t\n\v\f\r\u00a0\u202f\u0085\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u205f\u3000\ufeff"

// hasHole tells whether t has a place for the number.
func hasHole(t partTemplate) bool {
	for _, p := range t {
		if p.Type == "#" {
			return true
		}
	}
	return false
}

// percentAsUnit is the percent style's template t with its sign named a
// unit: ICU formats the short and narrow percent unit with the locale's
// percent pattern (Turkish "-%5" keeps its sign first).
func percentAsUnit(t partTemplate) partTemplate {
	out := make(partTemplate, len(t))
	for i, p := range t {
		if p.Type == "percentSign" {
			p.Type = "unit"
		}
		out[i] = p
	}
	return out
}
