package jsruntime

// Intl.NumberFormat.prototype.formatRange(ToParts), as ICU's number range
// formatter does it with its default collapse (UNUM_RANGE_COLLAPSE_AUTO)
// and identity fallback (approximately).

import "unicode/utf8"

// rangePart is a part of a formatted range with its source.
type rangePart struct {
	numberPart
	source string
}

// formatRange formats the range from x to y.
func (f *numberFormat) formatRange(x, y formatted) []rangePart {
	var out []rangePart
	add := func(parts []numberPart, source string) {
		for _, p := range parts {
			out = append(out, rangePart{p, source})
		}
	}
	if partsText(x.flat()) == partsText(y.flat()) {
		add([]numberPart{{"approximatelySign", f.data.Approx}}, "shared")
		add(x.flat(), "shared")
		return out
	}
	collapseOuter := partsText(x.outerPre) == partsText(y.outerPre) && partsText(x.outerSuf) == partsText(y.outerSuf)
	mid := partsText(x.midPre) + partsText(x.midSuf)
	collapseMiddle := collapseOuter && partsText(x.midPre) == partsText(y.midPre) &&
		partsText(x.midSuf) == partsText(y.midSuf) && utf8.RuneCountInString(mid) > 1
	sep := f.data.RangeSep
	// ICU spaces the separator when an affix is repeated on both sides.
	if len(x.innerSuf) > 0 || (!collapseMiddle && mid != "") ||
		(!collapseOuter && partsText(x.outerPre)+partsText(x.outerSuf) != "") {
		sep = " " + sep + " "
	}
	side := func(r formatted, source string) {
		if !collapseOuter {
			add(r.outerPre, source)
		}
		if !collapseMiddle {
			add(r.midPre, source)
		}
		add(r.core, source)
		add(r.innerSuf, source)
		if !collapseMiddle {
			add(r.midSuf, source)
		}
		if !collapseOuter {
			add(r.outerSuf, source)
		}
	}
	if collapseOuter {
		add(x.outerPre, "shared")
	}
	if collapseMiddle {
		add(x.midPre, "shared")
	}
	side(x, "startRange")
	add([]numberPart{{"literal", sep}}, "shared")
	side(y, "endRange")
	if collapseMiddle {
		add(x.midSuf, "shared")
	}
	if collapseOuter {
		add(x.outerSuf, "shared")
	}
	return out
}

// partsText is the text of parts.
func partsText(parts []numberPart) string {
	var s string
	for _, p := range parts {
		s += p.Value
	}
	return s
}
