package conformance

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/coder/websocket"
)

// Case is one conformance scenario: a worker script, the compatibility
// settings it runs with, and the client steps whose transcript is compared
// between workerd and workerhost.
type Case struct {
	// Name names the case and its recording, testdata/<Name>.txt.
	Name string
	// Script is the worker's entry file, relative to this directory.
	Script string
	// CompatibilityDate defaults to the pinned workerd's date.
	CompatibilityDate string
	// CompatibilityFlags are extra flags.
	CompatibilityFlags []string
	// Vars are text bindings.
	Vars map[string]string
	// Upstream starts an echo server for the worker to connect to; its URLs
	// are the vars UPSTREAM (http) and UPSTREAM_WS (ws), and its address
	// reads as UPSTREAM_HOST in the transcript.
	Upstream bool
	// Needs names a directory the case cannot run without (npm packages),
	// installed by `npm ci` beside it.
	Needs string
	// Build, when set, builds the worker's Wasm first (wasm_build.go).
	Build *Build
	// DurableObjects are the worker's Durable Object namespaces, the same on
	// both targets, so that idFromName gives the same ID on both
	// (durable_cases.go).
	DurableObjects []DurableObject
	// Run drives the worker with a real client.
	Run func(s *Session)
	// Differs lists the transcript lines where workerhost differs from
	// workerd, each with why; the README says so too. Every line must be
	// in the recording.
	Differs []Difference
}

// Difference is one transcript line that workerhost writes otherwise than
// workerd, on purpose or for a limit the README names.
type Difference struct {
	// Workerd is the line in workerd's recording; each occurrence is
	// replaced.
	Workerd string
	// Workerhost is the line workerhost writes instead.
	Workerhost string
	// Why says why, for whoever reads the case.
	Why string
}

// differing returns c with its differences from workerd added.
func differing(c Case, d ...Difference) Case {
	c.Differs = append(c.Differs, d...)
	return c
}

// guideCases covers each server example of the Workers WebSockets guide,
// run unmodified from scripts/guide.
var guideCases = []Case{
	{Name: "guide_upgrade_check", Script: "../scripts/guide/upgrade-check.js", Run: func(s *Session) {
		s.Fetch("GET", "/", nil, "", "content-type")
		s.Fetch("GET", "/", map[string]string{"Upgrade": "not-websocket"}, "")
		// The fragment returns nothing for an upgrade request: a failed request.
		s.Fetch("GET", "/", map[string]string{"Upgrade": "websocket"}, "")
	}},
	{Name: "guide_websocket_pair", Script: "../scripts/guide/websocket-pair.js", Run: func(s *Session) {
		s.Fetch("GET", "/", nil, "")
		if ws := s.Dial("/", nil); ws != nil {
			ws.Drop()
		}
	}},
	{Name: "guide_accept", Script: "../scripts/guide/accept.js", Run: func(s *Session) {
		if ws := s.Dial("/", nil); ws != nil {
			ws.SendText("nobody answers")
			ws.Close(websocket.StatusNormalClosure, "bye")
		}
	}},
	{Name: "guide_message_log", Script: "../scripts/guide/message-log.js", Run: func(s *Session) {
		ws := s.Dial("/", nil)
		if ws == nil {
			return
		}
		ws.SendText("hello from the client")
		s.WaitLog("hello from the client")
		ws.SendText("second")
		s.WaitLog("second")
		ws.Close(websocket.StatusNormalClosure, "")
	}},
}

// honoCases covers the guide's Hono example, run unmodified with hono from
// npm (scripts/hono; `npm ci` there installs it).
var honoCases = []Case{
	{Name: "guide_hono", Script: "../scripts/hono/index.ts", Needs: "../scripts/hono/node_modules/hono", Run: func(s *Session) {
		s.Fetch("GET", "/", nil, "")
		ws := s.Dial("/anything", nil)
		if ws == nil {
			return
		}
		ws.SendText("hello hono")
		ws.Read()
		s.WaitLog("Received message from client:")
		ws.SendText("second")
		ws.Read()
		ws.Close(websocket.StatusNormalClosure, "done")
	}},
}

