package bindings

// node:assert and node:assert/strict, whose default export workerd makes
// node:assert's own: js/node_assert.js's strict comparisons, completed by
// js/node_assert_more.js (partialDeepStrictEqual, Assert, assert.strict).

import (
	_ "embed"

	"github.com/dop251/goja"
)

//go:embed js/node_assert_more.js
var nodeAssertMoreSource string

// nodeAssert makes node:assert.
func (rl *Realm) nodeAssert() goja.Value {
	return rl.runNodeFactory("node_assert.js", nodeAssertSource, rl.utilHelpers(),
		rl.mustRun("node_assert_more.js", nodeAssertMoreSource))
}
