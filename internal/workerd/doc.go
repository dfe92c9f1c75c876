// Package workerd finds, configures and runs workerd, Cloudflare's worker
// runtime, for one worker script: the reference the conformance suite
// compares workerhost with and the baseline workerhost-bench measures
// against.
//
// Use [Find] for the binary (the one conformance/package-lock.json pins, or
// $WORKERD_PATH), [Bundle] to turn a script into the single file wrangler
// would hand workerd (plus the .wasm modules it imports, kept separate as
// wrangler's CompiledWasm rule does), and [Start] or [StartScript] to serve
// it on a loopback port.
//
// The package imports only the standard library, esbuild and jsruntime
// (for the module rules and the ES-module test, so both runtimes see the
// same bundle); never testing, httptest or a *test package, because
// cmd/workerhost-bench links it.
package workerd
