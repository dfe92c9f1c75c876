// Command workerhost-soak runs `workerhost dev` as its own process under a
// mixed load for a while (ordinary requests, echoed bodies, handlers that
// throw or run away, WebSocket sessions, dropped sockets, WebSocket
// protocol errors, unfinished request headers) and reports the process's
// memory (RSS) and open descriptors before, at their peak, and after. It
// is a tool to run by hand; nothing in it is asserted in tests.
//
//	go run ./cmd/workerhost-soak [--duration 10m] [--clients 16]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"time"
)

func main() {
	duration := flag.Duration("duration", 10*time.Minute, "how long to run the load")
	clients := flag.Int("clients", 16, "concurrent clients")
	flag.Parse()
	if err := run(*duration, *clients); err != nil {
		fmt.Fprintf(os.Stderr, "workerhost-soak: %v\n", err)
		os.Exit(1)
	}
}

// run builds and starts the server, drives it, and prints the report.
func run(duration time.Duration, clients int) error {
	dir, err := os.MkdirTemp("", "workerhost-soak-")
	if err != nil {
		return fmt.Errorf("failed to make a work dir: %w", err)
	}
	defer os.RemoveAll(dir)
	srv, err := startServer(dir)
	if err != nil {
		return err
	}
	defer srv.stop()
	before := srv.sample()
	peak := before
	var counts tally
	ctx, cancel := context.WithTimeout(context.Background(), duration)
	defer cancel()
	var wg sync.WaitGroup
	for i := 0; i < clients; i++ {
		wg.Add(1)
		go func(seed int) {
			defer wg.Done()
			drive(ctx, srv.addr, seed, &counts)
		}(i)
	}
	ticker := time.NewTicker(5 * time.Second)
	for done := false; !done; {
		select {
		case <-ticker.C:
			peak = peak.max(srv.sample())
		case <-ctx.Done():
			done = true
		}
	}
	ticker.Stop()
	wg.Wait()
	time.Sleep(5 * time.Second) // let closed connections and sockets go
	runtime.GC()
	after := srv.sample()
	fmt.Printf("workerhost-soak: %s, %d clients, %s/%s, %d CPUs, %s\n\n", duration, clients, runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), time.Now().UTC().Format(time.RFC3339))
	fmt.Printf("%-10s %12s %8s\n", "", "RSS", "fds")
	for _, row := range []struct {
		name string
		s    sample
	}{{"before", before}, {"peak", peak}, {"after", after}} {
		fmt.Printf("%-10s %10.1f MB %8d\n", row.name, float64(row.s.rss)/(1<<20), row.s.fds)
	}
	fmt.Println()
	counts.print()
	return nil
}

// server is the workerhost process under test.
type server struct {
	cmd  *exec.Cmd
	addr string
}

// startServer builds workerhost and runs it on the soak worker with a CPU
// limit of 50 ms, so runaway requests are cut quickly.
func startServer(dir string) (*server, error) {
	bin := filepath.Join(dir, "workerhost")
	build := exec.Command("go", "build", "-o", bin, "./cmd/workerhost")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return nil, fmt.Errorf("failed to build workerhost (run from the repository root): %w", err)
	}
	script, err := filepath.Abs("scripts/soak/worker.js")
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, "dev", script, "--port", "0", "--cpu-ms", "50", "--no-watch", "--log-level", "none")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, fmt.Errorf("failed to read workerhost's output: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("failed to start workerhost: %w", err)
	}
	s := &server{cmd: cmd}
	if s.addr, err = readyAddress(stderr); err != nil {
		s.stop()
		return nil, err
	}
	go func() { _, _ = io.Copy(io.Discard, stderr) }()
	return s, nil
}

// stop ends the server process.
func (s *server) stop() {
	_ = s.cmd.Process.Kill()
	_ = s.cmd.Wait()
}
