package bindings

// Durable Objects (js/durable_objects.js is the JS side): the namespaces a
// worker's env binds, and the Go helpers the objects need, IDs
// (internal/doid), contexts on the loop, structured clones and storage
// (durable_object_storage.go).

import (
	_ "embed"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"github.com/dop251/goja"

	"workerhost/internal/doid"
	"workerhost/internal/dostorage"
)

// The JS side, in the order it is run: each file is a function of the
// helpers and of the object the files share their names through.
var (
	//go:embed js/durable_objects.js
	durableObjectsSource string
	//go:embed js/durable_object_calls.js
	durableObjectCallsSource string
	//go:embed js/durable_object_actor.js
	durableObjectActorSource string
	//go:embed js/durable_object_state.js
	durableObjectStateSource string
)

// DurableObjectNamespace describes one namespace for
// [Realm.NewDurableObjectNamespace].
type DurableObjectNamespace struct {
	// ClassName is the exported class that runs the namespace's objects.
	ClassName string
	// UniqueKey makes the namespace's IDs ("<worker>-<class>", as wrangler
	// names it).
	UniqueKey string
	// SQL gives the objects ctx.storage.sql (a SQLite-backed class).
	SQL bool
	// Dir is the directory the objects' databases go under, one
	// "<UniqueKey>/<id>.sqlite" each; "" keeps them in memory.
	Dir string
	// Class returns the class once the script's top level has run. On the
	// loop.
	Class func() goja.Value
}

// doNamespace is the Go state of one namespace.
type doNamespace struct {
	DurableObjectNamespace
	ids doid.Namespace
}

// durableObjects is the realm's Durable Object state.
type durableObjects struct {
	// js is the JS side, run on first use (durableJS): most workers have
	// no Durable Objects, and compiling it is a tenth of a cold start.
	js *durableObjectsJS
	// stores are the open databases, closed when the isolate stops;
	// guarded by mu, as Close may run after the loop has gone.
	mu     sync.Mutex
	stores map[*actorStore]struct{}
	closed bool
	// storageClass and transactionClass are made on first use
	// (durable_object_storage.go).
	storageClass, transactionClass *jsClass
	// sqlClass is made on first use (durable_object_sql.go).
	sqlClass *jsClass
	// memory holds the databases kept in memory, by "<unique key>/<id>",
	// so that an object reset keeps what it committed: each instance has
	// an actorStore of its own over it; closed with the stores, guarded by
	// mu.
	memory map[string]*dostorage.Store
}

// durableObjectsJS is what the Durable Objects' JS gives Go.
type durableObjectsJS struct {
	newNamespace goja.Callable
	hibernateAll goja.Callable
	restore      goja.Callable
	// holdEvents holds an object's other events while its
	// storage.transaction() runs; it returns the release.
	holdEvents goja.Value
	// receiveRef makes the receiver's side of an RPC reference, isStub
	// tells a stub (rpc_clone.go), isState a DurableObjectState.
	receiveRef goja.Callable
	isStub     goja.Callable
	isState    goja.Callable
}

// installDurableObjects prepares the realm's Durable Object state. The
// classes are not globals (scripts reach them through env), so their JS
// runs when the first namespace or RPC reference needs it.
func (rl *Realm) installDurableObjects() {
	rl.durable.stores = make(map[*actorStore]struct{})
}

// durableJS runs the Durable Objects' JS on first use and returns what it
// gives. On the loop.
func (rl *Realm) durableJS() *durableObjectsJS {
	if rl.durable.js != nil {
		return rl.durable.js
	}
	helpers, shared := rl.durableObjectHelpers(), rl.vm.NewObject()
	var made *goja.Object
	for _, f := range []struct{ name, src string }{
		{"durable_objects.js", durableObjectsSource},
		{"durable_object_calls.js", durableObjectCallsSource},
		{"durable_object_actor.js", durableObjectActorSource},
		{"durable_object_state.js", durableObjectStateSource},
	} {
		factory, ok := goja.AssertFunction(rl.mustRun(f.name, f.src))
		if !ok {
			panic("bindings: " + f.name + " is not a function")
		}
		v, err := factory(goja.Undefined(), helpers, shared)
		if err != nil {
			panic(err)
		}
		if made == nil {
			made = v.(*goja.Object)
		}
	}
	js := &durableObjectsJS{holdEvents: made.Get("holdEvents")}
	for name, fn := range map[string]*goja.Callable{
		"newNamespace": &js.newNamespace, "hibernateAll": &js.hibernateAll, "restore": &js.restore,
		"receiveRef": &js.receiveRef, "isStub": &js.isStub, "isState": &js.isState,
	} {
		*fn, _ = goja.AssertFunction(made.Get(name))
	}
	rl.durable.js = js
	return js
}

// isDurableObjectStub reports whether o is a Durable Object stub; none
// exists before the Durable Objects' JS has run.
func (rl *Realm) isDurableObjectStub(o *goja.Object) bool {
	if rl.durable.js == nil {
		return false
	}
	r, err := rl.durable.js.isStub(goja.Undefined(), o)
	return err == nil && r.ToBoolean()
}

// isDurableObjectState reports whether v is a DurableObjectState; none
// exists before the Durable Objects' JS has run.
func (rl *Realm) isDurableObjectState(v goja.Value) bool {
	if rl.durable.js == nil {
		return false
	}
	r, err := rl.durable.js.isState(goja.Undefined(), v)
	return err == nil && r.ToBoolean()
}

