package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"workerhost/host"
	"workerhost/internal/config"
	"workerhost/jsruntime"
)

// devFlags are the flags of `workerhost dev`, named as in `wrangler dev`.
type devFlags struct {
	port        int
	ip          string
	date        string
	flags       listFlag
	vars        listFlag
	configPath  string
	keepSockets bool
	// testScheduled is wrangler dev's --test-scheduled.
	testScheduled bool
	noWatch       bool
	logLevel      string
	cpuMs         int
	grace         time.Duration
	isolates      isolatesFlag
	persistTo     string
}

// isolatesFlag is --isolates: a whole number, 1 or more.
type isolatesFlag int

// String implements flag.Value.
func (n *isolatesFlag) String() string { return strconv.Itoa(int(*n)) }

// Set implements flag.Value.
func (n *isolatesFlag) Set(v string) error {
	i, err := strconv.Atoi(v)
	if err != nil || i < 1 {
		return errors.New("want a whole number, 1 or more")
	}
	*n = isolatesFlag(i)
	return nil
}

// listFlag collects a repeatable flag; comma-separated values are split by
// the caller where the flag allows it.
type listFlag []string

// String implements flag.Value.
func (l *listFlag) String() string { return strings.Join(*l, ",") }

// Set implements flag.Value; each use of the flag adds one value.
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// parseDevArgs parses flags given before or after the script path. Errors
// are returned, not printed: runDev prints them in the usage's --style.
func parseDevArgs(args []string) (devFlags, string, error) {
	f := devFlags{isolates: 1}
	fs := flag.NewFlagSet("dev", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.IntVar(&f.port, "port", 8787, "port to listen on")
	fs.StringVar(&f.ip, "ip", "127.0.0.1", "address to listen on")
	fs.StringVar(&f.date, "compatibility-date", "", "compatibility date, YYYY-MM-DD")
	fs.Var(&f.flags, "compatibility-flags", "compatibility flags, comma-separated (repeatable)")
	fs.Var(&f.vars, "var", "KEY:VALUE text binding (repeatable)")
	fs.StringVar(&f.configPath, "config", "", "wrangler config file")
	fs.BoolVar(&f.keepSockets, "keep-sockets", false, "on reload, leave open WebSockets on the old version")
	fs.BoolVar(&f.testScheduled, "test-scheduled", false, "GET /__scheduled?cron=... triggers the scheduled handler")
	fs.BoolVar(&f.noWatch, "no-watch", false, "do not reload when files change")
	fs.StringVar(&f.logLevel, "log-level", "log", "debug, log, info, warn, error or none")
	fs.IntVar(&f.cpuMs, "cpu-ms", 0, "CPU time a request may use, in ms (default: [limits] cpu_ms, else 30000)")
	fs.DurationVar(&f.grace, "grace", host.DefaultGrace, "how long shutdown waits for requests and waitUntil work")
	fs.Var(&f.isolates, "isolates", "copies of the worker serving requests")
	fs.StringVar(&f.persistTo, "persist-to", "", "directory for local state, such as Durable Object storage (default .wrangler/state beside the config)")
	var script string
	for {
		if err := fs.Parse(args); err != nil {
			return f, "", err
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		if script != "" {
			return f, "", fmt.Errorf("more than one script given (%s and %s); give one, and options after it", script, args[0])
		}
		script, args = args[0], args[1:]
	}
	return f, script, nil
}

// runDev implements `workerhost dev`.
func runDev(args []string, stdout, stderr io.Writer) int {
	f, script, err := parseDevArgs(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, usage)
		return 0
	}
	if err != nil {
		return usageError(stderr, flagError(err))
	}
	opts, err := devOptions(f, script)
	if err != nil {
		fmt.Fprintf(stderr, "workerhost: %v\n", err)
		return 1
	}
	// Signals are caught from here on, so one that arrives while the
	// worker loads is not lost (and does not kill the process unannounced).
	sig := make(chan os.Signal, 2)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sig)
	level, err := config.ParseLogLevel(f.logLevel)
	if err != nil {
		fmt.Fprintf(stderr, "workerhost: %v\n", err)
		return 2
	}
	opts.Console, opts.Log = stdout, stderr
	opts.Watch, opts.KeepSockets, opts.TestScheduled = !f.noWatch, f.keepSockets, f.testScheduled
	opts.ErrorPages, opts.LogLevel, opts.Color = true, level, isTerminal(stderr)
	opts.Isolates = int(f.isolates)
	for _, file := range []string{opts.configFile, opts.devVarsFile} {
		if file != "" {
			opts.WatchFiles = append(opts.WatchFiles, file)
		}
	}
	opts.Reconfigure = func() (host.Options, error) {
		fresh, err := devOptions(f, script)
		fresh.ErrorPages, fresh.LogLevel, fresh.Color = opts.ErrorPages, opts.LogLevel, opts.Color
		return fresh.Options, err
	}
	addr := net.JoinHostPort(f.ip, strconv.Itoa(f.port))
	srv, err := host.Start(opts.Options, addr)
	if err != nil {
		var se *jsruntime.ScriptError
		if errors.As(err, &se) {
			fmt.Fprintf(stderr, "✘ [ERROR] %v\n", se)
		} else {
			fmt.Fprintf(stderr, "workerhost: %v\n", err)
		}
		return 1
	}
	if opts.devVarsFile != "" {
		fmt.Fprintf(stderr, "Using vars defined in %s\n", opts.devVarsFile)
	}
	fmt.Fprint(stderr, bindingsWarning(opts.bindingsNotRun))
	copies := ""
	if opts.Isolates > 1 {
		copies = fmt.Sprintf(", %d isolates", opts.Isolates)
	}
	fmt.Fprintf(stderr, "⎔ Ready on %s (script %s, compatibility date %s%s)\n", srv.URL(), opts.Script, opts.Compat.Date, copies)
	return serveUntilSignal(srv, f.grace, sig, stderr)
}

