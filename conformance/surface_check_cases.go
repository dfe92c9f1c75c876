package conformance

import (
	"os"
	"strings"
)

// surfaceNamesFile lists the names the surface case expects: every global,
// and every member of each global's constructor, prototype or object, as
// workerd 1.20261117.1 has them at the case's compatibility date. It was
// taken from workerd with the case's worker: GET /names.
const surfaceNamesFile = "testdata/surface_names.json"

// surfaceCheckCases check the runtime's surface against workerd's in one
// place: which globals and members exist (a missing one prints "missing",
// one workerd lacks is "unlisted") and how the behaviour probes libraries
// rely on answer. What workerhost lacks, on purpose or for now, is listed
// in surfaceGaps and surfaceDiffers with the reason; the README says so
// too.
var surfaceCheckCases = []Case{
	differing(Case{Name: "surface", Script: "workers/surface.js", Run: func(s *Session) {
		names, err := os.ReadFile(surfaceNamesFile)
		if err != nil {
			s.Record("reading %s: %v", surfaceNamesFile, err)
			return
		}
		recordLines(s, "POST", "/check", string(names))
		recordLines(s, "GET", "/probes", "")
	}}, surfaceDifferences()...),
}

// surfaceGap is a part of workerd's surface that workerhost does not have:
// globals, or members given as "Global.member" or "Global.prototype.member";
// a name ending in "." stands for the members under it only.
type surfaceGap struct {
	why   string
	names []string
}

