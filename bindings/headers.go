package bindings

// Headers: https://fetch.spec.whatwg.org/#headers-class

import (
	"sort"
	"strings"

	"github.com/dop251/goja"
)

// headers is the state of a Headers object: an ordered list of
// (lowercased name, value) pairs, as the Fetch standard keeps it.
type headers struct {
	list      [][2]string
	immutable bool
	// obj is the Headers object of a Request's or Response's list, made on
	// first use (headersOf).
	obj *goja.Object
}

// installHeaders defines the Headers class.
func (rl *Realm) installHeaders() {
	c := rl.newClass("Headers", nil, func(call goja.FunctionCall) {
		h := &headers{}
		rl.fillHeaders(h, call.Argument(0))
		rl.attach(call.This.(*goja.Object), h)
	})
	rl.headersClass = c
	c.method("append", func(call goja.FunctionCall) goja.Value {
		h := rl.mutableHeaders(call)
		h.append(rl.headerName(call.Argument(0)), rl.headerValue(call.Argument(1)))
		return goja.Undefined()
	})
	c.method("set", func(call goja.FunctionCall) goja.Value {
		h := rl.mutableHeaders(call)
		h.set(rl.headerName(call.Argument(0)), rl.headerValue(call.Argument(1)))
		return goja.Undefined()
	})
	c.method("delete", func(call goja.FunctionCall) goja.Value {
		h := rl.mutableHeaders(call)
		h.remove(rl.headerName(call.Argument(0)))
		return goja.Undefined()
	})
	c.method("get", func(call goja.FunctionCall) goja.Value {
		h := thisState[headers](rl, call)
		if v, ok := h.get(rl.headerName(call.Argument(0))); ok {
			return rl.vm.ToValue(v)
		}
		return goja.Null()
	})
	c.method("has", func(call goja.FunctionCall) goja.Value {
		_, ok := thisState[headers](rl, call).get(rl.headerName(call.Argument(0)))
		return rl.vm.ToValue(ok)
	})
	c.method("getSetCookie", func(call goja.FunctionCall) goja.Value {
		h := thisState[headers](rl, call)
		var out []interface{}
		for _, kv := range h.list {
			if kv[0] == "set-cookie" {
				out = append(out, kv[1])
			}
		}
		return rl.vm.NewArray(out...)
	})
	c.method("forEach", func(call goja.FunctionCall) goja.Value {
		h := thisState[headers](rl, call)
		fn, ok := goja.AssertFunction(call.Argument(0))
		if !ok {
			rl.throwTypeError("Failed to execute 'forEach' on 'Headers': parameter 1 is not of type 'Function'.")
		}
		for _, kv := range h.sorted() {
			if _, err := fn(call.Argument(1), rl.vm.ToValue(kv[1]), rl.vm.ToValue(kv[0]), call.This); err != nil {
				panic(err)
			}
		}
		return goja.Undefined()
	})
	rl.defineHeadersIterators(c)
}

// defineHeadersIterators adds entries/keys/values and Symbol.iterator, each
// iterating a snapshot of the sorted and combined list.
func (rl *Realm) defineHeadersIterators(c *jsClass) {
	iter := func(pick func(kv [2]string) goja.Value) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			pairs := thisState[headers](rl, call).sorted()
			items := make([]interface{}, len(pairs))
			for i, kv := range pairs {
				items[i] = pick(kv)
			}
			return rl.arrayIterator(items)
		}
	}
	entries := iter(func(kv [2]string) goja.Value { return rl.vm.NewArray(kv[0], kv[1]) })
	c.method("entries", entries)
	c.method("keys", iter(func(kv [2]string) goja.Value { return rl.vm.ToValue(kv[0]) }))
	c.method("values", iter(func(kv [2]string) goja.Value { return rl.vm.ToValue(kv[1]) }))
	if err := c.proto.DefineDataPropertySymbol(goja.SymIterator, rl.vm.ToValue(entries), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		panic(err)
	}
}

// arrayIterator returns an iterator over items (Array.prototype.values).
func (rl *Realm) arrayIterator(items []interface{}) goja.Value {
	arr := rl.vm.NewArray(items...)
	values, _ := goja.AssertFunction(arr.Get("values"))
	it, err := values(arr)
	if err != nil {
		panic(err)
	}
	return it
}

// mutableHeaders is the brand check of the mutating methods, which throw on
// the immutable headers of a received request or response.
func (rl *Realm) mutableHeaders(call goja.FunctionCall) *headers {
	h := thisState[headers](rl, call)
	if h.immutable {
		rl.throwTypeError("Can't modify immutable headers.")
	}
	return h
}

