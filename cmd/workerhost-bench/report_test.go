package main

import (
	"bytes"
	"math"
	"testing"
)

func TestRatioIsWorkerhostsAdvantage(t *testing.T) {
	t.Parallel()
	rate := metric{name: "requests/s", goal: 2, goalText: "≥ 2.0"}
	memory := metric{name: "KiB", lower: true, goal: 2, goalText: "≥ 2× less"}
	for _, tc := range []struct {
		m       metric
		wd, wh  float64
		ratio   string
		verdict string
	}{
		{rate, 100, 250, "2.50", "≥ 2.0: met"},
		{rate, 100, 150, "1.50", "≥ 2.0: not met"},
		{memory, 60, 20, "3.00", "≥ 2× less: met"},
		{memory, 20, 60, "0.33", "≥ 2× less: not met"},
		{memory, 20, -1, "—", "≥ 2× less"},
		{metric{name: "p50"}, 1, 2, "2.00", "—"},
	} {
		r := tc.m.ratio(tc.wd, tc.wh)
		if got := ratioText(r); got != tc.ratio {
			t.Errorf("%s %v vs %v: ratio %s, want %s", tc.m.name, tc.wd, tc.wh, got, tc.ratio)
		}
		if got := tc.m.verdict(r); got != tc.verdict {
			t.Errorf("%s %v vs %v: verdict %q, want %q", tc.m.name, tc.wd, tc.wh, got, tc.verdict)
		}
	}
}

func TestNum(t *testing.T) {
	t.Parallel()
	for v, want := range map[float64]string{
		1234567: "1,234,567", 1000: "1,000", 999.6: "1000", 123.4: "123", 12.34: "12.3", 1.234: "1.23", -4321: "-4,321", math.NaN(): "—",
	} {
		if got := num(v); got != want {
			t.Errorf("num(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestMedianPerMetric(t *testing.T) {
	t.Parallel()
	got := medianPerMetric([][]float64{{3, 10}, {1, 40}, {2, 20}, {9, 30}})
	if got[0] != 2.5 || got[1] != 25 {
		t.Errorf("got %v, want [2.5 25]", got)
	}
}

// TestPrintTable checks the report's rows: workerhost's, then those of
// --isolates, each against workerd's figure.
func TestPrintTable(t *testing.T) {
	t.Parallel()
	w := workload{name: "hello", about: "GET /", metrics: []metric{{name: "requests/s", goal: 2, goalText: "≥ 2.0"}, {name: "p99 latency, ms", lower: true}}}
	ts := []target{{name: "workerd"}, {name: "workerhost"}, {name: "workerhost --isolates 2"}}
	med := medians{"workerd": {1000, 4}, "workerhost": {2500, 2}, "workerhost --isolates 2": {4000, 8}}
	var out bytes.Buffer
	printTable(&out, w, ts, med)
	want := `
**hello**: GET /

| workload | workerd | workerhost | ratio | target |
|---|--:|--:|--:|---|
| hello: requests/s | 1,000 | 2,500 | 2.50 | ≥ 2.0: met |
| hello: p99 latency, ms | 4.00 | 2.00 | 2.00 | — |
| hello: requests/s, --isolates 2 | 1,000 | 4,000 | 4.00 | ≥ 2.0: met |
| hello: p99 latency, ms, --isolates 2 | 4.00 | 8.00 | 0.50 | — |
`
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", &out, want)
	}
}
