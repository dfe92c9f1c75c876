package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"workerhost/host"
)

// The bindings of a wrangler config beyond [vars]. Durable Object bindings
// and migrations are read, checked and run; each binding of a kind
// workerhost does not run yet is named in one warning at start
// (bindingsNotRun) rather than dropped without a word.

// wranglerDurableObjects is the [durable_objects] table.
type wranglerDurableObjects struct {
	Bindings []durableObjectBinding `toml:"bindings" json:"bindings"`
}

// durableObjectBinding is one [[durable_objects.bindings]] entry.
type durableObjectBinding struct {
	Name       string `toml:"name" json:"name"`
	ClassName  string `toml:"class_name" json:"class_name"`
	ScriptName string `toml:"script_name" json:"script_name"`
}

// wranglerMigration is one [[migrations]] entry.
type wranglerMigration struct {
	Tag                string           `toml:"tag" json:"tag"`
	NewClasses         []string         `toml:"new_classes" json:"new_classes"`
	NewSqliteClasses   []string         `toml:"new_sqlite_classes" json:"new_sqlite_classes"`
	RenamedClasses     []renamedClass   `toml:"renamed_classes" json:"renamed_classes"`
	DeletedClasses     []string         `toml:"deleted_classes" json:"deleted_classes"`
	TransferredClasses []map[string]any `toml:"transferred_classes" json:"transferred_classes"`
}

// renamedClass is one entry of a migration's renamed_classes.
type renamedClass struct {
	From string `toml:"from" json:"from"`
	To   string `toml:"to" json:"to"`
}

// checkDurableObjects reports the first mistake in the Durable Object
// bindings and migrations, as wrangler would refuse them.
func (c *wranglerConfig) checkDurableObjects() error {
	seen := map[string]bool{}
	for i, b := range c.DurableObjects.Bindings {
		switch {
		case b.Name == "":
			return fmt.Errorf("durable_objects.bindings[%d]: missing \"name\"", i)
		case b.ClassName == "":
			return fmt.Errorf("durable_objects binding %s: missing \"class_name\"", b.Name)
		case b.ScriptName != "":
			return fmt.Errorf("durable_objects binding %s: script_name %q (a class of another worker) is not supported yet; declare the class in this worker", b.Name, b.ScriptName)
		case seen[b.Name]:
			return fmt.Errorf("durable_objects binding %s: declared twice", b.Name)
		}
		seen[b.Name] = true
	}
	tags := map[string]bool{}
	for i, m := range c.Migrations {
		where := fmt.Sprintf("migrations[%d]", i)
		if m.Tag != "" {
			where = fmt.Sprintf("migration %q", m.Tag)
		}
		if m.Tag == "" && len(c.Migrations) > 1 {
			return fmt.Errorf("%s: missing \"tag\" (each of several migrations needs one)", where)
		}
		if tags[m.Tag] {
			return fmt.Errorf("%s: the tag is used twice", where)
		}
		tags[m.Tag] = true
		for _, r := range m.RenamedClasses {
			if r.From == "" || r.To == "" {
				return fmt.Errorf("%s: renamed_classes entries need \"from\" and \"to\"", where)
			}
		}
		if len(m.TransferredClasses) > 0 {
			return fmt.Errorf("%s: transferred_classes (moving a class from another worker) is not supported yet", where)
		}
		for _, names := range [][]string{m.NewClasses, m.NewSqliteClasses, m.DeletedClasses} {
			if slices.Contains(names, "") {
				return errors.New(where + ": a class name is empty")
			}
		}
	}
	return nil
}

// bindingKinds are the binding tables of a wrangler config, each with the
// field that names a binding, in the order the warning lists them.
var bindingKinds = []struct{ key, nameField string }{
	{"kv_namespaces", "binding"},
	{"r2_buckets", "binding"},
	{"d1_databases", "binding"},
	{"queues", "binding"},
	{"services", "binding"},
	{"ai", "binding"},
	{"vectorize", "binding"},
	{"hyperdrive", "binding"},
	{"analytics_engine_datasets", "binding"},
	{"browser", "binding"},
	{"dispatch_namespaces", "binding"},
	{"mtls_certificates", "binding"},
	{"send_email", "name"},
	{"workflows", "binding"},
	{"images", "binding"},
	{"version_metadata", "binding"},
	{"secrets_store_secrets", "binding"},
	{"pipelines", "binding"},
	{"assets", "binding"},
}

// bindingsNotRun names every binding the config declares that workerhost
// does not run yet, as "NAME (kind)", from the config's raw tables.
func bindingsNotRun(raw map[string]any) []string {
	var out []string
	for _, k := range bindingKinds {
		v, ok := raw[k.key]
		if !ok {
			continue
		}
		for _, entry := range bindingEntries(k.key, v) {
			name, _ := entry[k.nameField].(string)
			if name == "" {
				if k.key == "assets" {
					continue // assets without a binding serves files only
				}
				name = "?"
			}
			out = append(out, fmt.Sprintf("%s (%s)", name, k.key))
		}
	}
	return out
}

// bindingEntries returns the binding tables under one kind: a list of
// them, a single table (ai, browser, images…), the bindings list of
// durable_objects, or the producers of queues.
func bindingEntries(kind string, v any) []map[string]any {
	switch kind {
	case "queues":
		if m, ok := v.(map[string]any); ok {
			v = m["producers"]
		}
	}
	switch t := v.(type) {
	case map[string]any:
		return []map[string]any{t}
	case []any:
		var out []map[string]any
		for _, e := range t {
			if m, ok := e.(map[string]any); ok {
				out = append(out, m)
			}
		}
		return out
	case []map[string]any:
		return t
	}
	return nil
}

// bindingsWarning is the one line printed at start for bindings that are
// not run, or "" when there are none.
func bindingsWarning(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return "▲ [WARNING] workerhost does not run these bindings yet, so env lacks them: " + strings.Join(names, ", ") + "\n"
}

// durableObjectOptions turns the bindings into host options: a class is
// SQLite-backed when a migration lists it (or what it was renamed from)
// in new_sqlite_classes, as wrangler decides.
func (c *wranglerConfig) durableObjectOptions() []host.DurableObject {
	sqlite := map[string]bool{}
	for _, m := range c.Migrations {
		for _, name := range m.NewSqliteClasses {
			sqlite[name] = true
		}
		for _, r := range m.RenamedClasses {
			if sqlite[r.From] {
				sqlite[r.To] = true
			}
		}
		for _, name := range m.DeletedClasses {
			delete(sqlite, name)
		}
	}
	var out []host.DurableObject
	for _, b := range c.DurableObjects.Bindings {
		out = append(out, host.DurableObject{Binding: b.Name, ClassName: b.ClassName, SQL: sqlite[b.ClassName]})
	}
	return out
}
