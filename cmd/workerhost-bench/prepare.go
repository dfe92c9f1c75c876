package main

// Building what a workload's worker imports before it runs: the Wasm of
// scripts/bench and scripts/wasm-go comes from their build.sh (the same
// recipe the conformance suite runs; no .wasm file is committed), and npm
// packages from `npm ci`.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// missingError is a tool or package a workload needs and does not have.
// The benchmark skips the workload; its test fails in CI.
type missingError struct {
	what, why, install string
}

func (e *missingError) Error() string {
	return fmt.Sprintf("%s is needed (%s): %s", e.what, e.why, e.install)
}

// tool is a program a build needs.
type tool struct {
	name, install string
	// find returns an error when the tool is missing.
	find func() error
}

var (
	toolGo = tool{name: "go", install: "install Go", find: func() error {
		_, err := exec.LookPath("go")
		return err
	}}

	// toolRustWasm32 is Debian's rustc, which has the wasm32 standard
	// library from libstd-rust-dev-wasm32.
	toolRustWasm32 = tool{
		name:    "/usr/bin/rustc with the wasm32-unknown-unknown target",
		install: "apt-get install rustc libstd-rust-dev-wasm32",
		find:    rustWasm32,
	}
)

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

// buildScript returns a prepare step that checks the tools, then runs
// dir/build.sh.
func buildScript(dir string, tools ...tool) func() error {
	return func() error {
		for _, t := range tools {
			if err := t.find(); err != nil {
				return &missingError{what: t.name, why: fmt.Sprintf("to build %s: %v", dir, err), install: t.install}
			}
		}
		cmd := exec.Command("sh", "build.sh")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("failed to build %s: %w\n%s", dir, err, out)
		}
		return nil
	}
}

// needPackage returns a prepare step that checks that the npm package
// directory pkg (…/node_modules/NAME) is installed.
func needPackage(pkg string) func() error {
	return func() error {
		if _, err := os.Stat(pkg); err != nil {
			project, _, _ := strings.Cut(filepath.ToSlash(pkg), "/node_modules/")
			return &missingError{what: pkg, why: "not installed", install: fmt.Sprintf("run `npm ci` in %s", project)}
		}
		return nil
	}
}
