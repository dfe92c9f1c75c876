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
	{"wazero has neither WebAssembly exception handling nor JS promise integration", []string{
		"WebAssembly.Exception", "WebAssembly.JSTag", "WebAssembly.Tag", "WebAssembly.SuspendError",
		"WebAssembly.Suspending", "WebAssembly.promising"}},
	{"workerhost runs one worker, and tail events go to other workers (tail consumers), so nothing would dispatch these", []string{"TailEvent", "TraceEvent"}},
}

// surfaceDiffers are the other lines where workerhost answers otherwise:
// probes and the unlisted names.
var surfaceDiffers = []Difference{}

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
