package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// sample is the server process's resident memory and open descriptors.
type sample struct {
	rss int64 // bytes
	fds int
}

// max is the larger of each figure.
func (a sample) max(b sample) sample {
	return sample{rss: max(a.rss, b.rss), fds: max(a.fds, b.fds)}
}

// sample reads /proc for the server process.
func (s *server) sample() sample {
	pid := s.cmd.Process.Pid
	var out sample
	if entries, err := os.ReadDir(fmt.Sprintf("/proc/%d/fd", pid)); err == nil {
		out.fds = len(entries)
	}
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			out.rss = kb << 10
		}
	}
	return out
}

// readyLine is the line `workerhost dev` prints once it is serving.
var readyLine = regexp.MustCompile(`Ready on http://(\S+)`)

// readyAddress reads the server's output until it says where it serves.
func readyAddress(r io.Reader) (string, error) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if m := readyLine.FindStringSubmatch(sc.Text()); m != nil {
			return m[1], nil
		}
	}
	return "", fmt.Errorf("workerhost exited before serving: %v", sc.Err())
}
