package bindings

// Text decoding as the Encoding standard does it
// (https://encoding.spec.whatwg.org/#utf-8-decoder), once for every API
// that turns bytes into a string: each maximal subpart of an ill-formed
// sequence becomes one U+FFFD, as in workerd (V8 and TextDecoder), where
// Go's strings.ToValidUTF8 would give one U+FFFD per run of bad bytes.

import (
	"unicode/utf8"
)

// toUSVString converts a JS string (as goja exports it, where a lone
// surrogate becomes U+FFFD already) to valid UTF-8.
func toUSVString(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return replaceInvalidUTF8([]byte(s))
}

// decodeUTF8 is the Encoding standard's "UTF-8 decode": a leading
// byte-order mark is dropped. Body.text() and json() use it.
func decodeUTF8(b []byte) string {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		b = b[3:]
	}
	return decodeUTF8KeepBOM(b)
}

// decodeUTF8KeepBOM is the Encoding standard's "UTF-8 decode without
// BOM": a leading byte-order mark stays, as U+FEFF. workerd decodes
// WebSocket text messages, close reasons and Blob.text() this way.
func decodeUTF8KeepBOM(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return replaceInvalidUTF8(b)
}

// replaceInvalidUTF8 decodes b with the UTF-8 decoder's error mode
// "replacement".
func replaceInvalidUTF8(b []byte) string {
	out := make([]byte, 0, len(b)+8)
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			out = append(out, b[0])
			b = b[1:]
			continue
		}
		r, size := utf8.DecodeRune(b)
		if r != utf8.RuneError || size > 1 {
			out = append(out, b[:size]...)
			b = b[size:]
			continue
		}
		out = append(out, "\uFFFD"...)
		b = b[maximalSubpart(b):]
	}
	return string(out)
}

// maximalSubpart is the length of the ill-formed sequence at the start of
// b that one U+FFFD replaces: its lead byte and the continuation bytes
// that could still have completed it (the decoder's lower and upper
// boundaries exclude overlong forms, surrogates and code points past
// U+10FFFF).
func maximalSubpart(b []byte) int {
	need := 0
	lo, hi := byte(0x80), byte(0xBF)
	switch c := b[0]; {
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c >= 0xE0 && c <= 0xEF:
		need = 2
		if c == 0xE0 {
			lo = 0xA0
		} else if c == 0xED {
			hi = 0x9F
		}
	case c >= 0xF0 && c <= 0xF4:
		need = 3
		if c == 0xF0 {
			lo = 0x90
		} else if c == 0xF4 {
			hi = 0x8F
		}
	}
	n := 1
	for n <= need && n < len(b) && b[n] >= lo && b[n] <= hi {
		lo, hi = 0x80, 0xBF
		n++
	}
	return n
}
