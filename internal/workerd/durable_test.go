package workerd

import (
	"io"
	"net/http"
	"testing"

	"workerhost/internal/doid"
)

// TestDurableObjectNamespace runs a worker with a Durable Object namespace
// on workerd: the object keeps its count between calls in its SQL database
// (which workerd's in-memory storage would not have), and workerd's ID
// for a name is the one internal/doid makes with the same unique key.
func TestDurableObjectNamespace(t *testing.T) {
	bin := requireWorkerd(t)
	const key = "worker-Counter"
	p, err := StartScript(bin, "testdata/durable.js", Options{CompatibilityDate: "2026-11-17",
		DurableObjects: []DurableObject{{Binding: "COUNTERS", ClassName: "Counter", UniqueKey: key, SQL: true}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	resp, err := http.Get(p.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if want := doid.NewNamespace(key).FromName("foo").String() + " 2"; string(body) != want {
		t.Errorf("workerd answered %q, want %q", body, want)
	}
}
