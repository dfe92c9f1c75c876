package jsruntime_test

import (
	"os"
	"strings"
	"testing"
)

// TestIntlDisplayNames runs testdata/intl_display_probe.js, whose answers
// in testdata/intl_display_want.txt were recorded from workerd
// 1.20261117.1, and compares them line by line.
func TestIntlDisplayNames(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("testdata/intl_display_probe.js")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/intl_display_want.txt")
	if err != nil {
		t.Fatal(err)
	}
	// The probe's last line is its answer; workerd's eval returned it.
	script := strings.Replace(string(src), "\nout.join(", "\nvar result = out.join(", 1)
	vm, _ := run(t, script)
	got := strings.Split(vm.Get("result").String(), "\n")
	lines := strings.Split(string(want), "\n")
	if len(got) != len(lines) {
		t.Errorf("got %d lines, want %d", len(got), len(lines))
	}
	for i := range min(len(got), len(lines)) {
		if got[i] != lines[i] {
			t.Errorf("line %d:\n got %s\nwant %s", i+1, got[i], lines[i])
		}
	}
}
