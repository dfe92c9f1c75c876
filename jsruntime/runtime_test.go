package jsruntime_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/dop251/goja"

	"workerhost/jsruntime"
	"workerhost/jsruntime/jsruntimetest"
)

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func run(t *testing.T, src string) (*goja.Runtime, string) {
	t.Helper()
	var log jsruntimetest.Buffer
	r := jsruntime.New(jsruntime.Options{ErrorLog: &log})
	t.Cleanup(r.Stop)
	var vm *goja.Runtime
	err := r.RunUntilIdle(func(v *goja.Runtime) error {
		vm = v
		_, err := v.RunString(src)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return vm, log.String()
}

func TestTimersAndMicrotasksRunInOrder(t *testing.T) {
	t.Parallel()
	synctest.Test(t, testTimerOrder)
}

func testTimerOrder(t *testing.T) {
	vm, _ := run(t, `
		var order = [];
		setTimeout(function (a, b) { order.push("timeout " + a + b); }, 5, 1, 2);
		var iv = 0, id = setInterval(function () { order.push("interval"); if (++iv === 2) clearInterval(id); }, 1);
		var cancelled = setTimeout(function () { order.push("cancelled"); }, 1);
		clearTimeout(cancelled);
		queueMicrotask(function () { order.push("microtask"); });
		Promise.resolve().then(function () { order.push("promise"); });
		order.push("sync");
	`)
	got := vm.Get("order").Export()
	want := "[sync microtask promise interval interval timeout 12]"
	if s := fmtSlice(got); s != want {
		t.Errorf("order = %s, want %s", s, want)
	}
}

func fmtSlice(v interface{}) string {
	var parts []string
	for _, x := range v.([]interface{}) {
		parts = append(parts, x.(string))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func TestUncaughtErrorsAreLogged(t *testing.T) {
	t.Parallel()
	_, log := run(t, `
		setTimeout(function () { throw new RangeError("from timer"); }, 0);
		Promise.reject(new Error("nobody listens"));
		Promise.reject(new Error("handled later")).catch(function () {});
	`)
	for _, want := range []string{"Uncaught RangeError: from timer", "Uncaught (in promise) Error: nobody listens"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
	if strings.Contains(log, "handled later") {
		t.Errorf("handled rejection reported:\n%s", log)
	}
}

func TestEnqueueAfterStopReportsFalse(t *testing.T) {
	t.Parallel()
	r := jsruntime.New(jsruntime.Options{})
	r.Start()
	if err := r.Do(func(*goja.Runtime) error { return nil }); err != nil {
		t.Fatal(err)
	}
	r.Stop()
	if r.Enqueue(func(*goja.Runtime) {}) {
		t.Error("Enqueue after Stop reported true")
	}
	if err := r.Do(func(*goja.Runtime) error { return nil }); err != jsruntime.ErrStopped {
		t.Errorf("Do after Stop = %v", err)
	}
}

func TestReserveKeepsRunUntilIdleAlive(t *testing.T) {
	t.Parallel()
	r := jsruntime.New(jsruntime.Options{})
	defer r.Stop()
	done := false
	err := r.RunUntilIdle(func(*goja.Runtime) error {
		complete := r.Reserve()
		go complete(func(*goja.Runtime) { done = true })
		return nil
	})
	if err != nil || !done {
		t.Fatalf("err=%v done=%v", err, done)
	}
}

func TestIdleHandlerRunsOnceWhenNothingIsPending(t *testing.T) {
	t.Parallel()
	r := jsruntime.New(jsruntime.Options{})
	idle := make(chan int, 10)
	calls := 0
	r.SetIdleHandler(func(*goja.Runtime) { calls++; idle <- calls })
	r.Start()
	defer r.Stop()
	if got := <-idle; got != 1 {
		t.Fatalf("first idle call %d", got)
	}
	// A timer is pending work: no idle call until it has fired.
	if err := r.Do(func(vm *goja.Runtime) error {
		_, err := vm.RunString(`setTimeout(() => {}, 30)`)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	select {
	case got := <-idle:
		if got != 2 {
			t.Fatalf("idle call %d", got)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no idle call after the timer")
	}
	select {
	case got := <-idle:
		t.Fatalf("idle handler ran again (%d) with nothing new", got)
	case <-time.After(50 * time.Millisecond):
	}
}

func TestAGoPanicInAJobAbortsItsContextOnly(t *testing.T) {
	t.Parallel()
	var log jsruntimetest.Buffer
	rt := jsruntime.New(jsruntime.Options{ErrorLog: &log})
	rt.Start()
	t.Cleanup(rt.Stop)
	aborted := make(chan *jsruntime.ThrownError, 1)
	ctx := jsruntime.NewIOContext("fetch GET /", func(err *jsruntime.ThrownError) bool { aborted <- err; return true })
	rt.EnqueueIn(ctx, func(vm *goja.Runtime) {
		var m map[string]int
		_ = vm.Set("boom", func() { m["x"] = 1 }) // a Go bug reached from JS
		_, _ = vm.RunString(`async function f() { await null; boom(); } f()`)
	})
	select {
	case err := <-aborted:
		if !strings.Contains(err.Text, "internal error in workerhost: assignment to entry in nil map") {
			t.Errorf("abort error = %q", err.Text)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the context was not aborted")
	}
	// The loop goes on, promise callbacks included.
	err := rt.Do(func(vm *goja.Runtime) error {
		v, err := vm.RunString(`var done = false; (async () => { await null; done = true; })(); done`)
		if err != nil {
			return err
		}
		if !vm.Get("done").ToBoolean() {
			return fmt.Errorf("an await continuation did not run after the panic (got %v)", v)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), "runtime_test.go") {
		t.Errorf("the Go stack was not logged:\n%s", log.String())
	}
}
