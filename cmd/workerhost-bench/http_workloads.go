package main

// The workloads under wrk's HTTP load: hello, hono, a 1 MiB body both
// ways, Wasm (SHA-256 in no_std Rust) and resvg (SVG to PNG), or a
// script of one's own.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"

	"workerhost/internal/wasmbuild"
)

// httpRequest is the one request an HTTP workload repeats.
type httpRequest struct {
	// name names the files of wrk's Lua script.
	name         string
	method, path string
	// body is sent when not nil.
	body []byte
	// check verifies the answer to the probe each round sends before
	// the load; under load only the status is checked.
	check func(status int, body []byte) error
}

// oneShot is the client of probes: no connection outlives a request.
var oneShot = &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}

// probe sends the request once to the worker at url and checks the answer.
func (r httpRequest) probe(url string) error {
	req, err := http.NewRequest(r.method, url+r.path, bytes.NewReader(r.body))
	if err != nil {
		return fmt.Errorf("failed to make the probe: %w", err)
	}
	resp, err := oneShot.Do(req)
	if err != nil {
		return fmt.Errorf("failed to probe %s %s: %w", r.method, r.path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("failed to read the answer to %s %s: %w", r.method, r.path, err)
	}
	if err := r.check(resp.StatusCode, body); err != nil {
		return fmt.Errorf("wrong answer to %s %s: %w", r.method, r.path, err)
	}
	return nil
}

// httpRound serves script on t, probes it, then runs wrk from conns
// connections: a warm-up, a probe, then the measured run.
func (b *bench) httpRound(t target, script string, req httpRequest, conns int) (wrkResult, error) {
	s, err := t.start(script, "")
	if err != nil {
		return wrkResult{}, err
	}
	defer s.stop()
	if err := req.probe(s.url); err != nil {
		return wrkResult{}, err
	}
	lua := ""
	if req.method != http.MethodGet || req.body != nil {
		if lua, err = writeLua(b.tmp, req.name, req.method, req.body); err != nil {
			return wrkResult{}, err
		}
	}
	if b.warmup > 0 {
		if _, err := runWrk(s.url+req.path, conns, b.warmup, lua); err != nil && !errors.Is(err, errNoneFinished) {
			return wrkResult{}, fmt.Errorf("warm-up: %w", err)
		}
		// Requests wrk left unanswered may still be queued: another probe
		// waits for them, so the measured run starts on an idle server.
		if err := req.probe(s.url); err != nil {
			return wrkResult{}, err
		}
	}
	return runWrk(s.url+req.path, conns, b.duration, lua)
}

// httpWorkload is script under wrk's load of req; goal is issue 10's
// target for requests/s, if any.
func httpWorkload(name, script, about string, req httpRequest, prepare func() error, goal float64) workload {
	rate := metric{name: "requests/s"}
	if goal > 0 {
		rate.goal, rate.goalText = goal, "≥ "+strconv.FormatFloat(goal, 'f', 1, 64)
	}
	return workload{
		name: name, about: about, parallel: true,
		metrics: []metric{rate, {name: "p50 latency, ms", lower: true}, {name: "p99 latency, ms", lower: true}},
		prepare: allOf(needWrk, prepare),
		measure: func(b *bench, t target) ([]float64, error) {
			r, err := b.httpRound(t, script, req, b.connections)
			return []float64{r.rps, ms(r.p50), ms(r.p99)}, err
		},
	}
}

// ms is d in milliseconds.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// nothing is a prepare step with nothing to do.
func nothing() error { return nil }

// helloScript is the runtime's own cost: a small JSON answer, and a
// WebSocket echo on /ws.
const helloScript = "scripts/bench/hello.js"

// helloRequest is GET /item/1?x=1, answered with its path and query as
// JSON.
func helloRequest() httpRequest {
	want := `{"path":"/item/1","query":{"x":"1"},"ok":true}`
	return httpRequest{name: "hello", method: http.MethodGet, path: "/item/1?x=1", check: func(status int, body []byte) error {
		if status != http.StatusOK || string(body) != want {
			return fmt.Errorf("status %d, %.200q; want 200, %s", status, body, want)
		}
		return nil
	}}
}

// helloWorkload is helloRequest on helloScript.
func helloWorkload() workload {
	return httpWorkload("hello", helloScript, "GET /item/1?x=1: a small JSON answer (scripts/bench/hello.js)", helloRequest(), nothing, 2)
}

// scriptWorkload is hello's load on a worker of one's own; any 2xx answer
// will do.
func scriptWorkload(script string) workload {
	req := httpRequest{name: "script", method: http.MethodGet, path: "/item/1?x=1", check: func(status int, body []byte) error {
		if status/100 != 2 {
			return fmt.Errorf("status %d: %.200q", status, body)
		}
		return nil
	}}
	return httpWorkload("script", script, "GET /item/1?x=1 on "+script, req, nothing, 0)
}

// honoWorkload is GET /users/42?q=bench on scripts/bench/hono, a Hono app
// answering a 20-item JSON list.
func honoWorkload() workload {
	req := httpRequest{name: "hono", method: http.MethodGet, path: "/users/42?q=bench", check: func(status int, body []byte) error {
		var got struct {
			User, Q string
			Count   int
			Items   []any
		}
		if status != http.StatusOK || json.Unmarshal(body, &got) != nil || got.User != "42" || got.Q != "bench" || len(got.Items) != 20 {
			return fmt.Errorf("status %d, %.200q; want 200 and user 42's 20 items", status, body)
		}
		return nil
	}}
	return httpWorkload("hono", "scripts/bench/hono/index.ts", "GET /users/42?q=bench: a 20-item JSON list from a Hono app (scripts/bench/hono, hono pinned)",
		req, needPackage("scripts/bench/hono/node_modules/hono"), 1)
}

// echoBodyScript answers a POST with its body, streamed through.
const echoBodyScript = "scripts/bench/echo-body.js"

// echoRequest is a POST of size random bytes to echoBodyScript, whose
// answer must be the same bytes.
func echoRequest(size int) httpRequest {
	body := randomBytes(size)
	return httpRequest{name: "echo-" + strconv.Itoa(size), method: http.MethodPost, path: "/echo", body: body, check: func(status int, got []byte) error {
		if status != http.StatusOK || !bytes.Equal(got, body) {
			return fmt.Errorf("status %d, %d bytes; want 200 and the %d bytes sent back", status, len(got), len(body))
		}
		return nil
	}}
}

// bodyWorkload posts 1 MiB and gets it back.
func bodyWorkload() workload {
	return httpWorkload("body-1mib", echoBodyScript, "POST /echo of 1 MiB, streamed back (scripts/bench/echo-body.js)", echoRequest(1<<20), nothing, 0)
}

// randomBytes is n bytes of a fixed pseudo-random sequence.
func randomBytes(n int) []byte {
	b := make([]byte, n)
	rng := rand.NewChaCha8([32]byte{'w', 'o', 'r', 'k', 'e', 'r', 'h', 'o', 's', 't'})
	_, _ = rng.Read(b)
	return b
}

// sha256Body and sha256Rounds are the wasm workload's request: a 64 KiB
// body, hashed sha256Rounds times in Wasm.
const (
	sha256Body   = 64 << 10
	sha256Rounds = 8
)

// wasmWorkload posts 64 KiB to scripts/bench/wasm-sha256.js, which hashes
// it with SHA-256 in Wasm (no_std Rust) several times over.
func wasmWorkload() workload {
	body := randomBytes(sha256Body)
	want := roundsDigest(body, sha256Rounds)
	req := httpRequest{name: "wasm", method: http.MethodPost, path: "/sha256?rounds=" + strconv.Itoa(sha256Rounds), body: body, check: func(status int, got []byte) error {
		if status != http.StatusOK || string(got) != want {
			return fmt.Errorf("status %d, %.200q; want 200, %s", status, got, want)
		}
		return nil
	}}
	about := fmt.Sprintf("POST of %d KiB, its SHA-256 %d times over in Wasm (no_std Rust, scripts/bench/wasm-sha256.js)", sha256Body>>10, sha256Rounds)
	return httpWorkload("wasm", "scripts/bench/wasm-sha256.js", about, req, buildScript("scripts/bench", wasmbuild.RustWasm32), 0)
}

// roundsDigest is what wasm-sha256.js answers for b: its SHA-256, rounds
// times, each round after writing the previous digest over b's first
// bytes.
func roundsDigest(b []byte, rounds int) string {
	b = bytes.Clone(b)
	d := sha256.Sum256(b)
	for r := 1; r < rounds; r++ {
		copy(b, d[:])
		d = sha256.Sum256(b)
	}
	return hex.EncodeToString(d[:])
}

// resvgWorkload renders an SVG card to a 600-pixel-wide PNG with
// @resvg/resvg-wasm (scripts/wasm-resvg), a wasm-bindgen package.
func resvgWorkload() workload {
	req := httpRequest{name: "resvg", method: http.MethodGet, path: "/card.png?hue=37&bars=4&width=600", check: func(status int, body []byte) error {
		if status != http.StatusOK || !bytes.HasPrefix(body, []byte("\x89PNG\r\n\x1a\n")) {
			return fmt.Errorf("status %d, not a PNG: %.200q", status, body)
		}
		return nil
	}}
	return httpWorkload("resvg", "scripts/wasm-resvg/worker.js", "GET /card.png: an SVG card rendered to a 600-pixel-wide PNG in Wasm (resvg, wasm-bindgen)",
		req, needPackage("scripts/wasm-resvg/node_modules/@resvg/resvg-wasm"), 0)
}
