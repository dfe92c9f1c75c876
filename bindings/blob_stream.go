package bindings

// Blob.prototype.stream(): https://w3c.github.io/FileAPI/#dom-blob-stream

import "github.com/dop251/goja"

// installBlobStream adds stream() to Blob: a ReadableStream of the blob's
// bytes as one Uint8Array (a copy, so later changes to it are not seen).
// It runs after installBlob and installStreams.
func (rl *Realm) installBlobStream() {
	rl.blobClass.method("stream", func(call goja.FunctionCall) goja.Value {
		data := append([]byte(nil), thisState[blob](rl, call).data...)
		return rl.callHelper(rl.streams.fromBytes, rl.newUint8Array(data))
	})
}
