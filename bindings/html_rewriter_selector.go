package bindings

// The CSS selectors HTMLRewriter accepts, parsed and matched as lol-html
// does: type, universal, class, id and attribute selectors,
// :first-child, :nth-child, :first-of-type, :nth-of-type, :not of a
// compound, and the descendant and child combinators. Errors carry
// lol-html's messages.

import (
	"errors"
	"strconv"
	"strings"
)

// selectorError is a selector lol-html refuses; workerd throws it as a
// TypeError "Parser error: ...".
type selectorError string

// Error implements error.
func (e selectorError) Error() string { return string(e) }

const (
	errSelEmpty       selectorError = "The selector is empty."
	errSelPseudo      selectorError = "Unsupported pseudo-class or pseudo-element in selector."
	errSelEnd         selectorError = "Unexpected end of selector."
	errSelToken       selectorError = "Unexpected token in selector."
	errSelDangling    selectorError = "Dangling combinator in selector."
	errSelClass       selectorError = "Invalid or unescaped class name in selector."
	errSelID          selectorError = "Invalid or unescaped ID in selector."
	errSelAttrMissing selectorError = "Missing attribute name in attribute selector."
)

// cssSelector is a selector list.
type cssSelector []complexSel

// complexSel is compounds joined by combinators: combs[i] (' ' or '>')
// joins parts[i] and parts[i+1].
type complexSel struct {
	parts []compoundSel
	combs []byte
}

// compoundSel is a type selector (empty for any) and simple selectors.
type compoundSel struct {
	tag   string
	tests []simpleSel
}

// simpleKind is the kind of a simple selector.
type simpleKind uint8

const (
	selClass simpleKind = iota
	selID
	selAttr
	selNthChild
	selNthOfType
	selNot
)

// simpleSel is one simple selector.
type simpleSel struct {
	kind       simpleKind
	name       string // class, id or attribute name
	op         byte   // attribute operator: 0 (exists), '=', '~', '^', '$', '*', '|'
	value      string
	ignoreCase bool
	a, b       int // nth: an+b
	not        *compoundSel
}

// selElem is what matching sees of an element: its name, attributes and
// position among its parent's children.
type selElem struct {
	name      string
	attrs     []htmlAttr
	index     int // 1-based among element siblings
	typeIndex int // 1-based among siblings of the same name
}

// parseSelector parses a selector list.
func parseSelector(s string) (cssSelector, error) {
	p := &selParser{s: s}
	var list cssSelector
	for {
		c, err := p.complex()
		if err != nil {
			return nil, err
		}
		list = append(list, c)
		p.skipSpace()
		if p.eof() {
			return list, nil
		}
		if p.s[p.i] != ',' {
			return nil, errSelToken
		}
		p.i++
	}
}

// selParser reads a selector.
type selParser struct {
	s string
	i int
}

func (p *selParser) eof() bool { return p.i >= len(p.s) }

func (p *selParser) skipSpace() bool {
	start := p.i
	for !p.eof() && isHTMLSpace(p.s[p.i]) {
		p.i++
	}
	return p.i > start
}

// complex parses compounds and combinators up to ',' or the end.
func (p *selParser) complex() (complexSel, error) {
	var c complexSel
	p.skipSpace()
	for {
		comp, err := p.compound()
		if err != nil {
			return c, err
		}
		c.parts = append(c.parts, comp)
		spaced := p.skipSpace()
		if p.eof() || p.s[p.i] == ',' || p.s[p.i] == ')' {
			return c, nil
		}
		comb := byte(' ')
		switch ch := p.s[p.i]; ch {
		case '>':
			comb = '>'
			p.i++
			p.skipSpace()
		case '+', '~':
			return c, selectorError("Unsupported combinator `" + string(ch) + "` in selector.")
		default:
			if !spaced {
				return c, errSelToken
			}
		}
		if p.eof() || p.s[p.i] == ',' || p.s[p.i] == '>' {
			return c, errSelDangling
		}
		c.combs = append(c.combs, comb)
	}
}

// ident reads a CSS identifier (with backslash escapes of one character).
func (p *selParser) ident() string {
	var b strings.Builder
	for !p.eof() {
		c := p.s[p.i]
		switch {
		case c == '\\' && p.i+1 < len(p.s):
			b.WriteByte(p.s[p.i+1])
			p.i += 2
			continue
		case isASCIIAlpha(c), c >= '0' && c <= '9', c == '-', c == '_', c >= 0x80:
		default:
			return b.String()
		}
		b.WriteByte(c)
		p.i++
	}
	return b.String()
}

// identStart reports whether an identifier may start at the cursor.
func (p *selParser) identStart() bool {
	if p.eof() {
		return false
	}
	c := p.s[p.i]
	return isASCIIAlpha(c) || c == '_' || c == '-' || c == '\\' || c >= 0x80
}