// ittyCases shows a second popular router, itty-router from npm, working.
var ittyCases = []Case{
	{Name: "itty_router", Script: "../scripts/itty-router/worker.js", Needs: "../scripts/itty-router/node_modules/itty-router", Run: func(s *Session) {
		s.Fetch("GET", "/hello/world?loud=1", nil, "", "content-type")
		s.Fetch("POST", "/echo", map[string]string{"Content-Type": "application/json"}, `{"a":[1,2]}`)
		s.Fetch("GET", "/teapot", nil, "", "content-type")
		s.Fetch("GET", "/missing", nil, "")
		s.Fetch("GET", "/ws", nil, "")
		if ws := s.Dial("/ws", nil); ws != nil {
			ws.SendText("routed")
			ws.Read()
			ws.Close(websocket.StatusNormalClosure, "")
		}
	}},
}

// websocketCases covers the WebSocket server behaviour of conformance/workers/websockets.js.
var websocketCases = []Case{
	{Name: "ws_echo", Script: "workers/websockets.js", Run: func(s *Session) {
		ws := s.Dial("/echo", nil)
		if ws == nil {
			return
		}
		ws.Read() // "welcome", sent before the Response was returned
		ws.SendText("héllo")
		ws.Read()
		ws.SendBinary([]byte{0, 1, 2, 255})
		ws.Read()
		ws.Close(websocket.StatusNormalClosure, "bye")
		s.WaitLog("echo close")
	}},
	{Name: "ws_order_1000", Script: "workers/websockets.js", Run: func(s *Session) {
		ws := s.Dial("/echo", nil)
		if ws == nil {
			return
		}
		ws.Read()
		for i := 0; i < 1000; i++ {
			_ = ws.SendQuiet(websocket.MessageText, []byte(fmt.Sprint(i)))
		}
		inOrder := 0
		for i := 0; i < 1000; i++ {
			_, data, err := ws.ReadQuiet()
			if err != nil {
				break
			}
			if string(data) == fmt.Sprint(i) {
				inOrder++
			}
		}
		s.Record("sent 1000 messages, %d came back in order", inOrder)
		ws.Close(websocket.StatusNormalClosure, "")
	}},
	{Name: "ws_late_accept", Script: "workers/websockets.js", Run: func(s *Session) {
		ws := s.Dial("/late-accept", nil)
		if ws == nil {
			return
		}
		// Some arrive before accept(), some while what came before is
		// being delivered, some after.
		for i := 0; i < 2000; i++ {
			_ = ws.SendQuiet(websocket.MessageText, []byte(fmt.Sprint(i)))
			if i%100 == 99 {
				time.Sleep(2 * time.Millisecond)
			}
		}
		inOrder := 0
		for i := 0; i < 2000; i++ {
			// The worker spins before accept(): under -race on a busy
			// machine the first echo can take longer than a step.
			_, data, err := ws.read(30 * time.Second)
			if err != nil {
				break
			}
			if string(data) == fmt.Sprint("late ", i) {
				inOrder++
			}
		}
		s.Record("sent 2000 messages around a late accept(), %d came back in order", inOrder)
		ws.Close(websocket.StatusNormalClosure, "")
	}},
	{Name: "ws_large_messages", Script: "workers/websockets.js", Run: func(s *Session) {
		ws := s.Dial("/echo", nil)
		if ws == nil {
			return
		}
		ws.Read()
		for _, size := range []int{1 << 20, 8 << 20} {
			msg := bytes.Repeat([]byte("abcdefgh"), size/8)
			ws.SendBinary(msg)
			_, data, err := ws.ReadQuiet()
			s.Record("echo of %d bytes: %d bytes back, equal=%v, err=%v", size, len(data), bytes.Equal(data, msg), err != nil)
			ws.SendText(string(msg))
			_, data, err = ws.ReadQuiet()
			s.Record("echo of %d text bytes: %d bytes back, equal=%v, err=%v", size, len(data), bytes.Equal(data, msg), err != nil)
		}
		ws.Close(websocket.StatusNormalClosure, "")
	}},
	{Name: "ws_message_types", Script: "workers/websockets.js", Run: func(s *Session) {
		ws := s.Dial("/types", nil)
		if ws == nil {
			return
		}
		ws.SendText("abc")
		ws.Read()
		ws.SendBinary([]byte{1, 2, 3, 4})
		ws.Read()
		ws.Close(websocket.StatusNormalClosure, "")
	}},
	{Name: "ws_message_types_2026_01_01", Script: "workers/websockets.js", CompatibilityDate: "2026-01-01", Run: func(s *Session) {
		ws := s.Dial("/types", nil)
		if ws == nil {
			return
		}
		ws.SendBinary([]byte{1, 2, 3, 4})
		ws.Read()
		// Before 2026-04-07 workerd does not answer a client's Close by itself;
		// that half-open behaviour is checked by the close-behaviour cases.
		ws.Drop()
	}},
	{Name: "ws_server_closes", Script: "workers/websockets.js", Run: func(s *Session) {
		ws := s.Dial("/server-close", nil)
		if ws == nil {
			return
		}
		ws.SendText("close please")
		ws.Read()
		s.WaitLog("after close()")
		s.WaitLog("server-close close")
		ws2 := s.Dial("/server-close", nil)
		if ws2 == nil {
			return
		}
		ws2.SendText("close-empty")
		ws2.Read()
		s.WaitLog("after close()")
		s.WaitLog("server-close close")
	}},
	{Name: "ws_client_closes", Script: "workers/websockets.js", Run: func(s *Session) {
		if ws := s.Dial("/observe-close", nil); ws != nil {
			ws.Close(4001, "client says bye")
			s.WaitLog("observe close")
		}
		if ws := s.Dial("/observe-close", nil); ws != nil {
			ws.Close(websocket.StatusNoStatusRcvd, "") // an empty Close frame
			s.WaitLog("observe close")
		}
		if ws := s.Dial("/observe-close", nil); ws != nil {
			ws.Drop()
			s.WaitLog("observe close")
		}
	}},
	{Name: "ws_listener_throws", Script: "workers/websockets.js", Run: func(s *Session) {
		ws := s.Dial("/listener-throws", nil)
		if ws == nil {
			return
		}
		ws.SendText("one")
		ws.Read()
		ws.Read()
		ws.SendText("throw")
		s.WaitLog("listener-throws error event")
		s.WaitLog("listener-throws send after error")
		ws.SendText("after")
		ws.Read()
		ws.Drop()
	}},
	{Name: "ws_misuse", Script: "workers/websockets.js", Run: func(s *Session) {
		ws := s.Dial("/misuse", nil)
		if ws == nil {
			return
		}
		for i := 0; i < 12; i++ {
			ws.Read()
		}
		ws.SendText("now close")
		ws.Read()
		s.WaitLog("send after close")
		s.WaitLog("close twice")
	}},
	{Name: "ws_pair_and_response_rules", Script: "workers/websockets.js", Run: func(s *Session) {
		s.Fetch("GET", "/pair-shape", nil, "")
	}},
	{Name: "hung_requests", Script: "workers/websockets.js", Run: func(s *Session) {
		s.Fetch("GET", "/hang", nil, "", "content-length")
		s.Fetch("GET", "/hang-on-own-socket", nil, "")
		s.Fetch("GET", "/late", nil, "")
	}},
	{Name: "http_requests", Script: "workers/websockets.js", Run: func(s *Session) {
		s.Fetch("GET", "/headers", map[string]string{"Upgrade": "websocket-not", "X-Test": "Mixed Case"}, "", "content-type", "content-length")
		s.Fetch("POST", "/headers", nil, "body")
		s.Fetch("GET", "/echo", nil, "", "content-type")
		s.Fetch("GET", "/throw", nil, "", "content-length", "content-type")
		s.Fetch("GET", "/upgrade-to-plain", nil, "", "content-length")
		s.Fetch("GET", "/headers", nil, "")
		s.Fetch("GET", "/missing", nil, "")
		s.Fetch("HEAD", "/headers", nil, "", "content-length")
	}},
}

