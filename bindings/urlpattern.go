package bindings

// URLPattern: https://urlpattern.spec.whatwg.org/. The algorithms are in
// js/urlpattern.js and js/urlpattern_compile.js; this file defines the
// class, converts its arguments as workerd does, and gives the JS the URL
// parser's canonicalizations.

import (
	_ "embed"
	"errors"
	"strconv"
	"strings"
	"unicode"

	"github.com/dop251/goja"
	wurl "github.com/nlnwa/whatwg-url/url"
)

//go:embed js/urlpattern.js
var urlPatternSource string

//go:embed js/urlpattern_compile.js
var urlPatternCompileSource string

// urlPattern is the state of a URLPattern: the JS object holding its
// compiled components.
type urlPattern struct {
	components *goja.Object
}

// urlPatternJS is what js/urlpattern.js returns.
type urlPatternJS struct {
	construct, match goja.Callable
	failure          *goja.Object
}

// installURLPattern defines URLPattern.
func (rl *Realm) installURLPattern() {
	// The JS algorithms run on first use: few workers use URLPattern, and
	// compiling them is a tenth of a cold start.
	var loaded *urlPatternJS
	algorithms := func() *urlPatternJS {
		if loaded == nil {
			js := rl.loadURLPatternJS()
			loaded = &js
		}
		return loaded
	}
	c := rl.newClass("URLPattern", nil, func(call goja.FunctionCall) {
		input, base, options := call.Argument(0), goja.Value(goja.Null()), call.Argument(1)
		if len(call.Arguments) >= 3 || !isObjectOrNullish(options) {
			// The (input, baseURL, options) overload.
			base, options = rl.vm.ToValue(rl.toUSV(options)), call.Argument(2)
			if !isObjectOrNullish(options) {
				rl.throwTypeError("Failed to construct 'URLPattern': constructor parameter 3 is not of type 'URLPatternOptions'.")
			}
		}
		ignoreCase := false
		if o, ok := options.(*goja.Object); ok {
			ignoreCase = o.Get("ignoreCase") != nil && o.Get("ignoreCase").ToBoolean()
		}
		js := algorithms()
		v := rl.callURLPattern(js, js.construct, "Failed to construct URLPattern", rl.patternInput(input), base, rl.vm.ToValue(ignoreCase))
		rl.attach(call.This.(*goja.Object), &urlPattern{components: v.(*goja.Object)})
	})
	for _, name := range []string{"protocol", "username", "password", "hostname", "port", "pathname", "search", "hash"} {
		c.getter(name, func(call goja.FunctionCall) goja.Value {
			p := thisState[urlPattern](rl, call)
			return p.components.Get(name).(*goja.Object).Get("pattern")
		})
	}
	c.getter("hasRegExpGroups", func(call goja.FunctionCall) goja.Value {
		p := thisState[urlPattern](rl, call)
		for _, name := range p.components.Keys() {
			if p.components.Get(name).(*goja.Object).Get("hasRegExpGroups").ToBoolean() {
				return rl.vm.ToValue(true)
			}
		}
		return rl.vm.ToValue(false)
	})
	matcher := func(call goja.FunctionCall, msg string) goja.Value {
		p := thisState[urlPattern](rl, call)
		base := goja.Value(goja.Null())
		if b := call.Argument(1); !goja.IsUndefined(b) {
			base = rl.vm.ToValue(rl.toUSV(b))
		}
		js := algorithms()
		return rl.callURLPattern(js, js.match, msg, p.components, rl.patternInput(call.Argument(0)), base)
	}
	c.method("test", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(!goja.IsNull(matcher(call, "Failed to test URLPattern")))
	})
	c.method("exec", func(call goja.FunctionCall) goja.Value {
		return matcher(call, "Failed to exec URLPattern")
	})
}

// isObjectOrNullish reports whether v would be read as a dictionary.
func isObjectOrNullish(v goja.Value) bool {
	if _, ok := v.(*goja.Object); ok {
		return true
	}
	return goja.IsUndefined(v) || goja.IsNull(v)
}

// patternInput converts a URLPatternInput: a string, or an object read as a
// URLPatternInit (undefined and null are the empty one).
func (rl *Realm) patternInput(v goja.Value) goja.Value {
	if goja.IsUndefined(v) || goja.IsNull(v) {
		return rl.vm.NewObject()
	}
	if _, ok := v.(*goja.Object); ok {
		return v
	}
	return rl.vm.ToValue(rl.toUSV(v))
}

// callURLPattern calls one of the JS algorithms, turning its Failure into
// workerd's TypeError with msg.
func (rl *Realm) callURLPattern(js *urlPatternJS, fn goja.Callable, msg string, args ...goja.Value) goja.Value {
	v, err := fn(goja.Undefined(), args...)
	if err != nil {
		var ex *goja.Exception
		if errors.As(err, &ex) && rl.vm.InstanceOf(ex.Value(), js.failure) {
			rl.throwTypeError(msg)
		}
		panic(err)
	}
	return v
}