// compound parses a compound selector.
func (p *selParser) compound() (compoundSel, error) {
	var c compoundSel
	any := false
	switch {
	case p.eof():
		return c, errSelEmpty
	case p.s[p.i] == '*':
		p.i++
		any = true
	case p.identStart():
		c.tag = strings.ToLower(p.ident())
		any = true
	}
	if !p.eof() && p.s[p.i] == '|' && (p.i+1 >= len(p.s) || p.s[p.i+1] != '=') {
		p.i++ // a namespace prefix: lol-html ignores namespaces
		switch {
		case !p.eof() && p.s[p.i] == '*':
			p.i++
			c.tag = ""
		case p.identStart():
			c.tag = strings.ToLower(p.ident())
		default:
			return c, errSelToken
		}
	}
	for !p.eof() {
		t, ok, err := p.simple()
		if err != nil {
			return c, err
		}
		if !ok {
			break
		}
		c.tests = append(c.tests, t)
		any = true
	}
	if !any {
		return c, errSelEmpty
	}
	return c, nil
}

// simple parses one simple selector; false when none starts here.
func (p *selParser) simple() (simpleSel, bool, error) {
	switch p.s[p.i] {
	case '.':
		p.i++
		if !p.identStart() {
			return simpleSel{}, false, errSelClass
		}
		return simpleSel{kind: selClass, name: p.ident()}, true, nil
	case '#':
		p.i++
		if !p.eof() && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
			return simpleSel{}, false, errSelEmpty
		}
		if !p.identStart() {
			return simpleSel{}, false, errSelID
		}
		return simpleSel{kind: selID, name: p.ident()}, true, nil
	case '[':
		p.i++
		t, err := p.attr()
		return t, err == nil, err
	case ':':
		p.i++
		t, err := p.pseudo()
		return t, err == nil, err
	}
	return simpleSel{}, false, nil
}

// attr parses an attribute selector after '['.
func (p *selParser) attr() (simpleSel, error) {
	p.skipSpace()
	if p.eof() {
		return simpleSel{}, errSelEnd
	}
	if !p.identStart() {
		return simpleSel{}, errSelAttrMissing
	}
	t := simpleSel{kind: selAttr, name: strings.ToLower(p.ident())}
	p.skipSpace()
	// The end of the selector closes an open bracket, as in CSS.
	if p.eof() {
		return t, nil
	}
	if p.s[p.i] == ']' {
		p.i++
		return t, nil
	}
	switch c := p.s[p.i]; c {
	case '=':
		t.op = '='
		p.i++
	case '~', '^', '$', '*', '|':
		if p.i+1 >= len(p.s) {
			return t, errSelEnd
		}
		if p.s[p.i+1] != '=' {
			return t, errSelToken
		}
		t.op = c
		p.i += 2
	default:
		return t, selectorError("Unexpected token in the attribute selector.")
	}
	p.skipSpace()
	if p.eof() || p.s[p.i] == ']' {
		return t, errSelEnd
	}
	if q := p.s[p.i]; q == '"' || q == '\'' {
		end := strings.IndexByte(p.s[p.i+1:], q)
		if end < 0 {
			return t, errSelEnd
		}
		t.value = p.s[p.i+1 : p.i+1+end]
		p.i += end + 2
	} else {
		if !p.identStart() {
			return t, errSelToken
		}
		t.value = p.ident()
	}
	p.skipSpace()
	if p.identStart() {
		switch strings.ToLower(p.ident()) {
		case "i":
			t.ignoreCase = true
		case "s":
		default:
			return t, errSelToken
		}
		p.skipSpace()
	}
	if p.eof() {
		return t, nil
	}
	if p.s[p.i] != ']' {
		return t, errSelToken
	}
	p.i++
	return t, nil
}

// pseudo parses a pseudo-class after ':'.
func (p *selParser) pseudo() (simpleSel, error) {
	if !p.eof() && p.s[p.i] == ':' {
		return simpleSel{}, errSelPseudo
	}
	name := strings.ToLower(p.ident())
	fn := !p.eof() && p.s[p.i] == '('
	switch {
	case name == "first-child" && !fn:
		return simpleSel{kind: selNthChild, b: 1}, nil
	case name == "first-of-type" && !fn:
		return simpleSel{kind: selNthOfType, b: 1}, nil
	case (name == "nth-child" || name == "nth-of-type") && fn:
		p.i++
		end := strings.IndexByte(p.s[p.i:], ')')
		if end < 0 {
			return simpleSel{}, errSelEnd
		}
		a, b, err := parseNth(p.s[p.i : p.i+end])
		if err != nil {
			return simpleSel{}, err
		}
		p.i += end + 1
		kind := selNthChild
		if name == "nth-of-type" {
			kind = selNthOfType
		}
		return simpleSel{kind: kind, a: a, b: b}, nil
	case name == "not" && fn:
		p.i++
		p.skipSpace()
		c, err := p.compound()
		if err != nil {
			return simpleSel{}, err
		}
		p.skipSpace()
		if p.eof() {
			return simpleSel{}, errSelEnd
		}
		if p.s[p.i] != ')' {
			return simpleSel{}, errSelPseudo
		}
		p.i++
		return simpleSel{kind: selNot, not: &c}, nil
	}
	return simpleSel{}, errSelPseudo
}

