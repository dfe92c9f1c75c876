package bindings_test

// web-platform-tests' urlpatterntestdata.json (conformance/testdata/wpt,
// where its source and licence are noted), checked against the file's
// expectations so that it runs without workerd; conformance/url_cases.go
// compares the same data with workerd case by case.

import (
	_ "embed"
	"os"
	"slices"
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

//go:embed testdata/urlpattern_wpt_test.js
var urlPatternWPTTestJS string

// urlPatternKnownMismatches are the cases where workerhost answers
// otherwise than the file (none: workerd gives every expected answer, and
// so does workerhost).
var urlPatternKnownMismatches = []string{}

func TestURLPatternWPTData(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../conformance/testdata/wpt/urlpatterntestdata.json")
	if err != nil {
		t.Fatalf("failed to read WPT data: %v", err)
	}
	r := bindingstest.NewRuntime(t, bindings.Options{})
	var got []string
	r.Set("mismatch", func(line string) { got = append(got, line) })
	r.Set("wptData", string(data))
	r.Run("urlpattern_wpt_test.js", urlPatternWPTTestJS+`
		if (runURLPatternTestData(JSON.parse(wptData)) < 360) throw new Error("too few cases");
	`)
	for _, line := range got {
		if !slices.Contains(urlPatternKnownMismatches, line) {
			t.Errorf("WPT mismatch: %s", line)
		}
	}
	for _, line := range urlPatternKnownMismatches {
		if !slices.Contains(got, line) {
			t.Errorf("listed as a mismatch but not seen: %s", line)
		}
	}
}
