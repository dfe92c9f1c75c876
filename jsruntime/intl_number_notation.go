package jsruntime

// Intl.NumberFormat's compact, scientific and engineering notations.

// compact scales x by the locale's compact pattern for its magnitude and
// rounds it; it returns the pattern's template (nil when x is not
// compacted) and the power of ten it scaled by.
func (f *numberFormat) compact(x decimal) (decimal, int, partTemplate, int) {
	mag := x.magnitude()
	for range 2 {
		tpl, div := f.data.compactPattern(f.compactDisplay, mag, "other")
		scaled := x
		if tpl != nil {
			scaled = x.shift(-div)
		}
		r, minFrac := f.round(scaled)
		if tpl == nil {
			if m := r.magnitude(); m > mag && !r.isZero() {
				mag = m // 999999.5 rounds to 1000000: take that pattern
				continue
			}
		}
		if tpl != nil {
			r2 := r.shift(div)
			if m := r2.magnitude(); m > mag && !r2.isZero() {
				mag = m // 999999 rounds to 1000K: take the next pattern
				continue
			}
			v := max(minFrac, -r.exp)
			category := pluralCategory(pluralLocale(f.locale), false, r.float(), v, v)
			if v == 0 && r.exp == 0 && r.coef.IsInt64() && r.coef.Int64() == 1 {
				category = "1" // CLDR's explicit pattern for exactly 1 ("mille")
			}
			tpl, _ = f.data.compactPattern(f.compactDisplay, mag, category)
			return r, minFrac, tpl, div
		}
		return r, minFrac, nil, 0
	}
	r, minFrac := f.round(x)
	return r, minFrac, nil, 0
}

// scientific scales x to one integer digit (engineering: one to three,
// the exponent a multiple of three) and rounds it; it returns the
// exponent too.
func (f *numberFormat) scientific(x decimal) (decimal, int, int) {
	exponent := f.exponentOf(x.magnitude())
	r, minFrac := f.round(x.shift(-exponent))
	if !r.isZero() {
		if e := f.exponentOf(r.shift(exponent).magnitude()); e != exponent {
			exponent = e // 9.9996 rounds to 10.000: take the next exponent
			r, minFrac = f.round(x.shift(-exponent))
		}
	}
	return r, minFrac, exponent
}

// exponentOf is the exponent shown for a number of magnitude mag.
func (f *numberFormat) exponentOf(mag int) int {
	if f.notation == "engineering" {
		if mag < 0 {
			return -((-mag + 2) / 3 * 3)
		}
		return mag / 3 * 3
	}
	return mag
}
