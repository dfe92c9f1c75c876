package jsruntime

// V8's stack traces (https://v8.dev/docs/stack-trace-api) as workerd gives
// them: Error.captureStackTrace(obj, fn), Error.stackTraceLimit, and a
// `stack` of "Error: msg\n    at fn (file:line:col)" lines on every error
// a script constructs, which error reporters (Sentry, toucan-js) parse.
//
// goja renders its own stack ("\tat fn (file:line:col(pc))") inside the
// engine, for errors it throws itself too. The script-visible error
// constructors are therefore wrappers, written here, around goja's: each
// builds goja's error with the same new.target (so prototypes, instanceof,
// subclasses and the errors goja throws all agree) and gives it V8's
// `stack`: an accessor, as in V8, rendered on first read so that a name or
// message set after construction shows. Errors goja throws itself (a
// TypeError from reading a property of null) keep goja's frames; logs
// render those as V8's too (CleanStack).

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// errorConstructors are the constructors given V8's stacks, with their
// lengths. Error comes first: the others inherit from it.
var errorConstructors = []struct {
	name   string
	length int
}{
	{"Error", 1}, {"TypeError", 1}, {"RangeError", 1}, {"ReferenceError", 1},
	{"SyntaxError", 1}, {"EvalError", 1}, {"URIError", 1}, {"AggregateError", 2},
}

// errorStacks holds what rendering a stack needs, captured before any
// script runs.
type errorStacks struct {
	vm         *goja.Runtime
	toString   goja.Callable // Error.prototype.toString
	fnToString goja.Callable // Function.prototype.toString
	table      stackTable
	// getStack and setStack are the accessor of every error's stack.
	getStack, setStack goja.Value
	errorFn            *goja.Object // the wrapped Error, which holds stackTraceLimit
}

// installErrorStacks replaces the error constructors with V8-stack
// wrappers and defines Error.captureStackTrace and Error.stackTraceLimit.
// Before any script runs.
func installErrorStacks(r *Runtime) {
	vm := r.vm
	g := vm.GlobalObject()
	errProto := vm.Get("Error").(*goja.Object).Get("prototype").(*goja.Object)
	toString, ok := goja.AssertFunction(errProto.Get("toString"))
	if !ok {
		panic("jsruntime: Error.prototype.toString is not a function")
	}
	fnToString, ok := goja.AssertFunction(vm.Get("Function").(*goja.Object).Get("prototype").(*goja.Object).Get("toString"))
	if !ok {
		panic("jsruntime: Function.prototype.toString is not a function")
	}
	s := &errorStacks{vm: vm, toString: toString, fnToString: fnToString}
	s.getStack, s.setStack = s.stackAccessors()
	for _, c := range errorConstructors {
		w := s.wrap(vm.Get(c.name).(*goja.Object), c.name, c.length)
		if s.errorFn == nil {
			s.errorFn = w
		} else {
			must(w.SetPrototype(s.errorFn))
		}
		must(g.DefineDataProperty(c.name, w, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE))
	}
	must(s.errorFn.DefineDataProperty("stackTraceLimit", vm.ToValue(stackTraceLimit), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE))
	capture := vm.ToValue(s.captureStackTrace).(*goja.Object)
	nameFunction(vm, capture, "captureStackTrace", 2)
	must(s.errorFn.DefineDataProperty("captureStackTrace", capture, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE))
}

// wrap returns the script-visible constructor for goja's native one: the
// same prototype and static members, and V8's stack on what it builds.
func (s *errorStacks) wrap(native *goja.Object, name string, length int) *goja.Object {
	construct, ok := goja.AssertConstructor(native)
	if !ok {
		panic("jsruntime: " + name + " is not a constructor")
	}
	var w *goja.Object
	w = s.vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
		newTarget := call.NewTarget
		if newTarget == nil {
			newTarget = w // called as a function: as with new
		}
		obj, err := construct(newTarget, call.Arguments...)
		if err != nil {
			panic(err)
		}
		// V8 shows the message given at construction, and the name
		// current when the stack is read.
		message := obj.Get("message")
		// Skip the frames of subclass constructors between this one and
		// new.target, as V8 does.
		s.attach(obj, name, s.subclassFrames(newTarget, w), "", message)
		return obj
	}).(*goja.Object)
	nameFunction(s.vm, w, name, length)
	proto := native.Get("prototype").(*goja.Object)
	must(w.DefineDataProperty("prototype", proto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE))
	must(proto.DefineDataProperty("constructor", w, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE))
	if name == "Error" { // the others have no static members
		for _, k := range native.GetOwnPropertyNames() {
			switch k {
			case "length", "name", "prototype":
			default: // Error.isError
				must(w.DefineDataProperty(k, native.Get(k), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE))
			}
		}
	}
	return w
}

// nameFunction gives a native function its JS name and length.
func nameFunction(vm *goja.Runtime, fn *goja.Object, name string, length int) {
	must(fn.DefineDataProperty("name", vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE))
	must(fn.DefineDataProperty("length", vm.ToValue(length), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE))
}

// subclassFrames counts the frames the constructors of the classes from
// newTarget up to base (not included) leave on the stack: goja gives an
// explicit constructor a frame and the implicit one none, so only classes
// whose source declares a constructor count, and functions.
func (s *errorStacks) subclassFrames(newTarget, base *goja.Object) int {
	n := 0
	for o := newTarget; o != nil && !o.SameAs(base); o = o.Prototype() {
		if explicitConstructor.MatchString(s.source(o)) {
			n++
		}
	}
	return n
}

