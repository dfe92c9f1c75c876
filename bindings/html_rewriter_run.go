package bindings

// One transform() in progress: the rewritten body's pull reads the
// original body chunk by chunk into the engine, calls the handlers of each
// event in turn (waiting for those that return a promise), and enqueues
// what comes out. Everything here runs on the loop.

import (
	"github.com/dop251/goja"
)

// rewriteRun is one transform's progress. It lives on the loop.
type rewriteRun struct {
	rl     *Realm
	h      *htmlRewriter
	reader *goja.Object
	eng    rwEngine
	docs   docHandlers
	// calls are the handler calls of the event in progress; then runs
	// when they are done.
	calls []func() (goja.Value, error)
	then  func()
	ended bool // the document end was handled
	done  bool
	// pending settles the pull in progress.
	resolve, reject func(any) error
	controller      *goja.Object
}

// docHandlers are the onDocument handlers of each kind, in order.
type docHandlers struct {
	doctype, comments, text, end []rewriterReg
}

// setup prepares the engine from the rewriter's registrations.
func (r *rewriteRun) setup() {
	h := r.h
	r.eng.selectors = h.selectors
	for _, reg := range h.regs {
		r.eng.handlers = append(r.eng.handlers, handlerSet{element: reg.element != nil, comments: reg.comments != nil, text: reg.text != nil})
	}
	for _, d := range h.docs {
		add := func(list *[]rewriterReg, f goja.Value, set *bool) {
			if f != nil {
				*list = append(*list, rewriterReg{obj: d.obj, element: f})
				*set = true
			}
		}
		add(&r.docs.doctype, d.doctype, &r.eng.doc.doctype)
		add(&r.docs.comments, d.comments, &r.eng.doc.comments)
		add(&r.docs.text, d.text, &r.eng.doc.text)
		add(&r.docs.end, d.end, &r.eng.doc.end)
	}
}

// pull is the output stream's pull: it rewrites until output is ready.
func (r *rewriteRun) pull(call goja.FunctionCall) goja.Value {
	r.controller = call.Argument(0).(*goja.Object)
	p, resolve, reject := r.rl.vm.NewPromise()
	if r.done {
		_ = resolve(goja.Undefined())
		return r.rl.vm.ToValue(p)
	}
	r.resolve, r.reject = resolve, reject
	r.pump()
	return r.rl.vm.ToValue(p)
}

// cancel is the output stream's cancel: the input is cancelled too.
func (r *rewriteRun) cancel(call goja.FunctionCall) goja.Value {
	r.done = true
	return r.cancelInput(call.Argument(0))
}

// cancelInput cancels the original body.
func (r *rewriteRun) cancelInput(reason goja.Value) goja.Value {
	if cancel, ok := goja.AssertFunction(r.reader.Get("cancel")); ok {
		if v, err := cancel(r.reader, reason); err == nil {
			return v
		}
	}
	return goja.Undefined()
}

// settle ends the pull in progress.
func (r *rewriteRun) settle(fail goja.Value) {
	resolve, reject := r.resolve, r.reject
	r.resolve, r.reject = nil, nil
	if resolve == nil {
		return
	}
	if fail != nil {
		r.done = true
		r.cancelInput(fail)
		_ = reject(fail)
		return
	}
	_ = resolve(goja.Undefined())
}

// pump runs handlers and reads input until there is output to enqueue,
// the document ended, or a handler's promise or a read is awaited.
func (r *rewriteRun) pump() {
	for !r.done {
		if len(r.calls) > 0 {
			call := r.calls[0]
			r.calls = r.calls[1:]
			res, err := call()
			if err != nil {
				r.settle(errorValue(r.rl.vm, err))
				return
			}
			if r.await(res) {
				return
			}
			continue
		}
		if r.then != nil {
			then := r.then
			r.then = nil
			then()
			continue
		}
		ev, ok := r.eng.next()
		if ok {
			r.calls, r.then = r.callsFor(ev), func() { r.eng.commit(ev) }
			// What came before a handler is passed on before it runs,
			// as workerd does.
			if len(r.calls) > 0 {
				if out := r.eng.takeOutput(); out != nil {
					r.enqueue(out)
				}
			}
			continue
		}
		if out := r.eng.takeOutput(); out != nil {
			r.enqueue(out)
			r.settle(nil)
			return
		}
		switch {
		case r.ended:
			r.done = true
			if closeFn, ok := goja.AssertFunction(r.controller.Get("close")); ok {
				_, _ = closeFn(r.controller)
			}
			r.settle(nil)
			return
		case r.eng.z.eof:
			r.ended = true
			r.documentEnd()
			continue
		}
		r.read()
		return
	}
}

// errorValue is the JS value of a handler's exception.
func errorValue(vm *goja.Runtime, err error) goja.Value {
	if ex, ok := err.(*goja.Exception); ok {
		return ex.Value()
	}
	return vm.NewGoError(err)
}

