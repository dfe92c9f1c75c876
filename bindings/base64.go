package bindings

// atob and btoa: https://html.spec.whatwg.org/multipage/webappapis.html#atob

import (
	"encoding/base64"
	"strings"

	"github.com/dop251/goja"
)

// Messages workerd uses for atob and btoa.
const (
	atobInvalid = "atob() called with invalid base64-encoded data. (Only whitespace, '+', '/', alphanumeric ASCII, and up to two terminal '=' signs when the input data length is divisible by 4 are allowed.)"
	btoaLatin1  = "btoa() can only operate on characters in the Latin1 (ISO/IEC 8859-1) range."
)

// installBase64 defines atob and btoa.
func (rl *Realm) installBase64() {
	rl.global("atob", rl.function("atob", func(call goja.FunctionCall) goja.Value {
		if len(call.Arguments) == 0 {
			rl.throwTypeError("Failed to execute 'atob' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'string'.")
		}
		data, ok := forgivingBase64Decode(call.Argument(0).String())
		if !ok {
			rl.throwDOMException("InvalidCharacterError", atobInvalid)
		}
		runes := make([]rune, len(data))
		for i, b := range data {
			runes[i] = rune(b)
		}
		return rl.vm.ToValue(string(runes))
	}))
	rl.global("btoa", rl.function("btoa", func(call goja.FunctionCall) goja.Value {
		if len(call.Arguments) == 0 {
			rl.throwTypeError("Failed to execute 'btoa' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'String'.")
		}
		s := call.Argument(0).String()
		data := make([]byte, 0, len(s))
		for _, r := range s {
			if r > 0xFF {
				rl.throwDOMException("InvalidCharacterError", btoaLatin1)
			}
			data = append(data, byte(r))
		}
		return rl.vm.ToValue(base64.StdEncoding.EncodeToString(data))
	}))
}

// forgivingBase64Decode is the "forgiving-base64 decode" of the Infra
// standard: ASCII whitespace ignored, padding optional.
func forgivingBase64Decode(s string) ([]byte, bool) {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\f', '\r':
			return -1
		}
		return r
	}, s)
	if len(s)%4 == 0 {
		s = strings.TrimSuffix(s, "=")
		s = strings.TrimSuffix(s, "=")
	}
	if len(s)%4 == 1 || strings.ContainsRune(s, '=') {
		return nil, false
	}
	data, err := base64.RawStdEncoding.DecodeString(s)
	return data, err == nil
}
