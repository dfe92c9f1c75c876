package bindings

// URL: https://url.spec.whatwg.org/#url-class, parsed by
// github.com/nlnwa/whatwg-url with the corrections in url_parse.go.

import (
	"github.com/dop251/goja"
	wurl "github.com/nlnwa/whatwg-url/url"
)

// urlState is the state of a URL object: the parsed URL and its
// URLSearchParams, made on first use and kept in step with the query.
type urlState struct {
	u      *wurl.Url
	params *searchParams
}

// installURL defines URL and URLSearchParams.
func (rl *Realm) installURL() {
	c := rl.newClass("URL", nil, func(call goja.FunctionCall) {
		input := rl.usvArgument(call, 0, "Failed to construct 'URL': constructor parameter 1 is not of type 'USVString'.")
		u, ok := rl.parseWithBase(input, call.Argument(1))
		if !ok {
			rl.throwTypeError(errInvalidURL)
		}
		rl.attach(call.This.(*goja.Object), &urlState{u: u})
	})
	rl.urlCtor = c.ctor
	rl.defineURLAccessors(c)
	href := func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(thisState[urlState](rl, call).u.Href(false))
	}
	c.method("toString", href)
	c.method("toJSON", href)
	static := func(name string, fn func(call goja.FunctionCall) goja.Value) {
		// workerd's static operations are enumerable.
		if err := c.ctor.DefineDataProperty(name, rl.function(name, fn), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
			panic(err)
		}
	}
	static("canParse", func(call goja.FunctionCall) goja.Value {
		input := rl.usvArgument(call, 0, "Failed to execute 'canParse' on 'URL': parameter 1 is not of type 'USVString'.")
		_, ok := rl.parseWithBase(input, call.Argument(1))
		return rl.vm.ToValue(ok)
	})
	static("parse", func(call goja.FunctionCall) goja.Value {
		input := rl.usvArgument(call, 0, "Failed to execute 'parse' on 'URL': parameter 1 is not of type 'USVString'.")
		u, ok := rl.parseWithBase(input, call.Argument(1))
		if !ok {
			return goja.Null()
		}
		return c.instance(&urlState{u: u})
	})
	// workerd has no blob URLs: both functions exist and throw.
	for _, name := range []string{"createObjectURL", "revokeObjectURL"} {
		msg := "URL." + name + "() is not implemented"
		static(name, func(goja.FunctionCall) goja.Value {
			rl.throwError("Error", msg)
			return nil
		})
	}
	rl.installURLSearchParams()
}

// errInvalidURL is workerd's TypeError for a string that does not parse.
const errInvalidURL = "Invalid URL string."

// parseWithBase parses input against base, which is absent when undefined
// (a null base is the string "null", as WebIDL converts it).
func (rl *Realm) parseWithBase(input string, base goja.Value) (*wurl.Url, bool) {
	if base == nil || goja.IsUndefined(base) {
		return parseURLString(input, nil)
	}
	b, ok := parseURLString(rl.toUSV(base), nil)
	if !ok {
		return nil, false
	}
	return parseURLString(input, b)
}

// usvArgument converts argument i to a string, throwing msg when it is
// missing, as workerd does for a required USVString (undefined is
// "undefined").
func (rl *Realm) usvArgument(call goja.FunctionCall, i int, msg string) string {
	if len(call.Arguments) <= i {
		rl.throwTypeError(msg)
	}
	return rl.toUSV(call.Arguments[i])
}

// toUSV converts v to a string as WebIDL's USVString does (goja's String
// would turn a Symbol into its description instead of throwing).
func (rl *Realm) toUSV(v goja.Value) string {
	if _, ok := v.(*goja.Symbol); ok {
		rl.throwTypeError("Cannot convert a Symbol value to a string")
	}
	return v.String()
}

// parseURL parses an absolute URL and returns its serialization; for an
// invalid one it throws a TypeError of prefix and s, as workerd words it
// for each caller (Request's "Invalid URL: ", Response.redirect's "Unable
// to parse URL: ").
func (rl *Realm) parseURL(s, prefix string) string {
	u, ok := parseURLString(s, nil)
	if !ok {
		rl.throwTypeError(prefix + s)
	}
	return u.Href(false)
}

// isURLSearchParams reports whether v is a URLSearchParams.
func (rl *Realm) isURLSearchParams(v goja.Value) bool {
	return stateOf[searchParams](rl, v) != nil
}
