package bindings

// The Body mixin shared by Request and Response:
// https://fetch.spec.whatwg.org/#body-mixin

import (
	"github.com/dop251/goja"
)

// body is the state of a Request's or Response's body: bytes held in
// memory, or no body at all.
type body struct {
	data   []byte
	null   bool
	used   bool
	stream *goja.Object // a ReadableStream body; data is unused then
}

// bodyHolder is implemented by Request and Response states.
type bodyHolder interface {
	bodyState() *body
	headerState() *headers
}

// extractBody converts a BodyInit into bytes and the Content-Type it
// implies ("" when it implies none).
func (rl *Realm) extractBody(v goja.Value) (body, string) {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return body{null: true}, ""
	}
	if b, ok := rl.bufferSource(v); ok {
		return body{data: b}, ""
	}
	if rl.isReadableStream(v) {
		return body{stream: v.(*goja.Object)}, ""
	}
	if bl, ok := rl.blobBytes(v); ok {
		return body{data: append([]byte(nil), bl.data...)}, bl.typ
	}
	if fd := stateOf[formData](rl, v); fd != nil {
		return rl.multipartBody(fd)
	}
	if rl.isURLSearchParams(v) {
		return body{data: []byte(v.String())}, "application/x-www-form-urlencoded;charset=UTF-8"
	}
	return body{data: []byte(toUSVString(v.String()))}, "text/plain;charset=UTF-8"
}

// installBody defines Body, the class of Request's and Response's
// prototypes' prototype, which holds the body methods, as in workerd; it
// cannot be constructed.
func (rl *Realm) installBody() {
	c := rl.defineClass("Body", nil, nil, "Illegal constructor")
	rl.global("Body", c.ctor)
	rl.defineBodyMethods(c)
	rl.bodyClass = c
}

// bodyOnPrototypeOnly undoes the static inheritance a subclass of Body gets
// from the class factory: in workerd, Request's and Response's prototypes
// inherit from Body's, but the constructors themselves do not inherit from
// Body.
func (rl *Realm) bodyOnPrototypeOnly(c *jsClass) {
	if err := c.ctor.SetPrototype(rl.vm.Get("Function").(*goja.Object).Get("prototype").(*goja.Object)); err != nil {
		panic(err)
	}
}

// defineBodyMethods adds the Body mixin to a class whose instances' state
// implements bodyHolder.
func (rl *Realm) defineBodyMethods(c *jsClass) {
	holder := func(call goja.FunctionCall) bodyHolder {
		if h, ok := rl.slotValue(call.This).(bodyHolder); ok {
			return h
		}
		panic(rl.vm.NewTypeError(errIllegalInvocation))
	}
	c.getter("bodyUsed", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(rl.bodyUsed(holder(call).bodyState()))
	})
	c.getter("body", func(call goja.FunctionCall) goja.Value {
		b := holder(call).bodyState()
		if b.null {
			return goja.Null()
		}
		if b.stream == nil {
			b.stream = rl.callHelper(rl.streams.fromBytes, rl.newUint8Array(b.data)).(*goja.Object)
			b.data = nil
		}
		return b.stream
	})
	read := func(name string, convert func(h bodyHolder, data []byte) goja.Value) {
		c.method(name, func(call goja.FunctionCall) goja.Value {
			h := holder(call)
			b := h.bodyState()
			if rl.bodyUsed(b) {
				return rl.rejected(rl.vm.NewTypeError(errBodyUsed))
			}
			b.used = true
			finish := func(data []byte) goja.Value {
				var result goja.Value
				if ex := rl.vm.Try(func() { result = convert(h, data) }); ex != nil {
					return rl.rejected(ex.Value())
				}
				return rl.resolved(result)
			}
			if b.stream == nil {
				return finish(b.data)
			}
			return rl.thenBytes(rl.callHelper(rl.streams.readAll, b.stream), finish)
		})
	}
	read("text", func(_ bodyHolder, d []byte) goja.Value { return rl.vm.ToValue(decodeUTF8(d)) })
	read("arrayBuffer", func(_ bodyHolder, d []byte) goja.Value { return rl.newArrayBuffer(append([]byte(nil), d...)) })
	read("bytes", func(_ bodyHolder, d []byte) goja.Value { return rl.newUint8Array(d) })
	read("json", func(_ bodyHolder, d []byte) goja.Value { return rl.jsonParse(decodeUTF8(d)) })
	read("formData", rl.bodyFormData)
	read("blob", func(h bodyHolder, d []byte) goja.Value {
		typ, _ := h.headerState().get("content-type")
		return rl.newBlob(append([]byte(nil), d...), typ)
	})
}

// cloneBody is the body half of clone(): a used body cannot be cloned, and
// a stream body is teed, one branch staying with the original.
func (rl *Realm) cloneBody(b *body) body {
	if rl.bodyUsed(b) {
		rl.throwTypeError(errBodyUsed)
	}
	cp := *b
	if b.stream != nil {
		tee, _ := goja.AssertFunction(b.stream.Get("tee"))
		branches, err := tee(b.stream)
		if err != nil {
			panic(err)
		}
		arr := branches.(*goja.Object)
		b.stream, cp.stream = arr.Get("0").(*goja.Object), arr.Get("1").(*goja.Object)
	}
	return cp
}

// errBodyUsed is workerd's TypeError for a body read twice.
const errBodyUsed = "Body has already been used. It can only be used once. Use tee() first if you need to read it twice."

// bodyUsed reports whether a body was read, including through its stream.
func (rl *Realm) bodyUsed(b *body) bool {
	return b.used || (b.stream != nil && rl.streamDisturbed(b.stream))
}

// thenBytes chains a promise of a Uint8Array into finish, which returns a
// promise.
func (rl *Realm) thenBytes(p goja.Value, finish func([]byte) goja.Value) goja.Value {
	then, _ := goja.AssertFunction(p.(*goja.Object).Get("then"))
	next, err := then(p, rl.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		data, _ := rl.bufferSource(call.Argument(0))
		return finish(data)
	}))
	if err != nil {
		panic(err)
	}
	return next
}

// jsonParse is JSON.parse(s); it throws SyntaxError on bad input.
func (rl *Realm) jsonParse(s string) goja.Value {
	parse, _ := goja.AssertFunction(rl.vm.Get("JSON").ToObject(rl.vm).Get("parse"))
	v, err := parse(goja.Undefined(), rl.vm.ToValue(s))
	if err != nil {
		panic(err)
	}
	return v
}
