package bindings

// EventSource (js/event_source.js): a server-sent events client over fetch,
// and workerd's EventSource.from(stream).

import (
	_ "embed"

	"github.com/dop251/goja"
)

//go:embed js/event_source.js
var eventSourceSource string

// installEventSource defines EventSource from the globals it builds on.
func (rl *Realm) installEventSource() {
	factory, ok := goja.AssertFunction(rl.mustRun("event_source.js", eventSourceSource))
	if !ok {
		panic("bindings: event_source.js is not a function")
	}
	g := rl.vm.GlobalObject()
	deps := rl.vm.NewObject()
	for _, name := range []string{"EventTarget", "Event", "MessageEvent", "ErrorEvent", "DOMException", "ReadableStream", "TextDecoder", "URL", "fetch", "setTimeout", "clearTimeout", "AbortController"} {
		if err := deps.Set(name, g.Get(name)); err != nil {
			panic(err)
		}
	}
	ctor, err := factory(goja.Undefined(), deps)
	if err != nil {
		panic(err)
	}
	rl.global("EventSource", ctor)
}
