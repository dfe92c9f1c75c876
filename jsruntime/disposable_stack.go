package jsruntime

import (
	_ "embed"
)

//go:embed js/disposable_stack.js
var disposableStackSource string

// installDisposableStack defines DisposableStack and AsyncDisposableStack
// (js/disposable_stack.js) where goja lacks them; it needs
// installDisposable's symbols and SuppressedError.
func installDisposableStack(r *Runtime) {
	if _, err := RunInternal(r.vm, "disposable_stack.js", disposableStackSource); err != nil {
		panic(err)
	}
}
