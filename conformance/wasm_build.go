package conformance

// Building the Wasm examples before their cases run. No .wasm file is
// committed: each example under scripts/wasm-* has a build.sh (the one
// recipe, for people and for the suite alike) that writes what its worker
// imports into its gitignored build/ directory.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Build is an example directory whose build.sh must run before the case,
// and the tools that needs.
type Build struct {
	// Dir holds build.sh, relative to this directory.
	Dir string
	// Tools are checked before building, so a missing one is named.
	Tools []Tool
}

// Tool is a program a build needs.
type Tool struct {
	// Name is what the skip message calls it.
	Name string
	// Install says how to get it.
	Install string
	// find returns an error when the tool is missing.
	find func() error
}

// The tools the examples need.
var (
	toolGo = Tool{Name: "go", Install: "install Go", find: lookPath("go")}

	toolWat2Wasm = Tool{Name: "wat2wasm", Install: "apt-get install wabt", find: lookPath("wat2wasm")}

	// toolRustWasm32 is Debian's rustc, which has the wasm32 standard
	// library from libstd-rust-dev-wasm32; a rustup rustc on PATH often
	// lacks the target.
	toolRustWasm32 = Tool{
		Name:    "/usr/bin/rustc with the wasm32-unknown-unknown target",
		Install: "apt-get install rustc libstd-rust-dev-wasm32",
		find:    rustWasm32,
	}
)

// lookPath finds name on PATH.
func lookPath(name string) func() error {
	return func() error {
		_, err := exec.LookPath(name)
		return err
	}
}

// rustWasm32 checks that /usr/bin/rustc has wasm32-unknown-unknown's core
// library.
func rustWasm32() error {
	out, err := exec.Command("/usr/bin/rustc", "--print", "target-libdir", "--target", "wasm32-unknown-unknown").Output()
	if err != nil {
		return fmt.Errorf("failed to run /usr/bin/rustc: %w", err)
	}
	libs, _ := filepath.Glob(filepath.Join(strings.TrimSpace(string(out)), "libcore-*.rlib"))
	if len(libs) == 0 {
		return fmt.Errorf("no libcore for wasm32-unknown-unknown in %s", strings.TrimSpace(string(out)))
	}
	return nil
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
	for _, tool := range c.Build.Tools {
		if err := tool.find(); err != nil {
			msg := fmt.Sprintf("%s is needed to build %s (%v): %s", tool.Name, c.Build.Dir, err, tool.Install)
			if os.Getenv("CI") == "true" {
				t.Fatal(msg)
			}
			t.Skip(msg)
		}
	}
	v, _ := builds.LoadOrStore(c.Build.Dir, &buildResult{})
	r := v.(*buildResult)
	r.once.Do(func() { r.err = runBuild(c.Build.Dir) })
	if r.err != nil {
		t.Fatal(r.err)
	}
}

// runBuild runs dir/build.sh.
func runBuild(dir string) error {
	cmd := exec.Command("sh", "build.sh")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("failed to build %s: %w\n%s", dir, err, out)
	}
	return nil
}
