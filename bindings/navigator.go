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

// installNavigator defines Navigator and the navigator global.
func (rl *Realm) installNavigator() {
	c := rl.newClass("Navigator", nil, nil)
	c.method("sendBeacon", func(call goja.FunctionCall) goja.Value {
		thisState[navigatorState](rl, call)
		rl.throwUnsupported("navigator.sendBeacon()")
		return nil
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
