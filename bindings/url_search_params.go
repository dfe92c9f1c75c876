package bindings

// URLSearchParams: https://url.spec.whatwg.org/#interface-urlsearchparams

import (
	"slices"
	"unicode/utf16"

	"github.com/dop251/goja"
)

// searchParams is the state of a URLSearchParams: its list of name-value
// pairs and, for a URL's searchParams, that URL, whose query follows every
// change (https://url.spec.whatwg.org/#concept-urlsearchparams-update).
type searchParams struct {
	list [][2]string
	url  *urlState
	obj  *goja.Object
}

// update writes the list back into the URL's query.
func (p *searchParams) update() {
	if p.url != nil {
		p.url.u.SetSearch(serializeURLEncoded(p.list))
	}
}

// searchParamsOf returns the URL's searchParams object, made on first use.
func (rl *Realm) searchParamsOf(s *urlState) *goja.Object {
	if s.params == nil {
		s.params = &searchParams{list: parseURLEncoded(s.u.Query()), url: s}
	}
	if s.params.obj == nil {
		s.params.obj = rl.urlSearchParamsClass.instance(s.params)
	}
	return s.params.obj
}

// installURLSearchParams defines URLSearchParams and its iterators.
func (rl *Realm) installURLSearchParams() {
	c := rl.newClass("URLSearchParams", nil, func(call goja.FunctionCall) {
		p := &searchParams{obj: call.This.(*goja.Object)}
		rl.fillSearchParams(p, call.Argument(0))
		rl.attach(p.obj, p)
	})
	rl.urlSearchParamsClass = c
	rl.urlSearchParamsCtor = c.ctor
	rl.defineSearchParamsMutators(c)
	rl.defineSearchParamsReaders(c)
	rl.defineSearchParamsIterators(c)
}

// paramArg reads a required USVString argument of a URLSearchParams method.
func (rl *Realm) paramArg(call goja.FunctionCall, method string, i int) string {
	return rl.usvArgument(call, i, "Failed to execute '"+method+"' on 'URLSearchParams': parameter "+string(rune('1'+i))+" is not of type 'USVString'.")
}

// defineSearchParamsMutators defines append, delete, set and sort.
func (rl *Realm) defineSearchParamsMutators(c *jsClass) {
	c.method("append", func(call goja.FunctionCall) goja.Value {
		p := thisState[searchParams](rl, call)
		p.list = append(p.list, [2]string{rl.paramArg(call, "append", 0), rl.paramArg(call, "append", 1)})
		p.update()
		return goja.Undefined()
	})
	c.method("delete", func(call goja.FunctionCall) goja.Value {
		p := thisState[searchParams](rl, call)
		name := rl.paramArg(call, "delete", 0)
		value, withValue := rl.optionalString(call.Argument(1))
		p.list = slices.DeleteFunc(p.list, func(kv [2]string) bool {
			return kv[0] == name && (!withValue || kv[1] == value)
		})
		p.update()
		return goja.Undefined()
	})
	c.method("set", func(call goja.FunctionCall) goja.Value {
		p := thisState[searchParams](rl, call)
		name, value := rl.paramArg(call, "set", 0), rl.paramArg(call, "set", 1)
		p.set(name, value)
		p.update()
		return goja.Undefined()
	})
	c.method("sort", func(call goja.FunctionCall) goja.Value {
		p := thisState[searchParams](rl, call)
		slices.SortStableFunc(p.list, func(a, b [2]string) int { return compareUTF16(a[0], b[0]) })
		p.update()
		return goja.Undefined()
	})
}

// set replaces the value of the first pair named name and removes the
// others, or appends a pair.
func (p *searchParams) set(name, value string) {
	first := -1
	i := 0
	p.list = slices.DeleteFunc(p.list, func(kv [2]string) bool {
		defer func() { i++ }()
		if kv[0] != name {
			return false
		}
		if first >= 0 {
			return true
		}
		first = i
		return false
	})
	if first < 0 {
		p.list = append(p.list, [2]string{name, value})
		return
	}
	for j := range p.list {
		if p.list[j][0] == name {
			p.list[j][1] = value
			return
		}
	}
}

