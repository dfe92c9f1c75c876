package main

// The WebSocket load: connections from this process (coder/websocket),
// each doing sequential echo round trips on hello.js's /ws.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"
)

// wsResult is one WebSocket echo load's figures.
type wsResult struct {
	rate     float64 // round trips per second, all connections together
	p50, p99 time.Duration
}

// wsEchoWorkload is 32-byte round trips from b.connections sockets.
func wsEchoWorkload() workload {
	return workload{
		name: "ws-echo", about: "WebSocket echo of 32-byte text messages, each connection sending the next after the echo (scripts/bench/hello.js, /ws)",
		parallel: true,
		metrics: []metric{
			{name: "round trips/s", goal: 1.5, goalText: "≥ 1.5"},
			{name: "p50 latency, ms", lower: true},
			{name: "p99 latency, ms", lower: true, goal: 1, goalText: "p99 ≤ workerd"},
		},
		prepare: nothing,
		measure: func(b *bench, t target) ([]float64, error) {
			r, err := b.wsRound(t, b.connections, 32)
			return []float64{r.rate, ms(r.p50), ms(r.p99)}, err
		},
	}
}

// wsRound serves hello.js on t and runs wsEcho on it.
func (b *bench) wsRound(t target, conns, size int) (wsResult, error) {
	s, err := t.start(helloScript, "")
	if err != nil {
		return wsResult{}, err
	}
	defer s.stop()
	return wsEcho(s.url, conns, size, b.warmup, b.duration)
}

// wsEcho opens conns WebSockets to url's /ws, each sending size-byte text
// messages one at a time, the next after the echo of the last, for warmup
// and then d. The round trips that end within d count.
func wsEcho(url string, conns, size int, warmup, d time.Duration) (wsResult, error) {
	ctx, cancel := context.WithTimeout(context.Background(), warmup+d+2*time.Minute)
	defer cancel()
	cs, err := dialAll(ctx, url, conns, size)
	defer closeAll(cs)
	if err != nil {
		return wsResult{}, err
	}
	msg := bytes.Repeat([]byte("0123456789abcdef"), size/16+1)[:size]
	start := time.Now()
	from, until := start.Add(warmup), start.Add(warmup+d)
	lat := make([][]time.Duration, conns)
	errs := make([]error, conns)
	var wg sync.WaitGroup
	for i, c := range cs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lat[i], errs[i] = echoUntil(ctx, c, msg, from, until)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return wsResult{}, err
	}
	all := slices.Concat(lat...)
	if len(all) == 0 {
		return wsResult{}, fmt.Errorf("no WebSocket round trip finished in %s", d)
	}
	slices.Sort(all)
	return wsResult{rate: float64(len(all)) / d.Seconds(), p50: percentile(all, 50), p99: percentile(all, 99)}, nil
}

// echoUntil sends msg and reads its echo until until, and returns the
// latencies of the round trips that ended after from.
func echoUntil(ctx context.Context, c *websocket.Conn, msg []byte, from, until time.Time) ([]time.Duration, error) {
	var out []time.Duration
	for {
		t0 := time.Now()
		if !t0.Before(until) {
			return out, nil
		}
		if err := echo(ctx, c, msg); err != nil {
			return out, err
		}
		if t1 := time.Now(); t1.After(from) && t1.Before(until) {
			out = append(out, t1.Sub(t0))
		}
	}
}

// echo sends msg and checks that the next message is the same.
func echo(ctx context.Context, c *websocket.Conn, msg []byte) error {
	if err := c.Write(ctx, websocket.MessageText, msg); err != nil {
		return fmt.Errorf("failed to send a WebSocket message: %w", err)
	}
	typ, got, err := c.Read(ctx)
	if err != nil {
		return fmt.Errorf("failed to read the WebSocket echo: %w", err)
	}
	if typ != websocket.MessageText || !bytes.Equal(got, msg) {
		return fmt.Errorf("the echo of a %d-byte text message was a %s message of %d bytes", len(msg), typ, len(got))
	}
	return nil
}

// percentile is the p-th percentile of sorted.
func percentile(sorted []time.Duration, p int) time.Duration {
	i := (len(sorted)*p + 99) / 100
	return sorted[max(0, min(len(sorted)-1, i-1))]
}

// dialers is how many WebSockets dialAll opens at once.
const dialers = 50

// dialAll opens n WebSockets to url's /ws, each reading messages of up to
// size bytes, with one echo round trip each (openAll).
func dialAll(ctx context.Context, url string, n, size int) ([]*websocket.Conn, error) {
	wsURL := "ws" + strings.TrimPrefix(url, "http") + "/ws"
	return openAll(n, func() (*websocket.Conn, error) { return dialOne(ctx, wsURL, size) })
}

// openAll opens n WebSockets with open, dialers at a time. It returns the
// connections it opened, also on error, for closeAll.
func openAll(n int, open func() (*websocket.Conn, error)) ([]*websocket.Conn, error) {
	cs := make([]*websocket.Conn, n)
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(n, dialers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				cs[i], errs[i] = open()
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	opened := slices.DeleteFunc(cs, func(c *websocket.Conn) bool { return c == nil })
	for _, err := range errs {
		if err != nil {
			return opened, fmt.Errorf("%d of %d WebSockets failed, the first: %w", n-len(opened), n, err)
		}
	}
	return opened, nil
}

// dialOne opens one WebSocket and does one round trip on it.
func dialOne(ctx context.Context, wsURL string, size int) (*websocket.Conn, error) {
	c, _, err := websocket.Dial(ctx, wsURL, nil)
	if err != nil {
		return nil, fmt.Errorf("failed to open a WebSocket: %w", err)
	}
	c.SetReadLimit(int64(size) + 1024)
	if err := echo(ctx, c, []byte("hello")); err != nil {
		c.CloseNow()
		return nil, err
	}
	return c, nil
}

// closeAll drops the connections.
func closeAll(cs []*websocket.Conn) {
	for _, c := range cs {
		c.CloseNow()
	}
}
