package jsruntime

// Intl.NumberFormat's compact, scientific and engineering notations.

// compact scales x by the locale's compact pattern for its magnitude and
// rounds it; it returns the pattern's template (nil when x is not
// compacted).
func (f *numberFormat) compact(x decimal) (decimal, int, partTemplate) {
	mag := x.magnitude()
	for range 2 {
		tpl, div := f.data.compactPattern(f.compactDisplay, mag, "other")
		scaled := x
		if tpl != nil {
			scaled = x.shift(-div)
		}
		r, minFrac := f.round(scaled)
		if tpl != nil {
			r2 := r.shift(div)
			if m := r2.magnitude(); m > mag && !r2.isZero() {
				mag = m // 999999 rounds to 1000K: take the next pattern
				continue
			}
			category := pluralCategory(pluralLocale(f.locale), false, r.float(), 0, 3)
			tpl, _ = f.data.compactPattern(f.compactDisplay, mag, category)
		}
		return r, minFrac, tpl
	}
	r, minFrac := f.round(x)
	return r, minFrac, nil
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
