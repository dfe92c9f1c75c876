package bindings

// Scheduled events (cron triggers):
// https://developers.cloudflare.com/workers/runtime-apis/handlers/scheduled/
// A module worker's scheduled(controller, env, ctx) gets a
// ScheduledController; a service-worker script's "scheduled" listeners get
// a ScheduledEvent, an ExtendableEvent. Both carry scheduledTime (ms since
// the epoch) and cron as own properties, and noRetry().

import (
	"time"

	"github.com/dop251/goja"
)

// Scheduled is the Go side of one scheduled event: whether the handler
// asked not to be retried. Read it on the loop.
type Scheduled struct {
	noRetry bool
}

// NoRetry reports whether the handler called noRetry().
func (s *Scheduled) NoRetry() bool { return s.noRetry }

// scheduledEvent is the state of a ScheduledEvent.
type scheduledEvent struct {
	event
	*Scheduled
}

// extendsLifetime makes ScheduledEvent an ExtendableEvent (waitUntil).
func (se *scheduledEvent) extendsLifetime() {}

// installScheduledEvent defines ScheduledEvent (a global, as in workerd)
// and ScheduledController (not a global); scripts construct neither.
func (rl *Realm) installScheduledEvent() {
	ev := rl.newClass("ScheduledEvent", rl.extendableEventClass, nil)
	ev.method("noRetry", func(call goja.FunctionCall) goja.Value {
		thisState[scheduledEvent](rl, call).noRetry = true
		return goja.Undefined()
	})
	rl.scheduledEventClass = ev
	ctl := rl.defineClass("ScheduledController", nil, nil, "Illegal constructor")
	ctl.method("noRetry", func(call goja.FunctionCall) goja.Value {
		thisState[Scheduled](rl, call).noRetry = true
		return goja.Undefined()
	})
	rl.scheduledControllerClass = ctl
}

// NewScheduledEvent creates the "scheduled" event for a service-worker
// script. On the loop.
func (rl *Realm) NewScheduledEvent(at time.Time, cron string) (*goja.Object, *Scheduled) {
	s := &Scheduled{}
	o := rl.scheduledEventClass.instance(&scheduledEvent{event: *rl.trustedEvent("scheduled", false), Scheduled: s})
	rl.setScheduledFields(o, at, cron)
	return o, s
}

// NewScheduledController creates the controller a module worker's
// scheduled handler gets. On the loop.
func (rl *Realm) NewScheduledController(at time.Time, cron string) (*goja.Object, *Scheduled) {
	s := &Scheduled{}
	o := rl.scheduledControllerClass.instance(s)
	rl.setScheduledFields(o, at, cron)
	return o, s
}

// setScheduledFields defines scheduledTime and cron on o.
func (rl *Realm) setScheduledFields(o *goja.Object, at time.Time, cron string) {
	for name, v := range map[string]goja.Value{"scheduledTime": rl.vm.ToValue(at.UnixMilli()), "cron": rl.vm.ToValue(cron)} {
		if err := o.DefineDataProperty(name, v, goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			panic(err)
		}
	}
}
