package main

// Workers with Durable Object namespaces, served as each runtime's users
// serve them: workerd with the namespaces in its config (storage in
// memory), workerhost from a wrangler.toml beside a copy of the script,
// with --persist-to a directory of its own. Both derive the namespaces'
// IDs from "<worker name>-<class name>", as wrangler does.

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"workerhost/internal/config"
	"workerhost/internal/workerd"
)

// durableWorker is a single-file module worker and the Durable Object
// classes it exports, each bound in env.
type durableWorker struct {
	// script is the worker's path from the repository root; it imports
	// nothing but cloudflare:workers, so a copy of the file runs.
	script string
	// name is the worker's name (wrangler's `name`).
	name string
	// bindings name each class's namespace in env, by class name.
	bindings map[string]string
}

// roomWorker is scripts/bench/broadcast.js: the room "bench" of class
// Room, bound as ROOMS.
var roomWorker = durableWorker{script: "scripts/bench/broadcast.js", name: "broadcast", bindings: map[string]string{"Room": "ROOMS"}}

// classes are the class names, sorted.
func (w durableWorker) classes() []string { return slices.Sorted(maps.Keys(w.bindings)) }

// workerdOptions are the namespaces as workerd's config gives them, each
// SQLite-backed and keyed as wrangler keys them.
func (w durableWorker) workerdOptions() workerd.Options {
	var opts workerd.Options
	for _, c := range w.classes() {
		opts.DurableObjects = append(opts.DurableObjects, workerd.DurableObject{
			Binding: w.bindings[c], ClassName: c, UniqueKey: w.name + "-" + c, SQL: true,
		})
	}
	return opts
}

// wranglerTOML is the worker's wrangler.toml, the script beside it: its
// bindings and the migration that makes the classes SQLite-backed.
func (w durableWorker) wranglerTOML() string {
	var b strings.Builder
	fmt.Fprintf(&b, "name = %s\nmain = %s\ncompatibility_date = %s\n",
		strconv.Quote(w.name), strconv.Quote(filepath.Base(w.script)), strconv.Quote(config.LatestCompatibilityDate))
	var quoted []string
	for _, c := range w.classes() {
		fmt.Fprintf(&b, "\n[[durable_objects.bindings]]\nname = %s\nclass_name = %s\n", strconv.Quote(w.bindings[c]), strconv.Quote(c))
		quoted = append(quoted, strconv.Quote(c))
	}
	fmt.Fprintf(&b, "\n[[migrations]]\ntag = \"v1\"\nnew_sqlite_classes = [%s]\n", strings.Join(quoted, ", "))
	return b.String()
}

// startWorkerhost runs `workerhost dev --persist-to state` in a new
// directory under tmp holding a copy of the script and its wrangler.toml;
// stopping the server removes the directory.
func (w durableWorker) startWorkerhost(bin, tmp string, isolates int) (*server, error) {
	dir, err := os.MkdirTemp(tmp, "durable-")
	if err != nil {
		return nil, fmt.Errorf("failed to make the worker's directory: %w", err)
	}
	src, err := os.ReadFile(w.script)
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, filepath.Base(w.script)), src, 0o644)
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, "wrangler.toml"), []byte(w.wranglerTOML()), 0o644)
	}
	if err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("failed to write %s and its wrangler.toml: %w", w.script, err)
	}
	s, err := runWorkerhost(bin, dir, []string{"--persist-to", filepath.Join(dir, "state")}, filepath.Join(tmp, "cache"), isolates)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	stop := s.stop
	s.stop = func() {
		stop()
		os.RemoveAll(dir)
	}
	return s, nil
}
