package jsruntime_test

import (
	"fmt"
	"testing"
)

// TestTimersFireInDueOrder: timers run by due time, and in the order they
// were set for equal times, however the machine schedules goroutines.
func TestTimersFireInDueOrder(t *testing.T) {
	t.Parallel()
	vm, _ := run(t, `
		var order = [];
		for (var i = 0; i < 300; i++) {
			(function (i) { setTimeout(function () { order.push(i); }, 0); })(i);
		}
		var spread = [];
		[4, 1, 3, 0, 2].forEach(function (d) { setTimeout(function () { spread.push(d); }, d); });
		var cleared = [];
		for (var j = 0; j < 200; j++) clearTimeout(setTimeout(function () { cleared.push(1); }, 30000));
	`)
	order := vm.Get("order").Export().([]any)
	for i, v := range order {
		if v.(int64) != int64(i) {
			t.Fatalf("timer %d ran at position %d: %v", v, i, order)
		}
	}
	if len(order) != 300 {
		t.Fatalf("%d of 300 timers ran", len(order))
	}
	if got := fmtSlice(toStrings(vm.Get("spread").Export())); got != "[0 1 2 3 4]" {
		t.Errorf("timers of 4, 1, 3, 0 and 2 ms ran as %s", got)
	}
	if n := len(vm.Get("cleared").Export().([]any)); n != 0 {
		t.Errorf("%d cleared timers ran", n)
	}
}

// toStrings turns exported numbers into strings for fmtSlice.
func toStrings(v any) any {
	var out []any
	for _, x := range v.([]any) {
		out = append(out, fmt.Sprint(x))
	}
	return out
}
