package jsruntime

import (
	"fmt"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// nodeBuiltinText explains an import of a Node.js module that the
// embedder did not provide: either the nodejs_compat flags are off, or the
// module is one workerhost lacks. A "node:" name that Node.js itself does
// not have gets workerd's error for it.
func nodeBuiltinText(m api.Message, spec string) string {
	if strings.HasPrefix(spec, "node:") && !builtIntoNode(m.Notes) {
		return fmt.Sprintf("%s: No such module %q.", m.Text, spec)
	}
	return fmt.Sprintf("%s: %q is a Node.js built-in module. Workers provide it with the \"nodejs_compat\" compatibility flag "+
		"(the default from 2026-08-04); workerhost provides some of Node.js's modules under that flag, and not this one, or the flag is off", m.Text, spec)
}

// builtIntoNode reports whether esbuild's notes say the module is one of
// Node.js's.
func builtIntoNode(notes []api.Note) bool {
	for _, n := range notes {
		if strings.Contains(n.Text, "is built into node") {
			return true
		}
	}
	return false
}
