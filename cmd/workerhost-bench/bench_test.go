package main

import (
	"errors"
	"os"
	"strings"
	"testing"

	"go.uber.org/goleak"

	"workerhost/internal/workerd"
)

// TestMain also serves as workerhost's own process in the cold start
// (serveChild), as the command does.
func TestMain(m *testing.M) {
	if serveChild() {
		return
	}
	goleak.VerifyTestMain(m)
}

// TestBenchmarkRuns checks that every workload and the cold start work on
// both targets with a tiny load, each answer of the probe checked (the
// wasm workload's digest against Go's); it asserts no timing.
func TestBenchmarkRuns(t *testing.T) {
	bin, err := workerd.Find()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("workerd is required in CI: %v", err)
		}
		t.Skipf("workerd not installed (%v): run `npm ci` in conformance/", err)
	}
	t.Chdir("../..")
	load := loadSpec{requests: 4, concurrency: 2, messages: 20}
	for _, w := range workloads {
		t.Run(w.name, func(t *testing.T) {
			requirePrepared(t, w.prepare())
			for _, tg := range []target{workerdTarget(bin), workerhostTarget()} {
				f, err := measure(tg, w, load)
				if err != nil {
					t.Fatalf("%s: %v", tg.name, err)
				}
				if f.rps <= 0 || f.startup <= 0 || f.latency <= 0 || w.websocket != (f.wsPerSec > 0) {
					t.Errorf("%s: wrong figures %+v", tg.name, f)
				}
			}
		})
	}
	t.Run(coldStartName, func(t *testing.T) {
		requirePrepared(t, prepareColdStart())
		for name, newTarget := range map[string]func(string) target{
			"workerd":    func(string) target { return workerdTarget(bin) },
			"workerhost": workerhostProcessTarget,
		} {
			f, err := coldStart(newTarget)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if f.first <= 0 || f.second <= 0 {
				t.Errorf("%s: empty figures %+v", name, f)
			}
		}
	})
}

// requirePrepared skips a workload whose tool or package is missing,
// except in CI, where it fails, as any other error does.
func requirePrepared(t *testing.T, err error) {
	t.Helper()
	var missing *missingError
	switch {
	case err == nil:
	case errors.As(err, &missing) && os.Getenv("CI") != "true":
		t.Skip(missing)
	default:
		t.Fatal(err)
	}
}

// TestMissingPackageSaysWhatToRun checks the message of a skipped
// workload.
func TestMissingPackageSaysWhatToRun(t *testing.T) {
	err := needPackage("scripts/nowhere/node_modules/@scope/pkg")()
	var missing *missingError
	if !errors.As(err, &missing) {
		t.Fatalf("got %v, want a missingError", err)
	}
	if want := "run `npm ci` in scripts/nowhere"; !strings.Contains(err.Error(), want) {
		t.Errorf("got %q, want it to say %q", err, want)
	}
}
