package jsruntime

import (
	"sync"

	"github.com/dop251/goja"
)

// internalPrograms caches the compiled form of workerhost's own JS
// sources (polyfills, class factories, streams) by name. A goja Program
// belongs to no runtime, so every isolate the process starts runs the
// same one instead of parsing and compiling the source again: a fifth of
// an isolate's start.
var internalPrograms sync.Map // name → internalProgram

// internalProgram is a compiled source and the source it came from.
type internalProgram struct {
	prog *goja.Program
	src  string
}

// RunInternal runs one of workerhost's own sources, named name (shown in
// stacks with InternalSourcePrefix), compiling it once per process. The
// same name must always come with the same source: two sources under one
// name panic, rather than one silently running the other's program.
func RunInternal(vm *goja.Runtime, name, src string) (goja.Value, error) {
	p, ok := internalPrograms.Load(name)
	if !ok {
		prog, err := goja.Compile(InternalSourcePrefix+name, src, false)
		if err != nil {
			return nil, err
		}
		p, _ = internalPrograms.LoadOrStore(name, internalProgram{prog: prog, src: src})
	}
	ip := p.(internalProgram)
	if ip.src != src {
		panic("jsruntime: two internal sources are named " + name)
	}
	return vm.RunProgram(ip.prog)
}
