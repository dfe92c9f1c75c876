package workerd

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// PinnedVersion is the npm version of workerd in
// conformance/package-lock.json, the reference every conformance recording
// was made with.
const PinnedVersion = "1.20261117.1"

// Find returns the workerd binary: $WORKERD_PATH, or the one `npm ci`
// installs in conformance/node_modules of the workerhost source tree.
func Find() (string, error) {
	if p := os.Getenv("WORKERD_PATH"); p != "" {
		return p, nil
	}
	roots := moduleRoots()
	if len(roots) == 0 {
		return "", fmt.Errorf("failed to find workerd: no workerhost source tree above the working directory")
	}
	var first error
	for _, root := range roots {
		p := filepath.Join(root, "conformance", "node_modules", ".bin", "workerd")
		_, err := os.Stat(p)
		if err == nil {
			return p, nil
		}
		if first == nil {
			first = fmt.Errorf("no workerd at %s: %w", p, err)
		}
	}
	return "", first
}

// moduleRoots lists where the workerhost source tree may be: the one this
// file was compiled from (absent from binaries built with -trimpath), then
// the first directory at or above the working directory whose go.mod
// declares module workerhost.
func moduleRoots() []string {
	var roots []string
	if _, file, _, ok := runtime.Caller(0); ok && filepath.IsAbs(file) {
		roots = append(roots, filepath.Join(filepath.Dir(file), "..", ".."))
	}
	dir, err := os.Getwd()
	if err != nil {
		return roots
	}
	for {
		if isModuleRoot(dir) {
			return append(roots, dir)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return roots
		}
		dir = parent
	}
}

// isModuleRoot reports whether dir holds the go.mod of module workerhost.
func isModuleRoot(dir string) bool {
	data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "module workerhost" {
			return true
		}
	}
	return false
}
