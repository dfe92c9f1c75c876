package conformance

// The conformance suite. Each case in cases.go runs a worker and drives it
// with a real client; the transcript is compared with the one recorded from
// workerd in testdata/<case>.txt.
//
// Where workerd is installed (`npm ci` in this directory; always in CI) each
// case also runs on workerd live, and the test fails if workerd no longer
// matches its recording. To re-record after changing a case:
//
//	go test ./conformance -run TestConformance -update
//
// then review the diff of testdata/.

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"workerhost/internal/workerd"
)

var update = flag.Bool("update", false, "re-record each case's transcript from workerd")

// recordingHeader starts every recording and names the workerd that made it.
func recordingHeader() string {
	return "# recorded from workerd " + workerd.PinnedVersion + "\n"
}

func TestConformance(t *testing.T) {
	bin, err := workerd.Find()
	live := err == nil
	switch {
	case !live && os.Getenv("CI") == "true":
		t.Fatalf("workerd is required in CI: %v", err)
	case !live && *update:
		t.Fatalf("-update needs workerd: %v", err)
	case !live:
		t.Logf("workerd not installed (%v): comparing with the recordings only; run `npm ci` in conformance/ for the live comparison", err)
	}
	for _, c := range allCases() {
		t.Run(c.Name, func(t *testing.T) {
			t.Parallel()
			requireNeeds(t, c)
			requireBuild(t, c)
			path := filepath.Join("testdata", c.Name+".txt")
			if live {
				got := runCase(t, c, func(c Case) (*running, error) { return startOnWorkerd(c, bin) })
				if *update {
					if err := os.WriteFile(path, []byte(recordingHeader()+got), 0o644); err != nil {
						t.Fatal(err)
					}
				} else if want := readRecording(t, path); got != want {
					t.Errorf("workerd no longer matches its recording %s:\n%s", path, diff(want, got))
				}
			}
			want := expectedOfWorkerhost(t, readRecording(t, path), c.Differs)
			got := runCase(t, c, startWorkerhost)
			if got != want {
				t.Errorf("workerhost differs from workerd (%s):\n%s", path, diff(want, got))
			}
		})
	}
}

// runCase starts the worker with start, runs the scenario and returns its
// transcript.
func runCase(t *testing.T, c Case, start func(Case) (*running, error)) string {
	t.Helper()
	redact := map[string]string{}
	if c.Upstream {
		up := startUpstream()
		defer up.Close()
		vars := map[string]string{"UPSTREAM": up.URL + "/", "UPSTREAM_WS": "ws" + strings.TrimPrefix(up.URL, "http") + "/"}
		for k, v := range c.Vars {
			vars[k] = v
		}
		c.Vars = vars
		redact[strings.TrimPrefix(up.URL, "http://")] = "UPSTREAM_HOST"
		tcp, err := startTCPUpstream()
		if err != nil {
			t.Fatalf("failed to start the TCP upstream: %v", err)
		}
		defer tcp.Close()
		c.Vars["UPSTREAM_TCP"] = tcp.Addr()
	}
	r, err := start(c)
	if err != nil {
		t.Fatalf("failed to start %s: %v", c.Script, err)
	}
	defer r.stop()
	s := newSession(t, r.url, r.logs)
	s.redact = redact
	c.Run(s)
	return s.Transcript()
}

// expectedOfWorkerhost is workerd's transcript with the case's known
// differences applied; a difference whose line is not in the recording
// fails the case, so none outlives what it was about.
func expectedOfWorkerhost(t *testing.T, recording string, differs []Difference) string {
	t.Helper()
	lines := strings.Split(recording, "\n")
	for _, d := range differs {
		found := false
		for i, l := range lines {
			if l == d.Workerd {
				lines[i], found = d.Workerhost, true
			}
		}
		if !found {
			t.Errorf("difference not in the recording any more: %q (%s)", d.Workerd, d.Why)
		}
	}
	return strings.Join(lines, "\n")
}

// readRecording returns a recording without its header line.
func readRecording(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no recording %s (record it with -update where workerd is installed): %v", path, err)
	}
	s := string(data)
	if strings.HasPrefix(s, "#") {
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			s = s[i+1:]
		}
	}
	return s
}

// diff shows the lines of want and got side by side where they differ.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		mark := "  "
		if wl != gl {
			mark = "≠ "
		}
		b.WriteString(mark + "workerd:    " + wl + "\n")
		if wl != gl {
			b.WriteString(mark + "workerhost: " + gl + "\n")
		}
	}
	return b.String()
}

// requireNeeds skips a case whose npm packages are not installed, except in
// CI, where that is a failure.
func requireNeeds(t *testing.T, c Case) {
	t.Helper()
	if c.Needs == "" {
		return
	}
	if _, err := os.Stat(c.Needs); err == nil {
		return
	}
	msg := fmt.Sprintf("%s is not installed: run `npm ci` in %s", c.Needs, filepath.Dir(filepath.Dir(c.Needs)))
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}
