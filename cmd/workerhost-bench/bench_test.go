package main

import (
	"os"
	"testing"

	"workerhost/internal/workerd"
)

// TestBenchmarkRuns checks that every measurement works on both targets
// with a tiny load; it asserts no timing.
func TestBenchmarkRuns(t *testing.T) {
	bin, err := workerd.Find()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("workerd is required in CI: %v", err)
		}
		t.Skipf("workerd not installed (%v): run `npm ci` in conformance/", err)
	}
	if err := os.Chdir("../.."); err != nil {
		t.Fatal(err)
	}
	load := loadSpec{requests: 20, concurrency: 2, messages: 20}
	for _, tg := range []target{workerdTarget(bin), workerhostTarget()} {
		f, err := measure(tg, "scripts/bench/hello.js", load)
		if err != nil {
			t.Fatalf("%s: %v", tg.name, err)
		}
		if f.rps <= 0 || f.wsPerSec <= 0 || f.startup <= 0 {
			t.Errorf("%s: empty figures %+v", tg.name, f)
		}
	}
}
