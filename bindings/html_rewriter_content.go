package bindings

// Streamed content: a ReadableStream or Response given to before(),
// append(), replace() and the others is read to its end before its token
// is written, so the output is what workerd writes (workerd passes the
// stream's chunks on as they come; workerhost gathers them first).

import (
	"github.com/dop251/goja"
)

// streamedOf lists the streamed pieces the handlers of ev gave.
func streamedOf(ev *rwEvent) []streamedContent {
	var all []streamedContent
	add := func(ed *tokenEdits) {
		all = append(all, ed.streamed...)
		ed.streamed = nil
	}
	if ev.element != nil {
		add(&ev.element.tokenEdits)
	}
	if ev.text != nil {
		add(&ev.text.tokenEdits)
	}
	for _, end := range ev.ends {
		if end != nil {
			add(&end.tokenEdits)
		}
	}
	return all
}

// readStreamed is the last call of an event: it reads the streamed
// pieces its handlers gave, returning a promise of their end, or
// undefined when there are none.
func (r *rewriteRun) readStreamed(ev *rwEvent) func() (goja.Value, error) {
	return func() (goja.Value, error) {
		pending := streamedOf(ev)
		if len(pending) == 0 {
			return goja.Undefined(), nil
		}
		vm := r.rl.vm
		p, resolve, reject := vm.NewPromise()
		var next func()
		next = func() {
			if len(pending) == 0 {
				_ = resolve(goja.Undefined())
				return
			}
			sc := pending[0]
			r.readPiece(sc, func(err goja.Value) {
				if err != nil {
					_ = reject(err)
					return
				}
				pending = pending[1:]
				next()
			})
		}
		next()
		return vm.ToValue(p), nil
	}
}

// readPiece reads one streamed piece to its end, then calls done with nil
// or the error.
func (r *rewriteRun) readPiece(sc streamedContent, done func(err goja.Value)) {
	vm := r.rl.vm
	read, _ := goja.AssertFunction(sc.reader.Get("read"))
	var step func()
	onChunk := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		res := call.Argument(0).ToObject(vm)
		if res.Get("done").ToBoolean() {
			done(nil)
			return goja.Undefined()
		}
		v := res.Get("value")
		if b, ok := r.rl.bufferSource(v); ok {
			if sc.html {
				sc.piece.data = append(sc.piece.data, b...)
			} else {
				sc.piece.data = append(sc.piece.data, escapeBytes(string(b), false)...)
			}
		} else {
			sc.piece.data = append(sc.piece.data, escapeBytes(v.String(), sc.html)...)
		}
		step()
		return goja.Undefined()
	})
	onError := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		done(call.Argument(0))
		return goja.Undefined()
	})
	step = func() {
		p, err := read(sc.reader)
		if err != nil {
			done(errorValue(vm, err))
			return
		}
		then, _ := goja.AssertFunction(p.(*goja.Object).Get("then"))
		if _, err := then(p, onChunk, onError); err != nil {
			done(errorValue(vm, err))
		}
	}
	step()
}
