package bindings

// application/x-www-form-urlencoded, and the URLSearchParams iterators:
// https://url.spec.whatwg.org/#application/x-www-form-urlencoded

import (
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// parseURLEncoded splits s on "&" into name-value pairs, "+" read as a
// space and percent-escapes decoded (each maximal subpart of invalid UTF-8
// becomes one U+FFFD).
func parseURLEncoded(s string) [][2]string {
	var list [][2]string
	for _, seq := range strings.Split(s, "&") {
		if seq == "" {
			continue
		}
		name, value, _ := strings.Cut(seq, "=")
		list = append(list, [2]string{decodeFormComponent(name), decodeFormComponent(value)})
	}
	return list
}

// decodeFormComponent replaces "+" with a space and percent-decodes.
func decodeFormComponent(s string) string {
	if !strings.ContainsAny(s, "+%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '+':
			b.WriteByte(' ')
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
		default:
			b.WriteByte(c)
		}
	}
	return decodeUTF8KeepBOM([]byte(b.String()))
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}

// serializeURLEncoded writes the list with the
// application/x-www-form-urlencoded percent-encode set, a space as "+".
func serializeURLEncoded(list [][2]string) string {
	var b strings.Builder
	for i, kv := range list {
		if i > 0 {
			b.WriteByte('&')
		}
		encodeFormComponent(&b, kv[0])
		b.WriteByte('=')
		encodeFormComponent(&b, kv[1])
	}
	return b.String()
}

const upperHex = "0123456789ABCDEF"

// encodeFormComponent writes s, leaving only ASCII alphanumerics and
// "*-._" as they are.
func encodeFormComponent(b *strings.Builder, s string) {
	s = toUSVString(s)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			b.WriteByte('+')
		case c < utf8.RuneSelf && (isAlnum(c) || strings.IndexByte("*-._", c) >= 0):
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(upperHex[c>>4])
			b.WriteByte(upperHex[c&15])
		}
	}
}

func isAlnum(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// searchParamsIterator is the state of a URLSearchParams iterator: it
// reads the live list by index, as workerd's does.
type searchParamsIterator struct {
	params *searchParams
	index  int
	pick   func(kv [2]string) goja.Value
}

// defineSearchParamsIterators defines entries, keys, values and
// Symbol.iterator, whose iterators are workerd's EntryIterator,
// KeyIterator and ValueIterator.
func (rl *Realm) defineSearchParamsIterators(c *jsClass) {
	iterProto := rl.mustRun("iteratorPrototype", "Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))").(*goja.Object)
	kind := func(class string, pick func(kv [2]string) goja.Value) func(goja.FunctionCall) goja.Value {
		ic := rl.defineClass(class, nil, nil, "")
		if err := ic.proto.SetPrototype(iterProto); err != nil {
			panic(err)
		}
		ic.method("next", func(call goja.FunctionCall) goja.Value {
			it := thisState[searchParamsIterator](rl, call)
			// workerd's result objects have done before value.
			res := rl.vm.NewObject()
			if it.index >= len(it.params.list) {
				_ = res.Set("done", true)
				_ = res.Set("value", goja.Undefined())
				return res
			}
			_ = res.Set("done", false)
			_ = res.Set("value", it.pick(it.params.list[it.index]))
			it.index++
			return res
		})
		return func(call goja.FunctionCall) goja.Value {
			p := thisState[searchParams](rl, call)
			return ic.instance(&searchParamsIterator{params: p, pick: pick})
		}
	}
	entries := kind("EntryIterator", func(kv [2]string) goja.Value { return rl.vm.NewArray(kv[0], kv[1]) })
	c.method("entries", entries)
	c.method("keys", kind("KeyIterator", func(kv [2]string) goja.Value { return rl.vm.ToValue(kv[0]) }))
	c.method("values", kind("ValueIterator", func(kv [2]string) goja.Value { return rl.vm.ToValue(kv[1]) }))
	if err := c.proto.DefineDataPropertySymbol(goja.SymIterator, rl.function("entries", entries), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		panic(err)
	}
}
