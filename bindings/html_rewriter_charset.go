package bindings

// The document's character encoding: HTMLRewriter reads the charset of
// the response's Content-Type, as workerd does. Markup is ASCII in every
// encoding it accepts, so the tokenizer works on bytes; text, comments and
// attribute values are decoded where handlers read them, and content
// handlers insert is encoded, characters the encoding lacks becoming
// numeric character references.

import (
	"mime"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// rwCodec converts between a document's bytes and JS strings; nil is
// UTF-8.
type rwCodec struct {
	enc encoding.Encoding
}

// errNotASCIICompatible is workerd's error for a UTF-16 document.
const errNotASCIICompatible = "Expected ASCII-compatible encoding."

// codecFor returns the codec of a Content-Type (nil for UTF-8, an absent
// or unknown charset), or errNotASCIICompatible.
func codecFor(contentType string) (*rwCodec, error) {
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil || params["charset"] == "" {
		return nil, nil
	}
	enc, err := htmlindex.Get(params["charset"])
	if err != nil || enc == unicode.UTF8 {
		return nil, nil
	}
	if name, _ := htmlindex.Name(enc); strings.HasPrefix(name, "utf-16") {
		return nil, selectorError(errNotASCIICompatible)
	}
	return &rwCodec{enc: enc}, nil
}

// decode turns document bytes into a string.
func (c *rwCodec) decode(b []byte) string {
	if c == nil {
		return string(b)
	}
	s, err := c.enc.NewDecoder().Bytes(b)
	if err != nil {
		return string(b)
	}
	return string(s)
}

// decodeString is decode of a string holding document bytes.
func (c *rwCodec) decodeString(s string) string {
	if c == nil {
		return s
	}
	return c.decode([]byte(s))
}

// encode turns a string into document bytes.
func (c *rwCodec) encode(s string) []byte {
	if c == nil {
		return []byte(s)
	}
	b, err := encoding.HTMLEscapeUnsupported(c.enc.NewEncoder()).Bytes([]byte(s))
	if err != nil {
		return []byte(s)
	}
	return b
}
