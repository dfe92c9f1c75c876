package host

// Durable Object namespaces in a worker's env (Options.DurableObjects):
// made before the script runs, so its top level sees them, and checked
// once it has run, against the classes the module exports. The objects
// run on the isolate's own loop (bindings/js/durable_objects.js).

import (
	"fmt"

	"github.com/dop251/goja"

	"workerhost/bindings"
	"workerhost/jsruntime"
)

// defaultWorkerName names a worker whose options give none, in the unique
// keys of its namespaces.
const defaultWorkerName = "worker"

// bindDurableObjects sets each namespace on env. On the loop.
func (iso *isolate) bindDurableObjects(env *goja.Object) error {
	name := iso.opts.Name
	if name == "" {
		name = defaultWorkerName
	}
	for _, d := range iso.opts.DurableObjects {
		className := d.ClassName
		ns, err := iso.realm.NewDurableObjectNamespace(bindings.DurableObjectNamespace{
			ClassName: className,
			UniqueKey: name + "-" + className,
			SQL:       d.SQL,
			Dir:       iso.opts.Storage,
			Class: func() goja.Value {
				if iso.exports == nil {
					return goja.Undefined()
				}
				return iso.exports.Get(className)
			},
		})
		if err != nil {
			return err
		}
		if err := env.Set(d.Binding, ns); err != nil {
			return fmt.Errorf("failed to bind %s: %w", d.Binding, err)
		}
	}
	return nil
}

// checkDurableObjectClasses checks that the module exports each
// namespace's class, as workerd does at start.
func (iso *isolate) checkDurableObjectClasses() error {
	if len(iso.opts.DurableObjects) == 0 {
		return nil
	}
	if iso.exports == nil {
		return &jsruntime.ScriptError{File: iso.script.Entry, Text: "Durable Objects need an ES-module worker: a service-worker script cannot export their classes."}
	}
	for _, d := range iso.opts.DurableObjects {
		v := iso.exports.Get(d.ClassName)
		if _, ok := goja.AssertConstructor(v); !ok {
			return &jsruntime.ScriptError{File: iso.script.Entry, Text: fmt.Sprintf("Durable Object binding %s: the worker exports no class named %s.", d.Binding, d.ClassName)}
		}
	}
	return nil
}

// HibernateDurableObjects evicts, at once, every Durable Object whose
// WebSockets are all hibernatable and that has no event running, as
// workerd does after about ten seconds without events; their sockets stay
// open and the next event constructs the object again. It returns how many
// were evicted. For tests of the Hibernation API.
func (s *Server) HibernateDurableObjects() int {
	n := 0
	for _, iso := range s.current.Load().isolates {
		_ = iso.rt.Do(func(*goja.Runtime) error {
			n += iso.realm.HibernateDurableObjects()
			return nil
		})
	}
	return n
}
