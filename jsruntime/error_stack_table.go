package jsruntime

import (
	"runtime"
	"sync"
	"weak"

	"github.com/dop251/goja"
)

// pendingStack is an error's stack: the frames captured when it was made,
// until the first read renders them.
type pendingStack struct {
	frames   []goja.StackFrame
	message  goja.Value // the message at construction; nil for captureStackTrace
	rendered goja.Value
}

// stackTable finds the pendingStack of an error, so that every error's
// stack accessor can be the same pair of functions (one per runtime)
// rather than two closures made per error. It holds the errors weakly and
// forgets one when it is collected.
type stackTable struct {
	mu sync.Mutex
	m  map[weak.Pointer[goja.Object]]*pendingStack
}

// stackKey is what a collected error's cleanup needs to drop its entry.
type stackKey struct {
	table weak.Pointer[stackTable]
	obj   weak.Pointer[goja.Object]
}

// add records o's stack. On the loop.
func (t *stackTable) add(o *goja.Object, p *pendingStack) {
	key := weak.Make(o)
	t.mu.Lock()
	if t.m == nil {
		t.m = make(map[weak.Pointer[goja.Object]]*pendingStack)
	}
	_, known := t.m[key]
	t.m[key] = p
	t.mu.Unlock()
	if !known {
		runtime.AddCleanup(o, dropStack, stackKey{table: weak.Make(t), obj: key})
	}
}

// get returns o's stack, or nil. On the loop.
func (t *stackTable) get(o *goja.Object) *pendingStack {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.m[weak.Make(o)]
}

// dropStack forgets a collected error. On a goroutine of Go's runtime.
func dropStack(k stackKey) {
	t := k.table.Value()
	if t == nil {
		return
	}
	t.mu.Lock()
	delete(t.m, k.obj)
	t.mu.Unlock()
}

// stackAccessors makes the getter and setter every error's stack uses.
func (s *errorStacks) stackAccessors() (get, set goja.Value) {
	get = s.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		o, ok := call.This.(*goja.Object)
		if !ok {
			return goja.Undefined()
		}
		p := s.table.get(o)
		if p == nil {
			return goja.Undefined()
		}
		if p.rendered == nil {
			p.rendered = s.vm.ToValue(s.header(o, p.message) + renderFrames(p.frames))
			p.frames = nil
		}
		return p.rendered
	})
	set = s.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		o, ok := call.This.(*goja.Object)
		if !ok {
			return goja.Undefined()
		}
		s.table.add(o, &pendingStack{rendered: call.Argument(0)})
		return goja.Undefined()
	})
	return get, set
}
