package workerd

import (
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"
)

// requireWorkerd returns the workerd binary, skipping the test where it is
// not installed, except in CI, where that is a failure.
func requireWorkerd(t *testing.T) string {
	t.Helper()
	bin, err := Find()
	if err == nil {
		return bin
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("workerd is required in CI: %v", err)
	}
	t.Skipf("workerd not installed (%v): run `npm ci` in conformance/", err)
	return ""
}

func TestStartScriptServesBothKinds(t *testing.T) {
	bin := requireWorkerd(t)
	for _, tc := range []struct {
		script, body, log string
	}{
		{"testdata/module.js", "hi hello 3 true", "module hi"},
		{"testdata/service-worker.js", "hi from a service worker", "service-worker hi"},
	} {
		t.Run(tc.script, func(t *testing.T) {
			t.Parallel()
			p, err := StartScript(bin, tc.script, Options{CompatibilityDate: "2026-11-17", Vars: map[string]string{"GREETING": "hi"}}, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			if got := get(t, p.URL); got != tc.body {
				t.Errorf("body = %q, want %q", got, tc.body)
			}
			waitForLog(t, p, tc.log)
		})
	}
}

// get fetches url and returns the body.
func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(body)
}

// waitForLog waits for workerd to print line, which it may do after the
// response has been sent.
func waitForLog(t *testing.T, p *Process, line string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(p.Logs(), line) {
		if time.Now().After(deadline) {
			t.Fatalf("workerd never printed %q; logs:\n%s", line, p.Logs())
		}
		time.Sleep(10 * time.Millisecond)
	}
}
