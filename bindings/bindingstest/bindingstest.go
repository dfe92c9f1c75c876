// Package bindingstest runs JavaScript tests against package bindings, so
// every Web API is tested the same way: a fresh runtime per test with the
// bindings installed, the shared assertions of assert.js (assertEq,
// assertThrows, assertRejects, assertMatch), then the test's script, run
// until nothing is pending. It plays the part of k6's js/modulestest.
//
// It is for tests only: import it from _test.go files, never from the code
// that ships (a test in this package checks that).
//
// A test script fails by throwing, by evaluating to a promise that rejects
// or never settles, or by leaving an uncaught error behind (a listener or a
// timer callback that threw, a rejection nobody handled). So an async test
// is written as one async function that is called last:
//
//	bindingstest.Run(t, bindings.Options{}, "blob_test.js", `(async () => {
//		assertEq(await new Blob(["hi"]).text(), "hi", "text");
//	})()`)
package bindingstest

import (
	"errors"
	"testing"

	"workerhost/bindings"
)

// ErrPending is returned when the promise a script evaluated to was still
// pending once the runtime had nothing left to do: its awaits can never
// finish, so its later assertions never ran.
var ErrPending = errors.New("bindingstest: the script's promise never settled")

// ErrUncaught is wrapped by the error returned when the runtime reported an
// uncaught error while a script ran; the error's text holds the report.
var ErrUncaught = errors.New("bindingstest: uncaught error")

// Run installs the bindings into a fresh runtime, runs assert.js and then
// src (named name in stacks), waits until nothing is pending, and fails the
// test if src failed (see the package doc). It returns the console output
// (unless opts.Console is set to take it) and uncaught-error reports, in
// the order they were printed.
func Run(t testing.TB, opts bindings.Options, name, src string) string {
	t.Helper()
	return NewRuntime(t, opts).Run(name, src)
}

// RunErr is Run for a test that expects src to fail: it returns the output
// and the failure instead of failing the test. The error is a
// *jsruntime.ThrownError (its Text is the error's stack, "TypeError: msg"
// first) when src threw or its promise rejected, [ErrPending] when the
// promise never settled, and wraps [ErrUncaught] when an uncaught error was
// reported.
func RunErr(t testing.TB, opts bindings.Options, name, src string) (string, error) {
	t.Helper()
	r := NewRuntime(t, opts)
	err := r.RunErr(name, src)
	return r.Output(), err
}
