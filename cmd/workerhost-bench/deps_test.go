package main

import (
	"errors"
	"os/exec"
	"strings"
	"testing"
)

// TestCommandsLinkNoTestPackages keeps test helpers out of the binaries:
// the commands, and internal/workerd, which the benchmark links, must not
// depend on testing, httptest or any *test package of this module.
func TestCommandsLinkNoTestPackages(t *testing.T) {
	for _, pkg := range []string{"workerhost/cmd/workerhost-bench", "workerhost/cmd/workerhost", "workerhost/internal/workerd"} {
		t.Run(pkg, func(t *testing.T) {
			t.Parallel()
			out, err := exec.Command("go", "list", "-deps", pkg).Output()
			if err != nil {
				var exit *exec.ExitError
				if errors.As(err, &exit) {
					t.Fatalf("go list -deps %s: %v\n%s", pkg, err, exit.Stderr)
				}
				t.Fatalf("go list -deps %s: %v", pkg, err)
			}
			for _, dep := range strings.Fields(string(out)) {
				if isTestPackage(dep) {
					t.Errorf("%s links %s", pkg, dep)
				}
			}
		})
	}
}

// isTestPackage reports whether path is a package only tests should link.
func isTestPackage(path string) bool {
	switch {
	case path == "testing", strings.HasPrefix(path, "testing/"), path == "net/http/httptest":
		return true
	case path == "workerhost", strings.HasPrefix(path, "workerhost/"):
		return strings.HasSuffix(path, "test")
	}
	return false
}
