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

// measure starts the worker on t, times the first answer, then runs the
// HTTP and WebSocket loads.
func measure(t target, script string, load loadSpec) (figures, error) {
	var f figures
	start := time.Now()
	url, stop, err := t.start(script)
	if err != nil {
		return f, err
	}
	defer stop()
	if err := waitFirstAnswer(url); err != nil {
		return f, err
	}
	f.startup = time.Since(start)
	f.rps, f.latency, err = httpLoad(url, load)
	if err != nil {
		return f, err
	}
	f.wsPerSec, err = wsLoad(url, load.messages)
	return f, err
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

// httpLoad sends the requests from concurrent keep-alive clients.
func httpLoad(url string, load loadSpec) (float64, time.Duration, error) {
	tr := &http.Transport{MaxIdleConnsPerHost: load.concurrency}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
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
				t0 := time.Now()
				resp, err := client.Get(fmt.Sprintf("%s/item/%d?x=%d", url, i, i))
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				mu.Lock()
				latencies = append(latencies, time.Since(t0))
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
