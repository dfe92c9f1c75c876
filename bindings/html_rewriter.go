package bindings

// HTMLRewriter: https://developers.cloudflare.com/workers/runtime-apis/html-rewriter/
// transform() returns a Response whose body is the original body rewritten
// as it streams: each chunk read from the original is tokenized
// (html_rewriter_tokenizer.go), its tokens handed to the handlers whose
// selectors match (html_rewriter_selector.go, html_rewriter_engine.go),
// and what they become is enqueued as the reader asks for more. Handlers
// run on the loop, one after the other; a handler that returns a promise
// holds the rewriting until it settles.

import (
	"github.com/dop251/goja"
)

// rewriterReg is one .on() registration's handlers.
type rewriterReg struct {
	obj                     *goja.Object
	element, comments, text goja.Value
}

// htmlRewriter is the state of an HTMLRewriter.
type htmlRewriter struct {
	selectors []cssSelector
	regs      []rewriterReg
	docs      []docHandlerSet // onDocument registrations, in order
}

// docHandlerSet is one onDocument registration's handlers.
type docHandlerSet struct {
	obj                          *goja.Object
	doctype, comments, text, end goja.Value
}

// installHTMLRewriter defines HTMLRewriter and its token classes.
func (rl *Realm) installHTMLRewriter() {
	rl.installRewriterTokens()
	c := rl.newClass("HTMLRewriter", nil, func(call goja.FunctionCall) {
		rl.attach(call.This.(*goja.Object), &htmlRewriter{})
	})
	rl.rewriterClasses.rewriter = c
	c.method("on", func(call goja.FunctionCall) goja.Value {
		h := thisState[htmlRewriter](rl, call)
		if goja.IsUndefined(call.Argument(0)) {
			rl.throwTypeError("Failed to execute 'on' on 'HTMLRewriter': parameter 1 is not of type 'string'.")
		}
		sel, err := parseSelector(call.Argument(0).String())
		if err != nil {
			rl.parserError(err.Error())
		}
		obj, ok := call.Argument(1).(*goja.Object)
		if !ok {
			rl.throwTypeError("Failed to execute 'on' on 'HTMLRewriter': parameter 2 is not of type 'ElementContentHandlers'.")
		}
		h.selectors = append(h.selectors, sel)
		const kind = "ElementContentHandlers"
		h.regs = append(h.regs, rewriterReg{obj: obj, element: rl.handlerFunc(obj, "element", kind),
			comments: rl.handlerFunc(obj, "comments", kind), text: rl.handlerFunc(obj, "text", kind)})
		return call.This
	})
	c.method("onDocument", func(call goja.FunctionCall) goja.Value {
		h := thisState[htmlRewriter](rl, call)
		obj, ok := call.Argument(0).(*goja.Object)
		if !ok {
			rl.throwTypeError("Failed to execute 'onDocument' on 'HTMLRewriter': parameter 1 is not of type 'DocumentContentHandlers'.")
		}
		d := docHandlerSet{obj: obj}
		for _, f := range []struct {
			name string
			fn   *goja.Value
		}{{"doctype", &d.doctype}, {"comments", &d.comments}, {"text", &d.text}, {"end", &d.end}} {
			*f.fn = rl.handlerFunc(obj, f.name, "DocumentContentHandlers")
		}
		h.docs = append(h.docs, d)
		return call.This
	})
	c.method("transform", func(call goja.FunctionCall) goja.Value {
		h := thisState[htmlRewriter](rl, call)
		res := stateOf[response](rl, call.Argument(0))
		if res == nil {
			rl.throwTypeError("Failed to execute 'transform' on 'HTMLRewriter': parameter 1 is not of type 'Response'.")
		}
		if res.isError {
			rl.throwTypeError("HTMLRewriter cannot transform an error response")
		}
		if rl.bodyUsed(&res.body) {
			rl.throwTypeError("The ReadableStream has been locked to a reader.")
		}
		contentType, _ := res.hdr.get("content-type")
		codec, err := codecFor(contentType)
		if err != nil {
			rl.parserError(err.Error())
		}
		return rl.transformResponse(h, call.Argument(0).(*goja.Object), codec)
	})
}

// handlerFunc returns obj[name], nil when it is undefined, and throws
// workerd's TypeError when it is not a function; kind names the handlers'
// dictionary.
func (rl *Realm) handlerFunc(obj *goja.Object, name, kind string) goja.Value {
	v := obj.Get(name)
	if v == nil || goja.IsUndefined(v) {
		return nil
	}
	if _, ok := goja.AssertFunction(v); !ok {
		rl.throwTypeError("Incorrect type for the '" + name + "' field on '" + kind + "': the provided value is not of type 'function'.")
	}
	return v
}

// transformResponse makes the rewritten Response.
func (rl *Realm) transformResponse(h *htmlRewriter, res *goja.Object, codec *rwCodec) goja.Value {
	ctor := rl.vm.Get("Response").(*goja.Object)
	bodyV := res.Get("body")
	if goja.IsNull(bodyV) {
		out, err := rl.vm.New(ctor, goja.Null(), res)
		if err != nil {
			panic(err)
		}
		return out
	}
	getReader, _ := goja.AssertFunction(bodyV.(*goja.Object).Get("getReader"))
	reader, err := getReader(bodyV)
	if err != nil {
		panic(err)
	}
	run := &rewriteRun{rl: rl, h: h, reader: reader.(*goja.Object)}
	run.eng.codec = codec
	run.setup()
	source := rl.vm.NewObject()
	_ = source.Set("pull", run.pull)
	_ = source.Set("cancel", run.cancel)
	streamCtor := rl.vm.Get("ReadableStream").(*goja.Object)
	stream, err := rl.vm.New(streamCtor, source)
	if err != nil {
		panic(err)
	}
	out, err := rl.vm.New(ctor, stream, rl.rewrittenInit(res))
	if err != nil {
		panic(err)
	}
	return out
}

// rewrittenInit is the ResponseInit of a rewritten response: the
// original's status and headers without Content-Length, which the
// rewritten body need not match. (workerd keeps the header in the
// Headers but sends the body chunked whatever it says; workerhost's
// server would send it, so it goes.)
func (rl *Realm) rewrittenInit(res *goja.Object) *goja.Object {
	h, err := rl.vm.New(rl.vm.Get("Headers").(*goja.Object), res.Get("headers"))
	if err != nil {
		panic(err)
	}
	del, _ := goja.AssertFunction(h.Get("delete"))
	if _, err := del(h, rl.vm.ToValue("content-length")); err != nil {
		panic(err)
	}
	init := rl.vm.NewObject()
	_ = init.Set("status", res.Get("status"))
	_ = init.Set("statusText", res.Get("statusText"))
	_ = init.Set("headers", h)
	return init
}

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
