package jsruntime

// The locale data of Intl.NumberFormat. intl_number_data.json was recorded
// from workerd 1.20261117.1 (V8 with ICU's CLDR data) by formatting probe
// numbers in each locale and keeping what the parts show: symbols, grouping
// sizes, the order of sign, number, currency and percent sign (as part
// templates, "#" standing for the number), currency symbols, currency names
// and compact patterns.

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/text/language"
)

//go:embed intl_number_data.json
var numberDataJSON []byte

// numberPart is one {type, value} of formatToParts.
type numberPart struct{ Type, Value string }

// partTemplate is a pattern as parts; a part of type "#" is the number.
type partTemplate []numberPart

// UnmarshalJSON reads the recording's form: "#" or [type, value].
func (t *partTemplate) UnmarshalJSON(b []byte) error {
	var raw []json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return fmt.Errorf("part template: %w", err)
	}
	for _, r := range raw {
		var pair []string
		if err := json.Unmarshal(r, &pair); err != nil {
			*t = append(*t, numberPart{Type: "#"})
			continue
		}
		*t = append(*t, numberPart{Type: pair[0], Value: pair[1]})
	}
	return nil
}

// signTemplates are a pattern with a plus sign, with a minus sign and with
// no sign.
type signTemplates [3]partTemplate

// numberLocale is one locale's recorded data.
type numberLocale struct {
	Decimal, Group, Minus, Plus string
	CurDecimal, CurGroup        string // a currency's, where they differ (de-AT, fr-CH)
	RangeSep, Approx            string
	Primary                     int `json:"primary"`
	Secondary                   int `json:"secondary"`
	MinGrouping                 int `json:"minGrouping"`
	NS                          string
	NaN                         string `json:"nan"`
	Inf                         string
	Tpl                         map[string]signTemplates
	Symbols, Narrow             map[string]string
	Names                       map[string]map[string]string
	NameTpl                     map[string]partTemplate
	Compact                     map[string][]map[string]json.RawMessage
	Grouping                    map[string][2]int // primary and secondary size by style
}

var (
	numberDataOnce sync.Once
	numberData     map[string]*numberLocale
)

// numberLocaleData is the data for locale, falling back as ICU does: the
// tag without extensions, then its language and script, its language, and
// last English.
func numberLocaleData(locale string) *numberLocale {
	numberDataOnce.Do(func() {
		must(json.Unmarshal(numberDataJSON, &numberData))
	})
	if i := strings.Index(locale, "-u-"); i >= 0 {
		locale = locale[:i]
	}
	if d, ok := numberData[locale]; ok {
		return d
	}
	if t, err := language.Parse(locale); err == nil {
		base, _ := t.Base()
		if script, conf := t.Script(); conf == language.Exact {
			if d, ok := numberData[base.String()+"-"+script.String()]; ok {
				return d
			}
		}
		if base.String() == "zh" {
			if script, _ := t.Script(); script.String() == "Hant" {
				return numberData["zh-Hant"]
			}
		}
		if d, ok := numberData[base.String()]; ok {
			return d
		}
	}
	return numberData["en"]
}

// compactPattern is the pattern for numbers of magnitude mag in a compact
// display: the template (nil when the number is not compacted) and the
// power of ten it divides by.
func (l *numberLocale) compactPattern(display string, mag int, category string) (partTemplate, int) {
	rows := l.Compact[display]
	if mag < 3 || len(rows) == 0 {
		return nil, 0
	}
	idx := min(mag-3, len(rows)-1)
	row := rows[idx]
	raw, ok := row[category]
	if !ok && category == "1" {
		category = "one"
		raw, ok = row[category]
	}
	for _, c := range []string{"other", "many", "few", "one"} {
		if ok {
			break
		}
		category = c
		raw, ok = row[c]
	}
	var tpl partTemplate
	if json.Unmarshal(raw, &tpl) != nil {
		return nil, 0
	}
	compacted := false
	for _, p := range tpl {
		if p.Type == "compact" {
			compacted = true
		}
	}
	if !compacted {
		return nil, 0
	}
	var digits int
	_ = json.Unmarshal(row["digits_"+category], &digits)
	// The recorded number had digits integer digits at magnitude idx+3.
	return tpl, idx + 3 - digits + 1
}
