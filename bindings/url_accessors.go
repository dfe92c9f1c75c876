package bindings

// The URL attributes: https://url.spec.whatwg.org/#urlutils-members

import (
	"github.com/dop251/goja"
	wurl "github.com/nlnwa/whatwg-url/url"
)

// urlAttribute is one URL attribute: its getter and, unless read-only, its
// setter. A setter that changes the query also refreshes searchParams.
type urlAttribute struct {
	name string
	get  func(u *wurl.Url) string
	set  func(u *wurl.Url, v string)
}

// urlAttributes lists the attributes in workerd's prototype order.
var urlAttributes = []urlAttribute{
	{"origin", urlOrigin, nil},
	{"protocol", (*wurl.Url).Protocol, (*wurl.Url).SetProtocol},
	{"username", (*wurl.Url).Username, (*wurl.Url).SetUsername},
	{"password", (*wurl.Url).Password, (*wurl.Url).SetPassword},
	{"host", (*wurl.Url).Host, (*wurl.Url).SetHost},
	{"hostname", (*wurl.Url).Hostname, (*wurl.Url).SetHostname},
	{"port", (*wurl.Url).Port, setPort},
	{"pathname", (*wurl.Url).Pathname, (*wurl.Url).SetPathname},
	{"search", (*wurl.Url).Search, (*wurl.Url).SetSearch},
	{"hash", (*wurl.Url).Hash, (*wurl.Url).SetHash},
}

// defineURLAccessors defines href, the attributes and searchParams.
func (rl *Realm) defineURLAccessors(c *jsClass) {
	c.accessor("href", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(thisState[urlState](rl, call).u.Href(false))
	}, func(call goja.FunctionCall) goja.Value {
		s := thisState[urlState](rl, call)
		u, ok := parseURLString(rl.toUSV(call.Argument(0)), nil)
		if !ok {
			rl.throwTypeError("Failed to set the 'href' property on 'URL': the provided value is not of type 'valid URL string'.")
		}
		s.u = u
		s.queryChanged()
		return goja.Undefined()
	})
	for _, a := range urlAttributes {
		get := func(call goja.FunctionCall) goja.Value {
			return rl.vm.ToValue(a.get(thisState[urlState](rl, call).u))
		}
		var set func(call goja.FunctionCall) goja.Value
		if a.set != nil {
			set = func(call goja.FunctionCall) goja.Value {
				s := thisState[urlState](rl, call)
				a.set(s.u, rl.toUSV(call.Argument(0)))
				if a.name == "search" {
					s.queryChanged()
				}
				return goja.Undefined()
			}
		}
		c.accessor(a.name, get, set)
	}
	c.getter("searchParams", func(call goja.FunctionCall) goja.Value {
		return rl.searchParamsOf(thisState[urlState](rl, call))
	})
}

// setPort is the port setter: the empty string removes the port.
func setPort(u *wurl.Url, v string) { u.SetPort(v) }

// queryChanged re-reads searchParams' list from the URL's query after the
// href or search setter (https://url.spec.whatwg.org/#dom-url-search).
func (s *urlState) queryChanged() {
	if s.params != nil {
		s.params.list = parseURLEncoded(s.u.Query())
	}
}

// urlOrigin serializes the URL's origin
// (https://url.spec.whatwg.org/#concept-url-origin).
func urlOrigin(u *wurl.Url) string {
	switch u.Scheme() {
	case "http", "https", "ws", "wss", "ftp":
		return u.Protocol() + "//" + u.Host()
	case "blob":
		inner, ok := parseURLString(u.Pathname(), nil)
		if ok && (inner.Scheme() == "http" || inner.Scheme() == "https") {
			return urlOrigin(inner)
		}
	}
	return "null"
}
