// Command workerhost-bench compares workerhost with workerd as users run
// them: `workerhost dev` (built from this tree) and `workerd serve`, each
// as its own process, under load from separate generators (wrk for HTTP,
// this process for WebSockets). Each round runs every target in turn, the
// figures are medians of the rounds, and the report (markdown, on
// standard output; progress goes to standard error) gives workerd's,
// workerhost's and the ratio, above 1 when workerhost is ahead, with
// issue 10's targets. Timings are never asserted in tests.
//
//	go run ./cmd/workerhost-bench [--workloads LIST] [--rounds 3] [--duration 5s] [--warmup 1s]
//	    [--connections 50] [--sockets 5000] [--room-sockets 1000] [--isolates N] [--workerhost BIN]
//	    [--scale] [SCRIPT]
//
// The workloads: hello (GET of a small JSON answer), hono (a 20-item JSON
// list from a Hono app), ws-echo (32-byte WebSocket round trips), idle-memory
// (resident memory per open, idle WebSocket), cold-start (process start to
// first answer), body-1mib (1 MiB posted and echoed back), wasm (SHA-256
// in Wasm), resvg (SVG to PNG in Wasm), cold-start-wasm (a 2.7 MB Wasm
// worker, with workerhost's compilation cache empty and then full),
// broadcast (a Durable Object room sending each message to its 1,000
// hibernatable WebSockets) and hibernated-memory (resident memory per
// WebSocket of a room whose object was evicted). The
// loads also run on `workerhost dev --isolates N` (N: the CPU count) on
// lines of their own, when the binary accepts the flag. A workload whose
// tools or packages are missing is skipped with a message saying what to
// install. With SCRIPT, that worker runs under hello's load instead.
//
// --scale prints instead one table of how requests/s and WebSocket round
// trips/s, and their p99 latency, move with 1, 10, 100 and 1,000 clients
// and with bodies and messages of 32 B to 1 MiB.
//
// The run must start at the repository root: it builds workerhost there
// (unless --workerhost names a binary). workerd comes from
// conformance/node_modules (`npm ci` there) or $WORKERD_PATH. The command
// imports internal/workerd, never a testing package (deps_test.go checks
// what it links).
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"workerhost/internal/workerd"
)

// options are the command line.
type options struct {
	settings
	names         []string
	script        string
	isolates      int
	workerhostBin string
	scale         bool
}

func main() {
	var o options
	names := flag.String("workloads", workloadNames(allWorkloads()), "comma-separated workloads to run")
	flag.IntVar(&o.rounds, "rounds", 3, "rounds per target, alternating")
	flag.DurationVar(&o.duration, "duration", 5*time.Second, "measured time of each load (whole seconds)")
	flag.DurationVar(&o.warmup, "warmup", time.Second, "unmeasured time before each load (whole seconds; 0 for none)")
	flag.IntVar(&o.connections, "connections", 50, "HTTP connections and WebSockets of each load")
	flag.IntVar(&o.sockets, "sockets", 5000, "idle WebSockets of idle-memory and hibernated-memory")
	flag.IntVar(&o.roomSockets, "room-sockets", 1000, "WebSockets in broadcast's Durable Object room")
	flag.IntVar(&o.isolates, "isolates", runtime.NumCPU(), "also run the loads on workerhost dev --isolates N (0: not)")
	flag.StringVar(&o.workerhostBin, "workerhost", "", "a workerhost binary to measure instead of building one")
	flag.BoolVar(&o.scale, "scale", false, "print the table of figures by clients and message size instead")
	flag.Parse()
	o.names, o.script = strings.Split(*names, ","), flag.Arg(0)
	if err := run(o, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintf(os.Stderr, "workerhost-bench: %v\n", err)
		os.Exit(1)
	}
}

// run measures what o asks for and prints the report to out.
func run(o options, out, progress io.Writer) error {
	ws, err := pickWorkloads(o.names)
	if err != nil {
		return err
	}
	if o.script != "" {
		ws = []workload{scriptWorkload(o.script)}
	}
	b, cleanup, err := newBench(o, out, progress)
	if err != nil {
		return err
	}
	defer cleanup()
	b.printHeader(out, o.scale)
	if o.scale {
		return b.runScale(defaultScale)
	}
	for _, w := range ws {
		if err := b.runWorkload(w); err != nil {
			return err
		}
	}
	return nil
}

// newBench finds workerd, builds workerhost, raises the descriptor limit
// and checks for --isolates. cleanup removes what it made.
func newBench(o options, out, progress io.Writer) (*bench, func(), error) {
	if o.rounds < 1 || o.connections < 1 || o.sockets < 1 || o.roomSockets < 1 || o.duration < time.Second {
		return nil, nil, fmt.Errorf("--rounds, --connections, --sockets and --room-sockets must be at least 1, --duration 1s")
	}
	if o.duration%time.Second != 0 || o.warmup%time.Second != 0 {
		return nil, nil, fmt.Errorf("--duration and --warmup must be whole seconds (wrk counts no finer)")
	}
	wd, err := workerd.Find()
	if err != nil {
		return nil, nil, fmt.Errorf("%w (run `npm ci` in conformance/)", err)
	}
	if err := raiseFileLimit(uint64(max(o.sockets, o.roomSockets, 1000)) + 1024); err != nil {
		return nil, nil, err
	}
	tmp, err := os.MkdirTemp("", "workerhost-bench-")
	if err != nil {
		return nil, nil, fmt.Errorf("failed to make a work directory: %w", err)
	}
	cleanup := func() { os.RemoveAll(tmp) }
	o.settle, o.hibernate = idleSettle, hibernateAfter+idleSettle
	b := &bench{settings: o.settings, workerdBin: wd, workerhostBin: o.workerhostBin, tmp: tmp, out: out, progress: progress}
	if b.workerhostBin == "" {
		fmt.Fprintln(progress, "building workerhost")
		if b.workerhostBin, err = buildWorkerhost(tmp); err != nil {
			cleanup()
			return nil, nil, err
		}
		b.built = true
	}
	if o.isolates > 0 {
		if acceptsIsolates(b.workerhostBin) {
			b.isolates = o.isolates
		} else {
			b.note = fmt.Sprintf("this workerhost does not accept `--isolates` (it is not in `workerhost --help`): the --isolates %d lines are left out", o.isolates)
		}
	}
	return b, cleanup, nil
}

// buildWorkerhost builds ./cmd/workerhost into dir and returns its path.
func buildWorkerhost(dir string) (string, error) {
	bin := filepath.Join(dir, "workerhost")
	out, err := exec.Command("go", "build", "-o", bin, "./cmd/workerhost").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("failed to build workerhost (run from the repository root): %w\n%s", err, out)
	}
	return bin, nil
}

// acceptsIsolates reports whether workerhost's help lists --isolates.
func acceptsIsolates(bin string) bool {
	out, _ := exec.Command(bin, "--help").CombinedOutput()
	return strings.Contains(string(out), "--isolates")
}