// defineSearchParamsReaders defines get, getAll, has, size, toString and
// forEach.
func (rl *Realm) defineSearchParamsReaders(c *jsClass) {
	c.method("get", func(call goja.FunctionCall) goja.Value {
		p := thisState[searchParams](rl, call)
		name := rl.paramArg(call, "get", 0)
		for _, kv := range p.list {
			if kv[0] == name {
				return rl.vm.ToValue(kv[1])
			}
		}
		return goja.Null()
	})
	c.method("getAll", func(call goja.FunctionCall) goja.Value {
		p := thisState[searchParams](rl, call)
		name := rl.paramArg(call, "getAll", 0)
		var out []any
		for _, kv := range p.list {
			if kv[0] == name {
				out = append(out, kv[1])
			}
		}
		return rl.vm.NewArray(out...)
	})
	c.method("has", func(call goja.FunctionCall) goja.Value {
		p := thisState[searchParams](rl, call)
		name := rl.paramArg(call, "has", 0)
		value, withValue := rl.optionalString(call.Argument(1))
		return rl.vm.ToValue(slices.ContainsFunc(p.list, func(kv [2]string) bool {
			return kv[0] == name && (!withValue || kv[1] == value)
		}))
	})
	c.getter("size", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(len(thisState[searchParams](rl, call).list))
	})
	c.method("toString", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(serializeURLEncoded(thisState[searchParams](rl, call).list))
	})
	c.method("forEach", func(call goja.FunctionCall) goja.Value {
		p := thisState[searchParams](rl, call)
		fn, ok := goja.AssertFunction(call.Argument(0))
		if !ok {
			rl.throwTypeError("Failed to execute 'forEach' on 'URLSearchParams': parameter 1 is not of type 'function'.")
		}
		// The list may change under the callback; each step reads it anew.
		for i := 0; i < len(p.list); i++ {
			kv := p.list[i]
			if _, err := fn(call.Argument(1), rl.vm.ToValue(kv[1]), rl.vm.ToValue(kv[0]), call.This); err != nil {
				panic(err)
			}
		}
		return goja.Undefined()
	})
}

// optionalString converts an optional argument: absent when undefined.
func (rl *Realm) optionalString(v goja.Value) (string, bool) {
	if v == nil || goja.IsUndefined(v) {
		return "", false
	}
	return rl.toUSV(v), true
}

// compareUTF16 orders strings by their UTF-16 code units, as sort() must.
func compareUTF16(a, b string) int {
	return slices.Compare(utf16.Encode([]rune(a)), utf16.Encode([]rune(b)))
}

// fillSearchParams initializes p from the constructor's argument: a
// sequence of pairs, a record, or a string (a leading "?" dropped).
func (rl *Realm) fillSearchParams(p *searchParams, init goja.Value) {
	if init == nil || goja.IsUndefined(init) {
		return
	}
	o, ok := init.(*goja.Object)
	if !ok {
		s := rl.toUSV(init)
		if len(s) > 0 && s[0] == '?' {
			s = s[1:]
		}
		p.list = parseURLEncoded(s)
		return
	}
	if it := o.GetSymbol(goja.SymIterator); it != nil && !goja.IsUndefined(it) && !goja.IsNull(it) {
		rl.vm.ForOf(o, func(pair goja.Value) bool {
			po, ok := pair.(*goja.Object)
			if !ok {
				rl.throwTypeError("Incorrect type: the provided value is not of type 'Sequence'.")
			}
			var kv []string
			rl.vm.ForOf(po, func(x goja.Value) bool { kv = append(kv, rl.toUSV(x)); return true })
			if len(kv) != 2 {
				rl.throwTypeError("Invalid URL search params sequence.")
			}
			p.list = append(p.list, [2]string{kv[0], kv[1]})
			return true
		})
		return
	}
	for _, k := range o.Keys() {
		p.list = append(p.list, [2]string{k, rl.toUSV(o.Get(k))})
	}
}
