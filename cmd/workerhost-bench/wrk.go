package main

// The HTTP load: wrk, a separate load generator, with keep-alive
// connections, its latency distribution (--latency), and a Lua script when
// the request is not a plain GET.

import (
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// wrkResult is what one wrk run reports.
type wrkResult struct {
	requests int
	rps      float64
	p50, p99 time.Duration
	// non2xx counts answers that were not 2xx or 3xx; socketErrors is
	// wrk's "Socket errors" line, "" when there were none.
	non2xx       int
	socketErrors string
}

// needWrk checks that wrk is installed.
func needWrk() error {
	if _, err := exec.LookPath("wrk"); err != nil {
		return &missingError{what: "wrk", why: "the HTTP load generator", install: "apt-get install wrk"}
	}
	return nil
}

// runWrk loads url from conns keep-alive connections for d (whole seconds,
// rounded up: wrk counts no finer) with wrk's default GET, or as the Lua
// script lua says when not "". Any answer that is not a 2xx or 3xx, and
// any socket error, fails the run.
func runWrk(url string, conns int, d time.Duration, lua string) (wrkResult, error) {
	secs := max(1, int(math.Ceil(d.Seconds())))
	args := []string{"-t", strconv.Itoa(min(2, conns)), "-c", strconv.Itoa(conns), "-d", strconv.Itoa(secs) + "s", "--timeout", "30s", "--latency"}
	if lua != "" {
		args = append(args, "-s", lua)
	}
	out, err := exec.Command("wrk", append(args, url)...).CombinedOutput()
	if err != nil {
		return wrkResult{}, fmt.Errorf("wrk %s: %w\n%s", strings.Join(args, " "), err, out)
	}
	r, err := parseWrk(string(out))
	switch {
	case err != nil:
		return r, fmt.Errorf("wrk on %s: %w\n%s", url, err, out)
	case r.requests == 0:
		return r, fmt.Errorf("wrk on %s: %w\n%s", url, errNoneFinished, out)
	case r.non2xx > 0:
		return r, fmt.Errorf("wrk on %s: %d of %d answers were not 2xx or 3xx\n%s", url, r.non2xx, r.requests, out)
	case r.socketErrors != "":
		return r, fmt.Errorf("wrk on %s: socket errors: %s\n%s", url, r.socketErrors, out)
	}
	return r, nil
}

// errNoneFinished is a wrk run in which no request finished: a failure,
// except in a warm-up, which may be shorter than a slow worker's first
// answers under load.
var errNoneFinished = errors.New("no request finished")

var (
	wrkRequests = regexp.MustCompile(`(?m)^\s*(\d+) requests in `)
	wrkRate     = regexp.MustCompile(`(?m)^Requests/sec:\s*([0-9.]+)`)
	wrkNon2xx   = regexp.MustCompile(`(?m)^\s*Non-2xx or 3xx responses:\s*(\d+)`)
	wrkSocket   = regexp.MustCompile(`(?m)^\s*Socket errors:\s*(.*)$`)
	wrkPercent  = regexp.MustCompile(`(?m)^\s*(50|99)%\s+(\S+)`)
)

// parseWrk reads wrk's report.
func parseWrk(out string) (wrkResult, error) {
	var r wrkResult
	m := wrkRequests.FindStringSubmatch(out)
	rate := wrkRate.FindStringSubmatch(out)
	if m == nil || rate == nil {
		return r, errors.New("no request count or Requests/sec in its report")
	}
	r.requests, _ = strconv.Atoi(m[1])
	r.rps, _ = strconv.ParseFloat(rate[1], 64)
	if m := wrkNon2xx.FindStringSubmatch(out); m != nil {
		r.non2xx, _ = strconv.Atoi(m[1])
	}
	if m := wrkSocket.FindStringSubmatch(out); m != nil {
		r.socketErrors = strings.TrimSpace(m[1])
	}
	found := 0
	for _, m := range wrkPercent.FindAllStringSubmatch(out, -1) {
		d, err := parseWrkTime(m[2])
		if err != nil {
			return r, err
		}
		if m[1] == "50" {
			r.p50 = d
		} else {
			r.p99 = d
		}
		found++
	}
	if found != 2 {
		return r, errors.New("no 50% and 99% latency in its report (run with --latency)")
	}
	return r, nil
}

// parseWrkTime reads a time as wrk prints it: 812.00us, 4.83ms, 1.20s,
// 2.00m, 1.00h.
func parseWrkTime(s string) (time.Duration, error) {
	for _, u := range []struct {
		suffix string
		unit   time.Duration
	}{{"us", time.Microsecond}, {"ms", time.Millisecond}, {"s", time.Second}, {"m", time.Minute}, {"h", time.Hour}} {
		if num, ok := strings.CutSuffix(s, u.suffix); ok {
			v, err := strconv.ParseFloat(num, 64)
			if err != nil {
				return 0, fmt.Errorf("wrk's time %q: %w", s, err)
			}
			return time.Duration(v * float64(u.unit)), nil
		}
	}
	return 0, fmt.Errorf("wrk's time %q has no unit", s)
}

// writeLua writes, under dir, a wrk script that sends method with body
// (as application/octet-stream when not nil), and returns its path. The
// body goes in a file of its own, which the script reads once.
func writeLua(dir, name, method string, body []byte) (string, error) {
	script := fmt.Sprintf("wrk.method = %q\n", method)
	if body != nil {
		bodyPath := filepath.Join(dir, name+".body")
		if err := os.WriteFile(bodyPath, body, 0o644); err != nil {
			return "", fmt.Errorf("failed to write wrk's body: %w", err)
		}
		script += fmt.Sprintf("local f = assert(io.open(%q, \"rb\"))\nwrk.body = f:read(\"*a\")\nf:close()\n", bodyPath)
		script += "wrk.headers[\"Content-Type\"] = \"application/octet-stream\"\n"
	}
	path := filepath.Join(dir, name+".lua")
	if err := os.WriteFile(path, []byte(script), 0o644); err != nil {
		return "", fmt.Errorf("failed to write wrk's script: %w", err)
	}
	return path, nil
}
