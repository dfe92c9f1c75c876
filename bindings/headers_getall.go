package bindings

// Headers.prototype.getAll, a Cloudflare extension: the Set-Cookie values
// one by one, as getSetCookie() gives them; workerd refuses any other name.

import (
	"github.com/dop251/goja"
)

// installHeadersGetAll adds getAll to Headers; it runs after Headers.
func (rl *Realm) installHeadersGetAll() {
	c := rl.headersClass
	getSetCookie, _ := goja.AssertFunction(c.proto.Get("getSetCookie"))
	c.method("getAll", func(call goja.FunctionCall) goja.Value {
		thisState[headers](rl, call)
		if len(call.Arguments) == 0 {
			rl.throwTypeError("Failed to execute 'getAll' on 'Headers': parameter 1 is not of type 'string'.")
		}
		if lower(rl.headerName(call.Argument(0))) != "set-cookie" {
			rl.throwTypeError(`getAll() can only be used with the header name "Set-Cookie".`)
		}
		v, err := getSetCookie(call.This)
		if err != nil {
			panic(err)
		}
		return v
	})
}
