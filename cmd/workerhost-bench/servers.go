package main

// The two runtimes as users run them, each as its own process: `workerhost
// dev` (the binary the benchmark built) and `workerd serve` (through
// internal/workerd, which bundles the script as wrangler would).

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"

	"workerhost/internal/config"
	"workerhost/internal/workerd"
)

// server is one worker being served: where it listens and which process
// serves it.
type server struct {
	url  string
	pid  int // the serving process itself, for its memory
	stop func()
}

// target is a runtime the benchmark serves workers with.
type target struct {
	// name is "workerd", "workerhost" or "workerhost --isolates N".
	name string
	// start serves script (a path from the repository root). cacheDir is
	// workerhost's user cache directory, where its Wasm compilation cache
	// lives; "" is the run's own.
	start func(script, cacheDir string) (*server, error)
	// startDurable serves a worker with Durable Object namespaces, bound
	// as the target's users bind them (durable.go).
	startDurable func(w durableWorker) (*server, error)
}

// workerdTarget bundles the worker as wrangler would and runs
// `workerd serve` on it, at the newest compatibility date workerhost
// knows (its own default).
func (b *bench) workerdTarget() target {
	start := func(script string, opts workerd.Options) (*server, error) {
		opts.CompatibilityDate = config.LatestCompatibilityDate
		p, err := workerd.StartScript(b.workerdBin, script, opts, nil)
		if err != nil {
			return nil, err
		}
		return &server{url: p.URL, pid: processNamed(p.Pid(), "workerd"), stop: func() { _ = p.Close() }}, nil
	}
	return target{
		name:         "workerd",
		start:        func(script, _ string) (*server, error) { return start(script, workerd.Options{}) },
		startDurable: func(w durableWorker) (*server, error) { return start(w.script, w.workerdOptions()) },
	}
}

// workerhostTarget runs `workerhost dev`, with --isolates N when isolates
// is above 0.
func (b *bench) workerhostTarget(isolates int) target {
	name := "workerhost"
	if isolates > 0 {
		name = fmt.Sprintf("workerhost --isolates %d", isolates)
	}
	return target{
		name: name,
		start: func(script, cacheDir string) (*server, error) {
			if cacheDir == "" {
				cacheDir = filepath.Join(b.tmp, "cache")
			}
			return startWorkerhost(b.workerhostBin, script, cacheDir, isolates)
		},
		startDurable: func(w durableWorker) (*server, error) {
			return w.startWorkerhost(b.workerhostBin, b.tmp, isolates)
		},
	}
}

// readyLine is the line `workerhost dev` prints once it serves.
var readyLine = regexp.MustCompile(`Ready on (http://\S+)`)

// startTimeout bounds how long `workerhost dev` may take to say it is
// ready.
const startTimeout = 30 * time.Second

// startWorkerhost runs `workerhost dev SCRIPT` in the script's directory,
// as a user runs it in a project (runWorkerhost).
func startWorkerhost(bin, script, cacheDir string, isolates int) (*server, error) {
	abs, err := filepath.Abs(script)
	if err != nil {
		return nil, fmt.Errorf("failed to find %s: %w", script, err)
	}
	return runWorkerhost(bin, filepath.Dir(abs), []string{filepath.Base(abs)}, cacheDir, isolates)
}

// runWorkerhost runs `workerhost dev ARGS --port 0 --no-watch --log-level
// none` in dir, with $XDG_CACHE_HOME at cacheDir, and waits for its Ready
// line.
func runWorkerhost(bin, dir string, devArgs []string, cacheDir string, isolates int) (*server, error) {
	args := append([]string{"dev"}, devArgs...)
	args = append(args, "--port", "0", "--no-watch", "--log-level", "none")
	if isolates > 0 {
		args = append(args, "--isolates", strconv.Itoa(isolates))
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+cacheDir)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, fmt.Errorf("failed to read workerhost's output: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("failed to start workerhost: %w", err)
	}
	timer := time.AfterFunc(startTimeout, func() { _ = cmd.Process.Kill() })
	url, said := readReady(stderr)
	timer.Stop()
	drained := make(chan struct{})
	go func() {
		defer close(drained)
		_, _ = io.Copy(io.Discard, stderr)
	}()
	stop := func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		kill := time.AfterFunc(5*time.Second, func() { _ = cmd.Process.Kill() })
		<-drained
		_ = cmd.Wait()
		kill.Stop()
	}
	if url == "" {
		stop()
		return nil, fmt.Errorf("`workerhost %s` did not serve: %s", strings.Join(args, " "), strings.TrimSpace(said))
	}
	return &server{url: url, pid: cmd.Process.Pid, stop: stop}, nil
}

// readReady reads r up to the Ready line and returns its URL, or "" and
// what was printed instead.
func readReady(r io.Reader) (url, said string) {
	sc := bufio.NewScanner(r)
	var lines []string
	for sc.Scan() {
		if m := readyLine.FindStringSubmatch(sc.Text()); m != nil {
			return m[1], ""
		}
		lines = append(lines, sc.Text())
	}
	if len(lines) == 0 {
		return "", "it exited without a word"
	}
	return "", strings.Join(lines, "\n")
}

// waitFirstAnswer polls until the worker answers a request.
func waitFirstAnswer(url string) error {
	deadline := time.Now().Add(15 * time.Second)
	for {
		resp, err := oneShot.Get(url + "/warmup")
		if err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("no answer from %s: %w", url, err)
		}
		time.Sleep(2 * time.Millisecond)
	}
}
