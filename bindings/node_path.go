package bindings

// node:path with its win32 form and matchesGlob: js/node_path.js builds
// the POSIX functions and links them with js/node_path_win32.js's, both
// matching globs with js/node_path_glob.js. node:path/posix and
// node:path/win32 are the two forms.

import (
	_ "embed"

	"github.com/dop251/goja"
)

var (
	//go:embed js/node_path_win32.js
	nodePathWin32Source string
	//go:embed js/node_path_glob.js
	nodePathGlobSource string
)

// nodePath makes node:path, whose factory takes the glob matcher's and
// the win32 form's factories, and the shared Node error shapes.
func (rl *Realm) nodePath() goja.Value {
	errors := rl.nodeSmallHelpers().(*goja.Object).Get("errors")
	return rl.runNodeFactory("node_path.js", nodePathSource,
		rl.mustRun("node_path_glob.js", nodePathGlobSource),
		rl.mustRun("node_path_win32.js", nodePathWin32Source), errors)
}
