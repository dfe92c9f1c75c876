package main

// The report's header: the machine, the two runtimes and the load.

import (
	"bufio"
	"debug/buildinfo"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// printHeader prints what the figures were measured on and how.
func (b *bench) printHeader(out io.Writer, scale bool) {
	fmt.Fprintf(out, "# workerhost-bench, %s\n\n", time.Now().UTC().Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(out, "- machine: %d CPUs, %s, %s/%s\n", runtime.NumCPU(), cpuModel(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(out, "- workerhost: %s (`workerhost dev`)\n", binaryVersion(b.workerhostBin, b.built))
	fmt.Fprintf(out, "- workerd: %s (`workerd serve`)\n", workerdVersion(b.workerdBin))
	clients := fmt.Sprintf("%d connections; %d WebSockets", b.connections, b.connections)
	if scale {
		clients = "the clients each row says; WebSockets"
	}
	fmt.Fprintf(out, "- load: %s with %s from the benchmark's process (coder/websocket); %s warm-up, then %s measured\n",
		commandVersion("wrk", "-v"), clients, b.warmup, b.duration)
	if !scale {
		fmt.Fprintf(out, "- idle-memory and hibernated-memory: %s WebSockets\n", commas(int64(b.sockets)))
		fmt.Fprintf(out, "- broadcast: %s WebSockets in the room, %d of them sending\n", commas(int64(b.roomSockets)), min(roomSenders, b.roomSockets))
	}
	fmt.Fprintf(out, "- rounds: %d, each target once per round in turn (%s); the figures are medians of the rounds\n", b.rounds, b.targetOrder(scale))
	if b.note != "" {
		fmt.Fprintf(out, "- note: %s\n", b.note)
	}
	if scale {
		fmt.Fprintln(out, "- per second: requests for HTTP, round trips for WebSocket echo")
	}
	fmt.Fprintln(out, "- ratio: how many times better workerhost is (workerhost/workerd for rates, workerd/workerhost for times and memory): above 1, workerhost is ahead")
}

// targetOrder names the targets of a round.
func (b *bench) targetOrder(scale bool) string {
	names := []string{"workerd", "workerhost"}
	if b.isolates > 0 && !scale {
		names = append(names, fmt.Sprintf("workerhost --isolates %d for the loads", b.isolates))
	}
	return strings.Join(names, ", ")
}

// cpuModel is the first "model name" of /proc/cpuinfo.
func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return "CPU model unknown"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "CPU model unknown"
}

// binaryVersion is the Go version and commit a Go binary was built from;
// fromTree says it was built from the working directory's tree, whose
// commit git gives when the binary does not say (GOFLAGS=-buildvcs=false).
func binaryVersion(bin string, fromTree bool) string {
	info, err := buildinfo.ReadFile(bin)
	if err != nil {
		return "version unknown"
	}
	rev, dirty := "", ""
	for _, s := range info.Settings {
		switch {
		case s.Key == "vcs.revision" && len(s.Value) >= 12:
			rev = " " + s.Value[:12]
		case s.Key == "vcs.modified" && s.Value == "true":
			dirty = " with uncommitted changes"
		}
	}
	if rev == "" && fromTree {
		rev, dirty = gitRevision()
	}
	if rev == "" {
		rev = " unknown"
	}
	return "commit" + rev + dirty + ", built with " + info.GoVersion
}

// workerdVersion is what workerd --version says, with the version of the
// npm package it came from when it did (node_modules/workerd/bin/workerd).
func workerdVersion(bin string) string {
	v := commandVersion(bin, "--version")
	real, err := filepath.EvalSymlinks(bin)
	if err != nil {
		return v
	}
	data, err := os.ReadFile(filepath.Join(filepath.Dir(real), "..", "package.json"))
	var pkg struct{ Name, Version string }
	if err != nil || json.Unmarshal(data, &pkg) != nil || pkg.Name != "workerd" {
		return v
	}
	return v + ", npm workerd " + pkg.Version
}

// commandVersion is the first line a command prints when asked its
// version, up to a copyright notice.
func commandVersion(name, flag string) string {
	out, _ := exec.Command(name, flag).CombinedOutput()
	line, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	line, _, _ = strings.Cut(line, " Copyright")
	if line == "" {
		return name + " (version unknown)"
	}
	return strings.TrimSpace(line)
}

// gitRevision is the working tree's commit, and whether it has changes,
// as binaryVersion prints them, or "" if git cannot tell.
func gitRevision() (rev, dirty string) {
	out, err := exec.Command("git", "rev-parse", "--short=12", "HEAD").Output()
	if err != nil {
		return "", ""
	}
	if st, err := exec.Command("git", "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(st) > 0 {
		dirty = " with uncommitted changes"
	}
	return " " + strings.TrimSpace(string(out)), dirty
}
