package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// wrkReport is wrk 4.1's report with --latency, errors included.
const wrkReport = `Running 5s test @ http://127.0.0.1:43793/item/1
  2 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     5.73ms    4.22ms  42.37ms   80.87%
    Req/Sec     4.72k     1.52k    8.28k    73.33%
  Latency Distribution
     50%  812.00us
     75%    7.30ms
     90%   11.14ms
     99%    1.20s 
  28201 requests in 5.01s, 2.96MB read
  Socket errors: connect 0, read 3, write 0, timeout 1
  Non-2xx or 3xx responses: 7
Requests/sec:   5628.94
Transfer/sec:      0.59MB
`

func TestParseWrk(t *testing.T) {
	t.Parallel()
	got, err := parseWrk(wrkReport)
	if err != nil {
		t.Fatal(err)
	}
	want := wrkResult{requests: 28201, rps: 5628.94, p50: 812 * time.Microsecond, p99: 1200 * time.Millisecond,
		non2xx: 7, socketErrors: "connect 0, read 3, write 0, timeout 1"}
	if got != want {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestParseWrkWithoutLatencyFails(t *testing.T) {
	t.Parallel()
	_, err := parseWrk("  10 requests in 1.00s, 1KB read\nRequests/sec: 10.00\n")
	if err == nil {
		t.Fatal("no error for a report without its latency distribution")
	}
}

func TestParseWrkTime(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]time.Duration{
		"812.00us": 812 * time.Microsecond,
		"4.83ms":   4830 * time.Microsecond,
		"1.50s":    1500 * time.Millisecond,
		"2.00m":    2 * time.Minute,
		"1.00h":    time.Hour,
	} {
		got, err := parseWrkTime(in)
		if err != nil || got != want {
			t.Errorf("parseWrkTime(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := parseWrkTime("12"); err == nil {
		t.Error("no error for a time without a unit")
	}
}

// TestWrkFailsOnErrorAnswers checks that a load whose answers are not
// 2xx fails instead of giving figures.
func TestWrkFailsOnErrorAnswers(t *testing.T) {
	if err := needWrk(); err != nil {
		t.Skip(err)
	}
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "no", http.StatusInternalServerError)
	}))
	t.Cleanup(srv.Close)
	_, err := runWrk(srv.URL+"/", 1, time.Second, "")
	if err == nil || !strings.Contains(err.Error(), "answers were not 2xx or 3xx") {
		t.Fatalf("got %v, want an error for the 500 answers", err)
	}
}
