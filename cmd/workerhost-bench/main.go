// Command workerhost-bench runs the same worker on workerd and on workerhost,
// alternating, with the same load, and prints each figure side by side with
// the ratio workerhost/workerd. Timings are measured here and never asserted
// in tests.
//
//	go run ./cmd/workerhost-bench [--requests N] [--concurrency C] [--messages M] [--rounds R] [SCRIPT]
//
// workerd comes from conformance/node_modules (`npm ci` there) or
// $WORKERD_PATH. The command imports host and internal/workerd, never a
// testing package (deps_test.go checks what it links).
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"time"

	"workerhost/internal/workerd"
)

func main() {
	requests := flag.Int("requests", 5000, "HTTP requests per round")
	concurrency := flag.Int("concurrency", 8, "concurrent HTTP clients")
	messages := flag.Int("messages", 2000, "WebSocket round trips per round")
	rounds := flag.Int("rounds", 3, "rounds per target, alternating")
	flag.Parse()
	script := "scripts/bench/hello.js"
	if flag.NArg() > 0 {
		script = flag.Arg(0)
	}
	bin, err := workerd.Find()
	if err != nil {
		fmt.Fprintf(os.Stderr, "workerhost-bench: %v (run `npm ci` in conformance/)\n", err)
		os.Exit(1)
	}
	load := loadSpec{requests: *requests, concurrency: *concurrency, messages: *messages}
	results := map[string][]figures{}
	for r := 0; r < *rounds; r++ {
		for _, t := range []target{workerdTarget(bin), workerhostTarget()} {
			f, err := measure(t, script, load)
			if err != nil {
				fmt.Fprintf(os.Stderr, "workerhost-bench: %s: %v\n", t.name, err)
				os.Exit(1)
			}
			results[t.name] = append(results[t.name], f)
		}
	}
	fmt.Printf("workerhost-bench: %s, %d rounds, %d requests x %d clients, %d WebSocket round trips\n",
		script, *rounds, *requests, *concurrency, *messages)
	fmt.Printf("machine: %s/%s, %d CPUs, %s\n\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), time.Now().UTC().Format(time.RFC3339))
	printTable(median(results["workerd"]), median(results["workerhost"]))
}
