package jsruntime

import (
	"github.com/dop251/goja"
)

// fixEngineQuirks removes what goja has and V8 does not: BigInt.prototype
// carries a function's length and name.
func fixEngineQuirks(vm *goja.Runtime) {
	proto := vm.Get("BigInt").(*goja.Object).Get("prototype").(*goja.Object)
	for _, name := range []string{"length", "name"} {
		if err := proto.Delete(name); err != nil {
			panic(err)
		}
	}
}