// parseNth parses the an+b of :nth-child().
func parseNth(s string) (int, int, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "odd":
		return 2, 1, nil
	case "even":
		return 2, 0, nil
	}
	bad := errSelToken
	n := strings.IndexByte(s, 'n')
	if n < 0 {
		b, err := strconv.Atoi(s)
		if err != nil {
			return 0, 0, bad
		}
		return 0, b, nil
	}
	var a int
	switch as := strings.TrimSpace(s[:n]); as {
	case "", "+":
		a = 1
	case "-":
		a = -1
	default:
		v, err := strconv.Atoi(as)
		if err != nil {
			return 0, 0, bad
		}
		a = v
	}
	rest := strings.ReplaceAll(s[n+1:], " ", "")
	if rest == "" {
		return a, 0, nil
	}
	if rest[0] != '+' && rest[0] != '-' {
		return 0, 0, bad
	}
	b, err := strconv.Atoi(rest)
	if err != nil {
		return 0, 0, errors.Join(bad)
	}
	return a, b, nil
}

// matches reports whether the last element of chain (its ancestors before
// it) matches the selector.
func (s cssSelector) matches(chain []selElem) bool {
	for i := range s {
		c := &s[i]
		if c.matchFrom(len(c.parts)-1, chain, len(chain)-1) {
			return true
		}
	}
	return false
}

func (c *complexSel) matchFrom(k int, chain []selElem, i int) bool {
	if !c.parts[k].matches(&chain[i]) {
		return false
	}
	if k == 0 {
		return true
	}
	if c.combs[k-1] == '>' {
		return i > 0 && c.matchFrom(k-1, chain, i-1)
	}
	for j := i - 1; j >= 0; j-- {
		if c.matchFrom(k-1, chain, j) {
			return true
		}
	}
	return false
}

func (c *compoundSel) matches(e *selElem) bool {
	if c.tag != "" && c.tag != e.name {
		return false
	}
	for i := range c.tests {
		if !c.tests[i].matches(e) {
			return false
		}
	}
	return true
}

func (t *simpleSel) matches(e *selElem) bool {
	switch t.kind {
	case selClass:
		v, ok := attrValue(e.attrs, "class")
		return ok && containsWord(v, t.name)
	case selID:
		v, ok := attrValue(e.attrs, "id")
		return ok && v == t.name
	case selAttr:
		v, ok := attrValue(e.attrs, t.name)
		return ok && matchAttrOp(t.op, v, t.value, t.ignoreCase)
	case selNthChild:
		return nthMatches(t.a, t.b, e.index)
	case selNthOfType:
		return nthMatches(t.a, t.b, e.typeIndex)
	case selNot:
		return !t.not.matches(e)
	}
	return false
}

// attrValue finds an attribute by its lower-cased name.
func attrValue(attrs []htmlAttr, name string) (string, bool) {
	for _, a := range attrs {
		if a.name == name {
			return a.value, true
		}
	}
	return "", false
}

func containsWord(list, w string) bool {
	for _, f := range strings.FieldsFunc(list, func(r rune) bool { return r < 0x80 && isHTMLSpace(byte(r)) }) {
		if f == w {
			return true
		}
	}
	return false
}

func matchAttrOp(op byte, v, want string, fold bool) bool {
	if fold {
		v, want = strings.ToLower(v), strings.ToLower(want)
	}
	switch op {
	case 0:
		return true
	case '=':
		return v == want
	case '~':
		return want != "" && containsWord(v, want)
	case '^':
		return want != "" && strings.HasPrefix(v, want)
	case '$':
		return want != "" && strings.HasSuffix(v, want)
	case '*':
		return want != "" && strings.Contains(v, want)
	case '|':
		return v == want || strings.HasPrefix(v, want+"-")
	}
	return false
}

// nthMatches reports whether index = a*n + b for some n >= 0.
func nthMatches(a, b, index int) bool {
	if a == 0 {
		return index == b
	}
	d := index - b
	return d%a == 0 && d/a >= 0
}
