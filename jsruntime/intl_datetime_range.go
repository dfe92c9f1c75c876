package jsruntime

import (
	"encoding/json"
	"time"
)

// formatRange's interval formats: what workerd's ICU gives for each
// skeleton and the field two dates first differ in, dumped by
// intldata/dump_range.js.

// rangeSegment is a run of a range's pattern and the date it formats:
// "s" the start, "e" the end, "x" shared.
type rangeSegment struct {
	source, pattern string
}

// rangeLocale is a locale's interval data: skeleton key, then field, to
// segments or "" (one date).
type rangeLocale map[string]map[string]json.RawMessage

// greatestDifference is the first field (y, M, d, a, h, m, s) in which two
// times differ, or "" when they agree to the second.
func greatestDifference(a, b time.Time) string {
	switch {
	case a.Year() != b.Year():
		return "y"
	case a.Month() != b.Month():
		return "M"
	case a.Day() != b.Day():
		return "d"
	case a.Hour()/12 != b.Hour()/12:
		return "a"
	case a.Hour() != b.Hour():
		return "h"
	case a.Minute() != b.Minute():
		return "m"
	case a.Second() != b.Second():
		return "s"
	}
	return ""
}

// rangeSegments are the segments ICU formats a range with, nil when the
// range is one date, or false when the data has no interval format for the
// skeleton (then the range is both dates in full, or one when they format
// the same).
func rangeSegments(locKey, rangeKey, field string) ([]rangeSegment, bool) {
	if field == "" {
		return nil, true
	}
	data := intlData[rangeLocale]("range", locKey)
	if data == nil {
		return nil, false
	}
	raw, ok := (*data)[rangeKey][field]
	if !ok {
		return nil, false
	}
	var pairs [][2]string
	if err := json.Unmarshal(raw, &pairs); err != nil {
		return nil, true // "": the range shows as one date
	}
	out := make([]rangeSegment, len(pairs))
	for i, p := range pairs {
		out[i] = rangeSegment{p[0], p[1]}
	}
	return out, true
}
