package bindings

import (
	"strings"
	"unicode/utf8"
)

// toUSVString converts a JS string (as goja exports it, where a lone
// surrogate becomes U+FFFD already) to valid UTF-8.
func toUSVString(s string) string {
	return strings.ToValidUTF8(s, "\uFFFD")
}

// decodeUTF8 decodes bytes as UTF-8 with replacement, dropping a leading
// byte-order mark, as the Encoding standard's "UTF-8 decode" does.
func decodeUTF8(b []byte) string {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		b = b[3:]
	}
	if utf8.Valid(b) {
		return string(b)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}
