package jsruntime

import (
	_ "embed"
)

//go:embed js/upsert.js
var upsertSource string

// installUpsert defines Map's and WeakMap's getOrInsert and
// getOrInsertComputed (js/upsert.js) where goja lacks them.
func installUpsert(r *Runtime) {
	if _, err := RunInternal(r.vm, "upsert.js", upsertSource); err != nil {
		panic(err)
	}
}
