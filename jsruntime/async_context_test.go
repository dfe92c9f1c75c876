package jsruntime_test

import (
	"testing"
	"testing/synctest"

	"github.com/dop251/goja"

	"workerhost/jsruntime"
	"workerhost/jsruntime/jsruntimetest"
)

// TestAsyncFrameFollowsCallbacks runs code in a frame and checks the frame
// is current again in its awaits, then-callbacks, microtasks and timers,
// and empty outside, as AsyncLocalStorage needs.
func TestAsyncFrameFollowsCallbacks(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		var log jsruntimetest.Buffer
		r := jsruntime.New(jsruntime.Options{ErrorLog: &log})
		t.Cleanup(r.Stop)
		var vm *goja.Runtime
		key := new(int)
		err := r.RunUntilIdle(func(v *goja.Runtime) error {
			vm = v
			_ = v.Set("runIn", func(store string, fn goja.Callable) {
				r.RunInFrame(r.AsyncFrame().With(key, store), func() { _, _ = fn(goja.Undefined()) })
			})
			_ = v.Set("store", func() goja.Value {
				if s, ok := r.AsyncFrame().Lookup(key); ok {
					return v.ToValue(s)
				}
				return goja.Undefined()
			})
			_, err := v.RunString(`
				var seen = [];
				runIn("A", async function () {
					seen.push("sync " + store());
					await null;
					seen.push("await " + store());
					setTimeout(function () { seen.push("timeout " + store()); }, 1);
					queueMicrotask(function () { seen.push("microtask " + store()); });
					runIn("B", function () { Promise.resolve().then(function () { seen.push("nested " + store()); }); });
				});
				seen.push("outside " + store());
				Promise.resolve().then(function () { seen.push("outside then " + store()); });
			`)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		want := "[sync A outside undefined await A outside then undefined microtask A nested B timeout A]"
		if s := fmtSlice(vm.Get("seen").Export()); s != want {
			t.Errorf("seen = %s\nwant   %s", s, want)
		}
	})
}
