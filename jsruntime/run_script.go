package jsruntime

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/dop251/goja"
)

// RunScript runs a compiled worker script's top level. For an ES-module
// worker it returns the module's exports namespace; for a service-worker
// script it returns nil. An exception thrown by the top level comes back as
// a *ScriptError pointing at the user's file and line. On the loop.
func (r *Runtime) RunScript(s *Script) (*goja.Object, error) {
	r.globalScope = true
	completion, err := r.vm.RunProgram(s.Program)
	r.globalScope = false
	var ie *goja.InterruptedError
	if errors.As(err, &ie) {
		r.cpu.claim()
		se := &ScriptError{File: s.Entry, Text: "Uncaught Error: " + errStartupCPUExceeded}
		se.at(s, ie.Stack())
		return nil, se
	}
	if err != nil {
		return nil, topLevelError(s, err)
	}
	if !s.Modules {
		return nil, nil
	}
	ns, ok := completion.(*goja.Object)
	if !ok {
		return nil, fmt.Errorf("failed to run %s: module exports missing", s.Entry)
	}
	return ns, nil
}

// topLevelError positions an exception from a script's top level at the
// innermost frame in the script's own code, which the source map has
// already mapped to the user's file: frames in workerhost's own JS (the Web
// API classes, named with InternalSourcePrefix) and native frames are
// skipped, so `new Headers(5)` points at the line that calls it.
func topLevelError(s *Script, err error) error {
	var ex *goja.Exception
	if !errors.As(err, &ex) {
		return fmt.Errorf("failed to run %s: %w", s.Entry, err)
	}
	se := &ScriptError{File: s.Entry, Text: "Uncaught " + ErrorMessage(ex)}
	se.at(s, ex.Stack())
	return se
}

// at positions se at the innermost frame in the script's own code, with
// the offending line of source.
func (se *ScriptError) at(s *Script, frames []goja.StackFrame) {
	for _, f := range frames {
		pos := f.Position()
		if pos.Filename != "" && pos.Line > 0 && !strings.HasPrefix(pos.Filename, InternalSourcePrefix) {
			// goja hands the source map a 1-based column and reports the
			// 0-based one it gets back, so a mapped Column is 0-based.
			se.File, se.Line, se.Column = pos.Filename, pos.Line, pos.Column
			se.Source = sourceLine(s, pos.Filename, pos.Line)
			return
		}
	}
}

// InternalSourcePrefix starts the name of every piece of JS that workerhost
// itself runs in a runtime ("workerhost:classFactory"), so errors can be
// traced to the user's code instead.
const InternalSourcePrefix = "workerhost:"

// sourceLine reads line n (1-based) of file, named as in a source-mapped
// stack (relative to the bundle's working directory), or returns "" when it
// cannot. A script given as a string is read from its Source.
func sourceLine(s *Script, file string, n int) string {
	var text string
	switch {
	case s.source != "" && file == s.name:
		text = s.source
	default:
		data, err := os.ReadFile(absIn(s.workingDir, file))
		if err != nil {
			return ""
		}
		text = string(data)
	}
	lines := strings.Split(text, "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimRight(lines[n-1], "\r")
}

// ErrGlobalScope is workerd's message for I/O, timers and randomness used
// while a script's top level runs.
const ErrGlobalScope = "Disallowed operation called within global scope. Asynchronous I/O (ex: fetch() or connect()), setting a timeout, and generating random values are not allowed within global scope. To fix this error, perform this operation within a handler. https://developers.cloudflare.com/workers/runtime-apis/handlers/"

// InGlobalScope reports whether a script's top level is running, where
// workerd has no request and its clock reads 0. On the loop.
func (r *Runtime) InGlobalScope() bool { return r.globalScope }

// ForbidInGlobalScope throws workerd's Error when called while a script's
// top level runs. Native functions that do I/O, set timers or generate
// random values call it first. On the loop.
func (r *Runtime) ForbidInGlobalScope() {
	if !r.globalScope {
		return
	}
	ctor, _ := r.vm.Get("Error").(*goja.Object)
	e, err := r.vm.New(ctor, r.vm.ToValue(ErrGlobalScope))
	if err != nil {
		panic(err)
	}
	panic(e)
}
