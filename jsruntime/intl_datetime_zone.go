package jsruntime

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	_ "time/tzdata" // IANA zones on any machine, as workerd's ICU has them
	"unicode/utf8"
)

// utcNames are the names V8 resolves to "UTC" (upper-cased).
var utcNames = map[string]bool{
	"UTC": true, "ETC/UTC": true, "GMT": true, "ETC/GMT": true, "UCT": true, "ETC/UCT": true,
	"ZULU": true, "ETC/ZULU": true, "UNIVERSAL": true, "ETC/UNIVERSAL": true, "GMT0": true,
	"ETC/GMT0": true, "GMT+0": true, "GMT-0": true, "ETC/GMT+0": true, "ETC/GMT-0": true,
	"GREENWICH": true, "ETC/GREENWICH": true,
}

// offsetZone matches an offset time zone ("+05:30", "-08", "+0530").
var offsetZone = regexp.MustCompile(`^([+-])(\d{2})(?::?(\d{2}))?$`)

// resolveZone is the zone a timeZone option names, by its canonical name,
// or false when it names none.
func resolveZone(name string) (string, *time.Location, bool) {
	if utcNames[strings.ToUpper(name)] {
		return "UTC", time.UTC, true
	}
	if m := offsetZone.FindStringSubmatch(name); m != nil {
		var h, mi int
		fmt.Sscanf(m[2], "%d", &h)
		if m[3] != "" {
			fmt.Sscanf(m[3], "%d", &mi)
		}
		if h > 23 || mi > 59 {
			return "", nil, false
		}
		secs := (h*60 + mi) * 60
		if m[1] == "-" {
			secs = -secs
		}
		id := fmt.Sprintf("%s%02d:%02d", m[1], h, mi)
		return id, time.FixedZone(id, secs), true
	}
	if name == "" || strings.ContainsAny(name, " .\\") || strings.HasPrefix(name, "/") {
		return "", nil, false
	}
	for _, cand := range []string{name, titleZone(name)} {
		if loc, err := time.LoadLocation(cand); err == nil && cand != "Local" {
			if icu, ok := icuZoneIDs[cand]; ok {
				return icu, loc, true
			}
			return cand, loc, true
		}
	}
	return "", nil, false
}

// titleZone is a zone name in the IANA database's usual case
// ("america/new_york" is "America/New_York").
func titleZone(name string) string {
	b := []byte(strings.ToLower(name))
	up := true
	for i, c := range b {
		if up && c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
		up = c == '/' || c == '_' || c == '-'
	}
	s := string(b)
	if strings.HasPrefix(s, "Etc/Gmt") {
		s = "Etc/GMT" + s[len("Etc/Gmt"):]
	}
	return s
}

// zoneName is the name of the zone zoneID at t for a pattern field (z,
// O or v, n letters).
func zoneName(loc *dateTimeLocale, zoneID string, t time.Time, letter byte, n int) string {
	kind := map[byte]string{'z': "short", 'O': "shortOffset", 'v': "shortGeneric"}[letter]
	long := n >= 4
	if long {
		kind = map[byte]string{'z': "long", 'O': "longOffset", 'v': "longGeneric"}[letter]
	}
	if names, ok := zoneNames(loc, zoneID)[kind]; ok {
		if name, ok := zoneNameAt(names, t); ok {
			return name
		}
	}
	_, offset := t.Zone()
	return offsetName(loc, offset, long)
}

// zoneInstants are the instants whose zone names intldata/dump.js dumps.
var zoneInstants = []time.Time{
	time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC), time.Date(2024, 7, 15, 0, 0, 0, 0, time.UTC),
	time.Date(2018, 1, 15, 0, 0, 0, 0, time.UTC), time.Date(2018, 7, 15, 0, 0, 0, 0, time.UTC),
}

// zoneNameAt picks of a zone's dumped names the one of an instant with the
// same offset and daylight saving as t, or false when none has them (a
// zone's old offsets, which ICU names by their GMT offset).
func zoneNameAt(names []string, t time.Time) (string, bool) {
	_, offset := t.Zone()
	for i, at := range zoneInstants {
		if i >= len(names) {
			break
		}
		u := at.In(t.Location())
		if _, o := u.Zone(); o == offset && u.IsDST() == t.IsDST() {
			return names[i], true
		}
	}
	return "", false
}

// offsetName is the locale's GMT format of an offset in seconds ("GMT+1",
// "UTC+05:30"), read from the dumped names of fixed zones.
func offsetName(loc *dateTimeLocale, offset int, long bool) string {
	which := 0
	if long {
		which = 1
	}
	if offset == 0 {
		return loc.Offsets["UTC"][which]
	}
	plus := loc.Offsets["Etc/GMT-1"][0] // "GMT+1"
	prefix := strings.TrimSuffix(plus, "+1")
	minusName := strings.TrimPrefix(loc.Offsets["Etc/GMT+5"][0], prefix) // "-5"
	minus, _ := utf8.DecodeRuneInString(minusName)
	sepName := strings.TrimPrefix(loc.Offsets["Asia/Kolkata"][1], prefix+"+05") // ":30"
	sep, _ := utf8.DecodeRuneInString(sepName)
	sign := "+"
	if offset < 0 {
		sign = string(minus)
		offset = -offset
	}
	h, m := offset/3600, offset%3600/60
	if long {
		return fmt.Sprintf("%s%s%02d%c%02d", prefix, sign, h, sep, m)
	}
	if m == 0 {
		return fmt.Sprintf("%s%s%d", prefix, sign, h)
	}
	return fmt.Sprintf("%s%s%d%c%02d", prefix, sign, h, sep, m)
}
