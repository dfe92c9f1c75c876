package dostorage_test

import (
	"path/filepath"
	"testing"

	"workerhost/internal/dostorage"
)

func TestBatchIsCommittedTogetherAndSeenBeforeCommit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "o.sqlite")
	s, err := dostorage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Begin(); err != nil {
		t.Fatal(err)
	}
	if err := s.Put([]dostorage.Entry{{Key: "a", Value: []byte("1")}}); err != nil {
		t.Fatal(err)
	}
	// A failed write inside the batch undoes only itself.
	if err := s.Savepoint("t1"); err != nil {
		t.Fatal(err)
	}
	if err := s.Put([]dostorage.Entry{{Key: "b", Value: []byte("2")}}); err != nil {
		t.Fatal(err)
	}
	if err := s.RollbackTo("t1"); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get([]string{"a", "b"})
	if err != nil || string(got["a"]) != "1" || got["b"] != nil {
		t.Fatalf("inside the batch: %q, %v", got, err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := s.Begin(); err != nil {
		t.Fatal(err)
	}
	if err := s.Put([]dostorage.Entry{{Key: "c", Value: []byte("3")}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Rollback(); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = dostorage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err = s.Get([]string{"a", "b", "c"})
	if err != nil || len(got) != 1 || string(got["a"]) != "1" {
		t.Fatalf("after reopening: %q, %v", got, err)
	}
}
