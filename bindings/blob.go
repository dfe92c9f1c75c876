package bindings

// Blob: https://w3c.github.io/FileAPI/#blob-section

import (
	"strings"

	"github.com/dop251/goja"
)

// blob is the state of a Blob: immutable bytes and a media type.
type blob struct {
	data []byte
	typ  string
}

// installBlob defines the Blob class.
func (rl *Realm) installBlob() {
	c := rl.newClass("Blob", nil, func(call goja.FunctionCall) {
		data := rl.blobParts(call.Argument(0))
		typ := ""
		if opts, ok := call.Argument(1).(*goja.Object); ok {
			if t := opts.Get("type"); t != nil && !goja.IsUndefined(t) {
				typ = normalizeBlobType(t.String())
			}
		}
		rl.attach(call.This.(*goja.Object), &blob{data: data, typ: typ})
	})
	rl.blobClass = c
	c.getter("size", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(len(thisState[blob](rl, call).data))
	})
	c.getter("type", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(thisState[blob](rl, call).typ)
	})
	c.method("slice", rl.blobSlice)
	c.method("text", func(call goja.FunctionCall) goja.Value {
		// workerd keeps a leading BOM here, where the File API drops it.
		return rl.resolved(rl.vm.ToValue(decodeUTF8KeepBOM(thisState[blob](rl, call).data)))
	})
	c.method("arrayBuffer", func(call goja.FunctionCall) goja.Value {
		return rl.resolved(rl.newArrayBuffer(append([]byte(nil), thisState[blob](rl, call).data...)))
	})
	c.method("bytes", func(call goja.FunctionCall) goja.Value {
		return rl.resolved(rl.newUint8Array(thisState[blob](rl, call).data))
	})
}

// newBlob creates a Blob holding data (not copied: the caller hands it over).
func (rl *Realm) newBlob(data []byte, typ string) *goja.Object {
	return rl.blobClass.instance(&blob{data: data, typ: normalizeBlobType(typ)})
}

// blobBytes returns the bytes of a Blob, or false if v is not one.
func (rl *Realm) blobBytes(v goja.Value) (*blob, bool) {
	b := stateOf[blob](rl, v)
	return b, b != nil
}

// blobParts concatenates a sequence of BlobParts: buffers and views by their
// bytes, Blobs by their contents, anything else as a UTF-8 string.
func (rl *Realm) blobParts(v goja.Value) []byte {
	if v == nil || goja.IsUndefined(v) {
		return nil
	}
	if _, ok := v.(*goja.Object); !ok {
		rl.throwTypeError("Failed to construct 'Blob': The provided value cannot be converted to a sequence.")
	}
	var out []byte
	rl.vm.ForOf(v, func(part goja.Value) bool {
		if b, ok := rl.bufferSource(part); ok {
			out = append(out, b...)
		} else if bl, ok := rl.blobBytes(part); ok {
			out = append(out, bl.data...)
		} else {
			out = append(out, toUSVString(part.String())...)
		}
		return true
	})
	return out
}

// blobSlice implements Blob.prototype.slice(start, end, contentType).
func (rl *Realm) blobSlice(call goja.FunctionCall) goja.Value {
	b := thisState[blob](rl, call)
	size := int64(len(b.data))
	start := relativeIndex(call.Argument(0), size, 0)
	end := relativeIndex(call.Argument(1), size, size)
	typ := ""
	if t := call.Argument(2); !goja.IsUndefined(t) {
		typ = t.String()
	}
	if end < start {
		end = start
	}
	return rl.newBlob(append([]byte(nil), b.data[start:end]...), typ)
}

// relativeIndex clamps a slice index the way Blob.slice and
// ArrayBuffer.slice do: negative values count from the end.
func relativeIndex(v goja.Value, size, def int64) int64 {
	if goja.IsUndefined(v) {
		return def
	}
	i := v.ToInteger()
	if i < 0 {
		i += size
		if i < 0 {
			i = 0
		}
	}
	if i > size {
		i = size
	}
	return i
}

// normalizeBlobType lower-cases a media type, or returns "" if it has a
// character outside U+0020 to U+007E (File API, Blob constructor step 3).
func normalizeBlobType(t string) string {
	for i := 0; i < len(t); i++ {
		if t[i] < 0x20 || t[i] > 0x7e {
			return ""
		}
	}
	return strings.ToLower(t)
}
