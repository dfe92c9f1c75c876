package main

import (
	"bytes"
	"errors"
	"math"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"workerhost/internal/workerd"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// TestBenchmarkRuns checks that every workload, and the --scale table,
// run on both targets (and on workerhost --isolates N when the binary
// accepts it) with a tiny load, each probe's answer checked; it asserts
// no timing.
func TestBenchmarkRuns(t *testing.T) {
	b := newTestBench(t)
	for _, w := range allWorkloads() {
		t.Run(w.name, func(t *testing.T) {
			requirePrepared(t, w.prepare())
			ts := b.targets(w)
			med, err := b.measureRounds(w, ts)
			if err != nil {
				t.Fatal(err)
			}
			for _, tg := range ts {
				checkFigures(t, tg.name, w, med[tg.name])
			}
			var out bytes.Buffer
			printTable(&out, w, ts, med)
			for _, m := range w.metrics {
				if !strings.Contains(out.String(), "| "+w.name+": "+m.name+" | ") {
					t.Errorf("the table lacks %s's row:\n%s", m.name, &out)
				}
			}
		})
	}
	t.Run("scale", func(t *testing.T) {
		requirePrepared(t, needWrk())
		var out bytes.Buffer
		b.out = &out
		plan := scalePlan{clients: []int{1, 3}, sizes: []int{32, 1 << 20}}
		if err := b.runScale(plan); err != nil {
			t.Fatal(err)
		}
		rows := strings.Count(out.String(), "\n| ") - 1 // less the header's separator
		if want := len(plan.points(b.connections)); rows != want || strings.Contains(out.String(), "skipped") {
			t.Errorf("got %d rows, want %d, none skipped:\n%s", rows, want, &out)
		}
	})
}

// newTestBench builds workerhost and sets a tiny load: one round of one
// second, two connections, twenty idle sockets, twenty in the room, which
// is left quiet too briefly to hibernate.
func newTestBench(t *testing.T) *bench {
	t.Helper()
	bin, err := workerd.Find()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("workerd is required in CI: %v", err)
		}
		t.Skipf("workerd not installed (%v): run `npm ci` in conformance/", err)
	}
	t.Chdir("../..")
	dir := t.TempDir()
	wh, err := buildWorkerhost(dir)
	if err != nil {
		t.Fatal(err)
	}
	b := &bench{
		settings: settings{rounds: 1, duration: time.Second, connections: 2, sockets: 20, settle: 100 * time.Millisecond,
			roomSockets: 20, hibernate: 100 * time.Millisecond},
		workerdBin: bin, workerhostBin: wh, tmp: dir,
		out: &bytes.Buffer{}, progress: testWriter{t},
	}
	if acceptsIsolates(wh) {
		b.isolates = runtime.NumCPU()
	}
	return b
}

// checkFigures checks that a target gave every figure, finite, and a
// first one (a rate, a memory size or a time) above 0.
func checkFigures(t *testing.T, target string, w workload, vals []float64) {
	t.Helper()
	if len(vals) != len(w.metrics) {
		t.Fatalf("%s: %d figures, want %d", target, len(vals), len(w.metrics))
	}
	for i, v := range vals {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Errorf("%s: %s is %v", target, w.metrics[i].name, v)
		}
	}
	if vals[0] <= 0 {
		t.Errorf("%s: %s is %v, want above 0", target, w.metrics[0].name, vals[0])
	}
}

// testWriter sends the progress lines to the test's log.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
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

// TestMissingWrkSaysWhatToInstall checks the message of HTTP workloads
// skipped for want of wrk.
func TestMissingWrkSaysWhatToInstall(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	err := needWrk()
	var missing *missingError
	if !errors.As(err, &missing) || !strings.Contains(err.Error(), "apt-get install wrk") {
		t.Fatalf("got %v, want a missingError saying apt-get install wrk", err)
	}
}
