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
	"time"

	"github.com/dop251/goja"

	"workerhost/internal/doid"
	"workerhost/internal/dostorage"
	"workerhost/jsruntime"
)

//go:embed js/durable_objects.js
var durableObjectsSource string

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
	newNamespace goja.Callable
	hibernateAll goja.Callable
	restore      goja.Callable
	// holdEvents holds an object's other events while its
	// storage.transaction() runs; it returns the release.
	holdEvents goja.Value
	// receiveRef makes the receiver's side of an RPC reference, isStub
	// tells a stub (rpc_clone.go).
	receiveRef goja.Callable
	isStub     func(*goja.Object) bool
	isState    func(goja.Value) bool
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

// installDurableObjects defines the Durable Object classes (not globals:
// scripts reach them through env) and keeps the function that makes a
// namespace.
func (rl *Realm) installDurableObjects() {
	factory, ok := goja.AssertFunction(rl.mustRun("durable_objects.js", durableObjectsSource))
	if !ok {
		panic("bindings: durable_objects.js is not a function")
	}
	v, err := factory(goja.Undefined(), rl.durableObjectHelpers())
	if err != nil {
		panic(err)
	}
	made := v.(*goja.Object)
	rl.durable.newNamespace, _ = goja.AssertFunction(made.Get("newNamespace"))
	rl.durable.hibernateAll, _ = goja.AssertFunction(made.Get("hibernateAll"))
	rl.durable.restore, _ = goja.AssertFunction(made.Get("restore"))
	rl.durable.holdEvents = made.Get("holdEvents")
	rl.durable.receiveRef, _ = goja.AssertFunction(made.Get("receiveRef"))
	isStub, _ := goja.AssertFunction(made.Get("isStub"))
	rl.durable.isStub = func(o *goja.Object) bool {
		r, err := isStub(goja.Undefined(), o)
		return err == nil && r.ToBoolean()
	}
	isState, _ := goja.AssertFunction(made.Get("isState"))
	rl.durable.isState = func(v goja.Value) bool {
		r, err := isState(goja.Undefined(), v)
		return err == nil && r.ToBoolean()
	}
	rl.durable.stores = make(map[*actorStore]struct{})
}

