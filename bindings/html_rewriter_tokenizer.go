package bindings

// The HTML tokenizer under HTMLRewriter: push-based, so input is fed as it
// arrives and tokens come out as soon as they are complete. Each token
// keeps its raw bytes, so what no handler touches is written back
// byte-identical. Text is cut where lol-html cuts it: at the end of each
// input chunk and before every '<', with an empty chunk marking the end
// of a text node.

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// tokKind is the kind of an HTML token.
type tokKind uint8

const (
	tokText tokKind = iota
	tokStart
	tokEnd
	tokComment
	tokDoctype
)

// htmlAttr is one attribute of a tag as written: its lower-cased name,
// its raw value (quotes removed, character references kept, as lol-html
// gives them) and its raw bytes.
type htmlAttr struct {
	name  string
	value string
	raw   []byte
}

// htmlToken is one token with its raw bytes.
type htmlToken struct {
	kind        tokKind
	raw         []byte
	name        string // lower-cased tag name
	rawName     string // the tag name as written
	attrs       []htmlAttr
	selfClosing bool
	text        string // comment text
	inner       []byte // text chunk: its text (raw but for CDATA)
	last        bool   // text: the empty chunk that ends a text node
	// doctype
	docName, publicID, systemID *string
}

// htmlTokenizer turns fed bytes into tokens.
type htmlTokenizer struct {
	buf    []byte
	eof    bool
	inText bool
	// rawTag, when set, is the element whose content is raw text (script,
	// style, textarea...); only its end tag ends it.
	rawTag string
	// foreign is set inside SVG or MathML, where CDATA sections are text.
	foreign bool
	// names interns tag names, so a page's repeated tags share strings.
	names map[string]string
}

// intern returns b as a string, shared with earlier equal names.
func (z *htmlTokenizer) intern(b []byte) string {
	if s, ok := z.names[string(b)]; ok {
		return s
	}
	if z.names == nil {
		z.names = map[string]string{}
	}
	if len(z.names) >= 1024 { // a hostile page's endless names are not kept
		return string(b)
	}
	s := string(b)
	z.names[s] = s
	return s
}

// feed appends input.
func (z *htmlTokenizer) feed(b []byte) { z.buf = append(z.buf, b...) }

// textTok consumes n bytes as a text chunk.
func (z *htmlTokenizer) textTok(n int) htmlToken {
	t := htmlToken{kind: tokText, raw: z.buf[:n:n], inner: z.buf[:n:n]}
	z.buf = z.buf[n:]
	z.inText = true
	return t
}

// endText ends the current text node.
func (z *htmlTokenizer) endText() htmlToken {
	z.inText = false
	return htmlToken{kind: tokText, last: true}
}

// completeUTF8 is how many leading bytes of b do not end in a cut rune.
func completeUTF8(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-3; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return i
			}
			break
		}
	}
	return len(b)
}

// next returns the next token, or false when more input is needed (or,
// after eof, when the input is done).
func (z *htmlTokenizer) next() (htmlToken, bool) {
	if len(z.buf) == 0 {
		if z.eof && z.inText {
			return z.endText(), true
		}
		return htmlToken{}, false
	}
	if z.rawTag != "" {
		return z.nextRaw()
	}
	if z.buf[0] != '<' {
		i := bytes.IndexByte(z.buf, '<')
		if i < 0 {
			i = len(z.buf)
			if !z.eof {
				i = completeUTF8(z.buf)
			}
		}
		if i == 0 {
			return htmlToken{}, false
		}
		return z.textTok(i), true
	}
	if z.foreign {
		if t, ok, done := z.cdata(); done {
			return t, ok
		}
	}
	t, n, st := z.parseMarkup(z.buf)
	switch {
	case st == markupMore && !z.eof:
		return htmlToken{}, false
	case st != markupOK:
		if st == markupMore { // cut off by the end of input: text
			return z.textTok(len(z.buf)), true
		}
		return z.textTok(1), true
	case z.inText:
		return z.endText(), true
	}
	t.raw = z.buf[:n:n]
	z.buf = z.buf[n:]
	return t, true
}

// cdata reads a CDATA section in foreign content as a text chunk of its
// inner text; done is false when the input does not start one.
func (z *htmlTokenizer) cdata() (t htmlToken, ok, done bool) {
	const open, closing = "<![CDATA[", "]]>"
	if len(z.buf) < len(open) {
		if !z.eof && bytes.HasPrefix([]byte(open), z.buf) {
			return htmlToken{}, false, true
		}
		return htmlToken{}, false, false
	}
	if !bytes.HasPrefix(z.buf, []byte(open)) {
		return htmlToken{}, false, false
	}
	end := bytes.Index(z.buf[len(open):], []byte(closing))
	if end < 0 {
		if !z.eof {
			return htmlToken{}, false, true
		}
		end = len(z.buf) - len(open)
		t = z.textTok(len(z.buf))
		t.inner = t.raw[len(open):]
		return t, true, true
	}
	n := len(open) + end + len(closing)
	t = z.textTok(n)
	t.inner = t.raw[len(open) : len(open)+end]
	return t, true, true
}

