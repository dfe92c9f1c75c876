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
