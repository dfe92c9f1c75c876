package workerd

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// writeConfig writes config.capnp for a worker listening on port, and the
// script beside it as worker.js.
func writeConfig(dir string, port int, opts Options) error {
	src, err := os.ReadFile(opts.ScriptPath)
	if err != nil {
		return fmt.Errorf("failed to read %s: %w", opts.ScriptPath, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "worker.js"), src, 0o644); err != nil {
		return fmt.Errorf("failed to write script: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.capnp"), []byte(configText(port, opts)), 0o644); err != nil {
		return fmt.Errorf("failed to write config: %w", err)
	}
	return nil
}

// configText is workerd's config for one worker, embedded from worker.js,
// served on 127.0.0.1:port. The worker reaches any address, loopback
// included, through the "internet" service.
func configText(port int, opts Options) string {
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
	return fmt.Sprintf(`using Workerd = import "/workerd/workerd.capnp";
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
}
