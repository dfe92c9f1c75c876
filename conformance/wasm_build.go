package conformance

// Building the Wasm examples before their cases run, with package
// wasmbuild (each example's build.sh). A missing tool skips the case,
// except in CI, where it fails.

import (
	"errors"
	"os"
	"sync"
	"testing"

	"workerhost/internal/wasmbuild"
)

// Build is an example directory whose build.sh must run before the case,
// and the tools that needs.
type Build struct {
	// Dir holds build.sh, relative to this directory.
	Dir string
	// Tools are checked before building, so a missing one is named.
	Tools []wasmbuild.Tool
}

// buildResult is one build.sh run, shared by every case of its directory.
type buildResult struct {
	once sync.Once
	err  error
}

// builds holds a *buildResult per directory: each example is built once
// per test process, on first use.
var builds sync.Map

// requireBuild runs the case's build.sh, once per directory. A missing
// tool skips the case, except in CI, where it fails, like a failed build.
func requireBuild(t *testing.T, c Case) {
	t.Helper()
	if c.Build == nil {
		return
	}
	v, _ := builds.LoadOrStore(c.Build.Dir, &buildResult{})
	r := v.(*buildResult)
	r.once.Do(func() { r.err = wasmbuild.Run(c.Build.Dir, c.Build.Tools...) })
	var missing *wasmbuild.MissingError
	if errors.As(r.err, &missing) && os.Getenv("CI") != "true" {
		t.Skip(missing.Error())
	}
	if r.err != nil {
		t.Fatal(r.err)
	}
}
