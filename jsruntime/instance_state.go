package jsruntime

import (
	"runtime"
	"sync"
	"weak"

	"github.com/dop251/goja"
)

// instanceState is the Go state of an instance of a builtinClass: one of
// its fields is set, by the class's constructor.
type instanceState struct {
	weakRef  *weakRef
	registry *registry
}

// instanceStates finds the Go state of the instances of builtinClasses.
//
// Who holds what matters here. The instance owns its state: the state sits
// in a class private field of the instance (see builtinClassSource), which
// goja keeps inside the object, invisible to scripts (no property, not even
// a symbol, shows in Reflect.ownKeys), so state that refers back to the
// instance (a registry's callback closing over the registry) is a cycle the
// collector frees. The table holds both instance and state weakly, and
// answers the brand check in Go: reading the private field back would mean
// calling JS from a native method, and goja then keeps the caller's scope
// in a stale call-stack entry until another call at that depth overwrites
// it, which can keep a weak target alive.
type instanceStates struct {
	mu sync.Mutex
	m  map[weak.Pointer[goja.Object]]weak.Pointer[instanceState]
}

// instanceKey is what an instance's cleanup needs to drop its entry: plain
// weak pointers, so that neither the instance nor the table is kept alive.
type instanceKey struct {
	table    weak.Pointer[instanceStates]
	instance weak.Pointer[goja.Object]
}

// add records that o (a new instance) owns state. On the loop.
func (t *instanceStates) add(o *goja.Object, state *instanceState) {
	key := weak.Make(o)
	t.mu.Lock()
	if t.m == nil {
		t.m = make(map[weak.Pointer[goja.Object]]weak.Pointer[instanceState])
	}
	t.m[key] = weak.Make(state)
	t.mu.Unlock()
	runtime.AddCleanup(o, dropInstance, instanceKey{table: weak.Make(t), instance: key})
}

// dropInstance forgets a collected instance. On a goroutine of Go's
// runtime.
func dropInstance(k instanceKey) {
	t := k.table.Value()
	if t == nil {
		return
	}
	t.mu.Lock()
	delete(t.m, k.instance)
	t.mu.Unlock()
}

// get returns the state v owns, or nil when v is not an instance (a
// primitive, a plain object, an object inheriting from an instance, a
// Proxy of one). On the loop.
func (t *instanceStates) get(v goja.Value) *instanceState {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	t.mu.Lock()
	state, ok := t.m[weak.Make(o)]
	t.mu.Unlock()
	if !ok {
		return nil
	}
	return state.Value()
}
