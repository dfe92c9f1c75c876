package jsruntime

// goja pops its call, try, iterator and reference stacks by re-slicing, and
// what a popped entry referred to stays in the slice's backing array until a
// later entry at the same depth overwrites it. A try frame keeps the scope
// that was current when Go entered JS (any `new` of a JS function, a native
// such as forEach or Function.prototype.call calling back), so everything
// that scope reaches stays reachable for Go's collector: a WeakRef's target
// or a FinalizationRegistry's target made in such a function would live on
// for as long as the isolate is idle. Between jobs, when no JS is running,
// the runtime clears those leftovers.
//
// goja exports no way to do this, so it is done by reflection on its
// unexported fields, as resetAbandonedFrames does (as of
// github.com/dop251/goja v0.0.0-20260917113740). If those fields change,
// dropStaleFrames reports false and collection may only be delayed; the
// WeakRef tests fail.

import (
	"reflect"
	"sync"

	"github.com/dop251/goja"
)

// staleStacks are the vm fields dropStaleFrames clears past their length.
var staleStacks = []string{"callStack", "tryStack", "iterStack", "refStack"}

// vmLayout is where the fields are, found once.
var vmLayout = sync.OnceValue(func() (layout struct {
	vm     int
	stacks []int
	ok     bool
}) {
	rt, ok := reflect.TypeFor[goja.Runtime]().FieldByName("vm")
	if !ok || rt.Type.Kind() != reflect.Pointer || rt.Type.Elem().Kind() != reflect.Struct {
		return layout
	}
	for _, name := range staleStacks {
		f, ok := rt.Type.Elem().FieldByName(name)
		if !ok || f.Type.Kind() != reflect.Slice || len(f.Index) != 1 {
			return layout
		}
		layout.stacks = append(layout.stacks, f.Index[0])
	}
	layout.vm, layout.ok = rt.Index[0], len(rt.Index) == 1
	return layout
})

// dropStaleFrames zeroes the entries of the VM's stacks past their length.
// It must only be called on the loop between jobs, when no JS is running.
// It reports false when goja's internals are not as expected.
func dropStaleFrames(rt *goja.Runtime) bool {
	layout := vmLayout()
	if !layout.ok {
		return false
	}
	vm := reflect.ValueOf(rt).Elem().Field(layout.vm)
	if vm.IsNil() {
		return false
	}
	for _, i := range layout.stacks {
		s := settable(vm.Elem().Field(i))
		switch n, c := s.Len(), s.Cap(); {
		case n == c:
		case n == 0:
			// As between jobs: the whole array is stale, and clearing it
			// in place allocates nothing (Slice would, for each stack on
			// each job).
			s.SetLen(c)
			s.Clear()
			s.SetLen(0)
		default:
			s.Slice(n, c).Clear()
		}
	}
	return true
}
