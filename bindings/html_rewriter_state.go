package bindings

// What handlers change on the tokens they are given: the content inserted
// around and inside them, removals, and an element's start tag (its name
// and attributes), with how each is written.

import (
	"bytes"
	"strings"
)

// contentPiece is one piece of inserted content, escaped as needed. The
// bytes of a piece given as a stream arrive before its token is written.
type contentPiece struct{ data []byte }

// rwContent is content in order.
type rwContent []*contentPiece

func (c rwContent) writeTo(b *bytes.Buffer) {
	for _, p := range c {
		b.Write(p.data)
	}
}

// tokenEdits are the edits every content token shares.
type tokenEdits struct {
	before, after rwContent
	replacement   rwContent
	removed       bool
	// streamed are the pieces still to be read from a stream.
	streamed []streamedContent
	// codec is the document's encoding, for inserted content.
	codec *rwCodec
}

// elementState is an element's start tag and what handlers did to it.
type elementState struct {
	tokenEdits
	tok      htmlToken
	name     string // as set through tagName (original case otherwise)
	attrs    []htmlAttr
	modified bool // the start tag must be written anew
	ns       string
	noEnd    bool
	// prepend, append and inner are the content's edits.
	prepend, append rwContent
	inner           rwContent
	innerSet        bool // setInnerContent: the content is replaced
	keepContent     bool // removeAndKeepContent
	endHandler      any  // the last onEndTag handler
	valid           bool
}

// removeInner reports whether the element's content is not written.
func (e *elementState) removeInner() bool { return e.removed || e.innerSet }

// endTagState is an end tag handed to an onEndTag handler.
type endTagState struct {
	tokenEdits
	name    string
	renamed bool
	valid   bool
}

// textState is a text chunk handed to text handlers.
type textState struct {
	tokenEdits
	text  string
	last  bool
	valid bool
}

// commentState is a comment handed to comments handlers.
type commentState struct {
	tokenEdits
	text     string
	modified bool
	valid    bool
}

// startTag is the start tag as it is to be written.
func (el *elementState) startTag() []byte {
	if !el.modified {
		return el.tok.raw
	}
	var b bytes.Buffer
	b.WriteByte('<')
	if el.name == el.tok.name {
		b.WriteString(el.tok.rawName)
	} else {
		b.WriteString(el.name)
	}
	for _, a := range el.attrs {
		b.WriteByte(' ')
		b.Write(a.raw)
	}
	if el.tok.selfClosing {
		b.WriteString(" /")
	}
	b.WriteByte('>')
	return b.Bytes()
}

// escapeContent is content as lol-html writes it: as text, <, > and &
// escaped; in the document's encoding.
func escapeContent(c *rwCodec, s string, html bool) *contentPiece {
	if c == nil {
		return &contentPiece{data: escapeBytes(s, html)}
	}
	return &contentPiece{data: c.encode(string(escapeBytes(s, html)))}
}

// escapeBytes is escapeContent's bytes.
func escapeBytes(s string, html bool) []byte {
	if html {
		return []byte(s)
	}
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	return []byte(r.Replace(s))
}

// setAttribute sets or adds an attribute, keeping the others as written.
func (el *elementState) setAttribute(name, value string) {
	name = strings.ToLower(name)
	value = string(el.codec.encode(value))
	raw := []byte(name + `="` + strings.ReplaceAll(value, `"`, "&quot;") + `"`)
	el.modified = true
	for i := range el.attrs {
		if el.attrs[i].name == name {
			el.attrs = append([]htmlAttr(nil), el.attrs...)
			el.attrs[i] = htmlAttr{name: name, value: value, raw: raw}
			return
		}
	}
	el.attrs = append(el.attrs[:len(el.attrs):len(el.attrs)], htmlAttr{name: name, value: value, raw: raw})
}

// removeAttribute removes an attribute if it is there.
func (el *elementState) removeAttribute(name string) {
	name = strings.ToLower(name)
	for i := range el.attrs {
		if el.attrs[i].name == name {
			attrs := append([]htmlAttr(nil), el.attrs[:i]...)
			el.attrs = append(attrs, el.attrs[i+1:]...)
			el.modified = true
			return
		}
	}
}
