//go:build js && wasm

// Command wasm-go is the WebSocket server of the Workers guide "Using the
// WebSockets API", written in Go with syscall/js and compiled to
// WebAssembly with GOOS=js GOARCH=wasm. worker.js starts it on the first
// request; from then on it answers every request through the
// goHandleRequest function it leaves on globalThis.
package main

import (
	"fmt"
	"syscall/js"
)

func main() {
	js.Global().Set("goHandleRequest", js.FuncOf(handleRequest))
	select {} // keep running: the callbacks are the program now
}

// handleRequest answers one request: 426 unless it asks for a WebSocket,
// else the client end of a new WebSocketPair whose server end this program
// serves.
func handleRequest(_ js.Value, args []js.Value) any {
	request := args[0]
	upgrade := request.Get("headers").Call("get", "Upgrade")
	if upgrade.IsNull() || upgrade.String() != "websocket" {
		return newResponse("Expected Upgrade: websocket", map[string]any{"status": 426})
	}
	pair := js.Global().Get("WebSocketPair").New()
	values := js.Global().Get("Object").Call("values", pair)
	client, server := values.Index(0), values.Index(1)
	server.Call("accept")
	// Binary messages as ArrayBuffers, which Go can copy from at once,
	// not Blobs (the default from 2026-03-17), which it would have to await.
	server.Set("binaryType", "arraybuffer")
	serve(server)
	return newResponse(nil, map[string]any{"status": 101, "webSocket": client})
}

// newResponse is `new Response(body, init)`.
func newResponse(body any, init map[string]any) js.Value {
	return js.Global().Get("Response").New(body, init)
}

// serve answers each message on server: text is logged, as in the guide,
// and echoed back; binary data is summed. "close" makes the server close
// the socket. The callbacks are released once the socket has closed.
func serve(server js.Value) {
	var onMessage, onClose js.Func
	onMessage = js.FuncOf(func(_ js.Value, args []js.Value) any {
		data := args[0].Get("data")
		if data.Type() != js.TypeString {
			b := make([]byte, data.Get("byteLength").Int())
			js.CopyBytesToGo(b, js.Global().Get("Uint8Array").New(data))
			sum := 0
			for _, c := range b {
				sum += int(c)
			}
			server.Call("send", fmt.Sprintf("%d bytes, sum %d", len(b), sum))
			return nil
		}
		text := data.String()
		fmt.Println(text) // wasm_exec.js prints Go's stdout with console.log
		if text == "close" {
			server.Call("close", 1000, "closed by Go")
			return nil
		}
		server.Call("send", "Go heard: "+text)
		return nil
	})
	onClose = js.FuncOf(func(_ js.Value, args []js.Value) any {
		event := args[0]
		fmt.Printf("closed: %d %q\n", event.Get("code").Int(), event.Get("reason").String())
		onMessage.Release()
		onClose.Release()
		return nil
	})
	server.Call("addEventListener", "message", onMessage)
	server.Call("addEventListener", "close", onClose)
}
