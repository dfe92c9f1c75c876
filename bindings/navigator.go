package bindings

// navigator, as workerd gives it: a Navigator (not constructible) whose
// own read-only data properties say the runtime is "Cloudflare-Workers",
// in English, on one CPU. hono's getRuntimeKey() reads userAgent.

import (
	"github.com/dop251/goja"
)

// navigatorState is the Navigator object's (empty) state, for the brand
// check of its methods.
type navigatorState struct{}

// installNavigator defines Navigator and the navigator global; it runs
// after fetch, which sendBeacon uses.
func (rl *Realm) installNavigator() {
	c := rl.newClass("Navigator", nil, nil)
	fetch, _ := goja.AssertFunction(rl.vm.Get("fetch"))
	c.method("sendBeacon", func(call goja.FunctionCall) goja.Value {
		thisState[navigatorState](rl, call)
		if len(call.Arguments) == 0 {
			rl.throwTypeError("Failed to execute 'sendBeacon' on 'Navigator': parameter 1 is not of type 'string'.")
		}
		rl.sendBeacon(fetch, call.Argument(0).String(), call.Argument(1))
		return rl.vm.ToValue(true)
	})
	if err := c.proto.Get("sendBeacon").(*goja.Object).DefineDataProperty("length", rl.vm.ToValue(0), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE); err != nil {
		panic(err)
	}
	nav := c.instance(&navigatorState{})
	for _, p := range []struct {
		name  string
		value goja.Value
	}{
		{"languages", rl.vm.NewArray("en")},
		{"language", rl.vm.ToValue("en")},
		{"platform", rl.vm.ToValue("")},
		{"hardwareConcurrency", rl.vm.ToValue(1)},
		{"userAgent", rl.vm.ToValue("Cloudflare-Workers")},
	} {
		if err := nav.DefineDataProperty(p.name, p.value, goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
			panic(err)
		}
	}
	rl.global("navigator", nav)
}

// sendBeacon POSTs data to url in the background, as workerd does: the
// request is kept alive until it settles (as by waitUntil), and a failure,
// an invalid URL included, is not reported to the script.
func (rl *Realm) sendBeacon(fetch goja.Callable, url string, data goja.Value) {
	init := rl.vm.NewObject()
	_ = init.Set("method", "POST")
	if !goja.IsUndefined(data) && !goja.IsNull(data) {
		_ = init.Set("body", data)
	}
	var p goja.Value
	if ex := rl.vm.Try(func() {
		v, err := fetch(goja.Undefined(), rl.vm.ToValue(url), init)
		if err != nil {
			panic(err)
		}
		p = v
	}); ex != nil {
		return
	}
	o, ok := p.(*goja.Object)
	if !ok {
		return
	}
	then, ok := goja.AssertFunction(o.Get("then"))
	if !ok {
		return
	}
	ignore := rl.vm.ToValue(func(goja.FunctionCall) goja.Value { return goja.Undefined() })
	settled, err := then(o, ignore, ignore)
	if err != nil {
		return
	}
	rl.waitUntil(settled)
}
