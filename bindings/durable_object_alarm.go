package bindings

// A Durable Object's alarm: a time kept in its database (setAlarm), at
// which the object's alarm() handler runs, as a job of the object, and is
// retried when it throws:
// https://developers.cloudflare.com/durable-objects/api/alarms/

import (
	"time"

	"github.com/dop251/goja"
)

// alarmRetries is how many times workerd retries an alarm() that throws,
// with backoff starting at alarmBackoff and doubling.
const (
	alarmRetries = 6
	alarmBackoff = 2 * time.Second
)

// alarmState is an object's scheduled alarm; loop only, except the timer.
type alarmState struct {
	timer   *time.Timer
	at      time.Time
	handler goja.Callable // the JS Actor's runAlarm(retryCount, at)
	// hasHandler tells whether the object's class has alarm().
	hasHandler goja.Callable
	retries    int
	// running is set while alarm() runs for the alarm at runningAt.
	running   bool
	runningAt int64
}

// scheduleAlarm arms the timer for t, replacing any. On the loop.
func (s *actorStore) scheduleAlarm(t time.Time) {
	s.cancelAlarm()
	s.alarm.at = t
	s.alarm.retries = 0
	s.armAlarm(time.Until(t))
}

// armAlarm fires the alarm after d.
func (s *actorStore) armAlarm(d time.Duration) {
	rl := s.rl
	s.alarm.timer = time.AfterFunc(max(d, 0), func() {
		rl.rt.Enqueue(func(*goja.Runtime) { s.fireAlarm() })
	})
}

// cancelAlarm stops the timer. On the loop (or after it stopped).
func (s *actorStore) cancelAlarm() {
	if s.alarm.timer != nil {
		s.alarm.timer.Stop()
		s.alarm.timer = nil
	}
}

// fireAlarm runs the object's alarm() if the stored alarm is due. On the
// loop.
func (s *actorStore) fireAlarm() {
	s.alarm.timer = nil
	if s.closed || s.alarm.handler == nil {
		return
	}
	at, ok, err := s.st.Alarm()
	if err != nil || !ok {
		return
	}
	if wait := time.Until(at); wait > 0 {
		s.alarm.at = at
		s.armAlarm(wait)
		return
	}
	s.alarm.running, s.alarm.runningAt = true, at.UnixMilli()
	if _, err := s.alarm.handler(goja.Undefined(), s.rl.vm.ToValue(s.alarm.retries), s.rl.vm.ToValue(at.UnixMilli())); err != nil {
		s.rl.rt.ReportError(err)
	}
}

// alarmDone records how the alarm() handler for the alarm at ms ended: on
// success the alarm is deleted, unless the handler set a new one; on
// failure it is retried with backoff, up to alarmRetries times. On the
// loop.
func (s *actorStore) alarmDone(ok bool, ms int64) {
	s.alarm.running = false
	if s.closed {
		return
	}
	at, set, err := s.st.Alarm()
	if err != nil {
		return
	}
	reset := set && at.UnixMilli() != ms
	if ok || reset {
		s.alarm.retries = 0
		if !reset && set {
			_ = s.write()
			_ = s.st.DeleteAlarm()
		}
		return
	}
	if s.alarm.retries >= alarmRetries {
		s.alarm.retries = 0
		_ = s.write()
		_ = s.st.DeleteAlarm()
		return
	}
	s.alarm.retries++
	s.armAlarm(alarmBackoff << (s.alarm.retries - 1))
}