// surfaceGaps are the names workerhost lacks, each with why.
var surfaceGaps = []surfaceGap{
	{"goja has no shared memory, resizable buffers or float16 arrays", []string{
		"SharedArrayBuffer", "Atomics", "Float16Array", "ArrayBuffer.prototype.resize",
		"DataView.prototype.getFloat16", "DataView.prototype.setFloat16"}},
	{"goja's RegExp has neither the legacy static properties nor the d and v flags", []string{
		"RegExp.$&", "RegExp.$'", "RegExp.$+", "RegExp.$1", "RegExp.$2", "RegExp.$3", "RegExp.$4",
		"RegExp.$5", "RegExp.$6", "RegExp.$7", "RegExp.$8", "RegExp.$9", "RegExp.$_", "RegExp.$`",
		"RegExp.input", "RegExp.lastMatch", "RegExp.lastParen", "RegExp.leftContext", "RegExp.rightContext",
		"RegExp.prototype.hasIndices", "RegExp.prototype.unicodeSets"}},
	{"the iterator proposals V8 ships (and an iterator's Symbol.dispose) are not written yet", []string{
		"Iterator.prototype.[Symbol.dispose]",
		"Iterator.prototype.includes", "Iterator.prototype.join", "Iterator.zip", "Iterator.zipKeyed"}},
	{"wazero has neither WebAssembly exception handling nor JS promise integration", []string{
		"WebAssembly.Exception", "WebAssembly.JSTag", "WebAssembly.Tag", "WebAssembly.SuspendError",
		"WebAssembly.Suspending", "WebAssembly.promising"}},
	{"node:process has the members Workers code uses (env, nextTick, version, platform, cwd, ...), not all of Node's", []string{
		"process.[Symbol.toStringTag]", "process.__proto__._events", "process.__proto__._eventsCount",
		"process.__proto__._maxListeners", "process.__proto__.addListener",
		"process.__proto__.constructor", "process.__proto__.emit", "process.__proto__.eventNames",
		"process.__proto__.getMaxListeners", "process.__proto__.listenerCount",
		"process.__proto__.listeners", "process.__proto__.off", "process.__proto__.on",
		"process.__proto__.once", "process.__proto__.prependListener",
		"process.__proto__.prependOnceListener", "process.__proto__.rawListeners",
		"process.__proto__.removeAllListeners", "process.__proto__.removeListener",
		"process.__proto__.setMaxListeners", "process._channel", "process._debugEnd",
		"process._debugProcess", "process._disconnect", "process._events", "process._eventsCount",
		"process._exiting", "process._fatalException", "process._getActiveHandles",
		"process._getActiveRequests", "process._handleQueue", "process._kill", "process._linkedBinding",
		"process._maxListeners", "process._pendingMessage", "process._preload_modules",
		"process._rawDebug", "process._send", "process._startProfilerIdleNotifier",
		"process._stopProfilerIdleNotifier", "process._tickCallback", "process.abort",
		"process.allowedNodeEnvironmentFlags", "process.assert", "process.availableMemory",
		"process.binding", "process.channel", "process.chdir", "process.config", "process.connected",
		"process.constrainedMemory", "process.cpuUsage", "process.debugPort", "process.dlopen",
		"process.domain", "process.execPath", "process.execve", "process.exit", "process.finalization",
		"process.getActiveResourcesInfo", "process.getBuiltinModule", "process.getSourceMapsSupport",
		"process.getegid", "process.geteuid", "process.getgid", "process.getgroups", "process.getuid",
		"process.hasUncaughtExceptionCaptureCallback", "process.initgroups", "process.kill",
		"process.loadEnvFile", "process.moduleLoadList", "process.noDeprecation", "process.openStdin",
		"process.permission", "process.reallyExit", "process.ref", "process.report",
		"process.resourceUsage", "process.send", "process.setSourceMapsEnabled",
		"process.setUncaughtExceptionCaptureCallback", "process.setegid", "process.seteuid",
		"process.setgid", "process.setgroups", "process.setuid", "process.sourceMapsEnabled",
		"process.stderr", "process.stdin", "process.stdout", "process.threadCpuUsage",
		"process.throwDeprecation", "process.traceDeprecation", "process.umask", "process.unref"}},
	{"node:buffer's Buffer lacks these members of Node's so far", []string{
		"Buffer.of", "Buffer.prototype.[nodejs.util.inspect.custom]", "Buffer.prototype.asciiSlice",
		"Buffer.prototype.asciiWrite", "Buffer.prototype.base64Slice", "Buffer.prototype.base64Write",
		"Buffer.prototype.base64urlSlice", "Buffer.prototype.base64urlWrite", "Buffer.prototype.fill",
		"Buffer.prototype.hexSlice", "Buffer.prototype.hexWrite", "Buffer.prototype.inspect",
		"Buffer.prototype.lastIndexOf", "Buffer.prototype.latin1Slice", "Buffer.prototype.latin1Write",
		"Buffer.prototype.offset", "Buffer.prototype.parent", "Buffer.prototype.swap16",
		"Buffer.prototype.swap32", "Buffer.prototype.swap64", "Buffer.prototype.ucs2Slice",
		"Buffer.prototype.ucs2Write", "Buffer.prototype.utf8Slice", "Buffer.prototype.utf8Write"}},
	{"byte streams and BYOB readers are not written yet (getReader({mode: \"byob\"}) gives a default reader)", []string{
		"ReadableByteStreamController", "ReadableStreamBYOBReader", "ReadableStreamBYOBRequest"}},
	{"tail workers are not supported, so nothing dispatches their events", []string{"TailEvent", "TraceEvent"}},
	{"Intl has getCanonicalLocales, Collator and PluralRules so far; the rest is not written yet", []string{
		"Intl.DateTimeFormat", "Intl.DisplayNames", "Intl.DurationFormat", "Intl.Locale",
		"Intl.RelativeTimeFormat", "Intl.supportedValuesOf", "Intl.v8BreakIterator"}},
	{"workerhost records no resource timings (fetches are not timed), so these entries never exist", []string{
		"PerformanceObserverEntryList.prototype.getEntries", "PerformanceObserverEntryList.prototype.getEntriesByName", "PerformanceObserverEntryList.prototype.getEntriesByType", "PerformanceResourceTiming.prototype.connectEnd", "PerformanceResourceTiming.prototype.connectStart", "PerformanceResourceTiming.prototype.decodedBodySize", "PerformanceResourceTiming.prototype.domainLookupEnd", "PerformanceResourceTiming.prototype.domainLookupStart", "PerformanceResourceTiming.prototype.encodedBodySize", "PerformanceResourceTiming.prototype.fetchStart", "PerformanceResourceTiming.prototype.initiatorType", "PerformanceResourceTiming.prototype.nextHopProtocol", "PerformanceResourceTiming.prototype.redirectEnd", "PerformanceResourceTiming.prototype.redirectStart", "PerformanceResourceTiming.prototype.requestStart", "PerformanceResourceTiming.prototype.responseEnd", "PerformanceResourceTiming.prototype.responseStart", "PerformanceResourceTiming.prototype.responseStatus", "PerformanceResourceTiming.prototype.secureConnectionStart", "PerformanceResourceTiming.prototype.transferSize", "PerformanceResourceTiming.prototype.workerStart"}},
}

