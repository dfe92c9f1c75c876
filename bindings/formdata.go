package bindings

// FormData (https://xhr.spec.whatwg.org/#interface-formdata) and File
// (https://w3c.github.io/FileAPI/#file-section), as workerd gives them.
// Parsing a body into a FormData and serializing one as multipart are in
// formdata_body.go.

import (
	"github.com/dop251/goja"
)

// file is the state of a File: a Blob with a name and a modification time.
type file struct {
	blob
	name         string
	lastModified int64
}

func (f *file) baseState() *blob { return &f.blob }

// formEntry is one entry of a FormData: a name and a string or a File.
type formEntry struct {
	name  string
	value goja.Value // a string, or a File object
}

// formData is the state of a FormData: its entries, in order.
type formData struct {
	entries []formEntry
}

// installFormData defines File and FormData; it runs after Blob.
func (rl *Realm) installFormData() {
	rl.installFile()
	c := rl.newClass("FormData", nil, func(call goja.FunctionCall) {
		// workerd ignores the argument (there is no HTMLFormElement).
		rl.attach(call.This.(*goja.Object), &formData{})
	})
	rl.formDataClass = c
	c.method("append", func(call goja.FunctionCall) goja.Value {
		fd := thisState[formData](rl, call)
		fd.entries = append(fd.entries, rl.formEntryArgs(call, "append"))
		return goja.Undefined()
	})
	c.method("delete", func(call goja.FunctionCall) goja.Value {
		fd := thisState[formData](rl, call)
		name := rl.formName(call, "delete")
		fd.remove(name)
		return goja.Undefined()
	})
	c.method("get", func(call goja.FunctionCall) goja.Value {
		fd := thisState[formData](rl, call)
		name := rl.formName(call, "get")
		for _, e := range fd.entries {
			if e.name == name {
				return e.value
			}
		}
		return goja.Null()
	})
	c.method("getAll", func(call goja.FunctionCall) goja.Value {
		fd := thisState[formData](rl, call)
		name := rl.formName(call, "getAll")
		var out []any
		for _, e := range fd.entries {
			if e.name == name {
				out = append(out, e.value)
			}
		}
		return rl.vm.NewArray(out...)
	})
	c.method("has", func(call goja.FunctionCall) goja.Value {
		fd := thisState[formData](rl, call)
		name := rl.formName(call, "has")
		for _, e := range fd.entries {
			if e.name == name {
				return rl.vm.ToValue(true)
			}
		}
		return rl.vm.ToValue(false)
	})
	c.method("set", func(call goja.FunctionCall) goja.Value {
		fd := thisState[formData](rl, call)
		fd.set(rl.formEntryArgs(call, "set"))
		return goja.Undefined()
	})
	rl.defineFormDataIterators(c)
}

// remove deletes every entry named name.
func (fd *formData) remove(name string) {
	kept := fd.entries[:0]
	for _, e := range fd.entries {
		if e.name != name {
			kept = append(kept, e)
		}
	}
	clear(fd.entries[len(kept):])
	fd.entries = kept
}

// set replaces the first entry named e.name with e and removes the others,
// or appends e when there is none.
func (fd *formData) set(e formEntry) {
	for i, old := range fd.entries {
		if old.name == e.name {
			fd.entries[i] = e
			rest := &formData{entries: fd.entries[i+1:]}
			rest.remove(e.name)
			fd.entries = fd.entries[:i+1+len(rest.entries)]
			return
		}
	}
	fd.entries = append(fd.entries, e)
}

// formName reads the name argument of a FormData method.
func (rl *Realm) formName(call goja.FunctionCall, method string) string {
	if len(call.Arguments) < 1 {
		rl.throwTypeError("Failed to execute '" + method + "' on 'FormData': parameter 1 is not of type 'string'.")
	}
	return toUSVString(call.Argument(0).String())
}

// formEntryArgs reads (name, value, filename) for append and set: a Blob
// value becomes a File, named filename, else the File's own name, else the
// entry's name (as workerd names it, where the spec says "blob").
func (rl *Realm) formEntryArgs(call goja.FunctionCall, method string) formEntry {
	if len(call.Arguments) < 2 {
		rl.throwTypeError("Failed to execute '" + method + "' on 'FormData': parameter 2 is not of type 'File or Blob or string'.")
	}
	name := toUSVString(call.Argument(0).String())
	v := call.Argument(1)
	b, isBlob := rl.blobBytes(v)
	if !isBlob {
		return formEntry{name: name, value: rl.vm.ToValue(toUSVString(v.String()))}
	}
	fn := call.Argument(2)
	if goja.IsUndefined(fn) {
		if f := stateOf[file](rl, v); f != nil {
			return formEntry{name: name, value: v}
		}
		return formEntry{name: name, value: rl.newFile(b.data, b.typ, name, rl.performanceNow())}
	}
	lm := rl.performanceNow()
	if f := stateOf[file](rl, v); f != nil {
		lm = f.lastModified
	}
	return formEntry{name: name, value: rl.newFile(b.data, b.typ, toUSVString(fn.String()), lm)}
}

