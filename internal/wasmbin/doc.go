// Package wasmbin reads and writes WebAssembly binaries for the JS API in
// package bindings: what a module imports and exports, with the kinds and
// types that wazero's CompiledModule does not report (tables and globals),
// and the small modules and rewrites that let JS reach what wazero's public
// API does not.
//
// # Exported tables
//
// wazero (v1.12) has no public API for a module's tables: api.Module offers
// functions, memories and globals only (wazero issue 2461). The JS API
// needs tables: newer wasm-bindgen glue grows an exported externref table
// and sets JS values into it, and closures are destroyed through an
// exported funcref table. Rather than reach into wazero's internals with
// reflection, which would break silently on an upgrade, [WithTableAccessors]
// adds four small exported functions per exported table to the module
// before it is compiled (size, grow, get and set, written with the
// reference-types instructions table.size, table.grow, table.get and
// table.set). They are ordinary Wasm functions, validated by wazero like
// the rest of the module, so table access keeps Wasm's own bounds checks
// and semantics. A funcref entry is read with wazero's experimental
// table.LookupFunction instead, which returns a callable api.Function.
//
// [Module.WithStopChecks] gives a module a stop flag tested at every
// function entry and loop header, so the CPU limit can stop running Wasm
// cheaply (see stop_checks.go), and [Module.Normalized] rewrites the few
// encodings newer toolchains write that wazero does not read.
//
// The module's own function indices, imports and exports are unchanged.
// The added exports have names starting with [AccessorPrefix] (numbered
// if the module uses the name itself); the JS API lists only the module's
// own exports, as Decode read them.
//
// It reads and writes binaries itself (reader.go, writer.go): wazero's own
// decoder is internal, and github.com/tetratelabs/wabin, its authors'
// stand-alone one, refuses valid element segments (flags 2: an explicit
// table index). It reads only the sections it needs, and rewrites by
// appending to sections or splicing function bodies, so the rest of a
// module passes through as it came; wazero validates the result. It
// imports nothing of workerhost.
package wasmbin
