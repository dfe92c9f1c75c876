package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"

	"workerhost/internal/wasmbuild"
)

// workload is one worker and the load the benchmark puts on it.
type workload struct {
	// name is how --workloads and the report call it.
	name string
	// script is the worker, relative to the repository root.
	script string
	// about says what a request does, for the report.
	about string
	// requests is the default number of HTTP requests per round.
	requests int
	// websocket adds the WebSocket echo load (the worker echoes on /ws).
	websocket bool
	// prepare builds what the script imports; a *missingError means a tool
	// or package is not installed, and the workload is skipped.
	prepare func() error
	// request makes request i of the HTTP load for the worker at url.
	request func(url string, i int) (*http.Request, error)
	// check verifies the answer to request i (status and body); the
	// benchmark checks one answer before each load, and only the status
	// of the others.
	check func(i int, status int, body []byte) error
}

// The workloads, in the order they run.
var workloads = []workload{helloWorkload(""), wasmWorkload(), resvgWorkload()}

// helloWorkload is a small JSON answer per request and a WebSocket echo:
// the cost of the runtime itself. script replaces scripts/bench/hello.js
// when not empty (a worker of one's own, under the same load).
func helloWorkload(script string) workload {
	w := workload{
		name: "hello", script: "scripts/bench/hello.js", about: "a small JSON answer per request and a WebSocket echo",
		requests: 5000, websocket: true,
		prepare: func() error { return nil },
		request: func(url string, i int) (*http.Request, error) {
			return http.NewRequest("GET", fmt.Sprintf("%s/item/%d?x=%d", url, i, i), nil)
		},
		check: wantStatus(http.StatusOK),
	}
	if script != "" {
		w.name, w.script, w.about = "script", script, "GET /item/N?x=N and a WebSocket echo on /ws"
		w.check = func(int, int, []byte) error { return nil }
	}
	return w
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
	base := make([]byte, sha256Body)
	rng := rand.NewChaCha8([32]byte{'w', 'o', 'r', 'k', 'e', 'r', 'h', 'o', 's', 't'})
	_, _ = rng.Read(base)
	body := func(i int) []byte {
		b := bytes.Clone(base)
		binary.LittleEndian.PutUint64(b[32:], uint64(i))
		return b
	}
	return workload{
		name: "wasm", script: "scripts/bench/wasm-sha256.js",
		about:    fmt.Sprintf("POST of %d KiB, its SHA-256 %d times over in Wasm (no_std Rust)", sha256Body>>10, sha256Rounds),
		requests: 100,
		prepare:  buildScript("scripts/bench", wasmbuild.RustWasm32),
		request: func(url string, i int) (*http.Request, error) {
			return http.NewRequest("POST", url+"/sha256?rounds="+strconv.Itoa(sha256Rounds), bytes.NewReader(body(i)))
		},
		check: func(i int, status int, got []byte) error {
			if status != http.StatusOK {
				return fmt.Errorf("status %d: %.200s", status, got)
			}
			if want := roundsDigest(body(i), sha256Rounds); string(got) != want {
				return fmt.Errorf("digest %.200q, want %s", got, want)
			}
			return nil
		},
	}
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
	return workload{
		name: "resvg", script: "scripts/wasm-resvg/worker.js",
		about:    "GET /card.png: an SVG card rendered to a 600-pixel-wide PNG in Wasm (resvg, wasm-bindgen)",
		requests: 40,
		prepare:  needPackage("scripts/wasm-resvg/node_modules/@resvg/resvg-wasm"),
		request: func(url string, i int) (*http.Request, error) {
			return http.NewRequest("GET", fmt.Sprintf("%s/card.png?hue=%d&bars=%d&width=600", url, i*37%360, 3+i%7), nil)
		},
		check: func(_ int, status int, body []byte) error {
			if status != http.StatusOK || !bytes.HasPrefix(body, []byte("\x89PNG\r\n\x1a\n")) {
				return fmt.Errorf("status %d, not a PNG: %.200q", status, body)
			}
			return nil
		},
	}
}

// wantStatus checks only the status.
func wantStatus(want int) func(int, int, []byte) error {
	return func(_ int, status int, body []byte) error {
		if status != want {
			return fmt.Errorf("status %d, want %d: %.200s", status, want, body)
		}
		return nil
	}
}

// pickWorkloads returns the workloads named in the comma-separated list.
func pickWorkloads(names []string) ([]workload, error) {
	var out []workload
	for _, n := range names {
		found := false
		for _, w := range workloads {
			if w.name == n {
				out, found = append(out, w), true
			}
		}
		if !found && n != coldStartName {
			return nil, fmt.Errorf("unknown workload %q (hello, wasm, resvg, %s)", n, coldStartName)
		}
	}
	return out, nil
}
