package main

// What the benchmark reads from /proc, and the descriptor limit it raises
// for the idle sockets.

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// residentKiB is the resident memory of process pid (VmRSS), in KiB.
func residentKiB(pid int) (float64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, fmt.Errorf("failed to read the server's memory: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 64)
			if err != nil {
				return 0, fmt.Errorf("failed to read the server's memory: VmRSS %q: %w", rest, err)
			}
			return kb, nil
		}
	}
	return 0, fmt.Errorf("failed to read the server's memory: no VmRSS in /proc/%d/status", pid)
}

// processNamed returns pid if its command is name, else its first child
// whose command is name (a launcher such as npm's node wrapper), else pid:
// memory is read from the runtime's own process.
func processNamed(pid int, name string) int {
	if comm(pid) == name {
		return pid
	}
	children, err := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", pid, pid))
	if err != nil {
		return pid
	}
	for _, f := range strings.Fields(string(children)) {
		if child, err := strconv.Atoi(f); err == nil && comm(child) == name {
			return child
		}
	}
	return pid
}

// comm is the command name of process pid, "" if unknown.
func comm(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// raiseFileLimit sets the soft limit on open descriptors to the hard one,
// explicitly, so that the servers the benchmark starts inherit it (Go
// raises its own soft limit at start but gives children the original),
// and fails if that is less than need.
func raiseFileLimit(need uint64) error {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		return fmt.Errorf("failed to read the descriptor limit: %w", err)
	}
	lim.Cur = lim.Max
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		return fmt.Errorf("failed to raise the descriptor limit: %w", err)
	}
	if lim.Max < need {
		return fmt.Errorf("%d open descriptors are needed and the hard limit is %d: raise it (ulimit -Hn) or open fewer --sockets", need, lim.Max)
	}
	return nil
}