// fillHeaders appends a HeadersInit: a Headers, a sequence of pairs, or a
// record.
func (rl *Realm) fillHeaders(h *headers, init goja.Value) {
	if init == nil || goja.IsUndefined(init) || goja.IsNull(init) {
		return
	}
	o, ok := init.(*goja.Object)
	if !ok {
		rl.throwTypeError("Failed to construct 'Headers': The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.")
	}
	if other := stateOf[headers](rl, o); other != nil {
		h.list = append(h.list, other.list...)
		return
	}
	if it := o.GetSymbol(goja.SymIterator); it != nil && !goja.IsUndefined(it) {
		rl.vm.ForOf(o, func(pair goja.Value) bool {
			var kv []goja.Value
			if po, ok := pair.(*goja.Object); ok {
				rl.vm.ForOf(po, func(x goja.Value) bool { kv = append(kv, x); return true })
			}
			if len(kv) != 2 {
				rl.throwTypeError("Failed to construct 'Headers': Invalid value")
			}
			h.append(rl.headerName(kv[0]), rl.headerValue(kv[1]))
			return true
		})
		return
	}
	for _, k := range o.Keys() {
		h.append(rl.headerName(rl.vm.ToValue(k)), rl.headerValue(o.Get(k)))
	}
}

// headerName validates and lowercases a header name.
func (rl *Realm) headerName(v goja.Value) string {
	name := v.String()
	if name == "" || !isToken(name) {
		rl.throwTypeError("Invalid header name.")
	}
	return strings.ToLower(name)
}

// headerValue normalizes a header value: leading and trailing HTTP
// whitespace removed; NUL, CR and LF refused.
func (rl *Realm) headerValue(v goja.Value) string {
	s := strings.Trim(v.String(), " \t\r\n")
	if strings.ContainsAny(s, "\x00\r\n") {
		rl.throwTypeError("Invalid header value.")
	}
	return s
}

// isToken reports whether s is an RFC 9110 token.
func isToken(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= 0x20 || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return false
		}
	}
	return true
}

func (h *headers) append(name, value string) { h.list = append(h.list, [2]string{name, value}) }

// get combines every value of name with ", ".
func (h *headers) get(name string) (string, bool) {
	var vals []string
	for _, kv := range h.list {
		if kv[0] == name {
			vals = append(vals, kv[1])
		}
	}
	return strings.Join(vals, ", "), len(vals) > 0
}

// set replaces the first value of name and drops the others.
func (h *headers) set(name, value string) {
	out := h.list[:0]
	done := false
	for _, kv := range h.list {
		if kv[0] != name {
			out = append(out, kv)
		} else if !done {
			out = append(out, [2]string{name, value})
			done = true
		}
	}
	h.list = out
	if !done {
		h.append(name, value)
	}
}

func (h *headers) remove(name string) {
	out := h.list[:0]
	for _, kv := range h.list {
		if kv[0] != name {
			out = append(out, kv)
		}
	}
	h.list = out
}

// sorted is the Fetch "sort and combine": names sorted, values of a name
// combined, except set-cookie whose values stay separate.
func (h *headers) sorted() [][2]string {
	names := make([]string, 0, len(h.list))
	seen := map[string]bool{}
	for _, kv := range h.list {
		if !seen[kv[0]] {
			seen[kv[0]] = true
			names = append(names, kv[0])
		}
	}
	sort.Strings(names)
	out := make([][2]string, 0, len(names))
	for _, n := range names {
		if n == "set-cookie" {
			for _, kv := range h.list {
				if kv[0] == n {
					out = append(out, kv)
				}
			}
			continue
		}
		v, _ := h.get(n)
		out = append(out, [2]string{n, v})
	}
	return out
}

// clone copies the header list (not the guard).
func (h *headers) clone() *headers {
	return &headers{list: append([][2]string(nil), h.list...)}
}

// newHeaders wraps a header list as a Headers object.
func (rl *Realm) newHeaders(h *headers) *goja.Object {
	return rl.headersClass.instance(h)
}

// headersOf returns the Headers object of a Request's or Response's list,
// made on first use: most workers never read the headers of the Response
// they return, and the host reads them from Go.
func (rl *Realm) headersOf(h *headers) *goja.Object {
	if h.obj == nil {
		h.obj = rl.newHeaders(h)
	}
	return h.obj
}
