package bindings

// The content tokens HTMLRewriter hands to handlers: Element, EndTag,
// Text, Comment, Doctype and DocumentEnd. They are valid only while their
// handler runs (until its promise settles); afterwards every method
// throws workerd's TypeError.

import (
	"strings"

	"github.com/dop251/goja"
)

// errTokenInvalid is workerd's TypeError for a token used after its handler.
const errTokenInvalid = "This content token is no longer valid. Content tokens are only valid during the execution of the relevant content handler."

// rewriterClasses are the classes of the content tokens.
type rewriterClasses struct {
	rewriter                                             *jsClass
	element, endTag, text, comment, doctype, documentEnd *tokenClass
}

// tokenClass is a token class whose attributes are own properties of each
// instance, enumerable, as workerd makes them (Object.keys(element) lists
// them); here they are accessors, where V8 shows native data properties.
type tokenClass struct {
	*jsClass
	own []ownAccessor
}

// ownAccessor is one instance attribute's getter and setter (or nil).
type ownAccessor struct {
	name     string
	get, set goja.Value
}

// newTokenClass defines a token class, not constructible from JS.
func (rl *Realm) newTokenClass(name string) *tokenClass {
	return &tokenClass{jsClass: rl.defineClass(name, nil, nil, "")}
}

// attribute adds an instance attribute; set may be nil. workerd defines
// them in the reverse order of its declarations, so each goes first.
func (c *tokenClass) attribute(name string, get, set func(call goja.FunctionCall) goja.Value) {
	a := ownAccessor{name: name, get: c.rl.function("", get)}
	if set != nil {
		a.set = c.rl.function("", set)
	}
	c.own = append([]ownAccessor{a}, c.own...)
}

// make creates a token holding state.
func (c *tokenClass) make(state any) *goja.Object {
	o := c.instance(state)
	for _, a := range c.own {
		if err := o.DefineAccessorProperty(a.name, a.get, a.set, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
			panic(err)
		}
	}
	return o
}

// docInfo is a doctype as handlers see it.
type docInfo struct{ name, publicID, systemID *string }

// documentEndState is the end of the document.
type documentEndState struct {
	appended rwContent
	valid    bool
	codec    *rwCodec
}

// streamedContent is content given as a ReadableStream or a Response,
// locked to reader until it is read, before its token is written.
type streamedContent struct {
	piece  *contentPiece
	reader *goja.Object
	html   bool
}

// errStreamedComment is workerd's TypeError for streamed content where
// only strings are taken (comments, the document end).
const errStreamedComment = "Replacing content in HTML comments using a ReadableStream or Response object is not implemented. You must provide a string."

// contentArg reads a content argument and its {html} option. A
// ReadableStream or Response is read before the token is written, when ed
// takes streams; otherwise it is workerd's TypeError. Anything else is a
// string.
func (rl *Realm) contentArg(call goja.FunctionCall, ed *tokenEdits, codec *rwCodec) *contentPiece {
	v := call.Argument(0)
	html := false
	if o, ok := call.Argument(1).(*goja.Object); ok {
		html = o.Get("html").ToBoolean()
	}
	stream, isStream := rl.contentStream(v)
	if !isStream {
		return escapeContent(codec, v.String(), html)
	}
	if ed == nil {
		rl.throwTypeError(errStreamedComment)
	}
	p := &contentPiece{}
	if stream == nil { // a Response without a body
		return p
	}
	getReader, _ := goja.AssertFunction(stream.Get("getReader"))
	reader, err := getReader(stream)
	if err != nil {
		panic(err)
	}
	ed.streamed = append(ed.streamed, streamedContent{piece: p, reader: reader.(*goja.Object), html: html})
	return p
}

// contentStream returns the stream of streamed content: a ReadableStream
// or a Response's body (nil for none). false when v is neither.
func (rl *Realm) contentStream(v goja.Value) (*goja.Object, bool) {
	if res := stateOf[response](rl, v); res != nil {
		if rl.bodyUsed(&res.body) {
			rl.throwTypeError("The ReadableStream has been locked to a reader.")
		}
		body, _ := v.(*goja.Object).Get("body").(*goja.Object)
		return body, true
	}
	if rl.isReadableStream(v) {
		return v.(*goja.Object), true
	}
	return nil, false
}

// nullableString is a *string as JS sees it.
func (rl *Realm) nullableString(s *string) goja.Value {
	if s == nil {
		return goja.Null()
	}
	return rl.vm.ToValue(*s)
}

// parserError throws workerd's TypeError for content lol-html refuses.
func (rl *Realm) parserError(msg string) {
	rl.throwTypeError("Parser error: " + msg)
}

