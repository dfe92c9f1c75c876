package jsruntime

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"sync"
)

// The date and time formatting data: what workerd's ICU answers for each
// locale, dumped by the scripts in intldata (see intldata/README.md), one
// gzipped JSON file per locale and kind, so that a worker decodes only the
// locales it uses. It is CLDR's data as ICU resolves it, so that patterns,
// names and glue match workerd byte for byte.

//go:embed intldata/datetime intldata/relative intldata/range
var intlDataFS embed.FS

// intlDataCache keeps decoded locale data by kind and locale.
var intlDataCache sync.Map

// hasIntlData tells whether kind ("datetime", "relative", "range") has
// data for a locale key.
func hasIntlData(kind, key string) bool {
	_, err := fs.Stat(intlDataFS, "intldata/"+kind+"/"+key+".json.gz")
	return err == nil
}

// intlData decodes a locale's data of a kind into a new T once, or nil
// when there is none.
func intlData[T any](kind, key string) *T {
	id := kind + "/" + key
	if v, ok := intlDataCache.Load(id); ok {
		return v.(*T)
	}
	gz, err := intlDataFS.ReadFile("intldata/" + id + ".json.gz")
	if err != nil {
		return nil
	}
	v := new(T)
	if err := decodeGzipJSON(gz, v); err != nil {
		panic(fmt.Errorf("intl data %s: %w", id, err)) // the embedded files are part of the build
	}
	actual, _ := intlDataCache.LoadOrStore(id, v)
	return actual.(*T)
}

// decodeGzipJSON reads gzipped JSON into v.
func decodeGzipJSON(gz []byte, v any) error {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return fmt.Errorf("gunzip: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return fmt.Errorf("gunzip: %w", err)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("decode: %w", err)
	}
	return nil
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

// dateTimeLocaleData is a locale key's date data (one dateTimeLocaleFor
// gave).
func dateTimeLocaleData(key string) *dateTimeLocale {
	return intlData[dateTimeLocale]("datetime", key)
}
