// Package wasmbuild builds the WebAssembly that workerhost's examples and
// benchmark workers import. No .wasm file is committed: each such
// directory has a build.sh (the one recipe, for people and for the test
// suite and benchmark alike) that writes into its gitignored build/
// directory, and this package checks its tools and runs it. The
// conformance suite and cmd/workerhost-bench use it; it imports nothing of
// workerhost and never touches goja.
package wasmbuild

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// Tool is a program a build needs.
type Tool struct {
	// Name is what a message calls it.
	Name string
	// Install says how to get it.
	Install string
	// Find returns an error when the tool is missing.
	Find func() error
}

// The tools the builds need.
var (
	// Go builds GOOS=js GOARCH=wasm programs.
	Go = Tool{Name: "go", Install: "install Go", Find: lookPath("go")}
	// Wat2Wasm, from Debian's wabt, assembles WebAssembly text.
	Wat2Wasm = Tool{Name: "wat2wasm", Install: "apt-get install wabt", Find: lookPath("wat2wasm")}
	// RustWasm32 is Debian's rustc, which has the wasm32 standard library
	// from libstd-rust-dev-wasm32; a rustup rustc on PATH often lacks the
	// target.
	RustWasm32 = Tool{
		Name:    "/usr/bin/rustc with the wasm32-unknown-unknown target",
		Install: "apt-get install rustc libstd-rust-dev-wasm32",
		Find:    rustWasm32,
	}
)

// MissingError is a tool a build needs and does not have.
type MissingError struct {
	Tool Tool
	Dir  string // the directory to build
	Err  error  // why it was not found
}

// Error says what is missing, for what, and how to install it.
func (e *MissingError) Error() string {
	return fmt.Sprintf("%s is needed to build %s (%v): %s", e.Tool.Name, e.Dir, e.Err, e.Tool.Install)
}

// Run checks the tools, then runs dir/build.sh. A missing tool comes back
// as a *MissingError.
func Run(dir string, tools ...Tool) error {
	for _, t := range tools {
		if err := t.Find(); err != nil {
			return &MissingError{Tool: t, Dir: dir, Err: err}
		}
	}
	cmd := exec.Command("sh", "build.sh")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("failed to build %s: %w\n%s", dir, err, out)
	}
	return nil
}

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
	dir := strings.TrimSpace(string(out))
	if libs, _ := filepath.Glob(filepath.Join(dir, "libcore-*.rlib")); len(libs) == 0 {
		return fmt.Errorf("no libcore for wasm32-unknown-unknown in %s", dir)
	}
	return nil
}
