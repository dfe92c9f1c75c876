package bindings

// actorStore is one Durable Object's database as the binding uses it: the
// writes of one job go into one batch, committed when the job ends
// (jsruntime.Runtime.AtJobEnd), so that they are on disk before anything
// the job produced reaches another context (workerd's output gate), and
// cost one sync per turn rather than one per put.

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

	// commitQueued: a commit is registered for the end of this job.
	commitQueued bool
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

// write prepares for a write: the batch is open and its commit due at the
// end of this job. On the loop.
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

// queueCommit registers the commit for the end of this job, once.
func (s *actorStore) queueCommit() {
	if s.commitQueued {
		return
	}
	s.commitQueued = true
	s.rl.rt.AtJobEnd(s.commit)
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
}

// reset drops what is not committed and closes the database (abort()),
// for this instance: one in memory stays open for the next (the realm
// closes it).
func (s *actorStore) reset() {
	s.closeOnce.Do(func() {
		s.closed = true
		s.cancelAlarm()
		_ = s.st.Rollback()
		if s.st.Path() != "" {
			_ = s.st.Close()
		}
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
