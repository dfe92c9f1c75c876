package bindings

// The node: modules workerd gives as shells: what a worker cannot use
// (threads, processes, a terminal, an inspector, run-time code) is there to
// import, and its functions throw ERR_METHOD_NOT_IMPLEMENTED or answer
// fixed values as workerd's do. Each is a factory in js/node_<name>.js,
// run by nodeSmallModule with nodeSmallHelpers.

import (
	_ "embed"
)

var (
	//go:embed js/node_worker_threads.js
	nodeWorkerThreadsSource string
	//go:embed js/node_module.js
	nodeModuleSource string
	//go:embed js/node_console.js
	nodeConsoleSource string
	//go:embed js/node_readline.js
	nodeReadlineSource string
	//go:embed js/node_tty.js
	nodeTTYSource string
	//go:embed js/node_v8.js
	nodeV8Source string
	//go:embed js/node_vm.js
	nodeVMSource string
	//go:embed js/node_child_process.js
	nodeChildProcessSource string
	//go:embed js/node_cluster.js
	nodeClusterSource string
	//go:embed js/node_inspector.js
	nodeInspectorSource string
	//go:embed js/node_shell_misc.js
	nodeShellMiscSource string
	//go:embed js/node_http2.js
	nodeHTTP2Source string
)

// nodeConstantsSource is node:constants: Node's os, fs and crypto
// constants in one object, as recorded from workerd.
const nodeConstantsSource = `(function (h) { return h.constants("constants"); })`

// nodeShellSources are the shell modules' factories, by module name.
var nodeShellSources = map[string]string{
	"worker_threads":     nodeWorkerThreadsSource,
	"module":             nodeModuleSource,
	"console":            nodeConsoleSource,
	"constants":          nodeConstantsSource,
	"readline":           nodeReadlineSource,
	"readline/promises":  nodeReadlineSource,
	"tty":                nodeTTYSource,
	"v8":                 nodeV8Source,
	"vm":                 nodeVMSource,
	"child_process":      nodeChildProcessSource,
	"cluster":            nodeClusterSource,
	"inspector":          nodeInspectorSource,
	"inspector/promises": nodeInspectorSource,
	"trace_events":       nodeShellMiscSource,
	"wasi":               nodeShellMiscSource,
	"domain":             nodeShellMiscSource,
	"repl":               nodeShellMiscSource,
	"http2":              nodeHTTP2Source,
}

// nodeShellModuleNames are the shell modules' names, for ModulesFor.
var nodeShellModuleNames = []string{
	"worker_threads", "module", "console", "constants", "readline", "readline/promises", "tty", "v8", "vm",
	"child_process", "cluster", "inspector", "inspector/promises", "trace_events", "wasi", "domain", "repl", "http2",
}
