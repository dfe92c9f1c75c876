package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"
)

// loadSpec is the same load for every target.
type loadSpec struct {
	requests, concurrency, messages int
}

// figures are one round's measurements.
type figures struct {
	startup  time.Duration // from start to the first answered request
	rps      float64       // HTTP requests per second
	latency  time.Duration // median request latency
	wsPerSec float64       // WebSocket echo round trips per second
}

// measure starts w's worker on t, times the first answer, checks one
// answer, then runs the HTTP load and, for a workload that has one, the
// WebSocket load.
func measure(t target, w workload, load loadSpec) (figures, error) {
	var f figures
	start := time.Now()
	url, stop, err := t.start(w.script)
	if err != nil {
		return f, err
	}
	defer stop()
	if err := waitFirstAnswer(url); err != nil {
		return f, err
	}
	f.startup = time.Since(start)
	if err := probe(url, w); err != nil {
		return f, err
	}
	f.rps, f.latency, err = httpLoad(url, w, load)
	if err != nil || !w.websocket {
		return f, err
	}
	f.wsPerSec, err = wsLoad(url, load.messages)
	return f, err
}

// probe sends request 0 and checks its answer in full.
func probe(url string, w workload) error {
	req, err := w.request(url, 0)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("failed to read the answer: %w", err)
	}
	if err := w.check(0, resp.StatusCode, body); err != nil {
		return fmt.Errorf("wrong answer to %s %s: %w", req.Method, req.URL.RequestURI(), err)
	}
	return nil
}

// waitFirstAnswer polls until the worker answers.
func waitFirstAnswer(url string) error {
	deadline := time.Now().Add(15 * time.Second)
	for {
		resp, err := http.Get(url + "/warmup")
		if err == nil {
			resp.Body.Close()
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("no answer from %s: %w", url, err)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// httpLoad sends w's requests from concurrent keep-alive clients; an
// answer that is not a 2xx is an error.
func httpLoad(url string, w workload, load loadSpec) (float64, time.Duration, error) {
	tr := &http.Transport{MaxIdleConnsPerHost: load.concurrency}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	one := func(i int) (time.Duration, error) {
		req, err := w.request(url, i)
		if err != nil {
			return 0, err
		}
		t0 := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err == nil && resp.StatusCode/100 != 2 {
			err = fmt.Errorf("%s %s: status %d", req.Method, req.URL.RequestURI(), resp.StatusCode)
		}
		return time.Since(t0), err
	}
	jobs := make(chan int)
	var mu sync.Mutex
	var latencies []time.Duration
	var firstErr error
	var wg sync.WaitGroup
	start := time.Now()
	for c := 0; c < load.concurrency; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				d, err := one(i)
				mu.Lock()
				latencies = append(latencies, d)
				if err != nil && firstErr == nil {
					firstErr = err
				}
				mu.Unlock()
			}
		}()
	}
	for i := 0; i < load.requests; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	elapsed := time.Since(start)
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	return float64(load.requests) / elapsed.Seconds(), latencies[len(latencies)/2], firstErr
}

// wsLoad runs sequential echo round trips over one WebSocket.
func wsLoad(url string, n int) (float64, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(url, "http")+"/ws", nil)
	if err != nil {
		return 0, fmt.Errorf("failed to dial: %w", err)
	}
	defer conn.CloseNow()
	msg := []byte("a benchmark message of a modest size")
	start := time.Now()
	for i := 0; i < n; i++ {
		if err := conn.Write(ctx, websocket.MessageText, msg); err != nil {
			return 0, err
		}
		if _, _, err := conn.Read(ctx); err != nil {
			return 0, err
		}
	}
	rate := float64(n) / time.Since(start).Seconds()
	_ = conn.Close(websocket.StatusNormalClosure, "")
	return rate, nil
}