// closeCase is the client closing with 1000 "bye" and the script answering
// late (or not at all, when the runtime answers for it), on one date and
// set of flags.
func closeCase(name, path, date string, flags ...string) Case {
	return Case{Name: name, Script: "workers/websockets.js", CompatibilityDate: date, CompatibilityFlags: flags, Run: func(s *Session) {
		ws := s.Dial(path, nil)
		if ws == nil {
			return
		}
		ws.Close(websocket.StatusNormalClosure, "bye")
		s.WaitLog("late-close got close")
		s.WaitLog("late-close send in close handler")
		s.WaitLog("late-close after close()")
	}}
}

// closeCases covers web_socket_auto_reply_to_close by date and by flag,
// and accept({allowHalfOpen: true}).
var closeCases = []Case{
	closeCase("close_auto_reply_by_date", "/late-close", ""),
	closeCase("close_half_open_by_date", "/late-close", "2026-01-01"),
	closeCase("close_auto_reply_by_flag", "/late-close", "2026-01-01", "web_socket_auto_reply_to_close"),
	closeCase("close_half_open_by_flag", "/late-close", "", "web_socket_manual_reply_to_close"),
	closeCase("close_half_open_by_accept", "/late-close?half-open", ""),
}

// compressionCase dials the echo route offering permessage-deflate and
// records what the server negotiated, then has the worker dial out to a
// compressing server.
func compressionCase(name, date string, flags ...string) Case {
	return Case{Name: name, Script: "workers/client.js", CompatibilityDate: date, CompatibilityFlags: flags, Upstream: true, Run: func(s *Session) {
		s.Fetch("GET", "/extensions", nil, "")
	}}
}

