package main

// Tests that run the command as a user does: TestMain builds the binary
// once, and each test starts it in its own folder, talks to it over HTTP and
// WebSocket, sends it signals, and reads its output and exit code.

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// binary is the workerhost built by TestMain.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "workerhost-cmd-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "workerhost")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "failed to build workerhost:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// syncBuffer is an output stream tests read while the process writes it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// proc is a running workerhost.
type proc struct {
	t              *testing.T
	cmd            *exec.Cmd
	stdout, stderr syncBuffer
	exited         chan struct{}
	url            string
}

var readyLine = regexp.MustCompile(`⎔ Ready on (http://\S+)`)

// startCommand runs workerhost with args in dir and waits until it serves.
func startCommand(t *testing.T, dir string, args ...string) *proc {
	t.Helper()
	p := startFailing(t, dir, args...)
	p.waitOutput("⎔ Ready on", 10*time.Second)
	p.url = readyLine.FindStringSubmatch(p.stderr.String())[1]
	return p
}

// startFailing runs workerhost with args in dir without waiting for it to
// serve.
func startFailing(t *testing.T, dir string, args ...string) *proc {
	t.Helper()
	p := &proc{t: t, cmd: exec.Command(binary, args...), exited: make(chan struct{})}
	p.cmd.Dir = dir
	p.cmd.Stdout, p.cmd.Stderr = &p.stdout, &p.stderr
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		_ = p.cmd.Wait()
		close(p.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-p.exited:
		default:
			_ = p.cmd.Process.Kill()
			<-p.exited
		}
	})
	return p
}

// waitOutput waits until stdout or stderr contains s.
func (p *proc) waitOutput(s string, timeout time.Duration) {
	p.t.Helper()
	deadline := time.Now().Add(timeout)
	for !strings.Contains(p.stdout.String()+p.stderr.String(), s) {
		if time.Now().After(deadline) {
			p.t.Fatalf("no %q in the output after %v:\nstdout:\n%s\nstderr:\n%s", s, timeout, p.stdout.String(), p.stderr.String())
		}
		select {
		case <-p.exited:
			if !strings.Contains(p.stdout.String()+p.stderr.String(), s) {
				p.t.Fatalf("exited without printing %q:\nstdout:\n%s\nstderr:\n%s", s, p.stdout.String(), p.stderr.String())
			}
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// signal sends sig to the process.
func (p *proc) signal(sig syscall.Signal) {
	p.t.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil {
		p.t.Fatal(err)
	}
}

// exitCode waits for the process to exit and returns its exit code.
func (p *proc) exitCode(timeout time.Duration) int {
	p.t.Helper()
	select {
	case <-p.exited:
	case <-time.After(timeout):
		p.t.Fatalf("still running %v later:\nstderr:\n%s", timeout, p.stderr.String())
	}
	return p.cmd.ProcessState.ExitCode()
}

// lines returns the process's stderr lines that contain s.
func (p *proc) lines(s string) []string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(p.stderr.String()))
	for sc.Scan() {
		if strings.Contains(sc.Text(), s) {
			out = append(out, sc.Text())
		}
	}
	return out
}

// project writes files (relative path → content) into a new folder.
func project(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, path, content)
	}
	return dir
}

// withTimeout is a context for one client call.
func withTimeout(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}
