package jsruntime

import (
	"github.com/dop251/goja"
)

// CurrentStack renders the script's call stack where vm is now, as an
// error's stack renders it ("\n    at fn (file:line:col)" per frame), for
// console.trace, leaving out the innermost frame (the native function
// asking). On the loop.
func CurrentStack(vm *goja.Runtime) string {
	frames := vm.CaptureCallStack(0, nil)
	if len(frames) > 0 {
		frames = frames[1:]
	}
	return formatFrames(frames)
}
