package jsruntime

// Intl.NumberFormat's formatting: rounding (ECMA-402's ToRawFixed and
// ToRawPrecision on exact decimals), notation, grouping and the locale's
// part templates (intl_number_data.go).

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bojanz/currency"
)

// numberFormat is a resolved Intl.NumberFormat.
type numberFormat struct {
	locale, numberingSystem          string
	data                             *numberLocale
	style, currency, currencyDisplay string
	currencySign                     string
	notation, compactDisplay         string
	signDisplay, useGrouping         string
	minInt, minFrac, maxFrac         int
	minSig, maxSig                   int
	roundingType                     string // fractionDigits, significantDigits, morePrecision, lessPrecision
	roundingIncrement                int
	roundingMode                     string
	trailingZeroDisplay              string
	unit, unitDisplay                string
}

// numberingDigits are the digits of the numbering systems -u-nu can pick.
var numberingDigits = map[string]string{
	"latn": "0123456789", "arab": "٠١٢٣٤٥٦٧٨٩", "arabext": "۰۱۲۳۴۵۶۷۸۹",
	"beng": "০১২৩৪৫৬৭৮৯", "deva": "०१२३४५६७८९", "fullwide": "０１２３４５６７８９",
	"hanidec": "〇一二三四五六七八九", "thai": "๐๑๒๓๔๕๖๗๘๙", "tamldec": "௦௧௨௩௪௫௬௭௮௯",
	"mymr": "၀၁၂၃၄၅၆၇၈၉", "khmr": "០១២៣៤៥៦៧៨៩", "laoo": "໐໑໒໓໔໕໖໗໘໙",
}

// currencyDigits is the currency's default number of fraction digits
// (CLDR's, 2 for a code CLDR does not know).
func currencyDigits(code string) int {
	if d, ok := currency.GetDigits(code); ok {
		return int(d)
	}
	return 2
}

// formatted is a formatted number in ICU's layers, as formatRange
// collapses them: the digits, the exponent (inner), the sign with the
// compact, currency or percent affixes (middle) and the long currency name
// (outer).
type formatted struct {
	core, innerSuf     []numberPart
	midPre, midSuf     []numberPart
	outerPre, outerSuf []numberPart
}

// flat is the number's parts in order.
func (r formatted) flat() []numberPart {
	var out []numberPart
	for _, p := range [][]numberPart{r.outerPre, r.midPre, r.core, r.innerSuf, r.midSuf, r.outerSuf} {
		out = append(out, p...)
	}
	return out
}

// split cuts a template at its "#".
func split(t []numberPart) (pre, suf []numberPart) {
	for i, p := range t {
		if p.Type == "#" {
			return t[:i:i], t[i+1:]
		}
	}
	return t, nil
}

// hole is the number's place in a template being built.
var hole = []numberPart{{Type: "#"}}

// format formats x (nan and inf describe a value x cannot hold) as parts.
func (f *numberFormat) format(x decimal, nan, inf bool) []numberPart {
	return f.layers(x, nan, inf).flat()
}

// layers formats x in layers.
func (f *numberFormat) layers(x decimal, nan, inf bool) formatted {
	if f.style == "percent" && !nan && !inf {
		x = x.shift(2)
	}
	var r formatted
	var inner partTemplate
	exponent, hasExp, scale := 0, false, 0
	switch {
	case nan:
		r.core = []numberPart{{"nan", f.data.NaN}}
	case inf:
		r.core = []numberPart{{"infinity", f.data.Inf}}
	default:
		var minFrac int
		switch f.notation {
		case "compact":
			x, minFrac, inner, scale = f.compact(x)
		case "scientific", "engineering":
			x, minFrac, exponent = f.scientific(x)
			hasExp = true
		default:
			x, minFrac = f.round(x)
		}
		r.core = f.numberParts(x, minFrac)
	}
	sign := f.signIndex(x.neg, !nan && !inf && x.isZero(), nan)
	middle := hole
	if inner != nil {
		middle = fill(inner, hole)
	}
	if hasExp {
		r.innerSuf = f.localDigits(f.exponentParts(exponent))
	}
	switch {
	case hasExp && f.style == "decimal":
		middle = f.scientificSign(sign)
	case inner != nil && f.compactPercentSuffix() != nil:
		r.outerSuf = f.compactPercentSuffix()
		middle = fill(f.data.Tpl["decimal"][sign], middle)
	case f.style == "currency" && f.currencyDisplay == "name":
		r.outerPre, r.outerSuf = split(f.nameTemplate(r.core, scale))
		middle = fill(f.data.Tpl["decimal"][sign], middle)
	case f.style == "currency":
		middle = f.currencyParts(sign, middle)
	case f.style == "unit" && f.unit == "percent" && f.unitDisplay != "long":
		middle = fill(percentAsUnit(f.data.Tpl["percent"][sign]), middle)
	case f.style == "unit":
		t := f.unitTemplate(r.core, scale+exponent)
		r.outerPre, r.outerSuf = split(t)
		middle = fill(f.data.Tpl["decimal"][sign], middle)
		if !hasHole(t) {
			r.core, middle = nil, nil // a pattern such as Arabic's "يوم" for one day
		}
	case f.style == "percent":
		middle = fill(f.data.Tpl["percent"][sign], middle)
	default:
		middle = fill(f.data.Tpl["decimal"][sign], middle)
	}
	r.midPre, r.midSuf = split(middle)
	r.core = f.localDigits(r.core)
	return r
}

