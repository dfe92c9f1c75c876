package bindings

// The rewriting engine under HTMLRewriter, in plain Go: it turns tokens
// into events for the handlers (next), and, once their handlers have run,
// writes the events' output with the mutations they made (commit). The
// open-element stack gives selectors their ancestors and sibling
// positions; content inside a removed element is not written.

import (
	"bytes"
	"strings"
)

// HTML namespaces, as Element.namespaceURI gives them.
const (
	nsHTML   = "http://www.w3.org/1999/xhtml"
	nsSVG    = "http://www.w3.org/2000/svg"
	nsMathML = "http://www.w3.org/1998/Math/MathML"
)

// voidElements never have an end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "keygen": true, "link": true, "meta": true, "param": true, "source": true,
	"track": true, "wbr": true, "basefont": true, "bgsound": true, "frame": true,
}

// rawTextElements hold raw text up to their own end tag.
var rawTextElements = map[string]bool{
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true, "iframe": true,
	"noembed": true, "noframes": true, "noscript": true, "plaintext": true,
}

// handlerSet says which handlers one .on() registration has.
type handlerSet struct {
	element, comments, text bool
}

// openElement is an element whose end tag has not come.
type openElement struct {
	sel        selElem
	el         *elementState // &state
	state      elementState
	matched    []bool // per registration
	children   int
	typeCounts []typeCount
}

// typeCount counts an element's children of one name.
type typeCount struct {
	name string
	n    int
}

// countChild counts a new child named name and returns its positions among
// all children and among those of its name.
func (p *openElement) countChild(name string) (int, int) {
	p.children++
	for i := range p.typeCounts {
		if p.typeCounts[i].name == name {
			p.typeCounts[i].n++
			return p.children, p.typeCounts[i].n
		}
	}
	p.typeCounts = append(p.typeCounts, typeCount{name: name, n: 1})
	return p.children, 1
}

// rwEvent is a token with the handlers it calls.
type rwEvent struct {
	tok     htmlToken
	element *elementState
	text    *textState
	comment *commentState
	// regs are the registrations whose handler is called, in order; the
	// document's handler follows when doc is set.
	regs []int
	doc  bool
	// closes are the open elements an end tag closes, innermost first;
	// ends are the end tags handed to their onEndTag handlers, and end
	// is the one whose edits are written, of the element endWith.
	closes  []*openElement
	ends    []*endTagState  // nil for an element with no end-tag edits
	one     [1]*openElement // closes' storage for a start tag
	end     *endTagState
	endWith *elementState
}

// rwEngine rewrites one document.
type rwEngine struct {
	z          htmlTokenizer
	selectors  []cssSelector
	handlers   []handlerSet
	doc        handlerSetDoc
	stack      []*openElement
	chain      []selElem // what selectors see of the stack
	openCount  []int     // per registration, the open elements it matched
	root       openElement
	suppressed int // open elements whose content is removed
	out        bytes.Buffer
	codec      *rwCodec // the document's encoding; nil for UTF-8
}

// handlerSetDoc says which document handlers exist.
type handlerSetDoc struct {
	doctype, comments, text, end bool
}

// next returns the next event, or false when more input is needed.
func (e *rwEngine) next() (*rwEvent, bool) {
	for {
		t, ok := e.z.next()
		if !ok {
			return nil, false
		}
		if ev := e.prepare(t); ev != nil {
			return ev, true
		}
	}
}

// prepare makes the event of a token; nil when the token is written at
// once (its output needs no handler).
func (e *rwEngine) prepare(t htmlToken) *rwEvent {
	var regs []int
	switch t.kind {
	case tokText:
		regs = e.inScope(func(h handlerSet) bool { return h.text })
		if len(regs) == 0 && !e.doc.text {
			e.writeRaw(t.raw)
			return nil
		}
		return &rwEvent{tok: t, regs: regs, doc: e.doc.text, text: &textState{tokenEdits: tokenEdits{codec: e.codec}, text: e.codec.decode(t.inner), last: t.last, valid: true}}
	case tokComment:
		regs = e.inScope(func(h handlerSet) bool { return h.comments })
		if len(regs) == 0 && !e.doc.comments {
			e.writeRaw(t.raw)
			return nil
		}
		return &rwEvent{tok: t, regs: regs, doc: e.doc.comments, comment: &commentState{tokenEdits: tokenEdits{codec: e.codec}, text: e.codec.decodeString(t.text), valid: true}}
	case tokDoctype:
		if !e.doc.doctype {
			e.writeRaw(t.raw)
			return nil
		}
		return &rwEvent{tok: t, doc: true}
	}
	ev := &rwEvent{tok: t}
	if t.kind == tokStart {
		e.prepareStart(ev)
	} else {
		e.prepareEnd(ev)
	}
	if len(ev.regs) == 0 && !ev.endHandlers() {
		e.commit(ev)
		return nil
	}
	return ev
}

