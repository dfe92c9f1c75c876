package bindings

// The remaining small node: modules: node:sys (node:util under its old
// name), node:dgram (a UDP socket that does nothing, as workerd's) and
// Node's old internal stream module names (_stream_duplex and the rest,
// js/node_stream_alias.js, and _stream_wrap, js/node_stream_wrap.js),
// which read node:stream's exports when first used.

import (
	_ "embed"

	"github.com/dop251/goja"
)

var (
	//go:embed js/node_dgram.js
	nodeDgramSource string
	//go:embed js/node_stream_alias.js
	nodeStreamAliasSource string
	//go:embed js/node_stream_wrap.js
	nodeStreamWrapSource string
)

// nodeAliasSources are this file's factories, by module name, run as
// node_small.go's are.
var nodeAliasSources = map[string]string{
	"dgram":               nodeDgramSource,
	"_stream_duplex":      nodeStreamAliasSource,
	"_stream_readable":    nodeStreamAliasSource,
	"_stream_writable":    nodeStreamAliasSource,
	"_stream_transform":   nodeStreamAliasSource,
	"_stream_passthrough": nodeStreamAliasSource,
	"_stream_wrap":        nodeStreamWrapSource,
}

// nodeAliasModuleNames are the module names nodeAliasModule makes, for
// ModulesFor.
var nodeAliasModuleNames = []string{
	"sys", "dgram", "_stream_duplex", "_stream_readable", "_stream_writable", "_stream_transform", "_stream_passthrough", "_stream_wrap",
}

// nodeAliasModule makes one of this file's modules, or reports that name
// is not one of them.
func (rl *Realm) nodeAliasModule(name string) (goja.Value, bool) {
	if name == "sys" {
		return rl.nodeModule("util"), true
	}
	src, ok := nodeAliasSources[name]
	if !ok {
		return nil, false
	}
	return rl.runNodeFactory("node_"+name+".js", src, rl.nodeSmallHelpers(), rl.vm.ToValue(name)), true
}
