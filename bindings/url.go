package bindings

// URL and URLSearchParams: https://url.spec.whatwg.org/, from goja_nodejs,
// installed without its require() registry.

import (
	"github.com/dop251/goja"
	nodeurl "github.com/dop251/goja_nodejs/url"
)

// installURL defines URL and URLSearchParams.
func (rl *Realm) installURL() {
	module := rl.vm.NewObject()
	exports := rl.vm.NewObject()
	if err := module.Set("exports", exports); err != nil {
		panic(err)
	}
	nodeurl.Require(rl.vm, module)
	rl.urlCtor = exports.Get("URL").(*goja.Object)
	rl.global("URL", rl.urlCtor)
	rl.urlSearchParamsCtor = exports.Get("URLSearchParams").(*goja.Object)
	rl.global("URLSearchParams", rl.urlSearchParamsCtor)
}

// parseURL parses an absolute URL and returns its serialization; it throws
// the URL constructor's TypeError for an invalid one.
func (rl *Realm) parseURL(s string) string {
	u, err := rl.vm.New(rl.urlCtor, rl.vm.ToValue(s))
	if err != nil {
		panic(err)
	}
	return u.Get("href").String()
}

// isURLSearchParams reports whether v is a URLSearchParams.
func (rl *Realm) isURLSearchParams(v goja.Value) bool {
	return rl.vm.InstanceOf(v, rl.urlSearchParamsCtor)
}