// endHandlers reports whether an end tag has onEndTag handlers to call.
func (ev *rwEvent) endHandlers() bool {
	if ev.tok.kind != tokEnd {
		return false
	}
	for _, oe := range ev.closes {
		if oe.el.endHandler != nil {
			return true
		}
	}
	return false
}

// writeRaw writes a token no handler sees, unless it is in removed
// content.
func (e *rwEngine) writeRaw(raw []byte) {
	if e.suppressed == 0 {
		e.out.Write(raw)
	}
}

// inScope lists the registrations with the wanted handler that matched an
// open element.
func (e *rwEngine) inScope(want func(handlerSet) bool) []int {
	var regs []int
	for i, h := range e.handlers {
		if want(h) && len(e.openCount) > i && e.openCount[i] > 0 {
			regs = append(regs, i)
		}
	}
	return regs
}

// parent is the innermost open element, or the document.
func (e *rwEngine) parent() *openElement {
	if len(e.stack) == 0 {
		return &e.root
	}
	return e.stack[len(e.stack)-1]
}

// namespace is the namespace of a new element named name.
func (e *rwEngine) namespace(name string) string {
	ns := nsHTML
	if len(e.stack) > 0 {
		p := e.stack[len(e.stack)-1].el
		ns = p.ns
		if ns == nsSVG && (p.tok.name == "foreignobject" || p.tok.name == "desc" || p.tok.name == "title") {
			ns = nsHTML
		}
	}
	switch {
	case ns == nsHTML && name == "svg":
		return nsSVG
	case ns == nsHTML && name == "math":
		return nsMathML
	}
	return ns
}

func (e *rwEngine) prepareStart(ev *rwEvent) {
	t := ev.tok
	index, typeIndex := e.parent().countChild(t.name)
	oe := &openElement{sel: selElem{name: t.name, attrs: t.attrs, index: index, typeIndex: typeIndex}}
	oe.state = elementState{tokenEdits: tokenEdits{codec: e.codec}, tok: t, name: t.name, attrs: t.attrs, ns: e.namespace(t.name), valid: true}
	el := &oe.state
	oe.el = el
	el.noEnd = (el.ns == nsHTML && voidElements[t.name]) || (el.ns != nsHTML && t.selfClosing)
	chain := append(e.chain, oe.sel)
	oe.matched = make([]bool, len(e.selectors))
	for i, s := range e.selectors {
		if oe.matched[i] = s.matches(chain); oe.matched[i] && e.handlers[i].element {
			ev.regs = append(ev.regs, i)
		}
	}
	ev.element = el
	ev.one[0] = oe
	ev.closes = ev.one[:]
}

func (e *rwEngine) prepareEnd(ev *rwEvent) {
	t := ev.tok
	at := -1
	for i := len(e.stack) - 1; i >= 0; i-- {
		if e.stack[i].el.tok.name == t.name {
			at = i
			break
		}
	}
	if at < 0 {
		return
	}
	for i := len(e.stack) - 1; i >= at; i-- {
		oe := e.stack[i]
		ev.closes = append(ev.closes, oe)
		var end *endTagState
		// One end tag has one set of end-tag edits: lol-html keeps the
		// outermost closed element's.
		if hasEndEdits(oe.el) {
			end = &endTagState{tokenEdits: tokenEdits{codec: e.codec}, name: strings.ToLower(oe.el.name), valid: true}
			ev.endWith, ev.end = oe.el, end
		}
		ev.ends = append(ev.ends, end)
	}
}

// hasEndEdits reports whether an element changes its end tag.
func hasEndEdits(el *elementState) bool {
	return len(el.append) > 0 || len(el.after) > 0 || el.endHandler != nil || el.removed || el.keepContent ||
		el.name != el.tok.name || el.innerSet
}

