package jsruntime

import (
	"strings"
)

// dateTimeFields are the DateTimeFormat options that make a skeleton, in
// the order of a skeleton key, each with its values' one-letter codes (as
// intldata/dump.js writes them).
var dateTimeFields = []struct {
	name  string
	codes map[string]byte
}{
	{"weekday", map[string]byte{"long": 'l', "short": 's', "narrow": 'n'}},
	{"era", map[string]byte{"long": 'l', "short": 's', "narrow": 'n'}},
	{"year", map[string]byte{"numeric": 'n', "2-digit": '2'}},
	{"month", map[string]byte{"numeric": 'n', "2-digit": '2', "long": 'l', "short": 's', "narrow": 'x'}},
	{"day", map[string]byte{"numeric": 'n', "2-digit": '2'}},
	{"hour", map[string]byte{"numeric": 'n', "2-digit": '2'}},
	{"minute", map[string]byte{"numeric": 'n', "2-digit": '2'}},
	{"second", map[string]byte{"numeric": 'n', "2-digit": '2'}},
	{"fractionalSecondDigits", map[string]byte{"1": '1', "2": '2', "3": '3'}},
}

// skeletonKey is the key of the data's patterns for the chosen fields:
// one code per field ("-" when absent), then "h" or "H" for a 12- or
// 24-hour clock when the hour, minute, second or fraction is shown, then
// "z" when a time zone name is.
func skeletonKey(opts map[string]string, twelve bool) string {
	var b strings.Builder
	for _, f := range dateTimeFields {
		if c, ok := f.codes[opts[f.name]]; ok {
			b.WriteByte(c)
		} else {
			b.WriteByte('-')
		}
	}
	key := b.String()
	if strings.Trim(key[5:], "-") != "" {
		if twelve {
			key += "h"
		} else {
			key += "H"
		}
	}
	if opts["timeZoneName"] != "" {
		key += "z"
	}
	return key
}

// bestPattern is the pattern ICU picks for the fields in opts: the
// locale's own for that skeleton, or else its date part and its time part
// joined by the glue of the date's length, as ICU's
// DateTimePatternGenerator does (UTS #35, "Missing Skeleton Fields").
func bestPattern(loc *dateTimeLocale, opts map[string]string, twelve bool) string {
	key := skeletonKey(opts, twelve)
	if p, ok := loc.Patterns[key]; ok {
		return p
	}
	dateKey := key[:5] + "----"
	timeKey := "-----" + key[5:]
	if timeKey[:9] == "---------" {
		// A date and a zone name alone: the zone joins as a time field.
		return glue(loc, dateKey, loc.Patterns[dateKey], zoneLetters("short"))
	}
	datePattern := datePatternFor(loc, dateKey)
	timePattern, ok := loc.Patterns[timeKey]
	if !ok {
		timePattern = widened(loc, timeKey)
	}
	if datePattern == "" {
		return timePattern
	}
	return glue(loc, dateKey, datePattern, loc.Patterns[timeKey])
}

// datePatternFor is the pattern of a date key: the locale's, or the era
// alone, or else the pattern of the nearest key ICU would widen.
func datePatternFor(loc *dateTimeLocale, dateKey string) string {
	if dateKey == "---------" {
		return ""
	}
	if strings.Trim(dateKey[:1]+dateKey[2:], "-") == "" {
		// The era alone: its own field, as ICU's skeleton "G" gives (the
		// data's pattern for it has the date DateTimeFormat adds to an
		// era with no other field).
		return strings.Repeat("G", map[byte]int{'l': 4, 's': 1, 'n': 5}[dateKey[1]])
	}
	if p, ok := loc.Patterns[dateKey]; ok {
		return p
	}
	return widened(loc, dateKey)
}

