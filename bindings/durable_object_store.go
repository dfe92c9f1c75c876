package bindings

// actorStore is one Durable Object's database as the binding uses it. A
// write opens a batch, and a job queued behind the loop's current work
// commits it: the writes of every event the loop runs meanwhile join the
// same batch and the same sync, as workerd coalesces the writes of
// concurrent events. What an event produced for another context (a
// response, an RPC result) waits for the commit (afterCommit): workerd's
// output gate.

import (
	"fmt"
	"sync"

	"github.com/dop251/goja"

	"workerhost/internal/dostorage"
)

type actorStore struct {
	rl  *Realm
	st  *dostorage.Store
	sql bool

	// commitQueued: a job that commits the batch is queued.
	commitQueued bool
	// waiting runs once the open batch is committed (afterCommit).
	waiting []func()
	// txDepth counts transaction() calls not yet settled; the batch is
	// not committed while one is open.
	txDepth int
	// closeOnce closes the database once, from the loop or after it.
	closeOnce sync.Once
	closed    bool
	// alarm is the scheduled alarm (durable_object_alarm.go).
	alarm alarmState
	// sqlObj is ctx.storage.sql, once read.
	sqlObj *goja.Object
}

// openActorStore opens the database at path ("" in memory).
func openActorStore(rl *Realm, path string, sql bool) (*actorStore, error) {
	var st *dostorage.Store
	var err error
	if path == "" {
		st, err = dostorage.OpenMemory()
	} else {
		st, err = dostorage.Open(path)
	}
	if err != nil {
		return nil, fmt.Errorf("failed to open Durable Object storage: %w", err)
	}
	return &actorStore{rl: rl, st: st, sql: sql}, nil
}

// write prepares for a write: the batch is open and its commit queued.
// On the loop.
func (s *actorStore) write() error {
	if s.closed {
		return fmt.Errorf("Durable Object storage is closed")
	}
	if err := s.st.Begin(); err != nil {
		return err
	}
	s.queueCommit()
	return nil
}

// queueCommit queues the job that commits the batch, once.
func (s *actorStore) queueCommit() {
	if s.commitQueued {
		return
	}
	s.commitQueued = true
	s.rl.rt.Enqueue(func(*goja.Runtime) { s.commit() })
}

// afterCommit runs fn once the writes made so far are on disk: at once if
// none waits. On the loop.
func (s *actorStore) afterCommit(fn func()) {
	if !s.st.InBatch() || s.closed {
		fn()
		return
	}
	s.waiting = append(s.waiting, fn)
}

// commit commits the batch, unless a transaction is still open (it queues
// the commit again when it ends).
func (s *actorStore) commit() {
	s.commitQueued = false
	if s.txDepth > 0 || s.closed {
		return
	}
	if err := s.st.Commit(); err != nil {
		s.rl.rt.ReportError(fmt.Errorf("Durable Object storage: %w", err))
	}
	s.release()
}

// release runs what waited for the commit.
func (s *actorStore) release() {
	waiting := s.waiting
	s.waiting = nil
	for _, fn := range waiting {
		fn()
	}
}

// reset drops what is not committed and closes the database (abort()),
// for this instance: one in memory stays open for the next (the realm
// closes it). What waited for a commit goes on (the events failed).
func (s *actorStore) reset() {
	s.closeOnce.Do(func() {
		s.closed = true
		s.cancelAlarm()
		_ = s.st.Rollback()
		if s.st.Path() != "" {
			_ = s.st.Close()
		}
		s.release()
	})
}

// close commits what is pending and closes the database (one in memory
// is the realm's to close).
func (s *actorStore) close() {
	s.closeOnce.Do(func() {
		s.closed = true
		s.cancelAlarm()
		_ = s.st.Commit()
		if s.st.Path() != "" {
			_ = s.st.Close()
		}
	})
}
