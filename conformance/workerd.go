package conformance

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// pinnedWorkerdVersion is the npm version of workerd in package-lock.json,
// the reference every recording in testdata/ was made with.
const pinnedWorkerdVersion = "1.20261117.1"

// WorkerdOptions describes one worker to run on workerd.
type WorkerdOptions struct {
	// ScriptPath is the worker's single, already bundled file.
	ScriptPath string
	// Modules is true for an ES-module worker, false for a service-worker
	// script.
	Modules bool
	// CompatibilityDate is required by workerd.
	CompatibilityDate  string
	CompatibilityFlags []string
	// Vars become text bindings: env for modules, globals for scripts.
	Vars map[string]string
}

// Workerd is a running workerd process serving one worker.
type Workerd struct {
	// URL is "http://127.0.0.1:PORT".
	URL string

	cmd     *exec.Cmd
	dir     string
	readers sync.WaitGroup
	mu      sync.Mutex
	logs    []string
}

// FindWorkerd returns the workerd binary: $WORKERD_PATH, or the one `npm ci`
// installs in this package's node_modules.
func FindWorkerd() (string, error) {
	if p := os.Getenv("WORKERD_PATH"); p != "" {
		return p, nil
	}
	_, file, _, _ := runtime.Caller(0)
	p := filepath.Join(filepath.Dir(file), "node_modules", ".bin", "workerd")
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("no workerd at %s: %w", p, err)
	}
	return p, nil
}

// StartWorkerd writes a workerd config for opts into a temporary directory,
// starts `workerd serve` on a free loopback port and waits until it accepts
// connections. The worker may reach any address, loopback included, through
// the default "internet" service. Anything workerd prints goes to logw as
// well as to Logs.
func StartWorkerd(bin string, opts WorkerdOptions, logw io.Writer) (*Workerd, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "workerd-case-")
	if err != nil {
		return nil, fmt.Errorf("failed to create config dir: %w", err)
	}
	if err := writeWorkerdConfig(dir, port, opts); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	w := &Workerd{URL: "http://127.0.0.1:" + strconv.Itoa(port), dir: dir}
	w.cmd = exec.Command(bin, "serve", filepath.Join(dir, "config.capnp"))
	w.cmd.Dir = dir
	stdout, _ := w.cmd.StdoutPipe()
	stderr, _ := w.cmd.StderrPipe()
	if err := w.cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("failed to start workerd: %w", err)
	}
	w.readers.Add(2)
	go w.collect(stdout, logw)
	go w.collect(stderr, logw)
	if err := waitForPort(port, 15*time.Second); err != nil {
		_ = w.Close()
		return nil, fmt.Errorf("workerd did not start: %w\n%s", err, w.Logs())
	}
	return w, nil
}

// collect records each line workerd prints, except its own diagnostics.
func (w *Workerd) collect(r io.Reader, logw io.Writer) {
	defer w.readers.Done()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for sc.Scan() {
		line := sc.Text()
		if logw != nil {
			fmt.Fprintln(logw, line)
		}
		w.mu.Lock()
		w.logs = append(w.logs, line)
		w.mu.Unlock()
	}
}

// Logs returns what the worker printed so far, one console call per line.
// console.log goes to workerd's stdout and console.error to its stderr, so
// lines from the two are not ordered relative to each other.
func (w *Workerd) Logs() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return strings.Join(w.logs, "\n") + "\n"
}

// Close stops workerd and removes its config directory.
func (w *Workerd) Close() error {
	_ = w.cmd.Process.Kill()
	w.readers.Wait()
	err := w.cmd.Wait()
	os.RemoveAll(w.dir)
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return fmt.Errorf("failed to stop workerd: %w", err)
	}
	return nil
}

// writeWorkerdConfig writes config.capnp and the script beside it.
func writeWorkerdConfig(dir string, port int, opts WorkerdOptions) error {
	src, err := os.ReadFile(opts.ScriptPath)
	if err != nil {
		return fmt.Errorf("failed to read %s: %w", opts.ScriptPath, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "worker.js"), src, 0o644); err != nil {
		return fmt.Errorf("failed to write script: %w", err)
	}
	code := `serviceWorkerScript = embed "worker.js"`
	if opts.Modules {
		code = `modules = [ (name = "worker.js", esModule = embed "worker.js") ]`
	}
	var flags []string
	for _, f := range opts.CompatibilityFlags {
		flags = append(flags, strconv.Quote(f))
	}
	var bindings []string
	names := make([]string, 0, len(opts.Vars))
	for k := range opts.Vars {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		bindings = append(bindings, fmt.Sprintf("(name = %s, text = %s)", strconv.Quote(k), strconv.Quote(opts.Vars[k])))
	}
	config := fmt.Sprintf(`using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:%d", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  %s,
  compatibilityDate = %s,
  compatibilityFlags = [%s],
  bindings = [%s],
);
`, port, code, strconv.Quote(opts.CompatibilityDate), strings.Join(flags, ", "), strings.Join(bindings, ", "))
	if err := os.WriteFile(filepath.Join(dir, "config.capnp"), []byte(config), 0o644); err != nil {
		return fmt.Errorf("failed to write config: %w", err)
	}
	return nil
}

// freePort asks the kernel for an unused loopback port.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("failed to find a free port: %w", err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// waitForPort polls until something accepts connections on port.
func waitForPort(port int, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	var d net.Dialer
	for {
		c, err := d.DialContext(ctx, "tcp", "127.0.0.1:"+strconv.Itoa(port))
		if err == nil {
			c.Close()
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}