// signIndex picks the template with a plus sign (0), a minus sign (1) or
// none (2) for signDisplay.
func (f *numberFormat) signIndex(negative, zero, nan bool) int {
	switch f.signDisplay {
	case "auto":
		if negative {
			return 1
		}
	case "always":
		if negative {
			return 1
		}
		return 0
	case "exceptZero":
		if !zero && !nan {
			if negative {
				return 1
			}
			return 0
		}
	case "negative":
		if negative && !zero {
			return 1
		}
	}
	return 2
}

// fill puts the parts of number where the template has "#".
func fill(t partTemplate, number []numberPart) []numberPart {
	out := make([]numberPart, 0, len(t)+len(number))
	for _, p := range t {
		if p.Type == "#" {
			out = append(out, number...)
		} else {
			out = append(out, p)
		}
	}
	return out
}

// currencyParts wraps number in the locale's currency pattern.
func (f *numberFormat) currencyParts(sign int, number []numberPart) []numberPart {
	if f.currencyDisplay == "code" {
		out := fill(f.data.Tpl["code"][sign], number)
		for i := range out {
			if out[i].Type == "currency" {
				out[i].Value = f.currency
			}
		}
		return out
	}
	symbol := f.currency
	if s, ok := f.data.Symbols[f.currency]; ok {
		symbol = s
	}
	if f.currencyDisplay == "narrowSymbol" {
		if s, ok := f.data.Narrow[f.currency]; ok {
			symbol = s
		}
	}
	key := "currency"
	if f.currencySign == "accounting" {
		key = "accounting"
	}
	t := f.data.Tpl[key][sign]
	out := make([]numberPart, 0, len(t)+len(number)+1)
	for i, p := range t {
		switch {
		case p.Type == "#":
			out = append(out, number...)
		case p.Type == "currency":
			out = append(out, numberPart{"currency", symbol})
			// CLDR's currency spacing: a symbol ending (or starting) in a
			// letter is kept from the digits by a no-break space.
			if i+1 < len(t) && t[i+1].Type == "#" {
				if r, _ := utf8.DecodeLastRuneInString(symbol); !unicode.IsSymbol(r) {
					out = append(out, numberPart{"literal", "\u00a0"})
				}
			}
			if i > 0 && t[i-1].Type == "#" {
				if r, _ := utf8.DecodeRuneInString(symbol); !unicode.IsSymbol(r) {
					out = append(out[:len(out)-1], numberPart{"literal", "\u00a0"}, out[len(out)-1])
				}
			}
		default:
			out = append(out, p)
		}
	}
	return out
}

// nameTemplate is the pattern for the currency's long name, in the plural
// form of the number as formatted (times 10^scale, when compact).
func (f *numberFormat) nameTemplate(number []numberPart, scale int) partTemplate {
	var intPart, frac string
	for _, p := range number {
		switch p.Type {
		case "integer":
			intPart += p.Value
		case "fraction":
			frac = p.Value
		}
	}
	v, _ := strconv.ParseFloat(intPart+"."+frac+"0", 64)
	visible := len(frac)
	if scale > 0 {
		v, visible = math.Round(v*math.Pow10(scale)), 0
	}
	category := pluralCategory(pluralLocale(f.locale), false, v, visible, visible)
	t, ok := f.data.NameTpl[category]
	if !ok {
		t = f.data.NameTpl["other"]
	}
	name := f.currency
	if names, ok := f.data.Names[f.currency]; ok {
		if n, ok := names[category]; ok {
			name = n
		} else if n, ok := names["other"]; ok {
			name = n
		}
	}
	out := make(partTemplate, len(t))
	for i, p := range t {
		if p.Type == "currency" {
			p.Value = name
		}
		out[i] = p
	}
	return out
}

