package jsruntime

// Errors a new user meets before the script runs: a script path that is not
// a file, an npm package that is not installed, a Node.js built-in module.
// esbuild's own advice for these ("mark the path as external", "use
// api.PlatformNode") is for people calling esbuild, not for a worker's
// author, so it is replaced here.

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// checkEntry reports an entry path that is missing or a directory, which
// esbuild would only call unresolvable.
func checkEntry(entry, wd string) *ScriptError {
	info, err := os.Stat(absIn(wd, entry))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &ScriptError{File: entry, Text: "no such file"}
	case err != nil:
		return &ScriptError{File: entry, Text: err.Error()}
	case info.IsDir():
		return &ScriptError{File: entry, Text: "is a directory, not a script: give the worker's entry file (such as " +
			filepath.Join(entry, "src", "index.js") + "), or run workerhost dev in a folder with a wrangler config and no script"}
	}
	return nil
}

// resolveErrorText rewrites esbuild's "Could not resolve" error for a
// worker's author. importer is the absolute path of the importing file.
func resolveErrorText(m api.Message, importer string) string {
	spec, ok := strings.CutPrefix(m.Text, "Could not resolve ")
	if !ok {
		return withNotes(m)
	}
	spec = strings.Trim(spec, `"`)
	switch {
	case isNodeBuiltin(spec, m.Notes):
		return nodeBuiltinText(m, spec)
	case isBarePackage(spec):
		pkg := packageName(spec)
		dir := filepath.Dir(importer)
		if installed(pkg, dir) {
			return withNotes(m) // the package is there; the path inside it is not
		}
		if listed(pkg, dir) {
			return fmt.Sprintf("%s: the package %q is in package.json but not installed; run `npm install`", m.Text, pkg)
		}
		return fmt.Sprintf("%s: the package %q is not installed; run `npm install %s`", m.Text, pkg, pkg)
	}
	return withNotes(m)
}

// withNotes appends esbuild's notes that explain the error, leaving out
// those that advise on esbuild's own options.
func withNotes(m api.Message) string {
	text := m.Text
	for _, n := range m.Notes {
		if strings.Contains(n.Text, "as external") || strings.Contains(n.Text, "api.Platform") || strings.Contains(n.Text, "bundle for node") {
			continue
		}
		text += " (" + strings.TrimSuffix(n.Text, ":") + ")"
	}
	return text
}

// isNodeBuiltin reports whether spec names a Node.js built-in module, as
// esbuild tells in its note for the browser platform.
func isNodeBuiltin(spec string, notes []api.Note) bool {
	if strings.HasPrefix(spec, "node:") {
		return true
	}
	for _, n := range notes {
		if strings.Contains(n.Text, "is built into node") {
			return true
		}
	}
	return false
}

// isBarePackage reports whether spec is an npm package path ("hono",
// "@scope/pkg/sub") rather than a file path or URL.
func isBarePackage(spec string) bool {
	return spec != "" && !strings.HasPrefix(spec, ".") && !strings.HasPrefix(spec, "/") &&
		!strings.Contains(spec, ":") && !filepath.IsAbs(spec)
}

// packageName is the package part of a bare import path.
func packageName(spec string) string {
	parts := strings.SplitN(spec, "/", 3)
	if strings.HasPrefix(spec, "@") && len(parts) > 1 {
		return parts[0] + "/" + parts[1]
	}
	return parts[0]
}

// installed reports whether node_modules/pkg exists in dir or above it,
// where Node's resolution would look.
func installed(pkg, dir string) bool {
	for {
		if info, err := os.Stat(filepath.Join(dir, "node_modules", pkg)); err == nil && info.IsDir() {
			return true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return false
		}
		dir = parent
	}
}

// listed reports whether the package.json nearest to dir lists pkg as a
// dependency of any kind.
func listed(pkg, dir string) bool {
	for {
		data, err := os.ReadFile(filepath.Join(dir, "package.json"))
		if err == nil {
			var manifest map[string]json.RawMessage
			if json.Unmarshal(data, &manifest) != nil {
				return false
			}
			for _, field := range []string{"dependencies", "devDependencies", "peerDependencies", "optionalDependencies"} {
				var deps map[string]string
				if json.Unmarshal(manifest[field], &deps) == nil {
					if _, ok := deps[pkg]; ok {
						return true
					}
				}
			}
			return false
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return false
		}
		dir = parent
	}
}
