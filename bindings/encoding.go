package bindings

// TextEncoder and TextDecoder: https://encoding.spec.whatwg.org/

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
)

// textEncoder is a TextEncoder's state: it has none, but its members still
// check that `this` is one.
type textEncoder struct{}

// installTextEncoder defines TextEncoder, which always encodes UTF-8.
func (rl *Realm) installTextEncoder() {
	c := rl.newClass("TextEncoder", nil, func(call goja.FunctionCall) {
		rl.attach(call.This.(*goja.Object), &textEncoder{})
	})
	c.getter("encoding", func(call goja.FunctionCall) goja.Value {
		thisState[textEncoder](rl, call)
		return rl.vm.ToValue("utf-8")
	})
	c.method("encode", func(call goja.FunctionCall) goja.Value {
		thisState[textEncoder](rl, call)
		s := ""
		if v := call.Argument(0); !goja.IsUndefined(v) {
			s = v.String()
		}
		return rl.newUint8Array([]byte(toUSVString(s)))
	})
	c.method("encodeInto", func(call goja.FunctionCall) goja.Value {
		thisState[textEncoder](rl, call)
		src := toUSVString(call.Argument(0).String())
		dst, ok := call.Argument(1).(*goja.Object)
		// The view's own properties may lie: its kind, buffer and range
		// come from the built-in getters, as V8 reads its internal slots.
		if !ok || !rl.isArrayBufferView(dst) || rl.callIntrinsic(rl.clone.typedArrayName, dst).String() != "Uint8Array" {
			rl.throwTypeError("Failed to execute 'encodeInto' on 'TextEncoder': parameter 2 is not of type 'Uint8Array'.")
		}
		buf, _ := safeExport(rl.callIntrinsic(rl.clone.typedArrayBuffer, dst)).(goja.ArrayBuffer)
		off := int(rl.callIntrinsic(rl.clone.typedArrayOffset, dst).ToInteger())
		n := int(rl.callIntrinsic(rl.clone.typedArrayLength, dst).ToInteger())
		var out []byte
		if b := buf.Bytes(); off >= 0 && n >= 0 && off+n <= len(b) {
			out = b[off : off+n]
		}
		read, written := 0, 0
		for _, r := range src {
			size := utf8.RuneLen(r)
			if written+size > len(out) {
				break
			}
			utf8.EncodeRune(out[written:], r)
			written += size
			read += len(utf16.Encode([]rune{r}))
		}
		res := rl.vm.NewObject()
		_ = res.Set("read", read)
		_ = res.Set("written", written)
		return res
	})
}

// textDecoder is the state of a TextDecoder.
type textDecoder struct {
	name      string // canonical WHATWG name, e.g. "utf-8"
	enc       encoding.Encoding
	fatal     bool
	ignoreBOM bool
	pending   []byte // an incomplete sequence held back in stream mode
	started   bool   // a BOM can only appear at the start of a stream
}

// installTextDecoder defines TextDecoder.
func (rl *Realm) installTextDecoder() {
	c := rl.newClass("TextDecoder", nil, func(call goja.FunctionCall) {
		label := "utf-8"
		if v := call.Argument(0); !goja.IsUndefined(v) {
			label = v.String()
		}
		enc, err := htmlindex.Get(strings.TrimSpace(label))
		if err != nil {
			rl.throwRangeError(`"` + label + `" is not a valid encoding.`)
		}
		name, _ := htmlindex.Name(enc)
		d := &textDecoder{name: strings.ToLower(name), enc: enc}
		d.fatal = member(call.Argument(1), "fatal").ToBoolean()
		d.ignoreBOM = member(call.Argument(1), "ignoreBOM").ToBoolean()
		rl.attach(call.This.(*goja.Object), d)
	})
	c.getter("encoding", func(call goja.FunctionCall) goja.Value { return rl.vm.ToValue(thisState[textDecoder](rl, call).name) })
	c.getter("fatal", func(call goja.FunctionCall) goja.Value { return rl.vm.ToValue(thisState[textDecoder](rl, call).fatal) })
	c.getter("ignoreBOM", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(thisState[textDecoder](rl, call).ignoreBOM)
	})
	c.method("decode", func(call goja.FunctionCall) goja.Value {
		d := thisState[textDecoder](rl, call)
		var input []byte
		if v := call.Argument(0); !goja.IsUndefined(v) {
			b, ok := rl.bufferSource(v)
			if !ok {
				rl.throwTypeError("Failed to execute 'decode' on 'TextDecoder': parameter 1 is not of type 'Array'.")
			}
			input = b
		}
		stream := member(call.Argument(1), "stream").ToBoolean()
		out, ok := d.decode(input, stream)
		if !ok {
			rl.throwTypeError("Failed to decode input.")
		}
		return rl.vm.ToValue(out)
	})
}

// decode decodes one chunk; in stream mode an incomplete trailing sequence
// is kept for the next call. It reports false for invalid input in fatal
// mode.
func (d *textDecoder) decode(input []byte, stream bool) (string, bool) {
	data := append(d.pending, input...)
	d.pending = nil
	if stream {
		cut := len(data) - d.incompleteTail(data)
		data, d.pending = data[:cut], append([]byte(nil), data[cut:]...)
	}
	if !d.started && !d.ignoreBOM {
		data = d.stripBOM(data)
	}
	d.started = stream && (d.started || len(data) > 0)
	if d.name == "utf-8" {
		if d.fatal && !utf8.Valid(data) {
			return "", false
		}
		return decodeUTF8KeepBOM(data), true
	}
	out, err := d.enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", false
	}
	if d.fatal && strings.ContainsRune(string(out), utf8.RuneError) {
		return "", false
	}
	return string(out), true
}

// incompleteTail is how many trailing bytes of data may start a sequence
// that the next chunk completes.
func (d *textDecoder) incompleteTail(data []byte) int {
	switch d.name {
	case "utf-8":
		for n := 1; n <= 3 && n <= len(data); n++ {
			c := data[len(data)-n]
			if c&0xC0 != 0x80 { // a lead byte: is its sequence cut short?
				if need := utf8SeqLen(c); need > n {
					return n
				}
				return 0
			}
		}
	case "utf-16le", "utf-16be":
		return len(data) % 2
	}
	return 0
}

// utf8SeqLen is the length of the UTF-8 sequence a lead byte starts.
func utf8SeqLen(c byte) int {
	switch {
	case c >= 0xF0:
		return 4
	case c >= 0xE0:
		return 3
	case c >= 0xC0:
		return 2
	}
	return 1
}

// stripBOM drops the byte-order mark of the decoder's encoding.
func (d *textDecoder) stripBOM(data []byte) []byte {
	switch {
	case d.name == "utf-8" && len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF:
		return data[3:]
	case d.name == "utf-16le" && len(data) >= 2 && data[0] == 0xFF && data[1] == 0xFE:
		return data[2:]
	case d.name == "utf-16be" && len(data) >= 2 && data[0] == 0xFE && data[1] == 0xFF:
		return data[2:]
	}
	return data
}