// resolvedOptions are the host options plus the files they came from.
type resolvedOptions struct {
	host.Options
	configFile  string
	devVarsFile string
	// bindingsNotRun names the config's bindings workerhost does not run
	// yet, for the warning at start.
	bindingsNotRun []string
}

// devOptions merges the wrangler config (when no script is given, or when
// --config names one) with the command-line flags, which win.
func devOptions(f devFlags, script string) (resolvedOptions, error) {
	var cfg *wranglerConfig
	if script == "" || f.configPath != "" {
		var err error
		if cfg, err = loadWranglerConfig(f.configPath); err != nil {
			return resolvedOptions{}, err
		}
	}
	if cfg == nil {
		cfg = &wranglerConfig{}
	}
	if script == "" {
		script = cfg.Main
	}
	if script == "" {
		return resolvedOptions{}, errors.New("no script given and no `main` in a wrangler config; run `workerhost dev worker.js`")
	}
	date := cfg.CompatibilityDate
	if f.date != "" {
		date = f.date
	}
	flags := append([]string(nil), cfg.CompatibilityFlags...)
	for _, v := range f.flags {
		for _, name := range strings.Split(v, ",") {
			if name = strings.TrimSpace(name); name != "" {
				flags = append(flags, name)
			}
		}
	}
	compat, err := config.NewCompat(date, flags)
	if err != nil {
		return resolvedOptions{}, err
	}
	// .dev.vars sits beside the config, or in the working directory
	// without one, as in wrangler dev; its values override the config's.
	devVars, devVarsFile, err := loadDevVars(filepath.Dir(cfg.path))
	if err != nil {
		return resolvedOptions{}, err
	}
	vars := make(map[string]any, len(cfg.Vars)+len(devVars)+len(f.vars))
	for k, v := range cfg.Vars {
		vars[k] = v
	}
	for k, v := range devVars {
		vars[k] = v
	}
	for _, kv := range f.vars {
		k, v, ok := strings.Cut(kv, ":")
		if !ok || k == "" {
			return resolvedOptions{}, fmt.Errorf("--var %q: want KEY:VALUE", kv)
		}
		vars[k] = v
	}
	var rules []jsruntime.Rule
	for _, r := range cfg.Rules {
		rules = append(rules, jsruntime.Rule{Type: r.Type, Globs: r.Globs})
	}
	cpuMs := cfg.Limits.CPUMs
	if f.cpuMs != 0 {
		cpuMs = f.cpuMs
	}
	if cpuMs < 0 {
		return resolvedOptions{}, fmt.Errorf("cpu_ms %d: want a positive number of milliseconds", cpuMs)
	}
	opts := host.Options{Script: script, Compat: compat, Vars: vars, Rules: rules, CPULimit: time.Duration(cpuMs) * time.Millisecond,
		Name: cfg.Name, DurableObjects: cfg.durableObjectOptions(), Storage: durableObjectDir(f.persistTo, cfg.path)}
	return resolvedOptions{Options: opts, configFile: cfg.path, devVarsFile: devVarsFile, bindingsNotRun: bindingsNotRun(cfg.raw)}, nil
}

// isTerminal reports whether w is a terminal, where colour is wanted.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// durableObjectDir is where Durable Objects keep their databases: under
// --persist-to, or .wrangler/state beside the config (the working
// directory without one), in wrangler's layout (v3/do).
func durableObjectDir(persistTo, configPath string) string {
	base := persistTo
	if base == "" {
		base = filepath.Join(filepath.Dir(configPath), ".wrangler", "state")
	}
	return filepath.Join(base, "v3", "do")
}
