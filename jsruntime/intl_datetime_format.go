package jsruntime

import (
	"strconv"
	"strings"
	"time"
)

// dateTimePart is one part of a formatted date, as formatToParts gives it.
type dateTimePart struct {
	Type, Value string
}

// formatDateTime formats t (already in its zone) with a pattern of loc,
// part by part. zoneID is the zone's resolved name, for its names.
func formatDateTime(loc *dateTimeLocale, pattern string, t time.Time, zoneID string) []dateTimePart {
	var parts []dateTimePart
	add := func(typ, v string) {
		if typ == "literal" && len(parts) > 0 && parts[len(parts)-1].Type == "literal" {
			parts[len(parts)-1].Value += v
			return
		}
		parts = append(parts, dateTimePart{typ, v})
	}
	year := t.Year()
	tokens := parsePattern(pattern)
	showsMinute := false
	for _, tok := range tokens {
		showsMinute = showsMinute || tok.letter == 'm'
	}
	for _, tok := range tokens {
		n := tok.count
		switch tok.letter {
		case 0:
			add("literal", tok.text)
		case 'G':
			era := 1
			if year <= 0 {
				era = 0
			}
			add("era", loc.Names.Eras[widthName(n)][era])
		case 'y':
			y := year
			if y <= 0 {
				y = 1 - y
			}
			if n == 2 {
				add("year", pad2(y%100))
			} else {
				add("year", padN(y, n))
			}
		case 'M', 'L':
			m := int(t.Month())
			switch {
			case n <= 2:
				add("month", padN(m, n))
			case tok.letter == 'M':
				add("month", loc.Names.Months.Format[widthName(n)][m-1])
			default:
				add("month", loc.Names.Months.Standalone[widthName(n)][m-1])
			}
		case 'd':
			add("day", padN(t.Day(), n))
		case 'E', 'c':
			names := loc.Names.Weekdays.Format
			if tok.letter == 'c' {
				names = loc.Names.Weekdays.Standalone
			}
			add("weekday", names[widthName(max(n, 3))][int(t.Weekday())])
		case 'a':
			add("dayPeriod", loc.Names.DayPeriods[t.Hour()/12])
		case 'B':
			add("dayPeriod", flexibleDayPeriod(loc, widthName(max(n, 3)), t, showsMinute))
		case 'h':
			h := t.Hour() % 12
			if h == 0 {
				h = 12
			}
			add("hour", padN(h, n))
		case 'K':
			add("hour", padN(t.Hour()%12, n))
		case 'H':
			add("hour", padN(t.Hour(), n))
		case 'k':
			h := t.Hour()
			if h == 0 {
				h = 24
			}
			add("hour", padN(h, n))
		case 'm':
			add("minute", padN(t.Minute(), n))
		case 's':
			add("second", padN(t.Second(), n))
		case 'S':
			ms := padN(t.Nanosecond()/int(time.Millisecond), 3)
			add("fractionalSecond", ms[:min(n, 3)])
		case 'z', 'O', 'v':
			add("timeZoneName", zoneName(loc, zoneID, t, tok.letter, n))
		default:
			add("literal", strings.Repeat(string(tok.letter), n))
		}
	}
	return parts
}

// widthName is the name width a field's letter count asks for.
func widthName(n int) string {
	switch {
	case n == 4:
		return "long"
	case n >= 5:
		return "narrow"
	}
	return "short"
}

// padN is v in decimal with at least n digits.
func padN(v, n int) string {
	s := strconv.Itoa(v)
	for len(s) < n {
		s = "0" + s
	}
	return s
}

// pad2 is v in two digits.
func pad2(v int) string { return padN(v, 2) }

// flexibleDayPeriod is the B field's name for t ("in the morning"). A
// pattern without minutes names the whole hour: 12:30 is "noon".
func flexibleDayPeriod(loc *dateTimeLocale, width string, t time.Time, showsMinute bool) string {
	names := loc.Names.Flexible[width]
	if len(names) < 26 {
		return loc.Names.DayPeriods[t.Hour()/12]
	}
	onHour := t.Minute() == 0 || !showsMinute
	switch {
	case t.Hour() == 12 && onHour:
		return names[24]
	case t.Hour() == 0 && onHour:
		return names[25]
	}
	return names[t.Hour()]
}

// resolvedPatternItems are, per option, the pattern substrings V8 looks
// for to report it in resolvedOptions, longest first, with the value each
// means. V8 searches the whole pattern, quoted literals too, so "de" in
// "MMMM 'de' y" reports a day, as workerd does.
var resolvedPatternItems = []struct {
	option string
	items  []string // substring, value, substring, value...
}{
	{"weekday", []string{"EEEEE", "narrow", "EEEE", "long", "EEE", "short", "ccccc", "narrow", "cccc", "long", "ccc", "short"}},
	{"era", []string{"GGGGG", "narrow", "GGGG", "long", "GGG", "short", "GG", "short", "G", "short"}},
	{"year", []string{"yy", "2-digit", "y", "numeric"}},
	{"month", []string{"MMMMM", "narrow", "MMMM", "long", "MMM", "short", "MM", "2-digit", "M", "numeric",
		"LLLLL", "narrow", "LLLL", "long", "LLL", "short", "LL", "2-digit", "L", "numeric"}},
	{"day", []string{"dd", "2-digit", "d", "numeric"}},
	{"dayPeriod", []string{"BBBBB", "narrow", "BBBB", "long", "B", "short"}},
	{"hour", []string{"HH", "2-digit", "H", "numeric", "hh", "2-digit", "h", "numeric",
		"kk", "2-digit", "k", "numeric", "KK", "2-digit", "K", "numeric"}},
	{"minute", []string{"mm", "2-digit", "m", "numeric"}},
	{"second", []string{"ss", "2-digit", "s", "numeric"}},
	{"timeZoneName", []string{"zzzz", "long", "z", "short", "OOOO", "longOffset", "O", "shortOffset",
		"vvvv", "longGeneric", "v", "shortGeneric"}},
}

// resolvedFields reads the options resolvedOptions reports from a
// pattern, as V8 does.
func resolvedFields(pattern string) map[string]string {
	out := map[string]string{}
	for _, f := range resolvedPatternItems {
		for i := 0; i < len(f.items); i += 2 {
			if strings.Contains(pattern, f.items[i]) {
				out[f.option] = f.items[i+1]
				break
			}
		}
	}
	if n := strings.Count(pattern, "S"); n > 0 {
		out["fractionalSecondDigits"] = strconv.Itoa(n)
	}
	return out
}

// patternHasHour tells whether a pattern shows the hour (as a field, not
// in a literal).
func patternHasHour(pattern string) bool {
	for _, tok := range parsePattern(pattern) {
		switch tok.letter {
		case 'h', 'H', 'k', 'K':
			return true
		}
	}
	return false
}