// checkName throws when a tag or attribute name has a character lol-html
// forbids.
func (rl *Realm) checkName(name, what string) {
	if what == "tag" {
		switch {
		case name == "":
			rl.parserError("Tag name can't be empty.")
		case !('a' <= name[0]|0x20 && name[0]|0x20 <= 'z'):
			rl.parserError("The first character of the tag name should be an ASCII alphabetical character.")
		}
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; isHTMLSpace(c) || c == '/' || c == '>' || c == 0 || (what == "attribute" && (c == '=' || c == '"' || c == '\'')) {
			rl.parserError("`" + string(c) + "` character is forbidden in the " + what + " name")
		}
	}
}

// installRewriterTokens defines the content token classes.
func (rl *Realm) installRewriterTokens() {
	c := &rl.rewriterClasses
	c.element = rl.newTokenClass("Element")
	rl.defineElement(c.element)
	c.endTag = rl.newTokenClass("EndTag")
	endState := func(call goja.FunctionCall) *endTagState {
		s := thisState[endTagState](rl, call)
		if !s.valid {
			rl.throwTypeError(errTokenInvalid)
		}
		return s
	}
	c.endTag.attribute("name", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(endState(call).name)
	}, func(call goja.FunctionCall) goja.Value {
		s := endState(call)
		name := call.Argument(0).String()
		rl.checkName(name, "tag")
		s.name, s.renamed = name, true
		return goja.Undefined()
	})
	rl.defineEdits(c.endTag, func(call goja.FunctionCall) *tokenEdits { return &endState(call).tokenEdits }, false, true)

	c.text = rl.newTokenClass("Text")
	textState := func(call goja.FunctionCall) *textState {
		s := thisState[textState](rl, call)
		if !s.valid {
			rl.throwTypeError(errTokenInvalid)
		}
		return s
	}
	c.text.attribute("text", func(call goja.FunctionCall) goja.Value { return rl.vm.ToValue(textState(call).text) }, nil)
	c.text.attribute("lastInTextNode", func(call goja.FunctionCall) goja.Value { return rl.vm.ToValue(textState(call).last) }, nil)
	c.text.attribute("removed", func(call goja.FunctionCall) goja.Value { return rl.vm.ToValue(textState(call).removed) }, nil)
	rl.defineEdits(c.text, func(call goja.FunctionCall) *tokenEdits { return &textState(call).tokenEdits }, true, true)

	c.comment = rl.newTokenClass("Comment")
	commentState := func(call goja.FunctionCall) *commentState {
		s := thisState[commentState](rl, call)
		if !s.valid {
			rl.throwTypeError(errTokenInvalid)
		}
		return s
	}
	c.comment.attribute("text", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(commentState(call).text)
	}, func(call goja.FunctionCall) goja.Value {
		s := commentState(call)
		text := call.Argument(0).String()
		if strings.Contains(text, "-->") {
			rl.parserError("Comment text shouldn't contain a comment-closing sequence.")
		}
		s.text, s.modified = text, true
		return goja.Undefined()
	})
	c.comment.attribute("removed", func(call goja.FunctionCall) goja.Value { return rl.vm.ToValue(commentState(call).removed) }, nil)
	rl.defineEdits(c.comment, func(call goja.FunctionCall) *tokenEdits { return &commentState(call).tokenEdits }, true, false)

	c.doctype = rl.newTokenClass("Doctype")
	doc := func(name string, f func(d *docInfo) *string) {
		c.doctype.attribute(name, func(call goja.FunctionCall) goja.Value {
			return rl.nullableString(f(thisState[docInfo](rl, call)))
		}, nil)
	}
	doc("name", func(d *docInfo) *string { return d.name })
	doc("publicId", func(d *docInfo) *string { return d.publicID })
	doc("systemId", func(d *docInfo) *string { return d.systemID })

	c.documentEnd = rl.newTokenClass("DocumentEnd")
	c.documentEnd.method("append", func(call goja.FunctionCall) goja.Value {
		s := thisState[documentEndState](rl, call)
		if !s.valid {
			rl.throwTypeError(errTokenInvalid)
		}
		s.appended = append(s.appended, rl.contentArg(call, nil, s.codec))
		return call.This
	})
}

