package bindings

// The smaller Node.js modules of nodejs_compat (os, querystring,
// util/types, timers/promises, diagnostics_channel, punycode, perf_hooks,
// the stream/* helpers) and the modules workerd gives only as shells whose
// functions throw ERR_METHOD_NOT_IMPLEMENTED or answer fixed values
// (worker_threads, vm, child_process, ...): each is a factory in
// js/node_<name>.js, run with nodeSmallHelpers.

import (
	_ "embed"
	"encoding/json"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

var (
	//go:embed js/node_small_shared.js
	nodeSmallSharedSource string
	//go:embed js/node_constants.json
	nodeConstantsJSON string
	//go:embed js/node_os.js
	nodeOSSource string
	//go:embed js/node_querystring.js
	nodeQuerystringSource string
	//go:embed js/node_util_types.js
	nodeUtilTypesSource string
	//go:embed js/node_timers_promises.js
	nodeTimersPromisesSource string
	//go:embed js/node_diagnostics_channel.js
	nodeDiagnosticsChannelSource string
	//go:embed js/node_punycode.js
	nodePunycodeSource string
	//go:embed js/node_perf_hooks.js
	nodePerfHooksSource string
	//go:embed js/node_stream_extras.js
	nodeStreamExtrasSource string
)

// nodeSmallSources are the factories of the modules in this file, by
// module name.
var nodeSmallSources = map[string]string{
	"os":                  nodeOSSource,
	"querystring":         nodeQuerystringSource,
	"util/types":          nodeUtilTypesSource,
	"timers/promises":     nodeTimersPromisesSource,
	"diagnostics_channel": nodeDiagnosticsChannelSource,
	"punycode":            nodePunycodeSource,
	"perf_hooks":          nodePerfHooksSource,
	"stream/web":          nodeStreamExtrasSource,
	"stream/promises":     nodeStreamExtrasSource,
	"stream/consumers":    nodeStreamExtrasSource,
}

// nodeSmallModuleNames are the module names nodeSmallModule makes (this
// file's and node_shells.go's), for ModulesFor.
var nodeSmallModuleNames = append([]string{
	"os", "querystring", "util/types", "timers/promises", "diagnostics_channel", "punycode",
	"perf_hooks", "stream/web", "stream/promises", "stream/consumers",
}, nodeShellModuleNames...)

// nodeSmallState is what the realm keeps for the modules of this file and
// node_shells.go.
type nodeSmallState struct {
	helpers   *goja.Object  // nodeSmallHelpers
	jsonParse goja.Callable // JSON.parse, for parseJSON
}

// nodeSmallModule makes one of this file's or node_shells.go's modules,
// or reports that name is not one of them.
func (rl *Realm) nodeSmallModule(name string) (goja.Value, bool) {
	src, ok := nodeSmallSources[name]
	if !ok {
		if src, ok = nodeShellSources[name]; !ok {
			return nil, false
		}
	}
	file := "node_" + strings.NewReplacer("/", "_").Replace(name) + ".js"
	return rl.runNodeFactory(file, src, rl.nodeSmallHelpers(), rl.vm.ToValue(name)), true
}

// nodeSmallHelpers gives the factories the other modules they build on
// (h.require), Node's error shapes and the ES-namespace helper (h.errors),
// and one part of the recorded constants at a time (h.constants(key), a
// fresh copy each call), made once per realm.
func (rl *Realm) nodeSmallHelpers() goja.Value {
	if rl.node.small.helpers != nil {
		return rl.node.small.helpers
	}
	h := rl.vm.NewObject()
	_ = h.Set("require", rl.function("require", func(call goja.FunctionCall) goja.Value {
		return rl.nodeModule(call.Argument(0).String())
	}))
	_ = h.Set("errors", rl.mustRun("node_small_shared.js", nodeSmallSharedSource))
	_ = h.Set("constants", rl.function("constants", func(call goja.FunctionCall) goja.Value {
		return rl.parseJSON(nodeConstantParts()[call.Argument(0).String()])
	}))
	_ = h.Set("normEnc", rl.nodeEncoding())
	rl.setUtilTypesHelpers(h)
	rl.node.small.helpers = h
	return h
}

// setUtilTypesHelpers gives node_util_types.js what JS cannot see of a
// value: goja's class name for it ("Arguments", "Error", ...; "" for a
// primitive), and whether it is a Proxy or a Promise.
func (rl *Realm) setUtilTypesHelpers(h *goja.Object) {
	_ = h.Set("classOf", rl.function("classOf", func(call goja.FunctionCall) goja.Value {
		o, ok := call.Argument(0).(*goja.Object)
		if !ok {
			return rl.vm.ToValue("")
		}
		if _, proxy := o.Export().(goja.Proxy); proxy {
			return rl.vm.ToValue("Proxy")
		}
		return rl.vm.ToValue(o.ClassName())
	}))
	_ = h.Set("isProxy", rl.exportIs(func(v any) bool { _, ok := v.(goja.Proxy); return ok }))
	_ = h.Set("isPromise", rl.exportIs(func(v any) bool { _, ok := v.(*goja.Promise); return ok }))
}

// exportIs is a JS predicate: whether its argument is an object whose
// exported Go value is does.
func (rl *Realm) exportIs(is func(v any) bool) goja.Value {
	return rl.function("exportIs", func(call goja.FunctionCall) goja.Value {
		o, ok := call.Argument(0).(*goja.Object)
		return rl.vm.ToValue(ok && is(o.Export()))
	})
}

//go:embed js/node_buffer_extras.js
var nodeBufferExtrasSource string

// extendBuffer gives node:buffer's Buffer (in buffer, the module) the
// members js/node_buffer_extras.js adds.
func (rl *Realm) extendBuffer(buffer goja.Value) {
	rl.runNodeFactory("node_buffer_extras.js", nodeBufferExtrasSource, rl.nodeSmallHelpers(), buffer.(*goja.Object).Get("Buffer"))
}

// nodeConstantParts splits js/node_constants.json (recorded from workerd:
// os, node:constants, perf_hooks and http2 constants, the built-in module
// list and process.config) into its parts' JSON text, once per process,
// so a module parses only the part it needs.
var nodeConstantParts = sync.OnceValue(func() map[string]string {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(nodeConstantsJSON), &raw); err != nil {
		panic("bindings: js/node_constants.json: " + err.Error())
	}
	parts := make(map[string]string, len(raw))
	for k, v := range raw {
		parts[k] = string(v)
	}
	return parts
})

// parseJSON is JSON.parse(text) in this realm.
func (rl *Realm) parseJSON(text string) goja.Value {
	if rl.node.small.jsonParse == nil {
		rl.node.small.jsonParse, _ = goja.AssertFunction(rl.mustRun("node_json_parse.js", "JSON.parse"))
	}
	v, err := rl.node.small.jsonParse(goja.Undefined(), rl.vm.ToValue(text))
	if err != nil {
		panic(err)
	}
	return v
}

// setTimersPromises makes node:timers' promises (and its default
// export's) node:timers/promises' functions, as workerd's has them: a
// separate object with the same members.
func (rl *Realm) setTimersPromises(timers goja.Value) {
	tp := rl.nodeModule("timers/promises").(*goja.Object)
	promises := rl.vm.NewObject()
	for _, k := range []string{"scheduler", "setImmediate", "setInterval", "setTimeout"} {
		_ = promises.Set(k, tp.Get(k))
	}
	t := timers.(*goja.Object)
	_ = t.Set("promises", promises)
	if def, ok := t.Get("default").(*goja.Object); ok {
		_ = def.Set("promises", promises)
	}
}
