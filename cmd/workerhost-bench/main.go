// Command workerhost-bench runs the same workers on workerd and on
// workerhost, alternating, with the same load, and prints each figure side
// by side with the ratio workerhost/workerd. Timings are measured here and
// never asserted in tests.
//
//	go run ./cmd/workerhost-bench [--workloads hello,wasm,resvg,coldstart] [--requests N] [--concurrency C]
//	    [--messages M] [--rounds R] [--cpuprofile FILE] [SCRIPT]
//
// The workloads: hello (scripts/bench/hello.js, the runtime's own cost),
// wasm (scripts/bench/wasm-sha256.js, SHA-256 in no_std Rust compiled to
// Wasm), resvg (scripts/wasm-resvg, SVG to PNG in a wasm-bindgen package)
// and coldstart (the first and second start of scripts/wasm-go, 2.6 MB of
// Wasm, each target as its own process). A workload whose tools or
// packages are missing is skipped with a message saying what to install.
// With SCRIPT, that worker runs under hello's load instead.
//
// The run must start at the repository root. workerd comes from
// conformance/node_modules (`npm ci` there) or $WORKERD_PATH. With
// --cpuprofile the whole run is profiled; workerhost's goroutines carry the
// label side=workerhost (`go tool pprof -tagfocus=side=workerhost`). The
// command imports host and internal/workerd, never a testing package
// (deps_test.go checks what it links).
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"workerhost/internal/workerd"
)

func main() {
	if serveChild() {
		return
	}
	names := flag.String("workloads", "hello,wasm,resvg,coldstart", "comma-separated workloads to run")
	requests := flag.Int("requests", 0, "HTTP requests per round (0: each workload's own: hello 5000, wasm 100, resvg 40)")
	concurrency := flag.Int("concurrency", 8, "concurrent HTTP clients")
	messages := flag.Int("messages", 2000, "WebSocket round trips per round")
	rounds := flag.Int("rounds", 3, "rounds per target, alternating")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the run to this file")
	flag.Parse()
	if err := run(strings.Split(*names, ","), flag.Arg(0), loadSpec{requests: *requests, concurrency: *concurrency, messages: *messages}, *rounds, *cpuprofile); err != nil {
		fmt.Fprintf(os.Stderr, "workerhost-bench: %v\n", err)
		os.Exit(1)
	}
}

// run measures the workloads named, or script under hello's load.
func run(names []string, script string, load loadSpec, rounds int, cpuprofile string) error {
	ws, err := pickWorkloads(names)
	if err != nil {
		return err
	}
	cold := slices.Contains(names, coldStartName)
	if script != "" {
		ws, cold = []workload{helloWorkload(script)}, false
	}
	bin, err := workerd.Find()
	if err != nil {
		return fmt.Errorf("%w (run `npm ci` in conformance/)", err)
	}
	if cpuprofile != "" {
		f, err := os.Create(cpuprofile)
		if err != nil {
			return fmt.Errorf("failed to create the profile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("failed to start the profiler: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	fmt.Printf("workerhost-bench: %d rounds per target, alternating, %d HTTP clients\n", rounds, load.concurrency)
	fmt.Printf("machine: %s/%s, %d CPUs, %s\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), time.Now().UTC().Format(time.RFC3339))
	for _, w := range ws {
		if err := benchWorkload(w, bin, load, rounds); err != nil {
			return err
		}
	}
	if cold {
		return benchColdStart(bin, rounds)
	}
	return nil
}

// benchWorkload measures w on both targets and prints its table, or that
// it was skipped.
func benchWorkload(w workload, bin string, load loadSpec, rounds int) error {
	if load.requests == 0 {
		load.requests = w.requests
	}
	fmt.Printf("\n%s: %s, %d requests", w.name, w.script, load.requests)
	if w.websocket {
		fmt.Printf(", %d WebSocket round trips", load.messages)
	}
	fmt.Printf("\n  %s\n", w.about)
	if err := w.prepare(); err != nil {
		return skipOrFail(w.name, err)
	}
	results := map[string][]figures{}
	for r := 0; r < rounds; r++ {
		for _, t := range []target{workerdTarget(bin), workerhostTarget()} {
			f, err := measure(t, w, load)
			if err != nil {
				return fmt.Errorf("%s on %s: %w", w.name, t.name, err)
			}
			results[t.name] = append(results[t.name], f)
		}
	}
	printTable(median(results["workerd"]), median(results["workerhost"]), w.websocket)
	return nil
}

// benchColdStart measures the cold starts and prints their table.
func benchColdStart(bin string, rounds int) error {
	fmt.Printf("\n%s: %s, each target as its own process, to the first answer\n", coldStartName, coldStartScript)
	if err := prepareColdStart(); err != nil {
		return skipOrFail(coldStartName, err)
	}
	if st, err := os.Stat(coldStartWasm); err == nil {
		fmt.Printf("  %.1f MB of Wasm; workerhost's first start compiles it, the second reads the compilation cache\n", float64(st.Size())/1e6)
	}
	var wd, wh []coldFigures
	for r := 0; r < rounds; r++ {
		f, err := coldStart(func(string) target { return workerdTarget(bin) })
		if err != nil {
			return fmt.Errorf("%s on workerd: %w", coldStartName, err)
		}
		wd = append(wd, f)
		if f, err = coldStart(workerhostProcessTarget); err != nil {
			return fmt.Errorf("%s on workerhost: %w", coldStartName, err)
		}
		wh = append(wh, f)
	}
	printColdTable(medianCold(wd), medianCold(wh))
	return nil
}

// skipOrFail prints why a workload cannot run when a tool or package is
// missing, and returns any other error.
func skipOrFail(name string, err error) error {
	var missing *missingError
	if errors.As(err, &missing) {
		fmt.Printf("  skipped: %v\n", missing)
		return nil
	}
	return fmt.Errorf("%s: %w", name, err)
}