// serverCompressionCase offers permessage-deflate to a WebSocketPair end.
func serverCompressionCase(name, date string, flags ...string) Case {
	return Case{Name: name, Script: "workers/websockets.js", CompatibilityDate: date, CompatibilityFlags: flags, Run: func(s *Session) {
		ws := s.Dial("/echo", &websocket.DialOptions{CompressionMode: websocket.CompressionContextTakeover}, "sec-websocket-extensions")
		if ws == nil {
			return
		}
		ws.Read()
		ws.SendText(strings.Repeat("compressible ", 20))
		ws.Read()
		ws.Close(websocket.StatusNormalClosure, "")
	}}
}

// compressionCases covers web_socket_compression by date and by flag.
var compressionCases = []Case{
	serverCompressionCase("compression_server_on", ""),
	serverCompressionCase("compression_server_off_by_date", "2023-08-14"),
	serverCompressionCase("compression_server_off_by_flag", "", "no_web_socket_compression"),
	compressionCase("compression_client_on", ""),
	compressionCase("compression_client_off_by_date", "2023-08-14"),
}

// bindingCases covers how vars reach each script format.
var bindingCases = []Case{
	{Name: "env_module", Script: "workers/env-module.js", Vars: map[string]string{"NAME": "value"}, Run: func(s *Session) {
		s.Fetch("GET", "/", nil, "")
	}},
	{Name: "env_service_worker", Script: "workers/env-service-worker.js", Vars: map[string]string{"NAME": "value"}, Run: func(s *Session) {
		s.Fetch("POST", "/", nil, "x")
	}},
	{Name: "worker_entrypoint", Script: "workers/worker-entrypoint.js", Vars: map[string]string{"NAME": "value"}, Run: func(s *Session) {
		s.Fetch("GET", "/", nil, "")
		s.WaitLog("ctx.waitUntil done /")
		s.WaitLog("waitUntil done /")
		s.Fetch("GET", "/second", nil, "")
		s.WaitLog("ctx.waitUntil done /second")
		s.WaitLog("waitUntil done /second")
	}},
	{Name: "worker_entrypoint_without_fetch", Script: "workers/entrypoint-without-fetch.js", Run: func(s *Session) {
		s.Fetch("GET", "/", nil, "")
		s.WaitLog("Received a FetchEvent but we lack a handler")
		s.Fetch("GET", "/again", nil, "")
	}},
	{Name: "worker_entrypoint_actor_default", Script: "workers/entrypoint-actor-default.js", Run: func(s *Session) {
		s.Fetch("GET", "/", nil, "")
	}},
}