// NewDurableObjectNamespace makes the env binding of a namespace. On the
// loop.
func (rl *Realm) NewDurableObjectNamespace(ns DurableObjectNamespace) (*goja.Object, error) {
	state := &doNamespace{DurableObjectNamespace: ns, ids: doid.NewNamespace(ns.UniqueKey)}
	v, err := rl.durableJS().newNamespace(goja.Undefined(), rl.vm.ToValue(state), rl.vm.ToValue(ns.UniqueKey), rl.vm.ToValue(ns.ClassName))
	if err != nil {
		return nil, fmt.Errorf("failed to make Durable Object namespace %s: %w", ns.ClassName, err)
	}
	if err := rl.restoreAlarms(v.(*goja.Object), ns); err != nil {
		return nil, err
	}
	return v.(*goja.Object), nil
}

// restoreAlarms loads each object of the namespace whose database holds
// an alarm, so that the alarm fires (at once, if it is past due) without
// waiting for an event to wake the object, as on the platform.
func (rl *Realm) restoreAlarms(nsObj *goja.Object, ns DurableObjectNamespace) error {
	if ns.Dir == "" {
		return nil
	}
	files, err := filepath.Glob(filepath.Join(ns.Dir, ns.UniqueKey, "*.sqlite"))
	if err != nil {
		return nil
	}
	for _, f := range files {
		hex := strings.TrimSuffix(filepath.Base(f), ".sqlite")
		if _, err := doid.NewNamespace(ns.UniqueKey).FromString(hex); err != nil {
			continue // not an object of this namespace
		}
		if !dostorage.HasAlarm(f) {
			continue
		}
		if _, err := rl.durableJS().restore(goja.Undefined(), nsObj, rl.vm.ToValue(hex)); err != nil {
			return fmt.Errorf("failed to restore the alarm of Durable Object %s: %w", hex, err)
		}
	}
	return nil
}

// CloseDurableObjects commits and closes every object's database. Call it
// once the loop has stopped (or from the loop, as its last job).
func (rl *Realm) CloseDurableObjects() {
	d := &rl.durable
	d.mu.Lock()
	stores, memory := d.stores, d.memory
	d.stores, d.memory, d.closed = nil, nil, true
	d.mu.Unlock()
	for s := range stores {
		s.close()
	}
	for _, st := range memory {
		_ = st.Close()
	}
}

// HibernateDurableObjects evicts every object that has only hibernatable
// WebSockets and no event running, as workerd does after a while without
// events, and returns how many it evicted. Their sockets stay open; the
// next event constructs the object again. On the loop.
func (rl *Realm) HibernateDurableObjects() int {
	if rl.durable.js == nil {
		return 0 // no object has been made
	}
	v, err := rl.durable.js.hibernateAll(goja.Undefined())
	if err != nil {
		return 0
	}
	return int(v.ToInteger())
}

// clonedValue is a structured clone in transit between two contexts.
type clonedValue struct{ data []byte }

// jurisdictions are those the platform knows.
var jurisdictions = map[string]bool{"eu": true, "fedramp": true, "fedramp-high": true}

// checkUniqueIdOptions checks newUniqueId's options. A jurisdiction the
// platform knows is accepted and changes nothing locally (workerd throws
// "Jurisdiction restrictions are not implemented in workerd.", which would
// break code written for the platform; a difference on purpose, in the
// README).
func (rl *Realm) checkUniqueIdOptions(v goja.Value) {
	o, ok := v.(*goja.Object)
	if !ok {
		return
	}
	j := o.Get("jurisdiction")
	if j == nil || goja.IsUndefined(j) {
		return
	}
	if !jurisdictions[j.String()] {
		rl.throwTypeError(fmt.Sprintf("Invalid jurisdiction %q: use \"eu\", \"fedramp\" or \"fedramp-high\".", j.String()))
	}
}

// openActorStore opens an object's database for a new instance. One in
// memory is kept for the next instance after a reset, as a file would be;
// each instance has its own actorStore over it, closed at the reset.
func (rl *Realm) openActorStore(ns *doNamespace, hex string) *actorStore {
	d := &rl.durable
	path, key := "", ns.UniqueKey+"/"+hex
	var s *actorStore
	var err error
	if ns.Dir != "" {
		path = filepath.Join(ns.Dir, ns.UniqueKey, hex+".sqlite")
	}
	d.mu.Lock()
	kept := d.memory[key]
	d.mu.Unlock()
	if kept != nil {
		s = &actorStore{rl: rl, st: kept, sql: ns.SQL}
	} else if s, err = openActorStore(rl, path, ns.SQL); err != nil {
		panic(rl.newError("Error", err.Error()))
	}
	d.mu.Lock()
	if d.closed {
		d.mu.Unlock()
		s.close()
		if path == "" && kept == nil {
			_ = s.st.Close()
		}
		panic(rl.newError("Error", "the worker is shutting down"))
	}
	d.stores[s] = struct{}{}
	if path == "" && kept == nil {
		if d.memory == nil {
			d.memory = make(map[string]*dostorage.Store)
		}
		d.memory[key] = s.st
	}
	d.mu.Unlock()
	return s
}

// forgetStore takes s off the list CloseDurableObjects closes.
func (rl *Realm) forgetStore(s *actorStore) {
	rl.durable.mu.Lock()
	delete(rl.durable.stores, s)
	rl.durable.mu.Unlock()
}
