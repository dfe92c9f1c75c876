package jsruntime

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"sync"
)

// The date and time formatting data: what workerd's ICU answers for each
// locale in intldata/datetime.json.gz, dumped by intldata/dump.js (see
// intldata/README.md). It is CLDR's data as ICU resolves it, so that
// patterns, names and glue match workerd byte for byte.

//go:embed intldata/datetime.json.gz
var dateTimeDataGz []byte

// dateTimeData is the whole dump, each locale decoded on first use (the
// whole dump takes a tenth of a second to decode).
type dateTimeData struct {
	Locales map[string]json.RawMessage `json:"locales"`

	mu      sync.Mutex
	decoded map[string]*dateTimeLocale
}

// has tells whether there is data for a locale key.
func (d *dateTimeData) has(key string) bool {
	_, ok := d.Locales[key]
	return ok
}

// locale is the data of a locale key (one has reported), decoded once.
func (d *dateTimeData) locale(key string) *dateTimeLocale {
	d.mu.Lock()
	defer d.mu.Unlock()
	if loc, ok := d.decoded[key]; ok {
		return loc
	}
	loc := new(dateTimeLocale)
	if err := json.Unmarshal(d.Locales[key], loc); err != nil {
		panic(fmt.Errorf("intl date data for %s: %w", key, err)) // the embedded file is part of the build
	}
	if d.decoded == nil {
		d.decoded = map[string]*dateTimeLocale{}
	}
	d.decoded[key] = loc
	return loc
}

// dateTimeLocale is one locale's data.
type dateTimeLocale struct {
	// Patterns maps a skeleton key (skeletonKey) to ICU's pattern.
	Patterns map[string]string `json:"patterns"`
	// Glue joins a date pattern ({1}) and a time pattern ({0}), by the
	// length of the date: full, long, medium, short.
	Glue map[string]string `json:"glue"`
	// Styles maps "dateStyle/timeStyle/h|H" ("-" for none) to a pattern.
	Styles map[string]string `json:"styles"`
	Names  struct {
		Months   dateNames           `json:"months"`
		Weekdays dateNames           `json:"weekdays"`
		Eras     map[string][]string `json:"eras"`
		// DayPeriods are AM and PM.
		DayPeriods []string `json:"dayPeriods"`
		// Flexible are the flexible day periods (B) by width: of each
		// hour at half past, then of noon and of midnight.
		Flexible map[string][]string `json:"flexible"`
	} `json:"names"`
	// HourCycles are the locale's default cycle and those hour12 true and
	// false give.
	HourCycles struct {
		Default string `json:"default"`
		H12     string `json:"h12"`
		H24     string `json:"h24"`
	} `json:"hourCycles"`
	// Zones maps a zone to its names of each kind at zoneInstants.
	Zones map[string]map[string][]string `json:"zones"`
	// Offsets are the shortOffset and longOffset names of a few zones, from
	// which the locale's GMT format is read.
	Offsets map[string][]string `json:"offsets"`
}

// dateNames are names of one kind in format and stand-alone forms, by width
// (long, short, narrow).
type dateNames struct {
	Format     map[string][]string `json:"format"`
	Standalone map[string][]string `json:"standalone"`
}

var (
	dateTimeOnce   sync.Once
	dateTimeLoaded *dateTimeData
)

// loadDateTimeData decodes the embedded data once.
func loadDateTimeData() *dateTimeData {
	dateTimeOnce.Do(func() {
		d, err := decodeDateTimeData(dateTimeDataGz)
		if err != nil {
			panic(err) // the embedded file is part of the build
		}
		dateTimeLoaded = d
	})
	return dateTimeLoaded
}

// decodeDateTimeData reads the gzipped JSON dump.
func decodeDateTimeData(gz []byte) (*dateTimeData, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("intl date data: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("intl date data: %w", err)
	}
	var d dateTimeData
	if err := json.Unmarshal(raw, &d); err != nil {
		return nil, fmt.Errorf("intl date data: %w", err)
	}
	return &d, nil
}
