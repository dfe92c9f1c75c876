package bindings_test

import (
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
	"workerhost/internal/config"
)

// nodeOptions are bindings options at a date where nodejs_compat is on.
func nodeOptions(t *testing.T) bindings.Options {
	t.Helper()
	c, err := config.NewCompat("2026-11-17", nil)
	if err != nil {
		t.Fatal(err)
	}
	return bindings.Options{Compat: c}
}

// TestModulesForHasTheSmallModules checks that every module node_small.go
// and node_shells.go make is importable, with and without "node:".
func TestModulesForHasTheSmallModules(t *testing.T) {
	t.Parallel()
	mods := bindings.ModulesFor(nodeOptions(t).Compat)
	for _, name := range []string{"os", "querystring", "util/types", "stream/web", "stream/promises", "stream/consumers",
		"timers/promises", "diagnostics_channel", "punycode", "perf_hooks", "worker_threads", "module", "console", "constants",
		"readline", "readline/promises", "tty", "v8", "vm", "child_process", "cluster", "inspector", "inspector/promises",
		"trace_events", "wasi", "domain", "repl", "http2"} {
		for _, spec := range []string{"node:" + name, name} {
			if _, ok := mods[spec]; !ok {
				t.Errorf("no %q", spec)
			}
		}
	}
}

// nodeRequire is the prelude the tests below share: require(name) gives a
// node module's exports, as the bundled worker's import does.
const nodeRequire = `const require = (name) => globalThis[Symbol.for("workerhost:node")](name);
`

// TestNodeSmallModules runs each module's behaviour that workers lean on
// (the conformance case nodecompat_small compares the rest with workerd).
func TestNodeSmallModules(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, js string }{
		{"querystring", `const qs = require("querystring");
			assertEq(JSON.stringify(qs.parse("a=1&b=x+y&a=%41")), '{"a":["1","A"],"b":"x y"}', "parse");
			assertEq(qs.stringify({ a: [1, 2], b: "x y" }), "a=1&a=2&b=x%20y", "stringify");
			assertEq(qs.unescapeBuffer("%zz%41").toString(), "%zzA", "unescapeBuffer");
			assertThrows(() => qs.escape("\ud800"), "URIError", "URI malformed");`},
		{"punycode", `const p = require("punycode");
			assertEq(p.encode("mañana"), "maana-pta", "encode");
			assertEq(p.toUnicode("xn--maana-pta.com"), "mañana.com", "toUnicode");
			assertEq(p.toASCII("☃-⌘.com"), "xn----dqo34k.com", "toASCII");
			assertThrows(() => p.decode("ü"), "RangeError", "Invalid input");`},
		{"util_types", `const t = require("util/types");
			assertEq(t.isPromise(Promise.resolve()), true, "promise");
			assertEq(t.isPromise({ then() {} }), false, "thenable");
			assertEq(t.isProxy(new Proxy({}, {})), true, "proxy");
			assertEq(t.isDate(Object.create(Date.prototype)), false, "fake date");
			assertEq(t.isUint8Array(require("buffer").Buffer.alloc(1)), true, "buffer");
			assertEq(require("util").types, t, "util.types");`},
		{"os", `const os = require("os");
			assertEq(os.platform() + " " + os.arch() + " " + os.EOL.length, "linux x64 1", "facts");
			assertEq(os.constants.signals.SIGTERM, 15, "signals");
			assertEq(Object.isFrozen(os.constants), true, "frozen");`},
		{"diagnostics_channel", `const dc = require("diagnostics_channel");
			const seen = [];
			dc.subscribe("c", (m, name) => seen.push(name + ":" + m));
			dc.channel("c").publish(1);
			assertEq(seen.join(), "c:1", "published");
			assertEq(dc.hasSubscribers("c"), true, "has");`},
		{"timers_promises", `(async () => {
			const tp = require("timers/promises");
			assertEq(await tp.setTimeout(1, "v"), "v", "setTimeout");
			const err = await tp.setTimeout(1, "v", { signal: AbortSignal.abort() }).catch((e) => e);
			assertEq(err.name + " " + err.code, "AbortError ABORT_ERR", "aborted");
			const it = tp.setInterval(1, "i")[Symbol.asyncIterator]();
			assertEq((await it.next()).value + (await it.next()).value, "ii", "interval");
			assertEq((await it.return()).done, true, "interval return");
		})()`},
		{"shells", `const cp = require("child_process");
			assertThrows(() => cp.spawn("ls"), "Error", "The child_process.spawn method is not implemented");
			assertThrows(() => new (require("worker_threads").Worker)(), "Error", "The Worker method is not implemented");
			assertEq(require("vm").isContext({}), false, "isContext");
			assertEq(require("module").isBuiltin("node:fs"), true, "isBuiltin");`},
		{"process", `const process = require("process");
			const EventEmitter = require("events");
			assertEq(process instanceof EventEmitter, true, "an EventEmitter");
			let got;
			process.on("x", (v) => { got = v; });
			process.emit("x", 1);
			assertEq(got, 1, "emit");
			assertThrows(() => process.setuid(1), "Error", "operation not permitted");
			assertEq(Object.prototype.toString.call(process), "[object process]", "tag");`},
		{"buffer", `const { Buffer } = require("buffer");
			assertEq(Buffer.alloc(4).fill("ab").toString(), "abab", "fill");
			assertEq(Buffer.from("0102", "hex").swap16().toString("hex"), "0201", "swap16");
			assertEq(Buffer.from("abcab").lastIndexOf("ab"), 3, "lastIndexOf");
			assertEq(Buffer.from("hi").hexSlice(0, 2), "6869", "hexSlice");
			assertEq(Buffer.from([1, 255]).inspect(), "<Buffer 01 ff>", "inspect");
			assertThrows(() => Buffer.alloc(3).swap32(), "RangeError", "Buffer size must be a multiple of 32-bits");`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			bindingstest.Run(t, nodeOptions(t), tc.name+"_test.js", nodeRequire+tc.js)
		})
	}
}
