package main

// Cold starts, each target as its own process, from starting it to its
// first answer: hello.js, and a Wasm-heavy worker (scripts/wasm-go, a Go
// program for js/wasm). workerhost compiles a module's Wasm once and keeps
// the machine code under the user cache directory, so its first start
// compiles and the second reads; workerd compiles each time.

import (
	"fmt"
	"os"
	"time"

	"workerhost/internal/wasmbuild"
)

const (
	// coldStartWasmScript is the heaviest Wasm example: a Go program for
	// js/wasm, about 2.7 MB of Wasm.
	coldStartWasmScript = "scripts/wasm-go/worker.js"
	// coldStartWasm is what its build.sh writes.
	coldStartWasm = "scripts/wasm-go/build/main.wasm"
)

// coldStartWorkload times hello.js's start. For workerd it includes
// bundling, done in the benchmark's process as wrangler would do it
// before starting workerd; workerhost bundles in its own.
func coldStartWorkload() workload {
	return workload{
		name:    "cold-start",
		about:   "from starting the process to the first answer (scripts/bench/hello.js; bundling included, workerd's done by the benchmark as wrangler would)",
		metrics: []metric{{name: "start to first answer, ms", lower: true, goal: 2, goalText: "≥ 2× faster"}},
		prepare: nothing,
		measure: func(b *bench, t target) ([]float64, error) {
			d, err := timeStart(t, helloScript, "")
			return []float64{ms(d)}, err
		},
	}
}

// coldStartWasmWorkload times two starts of coldStartWasmScript with a
// fresh Wasm compilation cache.
func coldStartWasmWorkload() workload {
	return workload{
		name:  "cold-start-wasm",
		about: "from starting the process to the first answer of scripts/wasm-go (2.7 MB of Wasm), twice: workerhost compiles the Wasm the first time and reads its compilation cache the second",
		metrics: []metric{
			{name: "first start (empty Wasm cache), ms", lower: true},
			{name: "second start, ms", lower: true},
		},
		prepare: buildScript("scripts/wasm-go", wasmbuild.Go),
		measure: func(b *bench, t target) ([]float64, error) {
			dir, err := os.MkdirTemp(b.tmp, "cache-")
			if err != nil {
				return nil, fmt.Errorf("failed to create a cache directory: %w", err)
			}
			defer os.RemoveAll(dir)
			first, err := timeStart(t, coldStartWasmScript, dir)
			if err != nil {
				return nil, err
			}
			second, err := timeStart(t, coldStartWasmScript, dir)
			return []float64{ms(first), ms(second)}, err
		},
	}
}

// timeStart starts script on t and returns the time to its first answer.
func timeStart(t target, script, cacheDir string) (time.Duration, error) {
	start := time.Now()
	s, err := t.start(script, cacheDir)
	if err != nil {
		return 0, err
	}
	defer s.stop()
	if err := waitFirstAnswer(s.url); err != nil {
		return 0, err
	}
	return time.Since(start), nil
}
