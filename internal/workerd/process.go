package workerd

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
	"strconv"
	"strings"
	"sync"
	"time"
)

// startTimeout bounds how long workerd may take to accept connections.
const startTimeout = 15 * time.Second

// Options describes one worker to run on workerd.
type Options struct {
	// ScriptPath is the worker's single, already bundled file. StartScript
	// sets it.
	ScriptPath string
	// Modules is true for an ES-module worker, false for a service-worker
	// script. StartScript sets it.
	Modules bool
	// Wasm are the CompiledWasm modules the script imports, listed beside
	// it (ES-module workers only). StartScript sets them.
	Wasm []WasmModule
	// CompatibilityDate is required by workerd.
	CompatibilityDate string
	// CompatibilityFlags are passed to workerd as they are.
	CompatibilityFlags []string
	// Vars become text bindings: env for modules, globals for scripts.
	Vars map[string]string
	// DurableObjects are the Durable Object namespaces of the worker (an
	// ES-module worker exporting each class), each bound in env; their
	// storage is on disk in the process's directory, which Close removes.
	DurableObjects []DurableObject
}

// DurableObject is one Durable Object namespace and its binding.
type DurableObject struct {
	// Binding is the name in env; ClassName the exported class.
	Binding, ClassName string
	// UniqueKey is what the namespace's IDs derive from (internal/doid).
	UniqueKey string
	// SQL makes it a SQLite-backed class (wrangler's new_sqlite_classes).
	SQL bool
}

// Process is a running workerd serving one worker. Logs may be called from
// any goroutine; Close once, when done.
type Process struct {
	// URL is "http://127.0.0.1:PORT".
	URL string

	cmd     *exec.Cmd
	dir     string
	readers sync.WaitGroup
	mu      sync.Mutex
	logs    []string
}

// StartScript bundles script with Bundle and runs it with Start, setting
// opts.ScriptPath, opts.Modules and opts.Wasm from the bundle. Nothing of the bundle
// outlives the call but the copy Start keeps, which Close removes.
func StartScript(bin, script string, opts Options, logw io.Writer) (*Process, error) {
	dir, err := os.MkdirTemp("", "workerd-bundle-")
	if err != nil {
		return nil, fmt.Errorf("failed to create bundle dir: %w", err)
	}
	defer os.RemoveAll(dir)
	b, err := Bundle(script, dir)
	if err != nil {
		return nil, err
	}
	opts.ScriptPath, opts.Modules, opts.Wasm = b.Path, b.Modules, b.Wasm
	return Start(bin, opts, logw)
}

// Start writes a workerd config for opts into a temporary directory, starts
// `workerd serve` on a free loopback port and waits until it accepts
// connections. The worker may reach any address, loopback included, through
// the default "internet" service. Anything workerd prints goes to logw, when
// not nil, as well as to Logs.
func Start(bin string, opts Options, logw io.Writer) (*Process, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "workerd-case-")
	if err != nil {
		return nil, fmt.Errorf("failed to create config dir: %w", err)
	}
	if err := writeConfig(dir, port, opts); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	p := &Process{URL: "http://127.0.0.1:" + strconv.Itoa(port), dir: dir}
	p.cmd = exec.Command(bin, "serve", filepath.Join(dir, "config.capnp"))
	p.cmd.Dir = dir
	stdout, _ := p.cmd.StdoutPipe()
	stderr, _ := p.cmd.StderrPipe()
	if err := p.cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("failed to start workerd: %w", err)
	}
	p.readers.Add(2)
	go p.collect(stdout, logw)
	go p.collect(stderr, logw)
	if err := waitForPort(port, startTimeout); err != nil {
		_ = p.Close()
		return nil, fmt.Errorf("workerd did not start: %w\n%s", err, p.Logs())
	}
	return p, nil
}

// collect records each line workerd prints.
func (p *Process) collect(r io.Reader, logw io.Writer) {
	defer p.readers.Done()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for sc.Scan() {
		line := sc.Text()
		if logw != nil {
			fmt.Fprintln(logw, line)
		}
		p.mu.Lock()
		p.logs = append(p.logs, line)
		p.mu.Unlock()
	}
}

// Logs returns what the worker printed so far, one console call per line.
// console.log goes to workerd's stdout and console.error to its stderr, so
// lines from the two are not ordered relative to each other.
func (p *Process) Logs() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return strings.Join(p.logs, "\n") + "\n"
}

// Pid is the process ID of the workerd that Start ran, for reading its
// resource use from /proc (the benchmark reads its resident memory).
func (p *Process) Pid() int { return p.cmd.Process.Pid }

// Close stops workerd and removes its config directory.
func (p *Process) Close() error {
	_ = p.cmd.Process.Kill()
	p.readers.Wait()
	err := p.cmd.Wait()
	os.RemoveAll(p.dir)
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return fmt.Errorf("failed to stop workerd: %w", err)
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
		case <-time.After(2 * time.Millisecond): // fine-grained: the benchmark times starts
		}
	}
}
