package bindings

// Interim structured clone through JSON, until the V8-format serializer
// lands (branch sclone). Not for release.

import (
	"github.com/dop251/goja"
)

// Serialize writes v as a structured clone. On the loop.
func (rl *Realm) Serialize(v goja.Value) ([]byte, error) {
	if goja.IsUndefined(v) {
		return []byte("u"), nil
	}
	var out []byte
	if ex := rl.vm.Try(func() {
		s, _ := goja.AssertFunction(rl.vm.Get("JSON").ToObject(rl.vm).Get("stringify"))
		r, err := s(goja.Undefined(), v)
		if err != nil {
			panic(err)
		}
		out = []byte("j" + r.String())
	}); ex != nil {
		return nil, ex
	}
	return out, nil
}

// Deserialize reads a structured clone. On the loop.
func (rl *Realm) Deserialize(b []byte) (goja.Value, error) {
	if string(b) == "u" {
		return goja.Undefined(), nil
	}
	var out goja.Value
	if ex := rl.vm.Try(func() {
		p, _ := goja.AssertFunction(rl.vm.Get("JSON").ToObject(rl.vm).Get("parse"))
		r, err := p(goja.Undefined(), rl.vm.ToValue(string(b[1:])))
		if err != nil {
			panic(err)
		}
		out = r
	}); ex != nil {
		return nil, ex
	}
	return out, nil
}
