package bindings

// The helpers the Durable Objects' JS side (js/durable_object*.js) calls:
// IDs, contexts and jobs on the loop, clones, storage, alarms and the
// Hibernation API's (durable_object_websockets.go).

import (
	"fmt"
	"strings"
	"time"

	"github.com/dop251/goja"

	"workerhost/internal/doid"
	"workerhost/jsruntime"
)

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
	rl.lifetimeHelpers(set)
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
	set("cancelContext", func(call goja.FunctionCall) goja.Value {
		rl.rt.Cancel(call.Argument(0).Export().(*jsruntime.IOContext))
		return goja.Undefined()
	})
	set("deliverAfterCommit", func(call goja.FunctionCall) goja.Value {
		s := call.Argument(0).Export().(*actorStore)
		ctx, _ := call.Argument(1).Export().(*jsruntime.IOContext)
		fn, _ := goja.AssertFunction(call.Argument(2))
		s.afterCommit(func() {
			rl.rt.EnqueueIn(ctx, func(*goja.Runtime) {
				if _, err := fn(goja.Undefined()); err != nil {
					rl.rt.ReportError(err)
				}
			})
		})
		return goja.Undefined()
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