// nextRaw tokenizes the content of a raw text element.
func (z *htmlTokenizer) nextRaw() (htmlToken, bool) {
	if z.rawTag == "plaintext" {
		return z.textTok(len(z.buf)), true
	}
	i := bytes.IndexByte(z.buf, '<')
	switch {
	case i < 0:
		n := len(z.buf)
		if !z.eof {
			n = completeUTF8(z.buf)
		}
		if n == 0 {
			return htmlToken{}, false
		}
		return z.textTok(n), true
	case i > 0:
		return z.textTok(i), true
	}
	if len(z.buf) < 2 {
		if z.eof {
			return z.textTok(1), true
		}
		return htmlToken{}, false
	}
	if z.buf[1] != '/' {
		return z.textTok(1), true
	}
	j := 2
	for j < len(z.buf) && isASCIIAlpha(z.buf[j]) {
		j++
	}
	if j == len(z.buf) {
		if z.eof {
			return z.textTok(j), true
		}
		return htmlToken{}, false
	}
	if !strings.EqualFold(string(z.buf[2:j]), z.rawTag) || !isTagEnd(z.buf[j]) {
		return z.textTok(j), true
	}
	if z.inText {
		return z.endText(), true
	}
	t, n, st := z.parseMarkup(z.buf)
	if st == markupMore {
		if !z.eof {
			return htmlToken{}, false
		}
		return z.textTok(len(z.buf)), true
	}
	z.rawTag = ""
	t.raw = z.buf[:n:n]
	z.buf = z.buf[n:]
	return t, true
}

// markupStatus says whether a '<' starts a complete token.
type markupStatus uint8

const (
	markupOK   markupStatus = iota
	markupMore              // the token may be complete once more input comes
	markupNot               // the '<' is text
)

