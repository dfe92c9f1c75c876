package bindings_test

// The URL data of web-platform-tests (conformance/testdata/wpt, where its
// source and licence are noted), checked against the expectations in the
// files, so that it runs without workerd; conformance/url_cases.go compares
// the same data with workerd answer by answer.

import (
	_ "embed"
	"os"
	"slices"
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

//go:embed testdata/url_wpt_test.js
var urlWPTTestJS string

// workerdDiffersFromWPT lists the mismatches workerd 1.20261117.1 shows
// too (conformance/testdata/url_wpt_*.txt), where workerhost gives
// workerd's answer, not the file's. It is empty: workerd gives every
// expected answer of this copy of the data.
var workerdDiffersFromWPT = []string{}

func TestURLWPTData(t *testing.T) {
	t.Parallel()
	r := bindingstest.NewRuntime(t, bindings.Options{})
	var got []string
	r.Set("mismatch", func(line string) { got = append(got, line) })
	for _, name := range []string{"urltestdata.json", "setters_tests.json"} {
		data, err := os.ReadFile("../conformance/testdata/wpt/" + name)
		if err != nil {
			t.Fatalf("failed to read WPT data: %v", err)
		}
		r.Set("wptData_"+name[:len(name)-len(".json")], string(data))
	}
	r.Run("url_wpt_test.js", urlWPTTestJS+`
		const parsed = runURLTestData(JSON.parse(wptData_urltestdata));
		const set = runSetters(JSON.parse(wptData_setters_tests));
		if (parsed < 890 || set < 270) throw new Error("too few cases: " + parsed + ", " + set);
	`)
	for _, line := range got {
		if !slices.Contains(workerdDiffersFromWPT, line) {
			t.Errorf("WPT mismatch: %s", line)
		}
	}
	for _, line := range workerdDiffersFromWPT {
		if !slices.Contains(got, line) {
			t.Errorf("listed as workerd's difference but not seen: %s", line)
		}
	}
}