// clientCases covers the worker as a client: the guide's two client
// examples and the outbound APIs' behaviour.
var clientCases = []Case{
	{Name: "guide_client_fetch", Script: "../scripts/guide/client-fetch.js", Upstream: true, Run: func(s *Session) {
		s.Fetch("GET", "/", nil, "")
		s.WaitLog("hello")
	}},
	{Name: "guide_client_constructor", Script: "../scripts/guide/client-constructor.js", Upstream: true, Run: func(s *Session) {
		s.Fetch("GET", "/", nil, "")
		s.WaitLog("Message received from server")
		s.WaitLog("MESSAGE")
		s.WaitLog("closed")
	}},
	{Name: "client_fetch", Script: "workers/client.js", Upstream: true, Run: func(s *Session) {
		s.Fetch("GET", "/fetch", nil, "")
	}},
	{Name: "client_fetch_redirect_errors", Script: "workers/client.js", Upstream: true, Run: func(s *Session) {
		s.Fetch("GET", "/fetch-redirect-errors", nil, "")
	}},
	{Name: "client_fetch_unknown_protocols", Script: "workers/client.js", Upstream: true, Run: func(s *Session) {
		s.Fetch("GET", "/fetch-unknown-protocols", nil, "")
	}},
	{Name: "client_fetch_unknown_protocols_2021_01_01", Script: "workers/client.js", CompatibilityDate: "2021-01-01", Upstream: true, Run: func(s *Session) {
		s.Fetch("GET", "/fetch-unknown-protocols", nil, "")
	}},
	{Name: "streams", Script: "workers/client.js", Upstream: true, Run: func(s *Session) {
		s.Fetch("GET", "/stream-in", nil, "")
		s.Fetch("GET", "/stream-out", nil, "", "content-type", "content-length")
	}},
	{Name: "console_inspect", Script: "workers/inspect.js", Run: func(s *Session) {
		s.Fetch("GET", "/", nil, "")
		for _, tag := range []string{"arraybuffer:", "empty arraybuffer:", "dataview:", "uint8array:", "float64array:", "bigint64array:", "negative zero:", "bigint:", "symbol:", "nested buffer:", "done"} {
			s.WaitLog(tag)
		}
	}},
	{Name: "request_isolation", Script: "workers/isolation.js", Upstream: true, Run: func(s *Session) {
		ws := s.Dial("/ws", nil)
		if ws == nil {
			return
		}
		ws.SendText("hi")
		ws.Read()
		for _, path := range []string{"/use-ws", "/pair", "/use-pair", "/stream", "/use-stream", "/request", "/use-request", "/response", "/use-response", "/close-ws"} {
			s.Fetch("GET", path, nil, "")
		}
		// The socket's own listener still answers in its request.
		ws.SendText("still there?")
		ws.Read()
		ws.Close(websocket.StatusNormalClosure, "")
	}},
	{Name: "request_end", Script: "workers/request-end.js", Upstream: true, Run: func(s *Session) {
		for _, path := range []string{"/timer", "/wait-until-timer", "/wait-until-fetch", "/interval", "/fetch-left-behind"} {
			s.Fetch("GET", path, nil, "")
		}
		time.Sleep(300 * time.Millisecond)
		s.Fetch("GET", "/check", nil, "")
		s.Fetch("GET", "/await-left-behind", nil, "")
	}},
	{Name: "global_scope", Script: "workers/global-scope.js", Run: func(s *Session) {
		s.Fetch("GET", "/", nil, "")
	}},
	{Name: "performance", Script: "workers/performance.js", Run: func(s *Session) {
		s.Fetch("GET", "/", nil, "")
	}},
	{Name: "crypto", Script: "workers/client.js", Run: func(s *Session) {
		s.Fetch("GET", "/crypto", nil, "")
	}},
	{Name: "client_abort", Script: "workers/client.js", Upstream: true, Run: func(s *Session) {
		s.Fetch("GET", "/abort", nil, "")
	}},
	{Name: "client_constructor_errors", Script: "workers/client.js", Run: func(s *Session) {
		s.Fetch("GET", "/constructor-errors", nil, "")
	}},
	{Name: "client_constructor", Script: "workers/client.js", Upstream: true, Run: func(s *Session) {
		s.Fetch("GET", "/constructor", nil, "")
		s.Fetch("GET", "/constructor-refused", nil, "")
	}},
	{Name: "client_extensions_and_subprotocol", Script: "workers/websockets.js", Run: func(s *Session) {
		ws := s.Dial("/protocol", &websocket.DialOptions{Subprotocols: []string{"chat", "superchat"}}, "sec-websocket-protocol")
		if ws == nil {
			return
		}
		s.Record("negotiated subprotocol %q", ws.conn.Subprotocol())
		ws.Read()
		ws.Close(websocket.StatusNormalClosure, "")
	}},
	{Name: "client_half_open_proxy", Script: "workers/client.js", Upstream: true, Run: func(s *Session) {
		ws := s.Dial("/proxy", nil)
		if ws == nil {
			return
		}
		ws.SendText("through the proxy")
		ws.Read()
		ws.Close(4002, "client done")
		s.WaitLog("proxy: client closed")
		s.WaitLog("proxy: upstream closed")
	}},
	{Name: "client_pass_through", Script: "workers/client.js", Upstream: true, Run: func(s *Session) {
		ws := s.Dial("/pass-through", nil)
		if ws == nil {
			return
		}
		ws.SendText("straight to upstream")
		ws.Read()
		ws.SendBinary([]byte{9, 8, 7})
		ws.Read()
		ws.Close(4003, "bye upstream")
	}},
}

