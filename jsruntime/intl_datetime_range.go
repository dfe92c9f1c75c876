package jsruntime

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"sync"
	"time"
)

// formatRange's interval formats: what workerd's ICU gives for each
// skeleton and the field two dates first differ in, dumped by
// intldata/dump_range.js.

//go:embed intldata/range.json.gz
var rangeDataGz []byte

// rangeSegment is a run of a range's pattern and the date it formats:
// "s" the start, "e" the end, "x" shared.
type rangeSegment struct {
	source, pattern string
}

var (
	rangeOnce    sync.Once
	rangeLoaded  map[string]json.RawMessage
	rangeMu      sync.Mutex
	rangeDecoded = map[string]map[string]map[string]json.RawMessage{}
)

// rangeLocale is a locale's interval data, decoded on first use: skeleton
// key, then field, to segments or "" (one date).
func rangeLocale(key string) map[string]map[string]json.RawMessage {
	rangeOnce.Do(func() {
		d, err := decodeRangeData(rangeDataGz)
		if err != nil {
			panic(err) // the embedded file is part of the build
		}
		rangeLoaded = d
	})
	rangeMu.Lock()
	defer rangeMu.Unlock()
	if d, ok := rangeDecoded[key]; ok {
		return d
	}
	var d map[string]map[string]json.RawMessage
	if raw, ok := rangeLoaded[key]; ok {
		if err := json.Unmarshal(raw, &d); err != nil {
			panic(fmt.Errorf("intl range data for %s: %w", key, err)) // the embedded file is part of the build
		}
	}
	rangeDecoded[key] = d
	return d
}

// decodeRangeData reads the gzipped JSON dump, its locales left encoded.
func decodeRangeData(gz []byte) (map[string]json.RawMessage, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("intl range data: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("intl range data: %w", err)
	}
	var d struct {
		Locales map[string]json.RawMessage `json:"locales"`
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		return nil, fmt.Errorf("intl range data: %w", err)
	}
	return d.Locales, nil
}

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
	raw, ok := rangeLocale(locKey)[rangeKey][field]
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
