package dostorage_test

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"workerhost/internal/dostorage"
)

func TestMain(m *testing.M) {
	if path := os.Getenv("DOSTORAGE_WRITER"); path != "" {
		writeUntilKilled(path)
		return
	}
	goleak.VerifyTestMain(m)
}

func memory(t *testing.T) *dostorage.Store {
	t.Helper()
	s, err := dostorage.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func keys(entries []dostorage.Entry) string {
	var ks []string
	for _, e := range entries {
		ks = append(ks, e.Key)
	}
	return strings.Join(ks, ",")
}

func TestPutGetDelete(t *testing.T) {
	t.Parallel()
	s := memory(t)
	if err := s.Put([]dostorage.Entry{{Key: "a", Value: []byte("1")}, {Key: "b", Value: []byte("2")}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Put([]dostorage.Entry{{Key: "a", Value: []byte("3")}}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get([]string{"a", "b", "missing"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || string(got["a"]) != "3" || string(got["b"]) != "2" {
		t.Errorf("Get = %q", got)
	}
	n, err := s.Delete([]string{"a", "missing"})
	if err != nil || n != 1 {
		t.Errorf("Delete = %d, %v; want 1", n, err)
	}
}

func TestList(t *testing.T) {
	t.Parallel()
	s := memory(t)
	var entries []dostorage.Entry
	for _, k := range []string{"b", "a", "ab", "a%", "a_", "B", "é", "z", "abc", "a\x7f", "a\x7fz", "ä"} {
		entries = append(entries, dostorage.Entry{Key: k, Value: []byte(k)})
	}
	if err := s.Put(entries); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		opts dostorage.ListOptions
		want string
	}{
		{dostorage.ListOptions{}, "B,a,a%,a_,ab,abc,a\x7f,a\x7fz,b,z,ä,é"}, // UTF-8 byte order
		{dostorage.ListOptions{Prefix: "a"}, "a,a%,a_,ab,abc,a\x7f,a\x7fz"},
		{dostorage.ListOptions{Prefix: "a\x7f"}, "a\x7f,a\x7fz"},
		{dostorage.ListOptions{Prefix: "ä"}, "ä"},
		{dostorage.ListOptions{Prefix: "a%"}, "a%"}, // no LIKE wildcards
		{dostorage.ListOptions{Prefix: "A"}, ""},    // no case folding
		{dostorage.ListOptions{Start: "ab", End: "b"}, "ab,abc,a\x7f,a\x7fz"},
		{dostorage.ListOptions{StartAfter: "ab", End: "z"}, "abc,a\x7f,a\x7fz,b"},
		{dostorage.ListOptions{Reverse: true, Limit: 3}, "é,ä,z"},
		{dostorage.ListOptions{Prefix: "a", Reverse: true, Limit: 2}, "a\x7fz,a\x7f"},
	} {
		got, err := s.List(c.opts)
		if err != nil {
			t.Fatal(err)
		}
		if keys(got) != c.want {
			t.Errorf("List(%+v) = %s, want %s", c.opts, keys(got), c.want)
		}
	}
}

func TestAlarmAndDeleteAll(t *testing.T) {
	t.Parallel()
	s := memory(t)
	if _, ok, err := s.Alarm(); ok || err != nil {
		t.Fatalf("a fresh object has an alarm (%v)", err)
	}
	at := time.UnixMilli(1_800_000_000_123)
	if err := s.SetAlarm(at); err != nil {
		t.Fatal(err)
	}
	if err := s.Put([]dostorage.Entry{{Key: "k", Value: []byte("v")}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Exec(`CREATE TABLE messages (id INTEGER PRIMARY KEY, text TEXT)`); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAll(); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.List(dostorage.ListOptions{}); len(got) != 0 {
		t.Errorf("keys left after DeleteAll: %s", keys(got))
	}
	if err := s.Exec(`CREATE TABLE messages (id INTEGER PRIMARY KEY)`); err != nil {
		t.Errorf("the object's own table survived DeleteAll: %v", err)
	}
	if got, ok, err := s.Alarm(); !ok || err != nil || !got.Equal(at) {
		t.Errorf("alarm after DeleteAll = %v %v %v, want %v (DeleteAll keeps it)", got, ok, err, at)
	}
	if err := s.DeleteAlarm(); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Alarm(); ok {
		t.Error("alarm still set after DeleteAlarm")
	}
	if size, err := s.Size(); err != nil || size <= 0 {
		t.Errorf("Size = %d, %v", size, err)
	}
}

func TestDataSurvivesReopening(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "ChatRoom", "abc.sqlite")
	s, err := dostorage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Put([]dostorage.Entry{{Key: "k", Value: []byte("kept")}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = dostorage.Open(path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, _ := s.Get([]string{"k"}); string(got["k"]) != "kept" {
		t.Errorf("after reopening, k = %q", got["k"])
	}
}

// TestKilledMidWriteLosesNothingAcknowledged runs a writer process that
// puts keys one after another and prints each once Put returned, kills it
// with SIGKILL in the middle, and finds every printed key in the database.
func TestKilledMidWriteLosesNothingAcknowledged(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "obj.sqlite")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "DOSTORAGE_WRITER="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var acked []string
	lines := bufio.NewScanner(out)
	for lines.Scan() && len(acked) < 200 {
		acked = append(acked, lines.Text())
	}
	_ = cmd.Process.Kill()
	for lines.Scan() {
		acked = append(acked, lines.Text())
	}
	_ = cmd.Wait()
	if len(acked) < 200 {
		t.Fatalf("the writer acknowledged only %d keys", len(acked))
	}
	s, err := dostorage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Get(acked)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(acked) {
		t.Errorf("%d of %d acknowledged keys survived the kill", len(got), len(acked))
	}
}

// writeUntilKilled is the writer process of the test above.
func writeUntilKilled(path string) {
	s, err := dostorage.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	value := []byte(strings.Repeat("v", 4096))
	for i := 0; ; i++ {
		k := fmt.Sprintf("key-%06d", i)
		if err := s.Put([]dostorage.Entry{{Key: k, Value: value}}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println(k)
	}
}