// widened is the pattern of a key the data lacks: that of the key with
// each field at its usual width, with the fields then widened as ICU
// adjusts a pattern to its skeleton (2-digit day and month, narrow
// weekday and era).
func widened(loc *dateTimeLocale, key string) string {
	b := []byte(key)
	adjust := map[byte]string{}
	if b[0] == 'n' {
		b[0], adjust['E'] = 's', "EEEEE"
	}
	if b[1] == 'n' {
		b[1], adjust['G'] = 's', "GGGGG"
	}
	if b[3] == '2' {
		b[3], adjust['M'] = 'n', "MM"
	}
	if b[4] == '2' {
		b[4], adjust['d'] = 'n', "dd"
	}
	for i := 5; i < 8 && i < len(b); i++ {
		if b[i] == '2' {
			b[i] = 'n'
		}
	}
	p, ok := loc.Patterns[string(b)]
	if !ok {
		return ""
	}
	var out strings.Builder
	for _, t := range parsePattern(p) {
		switch {
		case t.letter == 0:
			out.WriteString(quoteLiteral(t.text))
		case adjust[t.letter] != "":
			out.WriteString(adjust[t.letter])
		default:
			out.WriteString(strings.Repeat(string(t.letter), t.count))
		}
	}
	return out.String()
}

// glue joins a date pattern and a time pattern with the locale's glue for
// the date's length: full for a long month and a weekday, long for a long
// month, medium for a short one, short otherwise.
func glue(loc *dateTimeLocale, dateKey, date, time string) string {
	length := "short"
	switch dateKey[3] {
	case 'l':
		length = "long"
		if dateKey[0] != '-' {
			length = "full"
		}
	case 's':
		length = "medium"
	}
	g := loc.Glue[length]
	g = strings.Replace(g, "{1}", date, 1)
	return strings.Replace(g, "{0}", time, 1)
}

// zoneLetters are the pattern letters of a timeZoneName option.
func zoneLetters(kind string) string {
	switch kind {
	case "long":
		return "zzzz"
	case "shortOffset":
		return "O"
	case "longOffset":
		return "OOOO"
	case "shortGeneric":
		return "v"
	case "longGeneric":
		return "vvvv"
	}
	return "z"
}

// patternToken is one field or literal of a pattern.
type patternToken struct {
	letter byte   // 0 for a literal
	count  int    // how many times the letter repeats
	text   string // the literal
}

// parsePattern splits an ICU date pattern into fields and literals
// (letters are fields, text in single quotes is literal, ” is a quote).
func parsePattern(p string) []patternToken {
	var out []patternToken
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			out = append(out, patternToken{text: lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(p); {
		c := p[i]
		switch {
		case c == '\'':
			if i+1 < len(p) && p[i+1] == '\'' {
				lit.WriteByte('\'')
				i += 2
				continue
			}
			j := i + 1
			for j < len(p) {
				if p[j] == '\'' {
					if j+1 < len(p) && p[j+1] == '\'' {
						lit.WriteByte('\'')
						j += 2
						continue
					}
					break
				}
				lit.WriteByte(p[j])
				j++
			}
			i = j + 1
		case (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'):
			flush()
			j := i
			for j < len(p) && p[j] == c {
				j++
			}
			out = append(out, patternToken{letter: c, count: j - i})
			i = j
		default:
			lit.WriteByte(c)
			i++
		}
	}
	flush()
	return out
}

// withHourCycle rewrites the hour letters of a pattern for an hour cycle
// (h11, h12, h23, h24), as V8 does after ICU picked the pattern.
func withHourCycle(p, hc string) string {
	var letter byte
	switch hc {
	case "h11":
		letter = 'K'
	case "h12":
		letter = 'h'
	case "h23":
		letter = 'H'
	case "h24":
		letter = 'k'
	default:
		return p
	}
	var b strings.Builder
	quoted := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c == '\'' {
			quoted = !quoted
		}
		if !quoted && (c == 'h' || c == 'H' || c == 'k' || c == 'K') {
			c = letter
		}
		b.WriteByte(c)
	}
	return b.String()
}

// withZone replaces the pattern's zone field ("z" as dumped) with the
// letters of kind.
func withZone(p, kind string) string {
	var b strings.Builder
	for _, t := range parsePattern(p) {
		switch {
		case t.letter == 'z':
			b.WriteString(zoneLetters(kind))
		case t.letter != 0:
			b.WriteString(strings.Repeat(string(t.letter), t.count))
		default:
			b.WriteString(quoteLiteral(t.text))
		}
	}
	return b.String()
}

// quoteLiteral quotes literal text for a pattern when it holds letters or
// quotes.
func quoteLiteral(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool {
		return r == '\'' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
	}) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}