// commit writes the event's output after its handlers ran.
func (e *rwEngine) commit(ev *rwEvent) {
	switch ev.tok.kind {
	case tokText:
		e.writeToken(&ev.text.tokenEdits, ev.tok.raw)
		ev.text.valid = false
	case tokComment:
		c := ev.comment
		raw := ev.tok.raw
		if c.modified {
			raw = append(append([]byte("<!--"), e.codec.encode(c.text)...), "-->"...)
		}
		e.writeToken(&c.tokenEdits, raw)
		c.valid = false
	case tokDoctype:
		if e.suppressed == 0 {
			e.out.Write(ev.tok.raw)
		}
	case tokStart:
		e.commitStart(ev)
	case tokEnd:
		e.commitEnd(ev)
	}
}

// writeToken writes a token with its edits unless it is in removed content.
func (e *rwEngine) writeToken(ed *tokenEdits, raw []byte) {
	if e.suppressed > 0 {
		return
	}
	ed.before.writeTo(&e.out)
	switch {
	case ed.replacement != nil:
		ed.replacement.writeTo(&e.out)
	case !ed.removed:
		e.out.Write(raw)
	}
	ed.after.writeTo(&e.out)
}

func (e *rwEngine) commitStart(ev *rwEvent) {
	el := ev.element
	el.valid = false
	oe := ev.closes[0]
	// As in lol-html, removing an element removes its tags and content,
	// not what handlers insert: a replacement takes the start tag's
	// place, and prepended and inner content follow it. An element with
	// no end tag has no content to edit.
	if e.suppressed == 0 {
		el.before.writeTo(&e.out)
		switch {
		case el.removed:
			el.replacement.writeTo(&e.out)
		case !el.keepContent:
			e.out.Write(el.startTag())
		}
		if !el.noEnd {
			el.prepend.writeTo(&e.out)
			el.inner.writeTo(&e.out)
		} else {
			el.after.writeTo(&e.out)
		}
	}
	if el.noEnd {
		return
	}
	e.push(oe)
	e.z.foreign = el.ns != nsHTML
	if el.removeInner() {
		e.suppressed++
	}
	if el.ns == nsHTML && rawTextElements[el.tok.name] {
		e.z.rawTag = el.tok.name
	}
}

// push opens an element.
func (e *rwEngine) push(oe *openElement) {
	e.stack = append(e.stack, oe)
	e.chain = append(e.chain, oe.sel)
	if e.openCount == nil {
		e.openCount = make([]int, len(e.selectors))
	}
	for i, m := range oe.matched {
		if m {
			e.openCount[i]++
		}
	}
}

// pop closes the innermost open element.
func (e *rwEngine) pop() {
	oe := e.stack[len(e.stack)-1]
	e.stack[len(e.stack)-1] = nil
	e.stack = e.stack[:len(e.stack)-1]
	e.chain = e.chain[:len(e.chain)-1]
	for i, m := range oe.matched {
		if m {
			e.openCount[i]--
		}
	}
}

func (e *rwEngine) commitEnd(ev *rwEvent) {
	if len(ev.closes) == 0 {
		if e.suppressed == 0 {
			e.out.Write(ev.tok.raw)
		}
		return
	}
	target := ev.closes[len(ev.closes)-1].el
	for _, oe := range ev.closes {
		if oe.el.removeInner() {
			e.suppressed--
		}
	}
	for range ev.closes {
		e.pop()
	}
	e.z.foreign = len(e.stack) > 0 && e.stack[len(e.stack)-1].el.ns != nsHTML
	for _, end := range ev.ends {
		if end != nil {
			end.valid = false
		}
	}
	if e.suppressed > 0 {
		return
	}
	w := ev.endWith
	if w == nil {
		e.out.Write(ev.tok.raw)
		return
	}
	w.append.writeTo(&e.out)
	end := ev.end
	end.before.writeTo(&e.out)
	switch {
	case end.replacement != nil:
		end.replacement.writeTo(&e.out)
	case end.removed || w.removed || w.keepContent:
	case end.renamed || (w == target && w.name != w.tok.name):
		name := end.name
		if !end.renamed {
			name = w.name
		}
		e.out.WriteString("</" + name + ">")
	default:
		e.out.Write(ev.tok.raw)
	}
	end.after.writeTo(&e.out)
	w.after.writeTo(&e.out)
}

// finish writes the document end's content.
func (e *rwEngine) finish(appended rwContent) {
	appended.writeTo(&e.out)
}

// takeOutput returns what was written since the last call.
func (e *rwEngine) takeOutput() []byte {
	if e.out.Len() == 0 {
		return nil
	}
	b := bytes.Clone(e.out.Bytes())
	e.out.Reset()
	return b
}