// brandCases covers brand checks: an object inheriting from an instance, or
// a Proxy of one, is not an instance; a subclass instance is.
var brandCases = []Case{
	{Name: "brand_checks", Script: "workers/brand-checks.js", Run: func(s *Session) {
		for _, class := range []string{"message", "Headers", "Request", "Response", "Blob", "TextEncoder", "TextDecoder",
			"AbortController", "AbortSignal", "EventTarget", "Event", "MessageEvent", "CloseEvent", "ErrorEvent",
			"URL", "URLSearchParams", "WebSocket", "Crypto", "SubtleCrypto", "ExecutionContext", "subclass"} {
			s.Fetch("GET", "/"+class, nil, "")
		}
	}},
}

// sandboxCases covers the sandbox, one rule per case: no code from strings,
// functions otherwise as usual, no require(), and no process without
// Node.js compatibility (on by default from 2026-08-04, which workerhost does
// not have yet, so process is checked at dates before it).
var sandboxCases = []Case{
	{Name: "sandbox_eval", Script: "workers/sandbox.js", Run: func(s *Session) { s.Fetch("GET", "/eval", nil, "") }},
	{Name: "sandbox_function", Script: "workers/sandbox.js", Run: func(s *Session) { s.Fetch("GET", "/function", nil, "") }},
	{Name: "sandbox_function_constructors", Script: "workers/sandbox.js", Run: func(s *Session) { s.Fetch("GET", "/constructors", nil, "") }},
	{Name: "sandbox_functions_still_work", Script: "workers/sandbox.js", Run: func(s *Session) { s.Fetch("GET", "/still-works", nil, "") }},
	{Name: "sandbox_no_require", Script: "workers/sandbox.js", Run: func(s *Session) { s.Fetch("GET", "/require", nil, "") }},
	{Name: "sandbox_no_process_2021_01_01", Script: "workers/sandbox.js", CompatibilityDate: "2021-01-01", Run: func(s *Session) { s.Fetch("GET", "/process", nil, "") }},
	{Name: "sandbox_no_process_2026_08_03", Script: "workers/sandbox.js", CompatibilityDate: "2026-08-03", Run: func(s *Session) { s.Fetch("GET", "/process", nil, "") }},
}

// builtinCases covers the language built-ins workerhost adds to goja:
// WeakRef and FinalizationRegistry, in what does not depend on when the
// garbage collector runs (collection itself is tested in jsruntime); and
// structuredClone.
var builtinCases = []Case{
	{Name: "weak_refs", Script: "workers/weak-refs.js", Run: func(s *Session) {
		for _, route := range []string{"/constructors", "/register", "/unregister", "/deref", "/receivers", "/shapes"} {
			s.Fetch("GET", route, nil, "")
		}
	}},
	{Name: "structured_clone", Script: "workers/structured-clone.js", Run: func(s *Session) {
		for _, route := range []string{"/values", "/errors", "/transfer"} {
			s.Fetch("GET", route, nil, "")
		}
	}},
}

// allCases is every case the suite runs.
func allCases() []Case {
	var all []Case
	for _, group := range [][]Case{
		guideCases,
		honoCases,
		ittyCases,
		websocketCases,
		hostileCases,
		closeCases,
		compressionCases,
		bindingCases,
		clientCases,
		brandCases,
		sandboxCases,
		builtinCases,
		httpCases,
		wasmCases,
		wasmGoCases,
		wasmRustCases,
		wasmResvgCases,
		wasmWorkersRsCases,
		durableCases,
		durableWebSocketCases,
		surfaceCases,
		htmlRewriterCases,
		cryptoCases,
		bodyLengthCases,
		urlCases,
		urlAPICases,
		urlPatternCases,
		languageCases,
		intlDateTimeCases,
		nodecompatCases,
		nodecompatSmallCases,
		nodecompatShellsCases,
		nodecompatStreamMoreCases,
		streamsCases,
		streamsMoreCases,
		byobCases,
		surfaceCheckCases,
		acceptanceCases,
		nodecompatZlibCases,
		nodecompatCryptoCases,
		intlNumberCases,
		nodecompatAliasCases,
		intlLocaleCases,
		intlUnitCases,
		intlBreakIteratorCases,
		intlDurationCases,
		socketsCases,
		intlDisplayCases,
	} {
		all = append(all, group...)
	}
	all = append(all, bodiesCases...)
	return all
}