// explicitConstructor finds a constructor in a class's source, or a
// function's.
var explicitConstructor = regexp.MustCompile(`^function\b|\bconstructor\s*\(`)

// source is Function.prototype.toString of fn, or "" if that throws.
func (s *errorStacks) source(fn *goja.Object) (src string) {
	defer func() {
		if recover() != nil {
			src = ""
		}
	}()
	v, err := s.fnToString(fn)
	if err != nil {
		return ""
	}
	return v.String()
}

// captureStackTrace is Error.captureStackTrace(obj, fn): obj gets a stack
// of the frames below the innermost call of fn (all frames without fn).
// goja's frames name functions but do not identify them, so fn's frame is
// the innermost one with fn's name.
func (s *errorStacks) captureStackTrace(call goja.FunctionCall) goja.Value {
	obj, ok := call.Argument(0).(*goja.Object)
	if !ok {
		throwTypeError(s.vm, "invalid_argument")
	}
	fnName := ""
	if fn, ok := call.Argument(1).(*goja.Object); ok {
		if _, callable := goja.AssertFunction(fn); callable {
			fnName = fn.Get("name").String()
			if fnName == "" {
				fnName = "<anonymous>"
			}
		}
	}
	s.attach(obj, "captureStackTrace", 0, fnName, nil)
	return goja.Undefined()
}

// attach captures the stack now, skipping the frame of the native function
// self (goja gives a native call a frame, but not a construction), then
// the innermost skip frames (and,
// when below is set, every frame down to the innermost one named below),
// and gives obj the stack accessor, which renders it on first read with
// message, or obj's message then when message is nil.
func (s *errorStacks) attach(obj *goja.Object, self string, skip int, below string, message goja.Value) {
	limit := s.limit()
	var frames []goja.StackFrame
	if limit > 0 {
		frames = s.vm.CaptureCallStack(0, nil)
	}
	if len(frames) > 0 && frames[0].SrcName() == "<native>" && frames[0].FuncName() == self {
		frames = frames[1:]
	}
	for skip > 0 && len(frames) > 0 && frames[0].SrcName() == "<native>" {
		frames = frames[1:] // Reflect.construct, on the way to a constructor
	}
	frames = trimFrames(frames, skip, below)
	if len(frames) > limit {
		frames = frames[:limit]
	}
	// goja renders its own stack first, reading name and message; a
	// subclass whose name getter needs a field not yet set (during super())
	// throws there, and keeps goja's stack.
	if obj.DefineAccessorProperty("stack", s.getStack, s.setStack, goja.FLAG_TRUE, goja.FLAG_FALSE) == nil {
		s.table.add(obj, &pendingStack{frames: frames, message: message})
	}
}

// trimFrames drops the innermost skip frames and, when below is set,
// every frame down to and including the innermost one named below (all of
// them when none is).
func trimFrames(frames []goja.StackFrame, skip int, below string) []goja.StackFrame {
	frames = frames[min(skip, len(frames)):]
	if below == "" {
		return frames
	}
	for i := range frames {
		if frames[i].FuncName() == below {
			return frames[i+1:]
		}
	}
	return nil
}

// limit reads Error.stackTraceLimit: how many frames to keep (none when it
// is not a number, as in V8).
func (s *errorStacks) limit() int {
	v := s.errorFn.Get("stackTraceLimit")
	if v == nil || !goja.IsNumber(v) {
		return 0
	}
	n := v.ToFloat()
	switch {
	case n != n || n <= 0:
		return 0
	case n > 1<<20:
		return 1 << 20
	}
	return int(n)
}

// header is the stack's first line, as Error.prototype.toString renders
// obj ("TypeError: bad"), with message instead of obj's when it is set; or
// "Error" if that throws.
func (s *errorStacks) header(obj *goja.Object, message goja.Value) (h string) {
	defer func() {
		if recover() != nil {
			h = "Error"
		}
	}()
	if message == nil {
		v, err := s.toString(obj)
		if err != nil {
			return "Error"
		}
		return v.String()
	}
	name := "Error"
	if n := obj.Get("name"); n != nil && !goja.IsUndefined(n) {
		name = n.String()
	}
	msg := ""
	if !goja.IsUndefined(message) {
		msg = message.String()
	}
	switch {
	case msg == "":
		return name
	case name == "":
		return msg
	}
	return name + ": " + msg
}

// renderFrames renders frames as V8 does, one "\n    at ..." line each:
// "fn (file:line:col)", "file:line:col" for an anonymous function, and
// "fn (<anonymous>)" for a native one.
func renderFrames(frames []goja.StackFrame) string {
	var b strings.Builder
	for i := range frames {
		f := &frames[i]
		name := f.FuncName()
		pos := f.Position()
		if pos.Filename == "" && f.SrcName() == "<native>" {
			if name == "<native>" || name == "" {
				continue
			}
			b.WriteString("\n    at " + name + " (<anonymous>)")
			continue
		}
		col := pos.Column
		if !strings.HasPrefix(pos.Filename, InternalSourcePrefix) {
			col++ // a source-mapped column is 0-based; V8's are 1-based
		}
		loc := pos.Filename + ":" + strconv.Itoa(pos.Line) + ":" + strconv.Itoa(col)
		if name == "<anonymous>" || name == "" {
			b.WriteString("\n    at " + loc)
		} else {
			b.WriteString("\n    at " + name + " (" + loc + ")")
		}
	}
	return b.String()
}
