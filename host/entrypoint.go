package host

// A module worker's entry points, read at startup as workerd reads them: the
// default export is an object of handlers (`export default { fetch }`) or a
// class extending WorkerEntrypoint from "cloudflare:workers", whose instance,
// made anew for each event, handles it.

import (
	"fmt"
	"sort"

	"github.com/dop251/goja"

	"workerhost/bindings"
	"workerhost/internal/config"
	"workerhost/jsruntime"
)

// entrypoint is what handles a module's fetch events; it is set at
// startup and read on the loop.
type entrypoint struct {
	// handlers is the default export when it is an object with a fetch
	// method.
	handlers *goja.Object
	// class is the default export when it is a stateless class (extending
	// WorkerEntrypoint or WorkflowEntrypoint).
	class *goja.Object
	// listeners is set when the default export is a class workerd takes
	// for a Durable Object: it handles nothing, and events go to the
	// global `fetch` listeners, as workerd falls back to them.
	listeners bool
}

// errActorDefault is workerd's log line for a default export it takes for
// a Durable Object class.
const errActorDefault = "Exported actor class as default entrypoint. This doesn't work, but historically did not produce a startup-time error."

// checkEntryPoint fails a module worker whose exports workerd refuses, with
// workerd's message, and finds what handles its fetch events. On the loop.
func (iso *isolate) checkEntryPoint() error {
	if iso.exports == nil {
		return nil
	}
	if err := iso.checkExportTypes(); err != nil {
		return err
	}
	def := iso.exports.Get("default")
	kind, err := iso.realm.EntrypointKindOf(def)
	if err != nil {
		return &jsruntime.ScriptError{File: iso.script.Entry, Text: "Uncaught " + jsruntime.ErrorMessage(err)}
	}
	switch kind {
	case bindings.StatelessClass:
		iso.entry.class = def.(*goja.Object)
		return nil
	case bindings.ActorClass:
		iso.entry.listeners = true
		if iso.opts.LogLevel.Allows(config.LevelWarn) {
			fmt.Fprintf(iso.opts.Log, "[workerhost:warn] %s\n", errActorDefault)
		}
		return nil
	}
	// A handler object needs fetch, or scheduled for a worker that only
	// runs on cron triggers (a fetch to it fails as in workerd).
	handlers, ok := def.(*goja.Object)
	if ok {
		_, hasFetch := goja.AssertFunction(handlers.Get("fetch"))
		_, hasScheduled := goja.AssertFunction(handlers.Get("scheduled"))
		ok = hasFetch || hasScheduled
	}
	if !ok {
		return &jsruntime.ScriptError{File: iso.script.Entry, Text: "Handler does not export a fetch() function."}
	}
	iso.entry.handlers = handlers
	return nil
}

// checkExportTypes refuses an export that is neither an object nor a
// function, as workerd does, naming the first in alphabetical order.
func (iso *isolate) checkExportTypes() error {
	names := iso.exports.Keys()
	sort.Strings(names)
	for _, name := range names {
		v := iso.exports.Get(name)
		var text string
		switch {
		case v == nil || goja.IsUndefined(v) || goja.IsNull(v):
			text = "Uncaught TypeError: Cannot initialize N7workerd3api15ExportedHandlerE with required members from an undefined or null value."
		case !isObject(v):
			text = fmt.Sprintf("Uncaught TypeError: Incorrect type for map entry '%s': the provided value is not of type 'function or ExportedHandler'.", name)
		default:
			continue
		}
		return &jsruntime.ScriptError{File: iso.script.Entry, Text: text}
	}
	return nil
}

// isObject reports whether v is an object or a function.
func isObject(v goja.Value) bool {
	_, ok := v.(*goja.Object)
	return ok
}

// invokeModule calls the module's fetch handler for one request and returns
// what it produced (a Response or a promise of one). For a class entry
// point it makes the event's instance, then calls its fetch(request) with
// env and ctx undefined, as workerd does (they are this.env and this.ctx).
// On the loop.
func (iso *isolate) invokeModule(req *goja.Object) (goja.Value, error) {
	ctx := iso.realm.NewExecutionContext()
	if iso.entry.handlers != nil {
		fetch, ok := goja.AssertFunction(iso.entry.handlers.Get("fetch"))
		if !ok {
			return nil, iso.realm.NoFetchHandler()
		}
		return fetch(iso.entry.handlers, req, iso.env, ctx)
	}
	instance, fetchV, err := iso.realm.NewEntrypoint(iso.entry.class, ctx, iso.env)
	if err != nil {
		return nil, err
	}
	fetch, ok := goja.AssertFunction(fetchV)
	if !ok {
		return nil, iso.realm.NoFetchHandler()
	}
	return fetch(instance, req, goja.Undefined(), goja.Undefined())
}
