package jsruntime

// goja leaves its VM half-unwound when an interruption hits JS that runs
// from its promise job queue (an await continuation, a .then callback): the
// queue is drained after the outermost call has returned, outside any of
// goja's try frames, so the abandoned call and try frames stay on its
// stacks. From then on goja thinks JS is still running, never drains the
// job queue again, and every later await hangs. After an interrupted job,
// when nothing can be running any more, the runtime puts the VM back in the
// state of a clean return to the top level.
//
// goja exports no way to do this, so it is done by reflection on its
// unexported fields (as of github.com/dop251/goja v0.0.0-20260917113740).
// If those fields change, resetAbandonedFrames reports false and the
// runtime logs that the isolate may be unusable; the CPU limit tests fail.

import (
	"reflect"
	"unsafe"

	"github.com/dop251/goja"
)

// resetAbandonedFrames clears the frames an interruption left on the VM's
// stacks. It must only be called on the loop between jobs, when no JS is
// running. It reports false when goja's internals are not as expected.
func resetAbandonedFrames(rt *goja.Runtime) bool {
	r := reflect.ValueOf(rt).Elem()
	vmField := r.FieldByName("vm")
	if !vmField.IsValid() || vmField.Kind() != reflect.Pointer {
		return false
	}
	vm := settable(vmField).Elem()
	fields := map[string]reflect.Value{}
	for _, name := range []string{"callStack", "tryStack", "iterStack", "refStack", "stack", "sp", "sb", "prg"} {
		f := vm.FieldByName(name)
		if !f.IsValid() {
			return false
		}
		fields[name] = settable(f)
	}
	if fields["callStack"].Len() == 0 && fields["tryStack"].Len() == 0 {
		return true // nothing was abandoned
	}
	for _, name := range []string{"callStack", "tryStack", "iterStack", "refStack", "stack"} {
		f := fields[name]
		if f.Kind() != reflect.Slice {
			return false
		}
		f.Set(reflect.Zero(f.Type()))
	}
	if fields["sp"].Kind() != reflect.Int || fields["sb"].Kind() != reflect.Int {
		return false
	}
	fields["sp"].SetInt(0)
	fields["sb"].SetInt(-1)
	fields["prg"].Set(reflect.Zero(fields["prg"].Type()))
	return true
}

// settable makes an unexported field writable.
func settable(f reflect.Value) reflect.Value {
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
}
