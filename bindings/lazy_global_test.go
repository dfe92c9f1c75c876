package bindings_test

import (
	"testing"

	"workerhost/bindings/bindingstest"
)

// TestLazyNodeGlobals: process and Buffer are made on first use, in their
// place among the global scope's enumerable properties, and become plain
// data properties then; a write before any read replaces them.
func TestLazyNodeGlobals(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, nodeOptions(t), "lazy_globals_test.js", `
		const keys = Object.keys(globalThis).join();
		assertEq(keys.startsWith("navigator,global,process,Buffer,origin,"), true, "order: " + keys);
		assertEq(typeof process.nextTick, "function", "process works");
		const d = Object.getOwnPropertyDescriptor(globalThis, "process");
		assertEq([typeof d.value, d.writable, d.enumerable, d.configurable].join(), "object,true,true,true", "a data property once read");
		assertEq(process, process, "made once");
		assertEq(Object.keys(globalThis).join(), keys, "same place");
		globalThis.Buffer = 5;
		assertEq(Buffer, 5, "a write before any read");
		assertEq(Object.getOwnPropertyDescriptor(globalThis, "Buffer").value, 5, "stored as data");
		assertEq(delete globalThis.process, true, "deletable");
		assertEq(typeof globalThis.process, "undefined", "deleted");
	`)
}
