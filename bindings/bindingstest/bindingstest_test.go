package bindingstest_test

import (
	"errors"
	"strings"
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
	"workerhost/jsruntime"
)

func TestRunReturnsConsoleOutput(t *testing.T) {
	t.Parallel()
	out := bindingstest.Run(t, bindings.Options{}, "ok.js", `(async () => {
		console.log("before");
		await new Promise((resolve) => setTimeout(resolve, 1));
		assertEq(1 + 1, 2, "sum");
		console.log("after");
	})()`)
	if out != "before\nafter\n" {
		t.Errorf("output = %q", out)
	}
}

func TestRunErrReportsEachKindOfFailure(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, js string
		// want is the start of the error's text (after the ErrUncaught
		// prefix); thrownErr, pending and uncaught say what kind it is.
		want      string
		thrownErr bool
		pending   bool
		uncaught  bool
	}{
		{name: "throw", js: `assertEq(1, 2, "one")`, want: "Error: one: got 1, want 2", thrownErr: true},
		{name: "assertThrows", js: `assertThrows(() => { throw new RangeError("r"); }, "TypeError")`, want: "Error: error: threw RangeError (RangeError: r), want TypeError", thrownErr: true},
		{name: "reject", js: `(async () => { await null; throw new TypeError("late"); })()`, want: "TypeError: late", thrownErr: true},
		{name: "reject non-error", js: `Promise.reject(42)`, want: "42", thrownErr: true},
		{name: "pending", js: `(async () => { await new Promise(() => {}); })()`, pending: true},
		{name: "timer throws", js: `setTimeout(() => { throw new Error("in timer"); }, 0)`, want: "Uncaught Error: in timer", uncaught: true},
		{name: "unhandled rejection", js: `Promise.reject(new Error("nobody")); undefined`, want: "Uncaught (in promise) Error: nobody", uncaught: true},
		{name: "syntax error", js: `let = ;`, want: "SyntaxError", thrownErr: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := bindingstest.RunErr(t, bindings.Options{}, tc.name+".js", tc.js)
			if err == nil {
				t.Fatal("no error")
			}
			var thrown *jsruntime.ThrownError
			if got := errors.As(err, &thrown); got != tc.thrownErr {
				t.Errorf("error %T is ThrownError: %v, want %v", err, got, tc.thrownErr)
			}
			if got := errors.Is(err, bindingstest.ErrPending); got != tc.pending {
				t.Errorf("errors.Is(ErrPending) = %v, want %v (%v)", got, tc.pending, err)
			}
			if got := errors.Is(err, bindingstest.ErrUncaught); got != tc.uncaught {
				t.Errorf("errors.Is(ErrUncaught) = %v, want %v (%v)", got, tc.uncaught, err)
			}
			text := strings.TrimPrefix(err.Error(), bindingstest.ErrUncaught.Error()+":\n")
			if !strings.HasPrefix(text, tc.want) {
				t.Errorf("error = %q, want it to start with %q", err, tc.want)
			}
		})
	}
}

func TestRuntimeRunsStepsInOneRealm(t *testing.T) {
	t.Parallel()
	r := bindingstest.NewRuntime(t, bindings.Options{})
	r.Set("fromGo", "hello")
	r.Run("step1.js", `globalThis.kept = fromGo + " world"; console.log(kept);`)
	out := r.Run("step2.js", `(async () => { assertEq(kept, "hello world", "global kept"); console.log("step2"); })()`)
	if out != "hello world\nstep2\n" {
		t.Errorf("output = %q", out)
	}
	if err := r.RunErr("step3.js", `assertEq(kept, "", "kept")`); err == nil {
		t.Error("step3: no error")
	}
	if r.Realm().Runtime() == nil {
		t.Error("Realm().Runtime() is nil")
	}
}

func TestConsoleOptionIsKept(t *testing.T) {
	t.Parallel()
	var mine strings.Builder
	out := bindingstest.Run(t, bindings.Options{Console: &mine}, "console.js", `console.log("to mine")`)
	if mine.String() != "to mine\n" || out != "" {
		t.Errorf("mine = %q, output = %q", mine.String(), out)
	}
}