// scientificSign is the sign template of a scientific or engineering
// number, up to its exponent.
func (f *numberFormat) scientificSign(sign int) []numberPart {
	var out []numberPart
	for _, p := range f.data.Tpl["scientific"][sign] {
		if p.Type == "exponentSeparator" {
			break
		}
		out = append(out, p)
	}
	return out
}

// exponentParts are the parts of the exponent of a scientific or
// engineering number.
func (f *numberFormat) exponentParts(exponent int) []numberPart {
	source := f.data.Tpl["scientific"][0]
	if exponent < 0 {
		source = f.data.Tpl["scientific"][1]
	}
	var out []numberPart
	inExp := false
	for _, p := range source {
		if p.Type == "exponentSeparator" {
			inExp = true
		}
		if !inExp {
			continue
		}
		if p.Type == "exponentInteger" {
			p.Value = strconv.Itoa(max(exponent, -exponent))
		}
		out = append(out, p)
	}
	return out
}

// localDigits writes the digits of the number's parts in the numbering
// system.
func (f *numberFormat) localDigits(parts []numberPart) []numberPart {
	digits := numberingDigits[f.numberingSystem]
	if f.numberingSystem == "latn" || digits == "" {
		return parts
	}
	table := []rune(digits)
	for i, p := range parts {
		switch p.Type {
		case "integer", "fraction", "exponentInteger":
			var b strings.Builder
			for _, r := range p.Value {
				if r >= '0' && r <= '9' {
					r = table[r-'0']
				}
				b.WriteRune(r)
			}
			parts[i].Value = b.String()
		}
	}
	return parts
}

// round applies the digit options; it returns the rounded value and how
// many fraction digits to show at least.
func (f *numberFormat) round(x decimal) (decimal, int) {
	fixed := func() (decimal, int) {
		return x.roundTo(-f.maxFrac, f.roundingIncrement, f.roundingMode), f.minFrac
	}
	precise := func() (decimal, int) {
		r := x.roundTo(x.magnitude()-f.maxSig+1, 1, f.roundingMode)
		return r, max(0, f.minSig-1-r.magnitude())
	}
	var r decimal
	var minFrac int
	switch f.roundingType {
	case "significantDigits":
		r, minFrac = precise()
	case "morePrecision", "lessPrecision":
		sMag, fMag := x.magnitude()-f.maxSig+1, -f.maxFrac
		fixedWins := sMag > fMag
		if f.roundingType == "lessPrecision" {
			fixedWins = sMag <= fMag
		}
		if fixedWins {
			r, minFrac = fixed()
		} else {
			r, minFrac = precise()
		}
	default:
		r, minFrac = fixed()
	}
	if f.trailingZeroDisplay == "stripIfInteger" && r.exp >= 0 {
		minFrac = 0
	}
	return r, minFrac
}

// numberParts formats |r|, rounded, as integer, group, decimal and
// fraction parts.
func (f *numberFormat) numberParts(r decimal, minFrac int) []numberPart {
	intPart, frac := r.digits(minFrac)
	for len(intPart) < f.minInt {
		intPart = "0" + intPart
	}
	group, dec := f.data.Group, f.data.Decimal
	if f.style == "currency" && f.data.CurDecimal != "" {
		group, dec = f.data.CurGroup, f.data.CurDecimal
	}
	var out []numberPart
	for _, g := range f.groups(intPart) {
		if len(out) > 0 {
			out = append(out, numberPart{"group", group})
		}
		out = append(out, numberPart{"integer", g})
	}
	if frac != "" {
		out = append(out, numberPart{"decimal", dec}, numberPart{"fraction", frac})
	}
	return out
}

// groups splits the integer digits where the locale groups them.
func (f *numberFormat) groups(digits string) []string {
	minGrouping := f.data.MinGrouping
	switch f.useGrouping {
	case "false":
		return []string{digits}
	case "always":
		minGrouping = 1
	case "min2":
		minGrouping = 2
	}
	p, s := f.data.Primary, f.data.Secondary
	kind := f.style
	if f.style == "currency" && f.currencySign == "accounting" {
		kind = "accounting"
	}
	if g, ok := f.data.Grouping[kind]; ok && g[0] > 0 {
		p, s = g[0], g[1]
	}
	if p <= 0 || len(digits) < p+minGrouping {
		return []string{digits}
	}
	out := []string{digits[len(digits)-p:]}
	rest := digits[:len(digits)-p]
	for len(rest) > s {
		out = append([]string{rest[len(rest)-s:]}, out...)
		rest = rest[:len(rest)-s]
	}
	return append([]string{rest}, out...)
}