// defineEdits adds before, after, remove and (withReplace) replace;
// streams says whether their content may be streamed.
func (rl *Realm) defineEdits(c *tokenClass, edits func(goja.FunctionCall) *tokenEdits, withReplace, streams bool) {
	content := func(call goja.FunctionCall, e *tokenEdits) *contentPiece {
		if streams {
			return rl.contentArg(call, e, e.codec)
		}
		return rl.contentArg(call, nil, e.codec)
	}
	c.method("before", func(call goja.FunctionCall) goja.Value {
		e := edits(call)
		e.before = append(e.before, content(call, e))
		return call.This
	})
	c.method("after", func(call goja.FunctionCall) goja.Value {
		e := edits(call)
		e.after = append(rwContent{content(call, e)}, e.after...)
		return call.This
	})
	if withReplace {
		c.method("replace", func(call goja.FunctionCall) goja.Value {
			e := edits(call)
			e.replacement, e.removed = rwContent{content(call, e)}, true
			return call.This
		})
	}
	c.method("remove", func(call goja.FunctionCall) goja.Value {
		e := edits(call)
		e.replacement, e.removed = nil, true
		return call.This
	})
}

// defineElement defines Element's members.
func (rl *Realm) defineElement(c *tokenClass) {
	state := func(call goja.FunctionCall) *elementState {
		s := thisState[elementState](rl, call)
		if !s.valid {
			rl.throwTypeError(errTokenInvalid)
		}
		return s
	}
	c.attribute("tagName", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(strings.ToLower(state(call).name))
	}, func(call goja.FunctionCall) goja.Value {
		s := state(call)
		name := call.Argument(0).String()
		rl.checkName(name, "tag")
		s.name, s.modified = name, true
		return goja.Undefined()
	})
	c.attribute("attributes", func(call goja.FunctionCall) goja.Value {
		s := state(call)
		pairs := make([]any, len(s.attrs))
		for i, a := range s.attrs {
			pairs[i] = rl.vm.NewArray(a.name, s.codec.decodeString(a.value))
		}
		arr := rl.vm.NewArray(pairs...)
		iter, _ := goja.AssertFunction(arr.GetSymbol(goja.SymIterator))
		v, err := iter(arr)
		if err != nil {
			panic(err)
		}
		return v
	}, nil)
	c.attribute("removed", func(call goja.FunctionCall) goja.Value { return rl.vm.ToValue(state(call).removed) }, nil)
	c.attribute("namespaceURI", func(call goja.FunctionCall) goja.Value { return rl.vm.ToValue(state(call).ns) }, nil)
	c.method("getAttribute", func(call goja.FunctionCall) goja.Value {
		s := state(call)
		if v, ok := attrValue(s.attrs, strings.ToLower(call.Argument(0).String())); ok {
			return rl.vm.ToValue(s.codec.decodeString(v))
		}
		return goja.Null()
	})
	c.method("hasAttribute", func(call goja.FunctionCall) goja.Value {
		_, ok := attrValue(state(call).attrs, strings.ToLower(call.Argument(0).String()))
		return rl.vm.ToValue(ok)
	})
	c.method("setAttribute", func(call goja.FunctionCall) goja.Value {
		s := state(call)
		name := call.Argument(0).String()
		rl.checkName(name, "attribute")
		s.setAttribute(name, call.Argument(1).String())
		return call.This
	})
	c.method("removeAttribute", func(call goja.FunctionCall) goja.Value {
		state(call).removeAttribute(call.Argument(0).String())
		return call.This
	})
	rl.defineEdits(c, func(call goja.FunctionCall) *tokenEdits { return &state(call).tokenEdits }, true, true)
	c.method("replace", func(call goja.FunctionCall) goja.Value {
		s := state(call)
		// A replacement drops the inner content set before it.
		s.replacement, s.removed = rwContent{rl.contentArg(call, &s.tokenEdits, s.codec)}, true
		s.inner, s.innerSet = nil, false
		return call.This
	})
	c.method("prepend", func(call goja.FunctionCall) goja.Value {
		s := state(call)
		s.prepend = append(rwContent{rl.contentArg(call, &s.tokenEdits, s.codec)}, s.prepend...)
		return call.This
	})
	c.method("append", func(call goja.FunctionCall) goja.Value {
		s := state(call)
		s.append = append(s.append, rl.contentArg(call, &s.tokenEdits, s.codec))
		return call.This
	})
	c.method("setInnerContent", func(call goja.FunctionCall) goja.Value {
		s := state(call)
		s.inner, s.innerSet = rwContent{rl.contentArg(call, &s.tokenEdits, s.codec)}, true
		return call.This
	})
	c.method("removeAndKeepContent", func(call goja.FunctionCall) goja.Value {
		state(call).keepContent = true
		return call.This
	})
	c.method("onEndTag", func(call goja.FunctionCall) goja.Value {
		s := state(call)
		if s.noEnd {
			rl.parserError("No end tag.")
		}
		if _, ok := goja.AssertFunction(call.Argument(0)); !ok {
			rl.throwTypeError("Failed to execute 'onEndTag' on 'Element': parameter 1 is not of type 'Function'.")
		}
		s.endHandler = call.Argument(0)
		return goja.Undefined()
	})
}
