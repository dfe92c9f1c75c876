package main

// A cold start of a Wasm-heavy worker, each target as its own process:
// workerhost compiles a module's Wasm once and keeps the machine code under
// the user cache directory (bindings' wazero compilation cache), so its
// first start compiles and the second reads; workerd compiles each time.
// For workerhost's own process the benchmark runs itself again, serving the
// script (serveChild), with a cache directory of its own.

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"workerhost/internal/wasmbuild"
)

const (
	// coldStartName is the cold start's name in --workloads.
	coldStartName = "coldstart"
	// coldStartScript is the heaviest Wasm example: a Go program for
	// js/wasm, about 2.6 MB of Wasm.
	coldStartScript = "scripts/wasm-go/worker.js"
	// coldStartWasm is what its build.sh writes.
	coldStartWasm = "scripts/wasm-go/build/main.wasm"
	// childEnv, when set, makes this program serve the script it names
	// instead of benchmarking (serveChild).
	childEnv = "WORKERHOST_BENCH_SERVE"
)

// prepareColdStart builds the Go example.
var prepareColdStart = buildScript("scripts/wasm-go", wasmbuild.Go)

// coldFigures are one round's two starts of the same worker on a target,
// each to its first answer (GET /warmup, which starts the Go program).
type coldFigures struct {
	first, second time.Duration
}

// coldStart starts coldStartScript on the target that newTarget makes
// for a fresh cache directory, twice, stopping it in between.
func coldStart(newTarget func(cacheDir string) target) (coldFigures, error) {
	var f coldFigures
	dir, err := os.MkdirTemp("", "workerhost-bench-cache-")
	if err != nil {
		return f, fmt.Errorf("failed to create a cache directory: %w", err)
	}
	defer os.RemoveAll(dir)
	t := newTarget(dir)
	if f.first, err = timeStart(t, coldStartScript); err != nil {
		return f, err
	}
	f.second, err = timeStart(t, coldStartScript)
	return f, err
}

// timeStart starts script on t and returns the time to its first answer.
func timeStart(t target, script string) (time.Duration, error) {
	start := time.Now()
	url, stop, err := t.start(script)
	if err != nil {
		return 0, err
	}
	defer stop()
	if err := waitFirstAnswer(url); err != nil {
		return 0, err
	}
	return time.Since(start), nil
}

// workerhostProcessTarget runs the worker in a new process, this program
// again (serveChild), whose user cache directory is cacheDir (both
// $XDG_CACHE_HOME and $HOME point there, for Linux's and macOS's
// os.UserCacheDir).
func workerhostProcessTarget(cacheDir string) target {
	return target{name: "workerhost", start: func(script string) (string, func(), error) {
		exe, err := os.Executable()
		if err != nil {
			return "", nil, fmt.Errorf("failed to find this program: %w", err)
		}
		cmd := exec.Command(exe)
		cmd.Env = append(os.Environ(), childEnv+"="+script, "XDG_CACHE_HOME="+cacheDir, "HOME="+cacheDir)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		stdin, err := cmd.StdinPipe()
		if err != nil {
			return "", nil, err
		}
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			return "", nil, err
		}
		if err := cmd.Start(); err != nil {
			return "", nil, fmt.Errorf("failed to start workerhost: %w", err)
		}
		stop := func() {
			stdin.Close()
			timer := time.AfterFunc(10*time.Second, func() { _ = cmd.Process.Kill() })
			_ = cmd.Wait()
			timer.Stop()
		}
		line, err := bufio.NewReader(stdout).ReadString('\n')
		if err != nil {
			stop()
			return "", nil, fmt.Errorf("workerhost did not start: %w\n%s", err, stderr.String())
		}
		return strings.TrimSpace(line), stop, nil
	}}
}

// serveChild serves the script childEnv names, if it is set, and reports
// whether it did: it prints the server's URL on a line, then serves until
// its standard input is closed.
func serveChild() bool {
	script := os.Getenv(childEnv)
	if script == "" {
		return false
	}
	srv, err := startWorkerhost(script)
	if err != nil {
		fmt.Fprintf(os.Stderr, "workerhost-bench: %v\n", err)
		os.Exit(1)
	}
	fmt.Println(srv.URL())
	_, _ = io.Copy(io.Discard, os.Stdin)
	_ = srv.Close()
	return true
}
