package layers_test

import (
	"errors"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// allowed lists, for each package of workerhost's product, the packages of
// this module it may import directly; goja says whether it may import the
// JS engine, and coder whether it may use coder/websocket itself.
var allowed = map[string]struct {
	imports     []string
	goja, coder bool
}{
	"workerhost/jsruntime":            {goja: true},
	"workerhost/internal/config":      {},
	"workerhost/internal/wsbridge":    {coder: true},
	"workerhost/internal/httpguard":   {},
	"workerhost/internal/outbound":    {imports: []string{"internal/wsbridge"}, coder: true},
	"workerhost/internal/workerd":     {imports: []string{"jsruntime"}},
	"workerhost/internal/wasmbin":     {},
	"workerhost/internal/wasmbuild":   {},
	"workerhost/internal/gctune":      {},
	"workerhost/internal/dostorage":   {},
	"workerhost/internal/doid":        {},
	"workerhost/bindings":             {imports: []string{"jsruntime", "internal/config", "internal/wsbridge", "internal/outbound", "internal/wasmbin", "internal/doid", "internal/dostorage"}, goja: true},
	"workerhost/host":                 {imports: []string{"bindings", "jsruntime", "internal/config", "internal/httpguard", "internal/wsbridge"}, goja: true, coder: true},
	"workerhost/cmd/workerhost":       {imports: []string{"host", "jsruntime", "internal/config", "internal/gctune"}},
	"workerhost/cmd/workerhost-bench": {imports: []string{"internal/config", "internal/workerd", "internal/wasmbuild"}, coder: true},
	"workerhost/cmd/workerhost-soak":  {coder: true},
}

func TestPackagesImportOnlyTheLayersBelow(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "workerhost/...").Output()
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			t.Fatalf("go list: %v\n%s", err, exit.Stderr)
		}
		t.Fatalf("go list: %v", err)
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, imports := fields[0], fields[1:]
		rule, ok := allowed[pkg]
		if !ok {
			continue // test support: conformance, *test packages, this one
		}
		seen[pkg] = true
		for _, imp := range imports {
			switch {
			case strings.HasPrefix(imp, "workerhost/"):
				if !slices.Contains(rule.imports, strings.TrimPrefix(imp, "workerhost/")) {
					t.Errorf("%s imports %s", pkg, imp)
				}
			case strings.HasPrefix(imp, "github.com/dop251/goja"):
				if !rule.goja {
					t.Errorf("%s imports %s: only the JS layers touch goja", pkg, imp)
				}
			case imp == "github.com/coder/websocket":
				if !rule.coder {
					t.Errorf("%s imports coder/websocket: its connections belong to internal/wsbridge", pkg)
				}
			case imp == "testing" || strings.HasPrefix(imp, "testing/") || imp == "net/http/httptest":
				t.Errorf("%s imports the test package %s", pkg, imp)
			}
		}
	}
	for pkg := range allowed {
		if !seen[pkg] {
			t.Errorf("%s was not listed: update the rules", pkg)
		}
	}
}
