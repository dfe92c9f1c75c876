package main

import (
	"fmt"
	"io"
	"runtime/debug"

	"workerhost/internal/config"
)

// version is the module version the binary was built from: a release tag
// for `go install workerhost/cmd/workerhost@vX.Y.Z`, a pseudo-version from
// the VCS stamp, or "devel" for a build without one.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Version == "" || info.Main.Version == "(devel)" {
		return "devel"
	}
	return info.Main.Version
}

// printVersion prints the version and the newest compatibility date
// workerhost knows, that of the workerd release it is checked against.
func printVersion(w io.Writer) {
	fmt.Fprintf(w, "workerhost %s (compatibility date %s)\n", version(), config.LatestCompatibilityDate)
}
