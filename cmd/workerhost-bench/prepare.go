package main

// Building what a workload's worker imports before it runs: the Wasm of
// scripts/bench and scripts/wasm-go comes from their build.sh (the same
// recipe the conformance suite runs; no .wasm file is committed), and npm
// packages from `npm ci`.

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"workerhost/internal/wasmbuild"
)

// missingError is a tool or package a workload needs and does not have.
// The benchmark skips the workload; its test fails in CI.
type missingError struct {
	what, why, install string
}

func (e *missingError) Error() string {
	return fmt.Sprintf("%s is needed (%s): %s", e.what, e.why, e.install)
}

// buildScript returns a prepare step that builds dir with its build.sh
// (package wasmbuild); a missing tool is a missingError.
func buildScript(dir string, tools ...wasmbuild.Tool) func() error {
	return func() error {
		err := wasmbuild.Run(dir, tools...)
		var m *wasmbuild.MissingError
		if errors.As(err, &m) {
			return &missingError{what: m.Tool.Name, why: fmt.Sprintf("to build %s: %v", dir, m.Err), install: m.Tool.Install}
		}
		return err
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
