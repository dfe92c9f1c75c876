package workerd

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// writeConfig writes config.capnp for a worker listening on port, the
// script beside it as worker.js and each Wasm module under its name.
func writeConfig(dir string, port int, opts Options) error {
	if err := copyFile(opts.ScriptPath, filepath.Join(dir, "worker.js")); err != nil {
		return fmt.Errorf("failed to write script: %w", err)
	}
	for _, m := range opts.Wasm {
		if m.Name != filepath.Base(m.Name) || m.Name == "worker.js" || m.Name == "config.capnp" {
			return fmt.Errorf("failed to write Wasm module: bad name %q", m.Name)
		}
		if err := copyFile(m.Path, filepath.Join(dir, m.Name)); err != nil {
			return fmt.Errorf("failed to write Wasm module: %w", err)
		}
	}
	if len(opts.DurableObjects) > 0 {
		if err := os.Mkdir(filepath.Join(dir, storageDir), 0o755); err != nil {
			return fmt.Errorf("failed to create Durable Object storage: %w", err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "config.capnp"), []byte(configText(port, opts)), 0o644); err != nil {
		return fmt.Errorf("failed to write config: %w", err)
	}
	return nil
}

// copyFile copies the file at from to to.
func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}

// storageDir is the directory, beside config.capnp, that Durable Objects
// keep their SQLite databases in.
const storageDir = "do-storage"

// configText is workerd's config for one worker, embedded from worker.js,
// served on 127.0.0.1:port. The worker reaches any address, loopback
// included, through the "internet" service. Durable Objects are stored on
// disk under storageDir, as wrangler dev stores them (workerd's in-memory
// storage has no SQL, and its key-value store differs from the SQLite one
// in what deleteAll and transactionSync do).
func configText(port int, opts Options) string {
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
	var namespaces []string
	for _, d := range opts.DurableObjects {
		namespaces = append(namespaces, fmt.Sprintf("(className = %s, uniqueKey = %s, enableSql = %t)", strconv.Quote(d.ClassName), strconv.Quote(d.UniqueKey), d.SQL))
		bindings = append(bindings, fmt.Sprintf("(name = %s, durableObjectNamespace = (className = %s))", strconv.Quote(d.Binding), strconv.Quote(d.ClassName)))
	}
	durable, storage := "", ""
	if len(namespaces) > 0 {
		durable = fmt.Sprintf("\n  durableObjectNamespaces = [%s],\n  durableObjectStorage = (localDisk = \"do-storage\"),", strings.Join(namespaces, ", "))
		storage = fmt.Sprintf("\n    (name = \"do-storage\", disk = (path = %s, writable = true)),", strconv.Quote(storageDir))
	}
	return fmt.Sprintf(`using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "internet", network = (allow = ["public", "private", "local"])),%s
  ],
  sockets = [ (name = "http", address = "127.0.0.1:%d", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  %s,
  compatibilityDate = %s,
  compatibilityFlags = [%s],
  bindings = [%s],%s
);
`, storage, port, codeText(opts), strconv.Quote(opts.CompatibilityDate), strings.Join(flags, ", "), strings.Join(bindings, ", "), durable)
}

// codeText is the worker's code: the script, or the main module
// "worker.js" followed by its Wasm modules. workerd resolves an import's
// relative name against the importing module's, so "./NAME" in worker.js
// is the module named "NAME".
func codeText(opts Options) string {
	if !opts.Modules {
		return `serviceWorkerScript = embed "worker.js"`
	}
	mods := []string{`(name = "worker.js", esModule = embed "worker.js")`}
	for _, m := range opts.Wasm {
		q := strconv.Quote(m.Name)
		mods = append(mods, fmt.Sprintf("(name = %s, wasm = embed %s)", q, q))
	}
	return "modules = [ " + strings.Join(mods, ", ") + " ]"
}