// await chains pump to a thenable result; false when res is not one.
func (r *rewriteRun) await(res goja.Value) bool {
	obj, ok := res.(*goja.Object)
	if !ok {
		return false
	}
	then, ok := goja.AssertFunction(obj.Get("then"))
	if !ok {
		return false
	}
	vm := r.rl.vm
	_, err := then(obj, vm.ToValue(func(goja.FunctionCall) goja.Value {
		r.pump()
		return goja.Undefined()
	}), vm.ToValue(func(call goja.FunctionCall) goja.Value {
		r.settle(call.Argument(0))
		return goja.Undefined()
	}))
	if err != nil {
		r.settle(errorValue(vm, err))
	}
	return true
}

// read reads the next chunk of the original body into the engine.
func (r *rewriteRun) read() {
	vm := r.rl.vm
	read, _ := goja.AssertFunction(r.reader.Get("read"))
	p, err := read(r.reader)
	if err != nil {
		r.settle(errorValue(vm, err))
		return
	}
	then, _ := goja.AssertFunction(p.(*goja.Object).Get("then"))
	_, err = then(p, vm.ToValue(func(call goja.FunctionCall) goja.Value {
		res := call.Argument(0).ToObject(vm)
		if res.Get("done").ToBoolean() {
			r.eng.z.eof = true
		} else if data, ok := r.rl.bufferSource(res.Get("value")); ok {
			r.eng.z.feed(data)
		} else {
			r.settle(r.rl.vm.NewTypeError("This TransformStream is being used as a byte stream, but received an object of non-ArrayBuffer/ArrayBufferView type on its writable side."))
			return goja.Undefined()
		}
		r.pump()
		return goja.Undefined()
	}), vm.ToValue(func(call goja.FunctionCall) goja.Value {
		r.settle(call.Argument(0))
		return goja.Undefined()
	}))
	if err != nil {
		r.settle(errorValue(vm, err))
	}
}

// enqueue hands output to the stream.
func (r *rewriteRun) enqueue(b []byte) {
	enqueue, _ := goja.AssertFunction(r.controller.Get("enqueue"))
	if _, err := enqueue(r.controller, r.rl.newUint8Array(b)); err != nil {
		panic(err)
	}
}

// documentEnd runs the end handlers, then writes what they appended.
func (r *rewriteRun) documentEnd() {
	st := &documentEndState{valid: true, codec: r.eng.codec}
	obj := r.rl.rewriterClasses.documentEnd.make(st)
	for _, reg := range r.docs.end {
		r.calls = append(r.calls, r.handlerCall(reg.obj, reg.element, obj))
	}
	r.then = func() {
		st.valid = false
		r.eng.finish(st.appended)
	}
}

// handlerCall is a call of fn on the handler object with the token.
func (r *rewriteRun) handlerCall(this *goja.Object, fn goja.Value, token goja.Value) func() (goja.Value, error) {
	f, _ := goja.AssertFunction(fn)
	return func() (goja.Value, error) { return f(this, token) }
}

// callsFor lists the handler calls of an event.
func (r *rewriteRun) callsFor(ev *rwEvent) []func() (goja.Value, error) {
	cls := &r.rl.rewriterClasses
	var calls []func() (goja.Value, error)
	add := func(obj *goja.Object, fn goja.Value, tok goja.Value) {
		calls = append(calls, r.handlerCall(obj, fn, tok))
	}
	switch ev.tok.kind {
	case tokStart:
		if len(ev.regs) > 0 {
			tok := cls.element.make(ev.element)
			for _, i := range ev.regs {
				add(r.h.regs[i].obj, r.h.regs[i].element, tok)
			}
		}
	case tokEnd:
		for i, oe := range ev.closes {
			if oe.el.endHandler == nil {
				continue
			}
			f, _ := goja.AssertFunction(oe.el.endHandler.(goja.Value))
			tok := cls.endTag.make(ev.ends[i])
			// workerd calls it with the global object as this.
			calls = append(calls, func() (goja.Value, error) { return f(r.rl.vm.GlobalObject(), tok) })
		}
	case tokText:
		if len(ev.regs) == 0 && len(r.docs.text) == 0 {
			break
		}
		tok := cls.text.make(ev.text)
		for _, i := range ev.regs {
			add(r.h.regs[i].obj, r.h.regs[i].text, tok)
		}
		for _, d := range r.docs.text {
			add(d.obj, d.element, tok)
		}
	case tokComment:
		tok := cls.comment.make(ev.comment)
		for _, i := range ev.regs {
			add(r.h.regs[i].obj, r.h.regs[i].comments, tok)
		}
		for _, d := range r.docs.comments {
			add(d.obj, d.element, tok)
		}
	case tokDoctype:
		tok := cls.doctype.make(&docInfo{name: ev.tok.docName, publicID: ev.tok.publicID, systemID: ev.tok.systemID})
		for _, d := range r.docs.doctype {
			add(d.obj, d.element, tok)
		}
	}
	if len(calls) > 0 && ev.tok.kind != tokComment && ev.tok.kind != tokDoctype {
		calls = append(calls, r.readStreamed(ev))
	}
	return calls
}
