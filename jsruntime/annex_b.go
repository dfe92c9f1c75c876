package jsruntime

import (
	_ "embed"
)

//go:embed js/annex_b.js
var annexBSource string

// installAnnexB defines the legacy built-ins (js/annex_b.js) goja lacks.
func installAnnexB(r *Runtime) {
	if _, err := RunInternal(r.vm, "annex_b.js", annexBSource); err != nil {
		panic(err)
	}
}