// NewDurableObjectNamespace makes the env binding of a namespace. On the
// loop.
func (rl *Realm) NewDurableObjectNamespace(ns DurableObjectNamespace) (*goja.Object, error) {
	state := &doNamespace{DurableObjectNamespace: ns, ids: doid.NewNamespace(ns.UniqueKey)}
	v, err := rl.durable.newNamespace(goja.Undefined(), rl.vm.ToValue(state), rl.vm.ToValue(ns.UniqueKey), rl.vm.ToValue(ns.ClassName))
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
		if _, err := rl.durable.restore(goja.Undefined(), nsObj, rl.vm.ToValue(hex)); err != nil {
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
	v, err := rl.durable.hibernateAll(goja.Undefined())
	if err != nil {
		return 0
	}
	return int(v.ToInteger())
}

// durableObjectHelpers is what durable_objects.js needs from Go.
func (rl *Realm) durableObjectHelpers() *goja.Object {
	h := rl.vm.NewObject()
	set := func(name string, fn func(call goja.FunctionCall) goja.Value) {
		_ = h.Set(name, rl.function(name, fn))
	}
	_ = h.Set("illegalInvocation", errIllegalInvocation)
	nsOf := func(v goja.Value) *doNamespace { return v.Export().(*doNamespace) }
	set("idFromName", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(doid.NewNamespace(call.Argument(0).String()).FromName(call.Argument(1).String()).String())
	})
	set("newUniqueId", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(doid.NewNamespace(call.Argument(0).String()).Unique().String())
	})
	set("idFromString", func(call goja.FunctionCall) goja.Value {
		id, err := doid.NewNamespace(call.Argument(0).String()).FromString(call.Argument(1).String())
		if err != nil {
			rl.throwTypeError(err.Error())
		}
		return rl.vm.ToValue(id.String())
	})
	set("checkUniqueIdOptions", func(call goja.FunctionCall) goja.Value {
		rl.checkUniqueIdOptions(call.Argument(0))
		return goja.Undefined()
	})
	set("classOf", func(call goja.FunctionCall) goja.Value {
		ns := nsOf(call.Argument(0))
		c := ns.Class()
		if _, ok := goja.AssertConstructor(c); !ok {
			rl.throwTypeError(fmt.Sprintf("Durable Object class %q is not exported by the worker, or is not a class.", ns.ClassName))
		}
		return c
	})
	set("env", func(goja.FunctionCall) goja.Value {
		if rl.workers.env == nil {
			return rl.vm.NewObject()
		}
		return rl.workers.env
	})
	set("current", func(goja.FunctionCall) goja.Value {
		c := rl.rt.Current()
		if c == nil {
			return goja.Null()
		}
		return rl.vm.ToValue(c)
	})
	set("forbidInGlobalScope", func(goja.FunctionCall) goja.Value {
		rl.rt.ForbidInGlobalScope()
		return goja.Undefined()
	})
	set("newActorContext", func(call goja.FunctionCall) goja.Value {
		c := jsruntime.NewIOContext("Durable Object "+call.Argument(0).String(), nil)
		return rl.vm.ToValue(c)
	})
	set("holds", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(call.Argument(0).Export().(*jsruntime.IOContext).Holds())
	})
	set("eventContext", func(call goja.FunctionCall) goja.Value {
		parent := call.Argument(0).Export().(*jsruntime.IOContext)
		aborted, _ := goja.AssertFunction(call.Argument(2))
		// An event aborted (out of CPU time) runs no more jobs: aborted
		// settles it, from a job of its own, with the error's message.
		return rl.vm.ToValue(parent.ChildOnAbort(call.Argument(1).String(), func(err *jsruntime.ThrownError) bool {
			msg, _, _ := strings.Cut(err.Text, "\n")
			msg = strings.TrimPrefix(msg, "Error: ")
			rl.rt.Enqueue(func(*goja.Runtime) {
				if _, err := aborted(goja.Undefined(), rl.vm.ToValue(msg)); err != nil {
					rl.rt.ReportError(err)
				}
			})
			return false
		}))
	})
	set("enqueueIn", func(call goja.FunctionCall) goja.Value {
		ctx, _ := call.Argument(0).Export().(*jsruntime.IOContext)
		fn, ok := goja.AssertFunction(call.Argument(1))
		if !ok {
			panic("bindings: enqueueIn needs a function")
		}
		rl.rt.EnqueueIn(ctx, func(*goja.Runtime) {
			if _, err := fn(goja.Undefined()); err != nil {
				rl.rt.ReportError(err)
			}
		})
		return goja.Undefined()
	})
	set("report", func(call goja.FunctionCall) goja.Value {
		rl.rt.ReportError(&jsruntime.RejectionError{Reason: jsruntime.NewThrownError(call.Argument(0)).Text})
		return goja.Undefined()
	})
	set("waitUntil", func(call goja.FunctionCall) goja.Value {
		rl.waitUntil(call.Argument(0))
		return goja.Undefined()
	})
	set("unsupported", func(call goja.FunctionCall) goja.Value {
		rl.throwUnsupported(call.Argument(0).String())
		return nil
	})
	set("serialize", func(call goja.FunctionCall) goja.Value {
		b, err := rl.Serialize(call.Argument(0))
		if err != nil {
			panic(err)
		}
		return rl.vm.ToValue(&clonedValue{b})
	})
	set("deserialize", func(call goja.FunctionCall) goja.Value {
		v, err := rl.Deserialize(call.Argument(0).Export().(*clonedValue).data)
		if err != nil {
			panic(err)
		}
		return v
	})
	set("serializeRPC", func(call goja.FunctionCall) goja.Value {
		c, err := rl.serializeRPC(call.Argument(0))
		if err != nil {
			panic(err)
		}
		return rl.vm.ToValue(c)
	})
	set("deserializeRPC", func(call goja.FunctionCall) goja.Value {
		v, err := rl.deserializeRPC(call.Argument(0).Export().(*rpcClone))
		if err != nil {
			panic(err)
		}
		return v
	})
	set("openStore", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(rl.openActorStore(nsOf(call.Argument(0)), call.Argument(1).String()))
	})
	set("resetStore", func(call goja.FunctionCall) goja.Value {
		s := call.Argument(0).Export().(*actorStore)
		rl.forgetStore(s)
		s.reset()
		return goja.Undefined()
	})
	set("extendsDurableObject", func(call goja.FunctionCall) goja.Value {
		o, ok := call.Argument(0).(*goja.Object)
		return rl.vm.ToValue(ok && rl.extendsDurableObject(o))
	})
	set("isDurableObjectBase", func(call goja.FunctionCall) goja.Value {
		o, ok := call.Argument(0).(*goja.Object)
		return rl.vm.ToValue(ok && o.SameAs(rl.workers.durableObject.Get("prototype").(*goja.Object)))
	})
	set("newStorage", func(call goja.FunctionCall) goja.Value {
		return rl.newDurableObjectStorage(call.Argument(1).Export().(*actorStore))
	})
	set("setAlarmHandler", func(call goja.FunctionCall) goja.Value {
		s := call.Argument(0).Export().(*actorStore)
		s.alarm.handler, _ = goja.AssertFunction(call.Argument(1))
		s.alarm.hasHandler, _ = goja.AssertFunction(call.Argument(2))
		if at, ok, err := s.st.Alarm(); err == nil && ok {
			s.scheduleAlarm(at)
		}
		return goja.Undefined()
	})
	set("alarmDone", func(call goja.FunctionCall) goja.Value {
		call.Argument(0).Export().(*actorStore).alarmDone(call.Argument(1).ToBoolean(), call.Argument(2).ToInteger())
		return goja.Undefined()
	})
	set("after", func(call goja.FunctionCall) goja.Value {
		fn, _ := goja.AssertFunction(call.Argument(1))
		t := time.AfterFunc(time.Duration(call.Argument(0).ToInteger())*time.Millisecond, func() {
			rl.rt.Enqueue(func(*goja.Runtime) {
				if _, err := fn(goja.Undefined()); err != nil {
					rl.rt.ReportError(err)
				}
			})
		})
		return rl.vm.ToValue(t)
	})
	set("cancel", func(call goja.FunctionCall) goja.Value {
		call.Argument(0).Export().(*time.Timer).Stop()
		return goja.Undefined()
	})
	rl.webSocketHibernationHelpers(set)
	return h
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