// formIterator is the state of a FormData iterator: the items it gives,
// taken when it was made.
type formIterator struct {
	items []goja.Value
	next  int
}

// defineFormDataIterators adds entries, keys, values, forEach and
// @@iterator, over the entries in order. The iterators are workerd's
// EntryIterator, KeyIterator and ValueIterator (not globals), which
// inherit from %IteratorPrototype%.
func (rl *Realm) defineFormDataIterators(c *jsClass) {
	iterProto := rl.iteratorPrototype()
	iter := func(class string, pick func(e formEntry) goja.Value) func(goja.FunctionCall) goja.Value {
		ic := rl.defineClass(class, nil, nil, "")
		if err := ic.proto.SetPrototype(iterProto); err != nil {
			panic(err)
		}
		ic.method("next", func(call goja.FunctionCall) goja.Value {
			it := thisState[formIterator](rl, call)
			res := rl.vm.NewObject()
			if it.next >= len(it.items) {
				_ = res.Set("value", goja.Undefined())
				_ = res.Set("done", true)
				return res
			}
			_ = res.Set("value", it.items[it.next])
			_ = res.Set("done", false)
			it.items[it.next] = nil
			it.next++
			return res
		})
		return func(call goja.FunctionCall) goja.Value {
			fd := thisState[formData](rl, call)
			items := make([]goja.Value, len(fd.entries))
			for i, e := range fd.entries {
				items[i] = pick(e)
			}
			return ic.instance(&formIterator{items: items})
		}
	}
	entries := iter("EntryIterator", func(e formEntry) goja.Value { return rl.vm.NewArray(e.name, e.value) })
	c.method("entries", entries)
	c.method("keys", iter("KeyIterator", func(e formEntry) goja.Value { return rl.vm.ToValue(e.name) }))
	c.method("values", iter("ValueIterator", func(e formEntry) goja.Value { return e.value }))
	c.method("forEach", func(call goja.FunctionCall) goja.Value {
		fd := thisState[formData](rl, call)
		fn, ok := goja.AssertFunction(call.Argument(0))
		if !ok {
			rl.throwTypeError("Failed to execute 'forEach' on 'FormData': parameter 1 is not of type 'Function'.")
		}
		// A callback may change the entries; walk them by index as they are.
		for i := 0; i < len(fd.entries); i++ {
			e := fd.entries[i]
			if _, err := fn(call.Argument(1), e.value, rl.vm.ToValue(e.name), call.This); err != nil {
				panic(err)
			}
		}
		return goja.Undefined()
	})
	// @@iterator is a function of its own in workerd, not entries itself.
	if err := c.proto.DefineDataPropertySymbol(goja.SymIterator, rl.function("entries", entries), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		panic(err)
	}
}

// iteratorPrototype is %IteratorPrototype%, the parent of the built-in
// iterators' prototypes.
func (rl *Realm) iteratorPrototype() *goja.Object {
	return rl.mustRun("iteratorPrototype", "Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))").(*goja.Object)
}

// installFile defines File, a subclass of Blob.
func (rl *Realm) installFile() {
	c := rl.newClass("File", rl.blobClass, func(call goja.FunctionCall) {
		if len(call.Arguments) < 2 {
			rl.throwTypeError("Failed to construct 'File': constructor parameter 2 is not of type 'string'.")
		}
		data := rl.blobParts(call.Argument(0))
		name := toUSVString(call.Argument(1).String())
		typ := ""
		lm := rl.performanceNow()
		if opts, ok := call.Argument(2).(*goja.Object); ok {
			if t := opts.Get("type"); t != nil && !goja.IsUndefined(t) {
				typ = normalizeBlobType(t.String())
			}
			if l := opts.Get("lastModified"); l != nil && !goja.IsUndefined(l) {
				lm = l.ToInteger()
			}
		}
		rl.attach(call.This.(*goja.Object), &file{blob: blob{data: data, typ: typ}, name: name, lastModified: lm})
	})
	rl.fileClass = c
	get := stateGetter[file](rl, c)
	get("name", func(f *file) goja.Value { return rl.vm.ToValue(f.name) })
	get("lastModified", func(f *file) goja.Value { return rl.vm.ToValue(f.lastModified) })
}

// newFile creates a File holding data (handed over, not copied) with the
// media type typ as given.
func (rl *Realm) newFile(data []byte, typ, name string, lastModified int64) *goja.Object {
	return rl.fileClass.instance(&file{blob: blob{data: data, typ: typ}, name: name, lastModified: lastModified})
}