// loadURLPatternJS runs js/urlpattern.js with its Go helpers.
func (rl *Realm) loadURLPatternJS() urlPatternJS {
	factory, _ := goja.AssertFunction(rl.mustRun("urlpattern.js", urlPatternSource))
	compiler := rl.mustRun("urlpattern_compile.js", urlPatternCompileSource)
	helpers := rl.vm.NewObject()
	set := func(name string, fn func(call goja.FunctionCall) goja.Value) {
		if err := helpers.Set(name, rl.function(name, fn)); err != nil {
			panic(err)
		}
	}
	set("canon", func(call goja.FunctionCall) goja.Value {
		out, ok := canonicalizePatternPart(call.Argument(0).String(), call.Argument(1).String(), call.Argument(2).String())
		if !ok {
			return goja.Null()
		}
		return rl.vm.ToValue(out)
	})
	set("isNameCodePoint", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(isNameCodePoint(call.Argument(0).String(), call.Argument(1).ToBoolean()))
	})
	set("usv", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(rl.toUSV(call.Argument(0)))
	})
	set("parse", func(call goja.FunctionCall) goja.Value {
		u, ok := rl.parseWithBase(call.Argument(0).String(), call.Argument(1))
		if !ok {
			return goja.Null()
		}
		return rl.urlParts(u)
	})
	v, err := factory(goja.Undefined(), helpers, compiler)
	if err != nil {
		panic(err)
	}
	o := v.(*goja.Object)
	construct, _ := goja.AssertFunction(o.Get("construct"))
	match, _ := goja.AssertFunction(o.Get("match"))
	return urlPatternJS{construct: construct, match: match, failure: o.Get("Failure").(*goja.Object)}
}

// urlParts gives JS a parsed URL's attributes and whether its path is
// opaque.
func (rl *Realm) urlParts(u *wurl.Url) goja.Value {
	o := rl.vm.NewObject()
	for _, a := range urlAttributes {
		_ = o.Set(a.name, a.get(u))
	}
	_ = o.Set("opaque", u.OpaquePath())
	return o
}

// isNameCodePoint reports whether cp may be in a group name: an identifier
// start (first) or part, as in JavaScript identifiers.
func isNameCodePoint(cp string, first bool) bool {
	r := []rune(cp)
	if len(r) != 1 {
		return false
	}
	c := r[0]
	if c == '$' || c == '_' {
		return true
	}
	if !first && (c == '\u200c' || c == '\u200d') {
		return true
	}
	if unicode.Is(unicode.Pattern_Syntax, c) || unicode.Is(unicode.Pattern_White_Space, c) {
		return false
	}
	start := unicode.IsLetter(c) || unicode.Is(unicode.Nl, c) || unicode.Is(unicode.Other_ID_Start, c)
	if first {
		return start
	}
	return start || unicode.In(c, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue)
}

// canonicalizePatternPart is the URLPattern standard's "canonicalize a
// <component>" for kind, through the URL parser; ok is false where the
// standard throws.
func canonicalizePatternPart(kind, value, protocol string) (string, bool) {
	if value == "" {
		return "", true
	}
	p := newURLParser()
	switch kind {
	case "protocol":
		u, err := p.Parse(value + "://dummy.test")
		if err != nil {
			return "", false
		}
		return u.Scheme(), true
	case "username", "password":
		return p.PercentEncodeString(value, wurl.UserInfoPercentEncodeSet), true
	case "hostname":
		// The hostname state fails on a ":" outside brackets when it is
		// the state override; v0.6.2 stops there instead.
		if i := strings.IndexByte(value, ':'); i >= 0 && !strings.HasPrefix(value, "[") {
			return "", false
		}
		u, _ := p.Parse("https://dummy.test")
		if _, err := p.BasicParser(value, nil, u, wurl.StateHostname); err != nil {
			return "", false
		}
		return u.Hostname(), true
	case "port":
		return canonicalizePort(value, protocol)
	case "pathname":
		return canonicalizePathname(p, value)
	case "opaque":
		u, err := p.Parse("fake:" + value)
		if err != nil {
			return "", false
		}
		return u.Pathname(), true
	case "search":
		return p.PercentEncodeString(stripTabsAndNewlines(value), wurl.QueryPercentEncodeSet), true
	case "hash":
		return p.PercentEncodeString(stripTabsAndNewlines(value), wurl.FragmentPercentEncodeSet), true
	}
	return "", false
}

// canonicalizePathname parses value as the path of a non-special URL; a
// value without a leading "/" is parsed behind "/-", which is then removed.
func canonicalizePathname(p wurl.Parser, value string) (string, bool) {
	lead := strings.HasPrefix(value, "/")
	modified := value
	if !lead {
		modified = "/-" + value
	}
	u, _ := p.Parse("fake://fake-url")
	u.SetPathname(modified)
	out := u.Pathname()
	if !lead {
		if len(out) < 2 {
			return "", false
		}
		out = out[2:]
	}
	return out, true
}

// canonicalizePort reads the leading digits of value as a port, empty for
// protocol's default port.
func canonicalizePort(value, protocol string) (string, bool) {
	value = stripTabsAndNewlines(value)
	if value == "" {
		return "", true
	}
	end := 0
	for end < len(value) && value[end] >= '0' && value[end] <= '9' {
		end++
	}
	if end == 0 {
		return "", false
	}
	n := 0
	for _, d := range value[:end] {
		n = n*10 + int(d-'0')
		if n > 65535 {
			return "", false
		}
	}
	defaults := map[string]int{"ftp": 21, "http": 80, "https": 443, "ws": 80, "wss": 443}
	if d, ok := defaults[strings.TrimSuffix(protocol, ":")]; ok && d == n {
		return "", true
	}
	return strconv.Itoa(n), true
}

// stripTabsAndNewlines removes ASCII tabs and newlines, as the URL parser
// does first.
func stripTabsAndNewlines(s string) string {
	return strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(s)
}
