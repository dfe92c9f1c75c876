package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"
)

// tally counts what each kind of action got back.
type tally struct {
	mu     sync.Mutex
	counts map[string]int
}

// add counts one outcome of an action.
func (t *tally) add(action, outcome string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.counts == nil {
		t.counts = map[string]int{}
	}
	t.counts[action+": "+outcome]++
}

// print lists the outcomes, sorted.
func (t *tally) print() {
	t.mu.Lock()
	defer t.mu.Unlock()
	keys := make([]string, 0, len(t.counts))
	for k := range t.counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%-55s %8d\n", k, t.counts[k])
	}
}

// action is one kind of client behaviour and its share of the mix.
type action struct {
	name   string
	weight int
	run    func(ctx context.Context, addr string) string
}

// mix is the load: mostly ordinary traffic, with some of everything that
// has leaked or hung before.
var mix = []action{
	{"GET /", 55, func(ctx context.Context, addr string) string { return httpStatus(ctx, "GET", addr, "/", nil) }},
	{"POST /echo 64 KiB", 10, func(ctx context.Context, addr string) string {
		return httpStatus(ctx, "POST", addr, "/echo", bytes.Repeat([]byte("x"), 64<<10))
	}},
	{"GET /throw", 5, func(ctx context.Context, addr string) string { return httpStatus(ctx, "GET", addr, "/throw", nil) }},
	{"GET /spin", 2, func(ctx context.Context, addr string) string { return httpStatus(ctx, "GET", addr, "/spin", nil) }},
	{"WebSocket 10 echoes", 15, webSocketSession},
	{"WebSocket dropped", 5, webSocketDropped},
	{"WebSocket protocol error", 4, webSocketProtocolError},
	{"unfinished request header", 4, unfinishedHeader},
}

// drive runs random actions until ctx ends.
func drive(ctx context.Context, addr string, seed int, t *tally) {
	rng := rand.New(rand.NewPCG(uint64(seed), 1))
	total := 0
	for _, a := range mix {
		total += a.weight
	}
	for ctx.Err() == nil {
		n := rng.IntN(total)
		for _, a := range mix {
			if n < a.weight {
				t.add(a.name, a.run(ctx, addr))
				break
			}
			n -= a.weight
		}
	}
}

// client has no keep-alive pool shared across actions, so each request is
// a fresh connection as hostile and ordinary clients alike make.
var client = &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 10 * time.Second}

// httpStatus makes one request and reports its status or error.
func httpStatus(ctx context.Context, method, addr, path string, body []byte) string {
	req, err := http.NewRequestWithContext(ctx, method, "http://"+addr+path, bytes.NewReader(body))
	if err != nil {
		return "error"
	}
	resp, err := client.Do(req)
	if err != nil {
		return errorKind(ctx, err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.Status
}

// webSocketSession echoes ten messages and closes normally.
func webSocketSession(ctx context.Context, addr string) string {
	c, _, err := websocket.Dial(ctx, "ws://"+addr+"/ws", nil)
	if err != nil {
		return errorKind(ctx, err)
	}
	defer c.CloseNow()
	for i := 0; i < 10; i++ {
		if err := c.Write(ctx, websocket.MessageText, []byte("ping")); err != nil {
			return errorKind(ctx, err)
		}
		if _, _, err := c.Read(ctx); err != nil {
			return errorKind(ctx, err)
		}
	}
	if err := c.Close(websocket.StatusNormalClosure, ""); err != nil {
		return "close: " + errorKind(ctx, err)
	}
	return "ok"
}

// webSocketDropped opens a socket and drops the TCP connection.
func webSocketDropped(ctx context.Context, addr string) string {
	c, _, err := websocket.Dial(ctx, "ws://"+addr+"/ws", nil)
	if err != nil {
		return errorKind(ctx, err)
	}
	_ = c.CloseNow()
	return "dropped"
}

// webSocketProtocolError completes a handshake by hand, sends an orphan
// continuation frame, and reports whether the server closed the connection.
func webSocketProtocolError(ctx context.Context, addr string) string {
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		return errorKind(ctx, err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
	fmt.Fprintf(conn, "GET /ws HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", addr)
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil || resp.StatusCode != http.StatusSwitchingProtocols {
		return "handshake failed"
	}
	// FIN continuation frame, masked, empty: there is no message to continue.
	_, _ = conn.Write([]byte{0x80, 0x80, 1, 2, 3, 4})
	if _, err := io.Copy(io.Discard, br); err != nil {
		return "not closed in 5 s"
	}
	return "closed by server"
}

// unfinishedHeader sends half a request and goes away.
func unfinishedHeader(ctx context.Context, addr string) string {
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		return errorKind(ctx, err)
	}
	fmt.Fprintf(conn, "GET / HTTP/1.1\r\nHost: x\r\nX-Long: %s", strings.Repeat("a", 4096))
	time.Sleep(100 * time.Millisecond)
	conn.Close()
	return "sent"
}

// errorKind names an error for the tally.
func errorKind(ctx context.Context, err error) string {
	if ctx.Err() != nil {
		return "cut at the end of the run"
	}
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		msg = msg[i+2:]
	}
	return "error: " + msg
}