func isASCIIAlpha(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func isTagEnd(c byte) bool { return isHTMLSpace(c) || c == '/' || c == '>' }

// parseMarkup parses the token starting with '<' at b[0] and returns it
// with its length.
func (z *htmlTokenizer) parseMarkup(b []byte) (htmlToken, int, markupStatus) {
	if len(b) < 2 {
		return htmlToken{}, 0, markupMore
	}
	switch c := b[1]; {
	case c == '!':
		return parseDeclaration(b)
	case c == '?':
		return bogusComment(b, 1)
	case c == '/':
		if len(b) < 3 {
			return htmlToken{}, 0, markupMore
		}
		if !isASCIIAlpha(b[2]) {
			if b[2] == '>' {
				return htmlToken{}, 0, markupNot
			}
			return bogusComment(b, 2)
		}
		return z.parseTag(b, 2, tokEnd)
	case isASCIIAlpha(c):
		return z.parseTag(b, 1, tokStart)
	}
	return htmlToken{}, 0, markupNot
}

// bogusComment is a comment running from b[from] to the next '>'.
func bogusComment(b []byte, from int) (htmlToken, int, markupStatus) {
	i := bytes.IndexByte(b[from:], '>')
	if i < 0 {
		return htmlToken{}, 0, markupMore
	}
	return htmlToken{kind: tokComment, text: string(b[from : from+i])}, from + i + 1, markupOK
}

// parseDeclaration parses what follows "<!": a comment, a doctype, or a
// bogus comment.
func parseDeclaration(b []byte) (htmlToken, int, markupStatus) {
	const doctype = "doctype"
	if bytes.HasPrefix(b, []byte("<!--")) {
		for _, short := range []string{"<!-->", "<!--->"} {
			if bytes.HasPrefix(b, []byte(short)) {
				return htmlToken{kind: tokComment}, len(short), markupOK
			}
		}
		i := bytes.Index(b[4:], []byte("-->"))
		if i < 0 {
			return htmlToken{}, 0, markupMore
		}
		return htmlToken{kind: tokComment, text: string(b[4 : 4+i])}, 4 + i + 3, markupOK
	}
	rest := b[2:]
	if len(rest) < len(doctype) {
		if bytes.HasPrefix([]byte("--"), rest) || strings.HasPrefix(doctype, strings.ToLower(string(rest))) {
			return htmlToken{}, 0, markupMore
		}
		return bogusComment(b, 2)
	}
	if !strings.EqualFold(string(rest[:len(doctype)]), doctype) {
		return bogusComment(b, 2)
	}
	end := bytes.IndexByte(b, '>')
	if end < 0 {
		return htmlToken{}, 0, markupMore
	}
	t := parseDoctype(string(b[2+len(doctype) : end]))
	return t, end + 1, markupOK
}

// parseDoctype reads the name and identifiers of a doctype's body.
func parseDoctype(s string) htmlToken {
	t := htmlToken{kind: tokDoctype}
	s = strings.TrimLeft(s, " \t\n\r\f")
	name, s := splitWord(s)
	if name != "" {
		n := strings.ToLower(name)
		t.docName = &n
	}
	kw, s := splitWord(strings.TrimLeft(s, " \t\n\r\f"))
	quoted := func() *string {
		s = strings.TrimLeft(s, " \t\n\r\f")
		if s == "" || (s[0] != '"' && s[0] != '\'') {
			return nil
		}
		end := strings.IndexByte(s[1:], s[0])
		if end < 0 {
			v := s[1:]
			s = ""
			return &v
		}
		v := s[1 : 1+end]
		s = s[end+2:]
		return &v
	}
	switch strings.ToLower(kw) {
	case "public":
		t.publicID = quoted()
		t.systemID = quoted()
	case "system":
		t.systemID = quoted()
	}
	return t
}

// splitWord splits s at its first HTML space.
func splitWord(s string) (string, string) {
	i := strings.IndexAny(s, " \t\n\r\f")
	if i < 0 {
		return s, ""
	}
	return s[:i], s[i:]
}

// parseTag parses a start or end tag whose name starts at b[i].
func (z *htmlTokenizer) parseTag(b []byte, i int, kind tokKind) (htmlToken, int, markupStatus) {
	start := i
	for i < len(b) && !isTagEnd(b[i]) {
		i++
	}
	if i == len(b) {
		return htmlToken{}, 0, markupMore
	}
	raw := b[start:i]
	t := htmlToken{kind: kind, rawName: z.intern(raw)}
	t.name = t.rawName
	for _, c := range raw {
		if c >= 'A' && c <= 'Z' {
			t.name = z.intern(bytes.ToLower(raw))
			break
		}
	}
	for {
		for i < len(b) && isHTMLSpace(b[i]) {
			i++
		}
		if i == len(b) {
			return htmlToken{}, 0, markupMore
		}
		switch b[i] {
		case '>':
			return t, i + 1, markupOK
		case '/':
			if i+1 == len(b) {
				return htmlToken{}, 0, markupMore
			}
			if b[i+1] == '>' {
				t.selfClosing = true
				return t, i + 2, markupOK
			}
			i++
			continue
		}
		a, n, ok := parseAttr(b[i:])
		if !ok {
			return htmlToken{}, 0, markupMore
		}
		if !t.hasAttr(a.name) {
			t.attrs = append(t.attrs, a)
		}
		i += n
	}
}

// hasAttr reports whether the tag already has an attribute named name
// (a repeated attribute is dropped, as the HTML tokenizer does).
func (t *htmlToken) hasAttr(name string) bool {
	for _, a := range t.attrs {
		if a.name == name {
			return true
		}
	}
	return false
}

// parseAttr parses one attribute at the start of b; false means more
// input is needed.
func parseAttr(b []byte) (htmlAttr, int, bool) {
	i := 1 // a first '=' belongs to the name
	for i < len(b) && !isTagEnd(b[i]) && b[i] != '=' {
		i++
	}
	a := htmlAttr{name: strings.ToLower(string(b[:i]))}
	end := i
	for i < len(b) && isHTMLSpace(b[i]) {
		i++
	}
	if i == len(b) {
		return a, 0, false
	}
	if b[i] != '=' {
		a.raw = b[:end:end]
		return a, end, true
	}
	i++
	for i < len(b) && isHTMLSpace(b[i]) {
		i++
	}
	if i == len(b) {
		return a, 0, false
	}
	if q := b[i]; q == '"' || q == '\'' {
		j := bytes.IndexByte(b[i+1:], q)
		if j < 0 {
			return a, 0, false
		}
		a.value = string(b[i+1 : i+1+j])
		end = i + j + 2
	} else {
		j := i
		for j < len(b) && !isHTMLSpace(b[j]) && b[j] != '>' {
			j++
		}
		if j == len(b) {
			return a, 0, false
		}
		a.value = string(b[i:j])
		end = j
	}
	a.raw = b[:end:end]
	return a, end, true
}