// surfaceDiffers are the other lines where workerhost answers otherwise:
// probes and the unlisted names.
var surfaceDiffers = []Difference{
	{Workerd: `  | toLocaleDateString en-GB: "31/01/2024"`, Workerhost: `  | toLocaleDateString en-GB: "01/31/2024"`, Why: intlNotYet},
	{Workerd: `  | toLocaleDateString en-US: "1/31/2024"`, Workerhost: `  | toLocaleDateString en-US: "01/31/2024"`, Why: intlNotYet},
	{
		Workerd:    "  | unlisted: none",
		Workerhost: "  | unlisted: CloseEvent.prototype.code, CloseEvent.prototype.reason, CloseEvent.prototype.wasClean, DOMException.prototype.code, DOMException.prototype.message, DOMException.prototype.name, FetchEvent.prototype.request, MessageEvent.prototype.data, MessageEvent.prototype.lastEventId, MessageEvent.prototype.origin, MessageEvent.prototype.ports, MessageEvent.prototype.source, PromiseRejectionEvent.prototype.promise, PromiseRejectionEvent.prototype.reason",
		Why:        "these are own properties of each instance in workerd and accessors on the prototype here: the same values, but an event made for each WebSocket message or fetch defines no properties",
	},
	{Workerd: `  | Intl.DateTimeFormat: "Thursday, January 1, 1970"`, Workerhost: `  | Intl.DateTimeFormat: throws TypeError: Value is not an object: undefined`, Why: intlNotYet},
}

// intlNotYet is why the locale formatting probes differ.
const intlNotYet = "Intl.DateTimeFormat and NumberFormat are not written yet, so toLocale* formats as goja does"

// surfaceDifferences turns surfaceGaps into the lines of the recording
// they change to "missing" (a global takes its members, and its entries on
// the global scope's prototype, with it), plus surfaceDiffers.
func surfaceDifferences() []Difference {
	data, err := os.ReadFile("testdata/surface.txt")
	if err != nil {
		return nil // the case reports the missing recording
	}
	var out []Difference
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "GET /probes") {
			break // the probes' lines are in surfaceDiffers
		}
		entry, ok := strings.CutPrefix(line, "  | ")
		if !ok {
			continue
		}
		name, _, ok := strings.Cut(entry, ": ")
		if !ok {
			continue
		}
		for _, g := range surfaceGaps {
			if gapCovers(g.names, name) {
				out = append(out, Difference{Workerd: line, Workerhost: "  | " + name + ": missing", Why: g.why})
				break
			}
		}
	}
	return append(out, surfaceDiffers...)
}

// gapCovers reports whether name (a surface line's name) belongs to one of
// names: the name itself, a global's members, or the global's entries on
// the global scope's prototype.
func gapCovers(names []string, name string) bool {
	for _, n := range names {
		if strings.HasSuffix(n, ".") {
			if strings.HasPrefix(name, n) {
				return true
			}
			continue
		}
		for _, form := range []string{n, "global " + n, "constructor.prototype." + n, "ServiceWorkerGlobalScope.prototype." + n} {
			if name == form {
				return true
			}
		}
		if strings.HasPrefix(name, n+".") {
			return true
		}
	}
	return false
}
