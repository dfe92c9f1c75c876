package bindings

// ReadableStream (js/streams.js) and the Go side of streamed bodies: a
// network body read chunk by chunk into a stream, and a stream drained
// chunk by chunk to the network.

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"io"
	"sync"

	"github.com/dop251/goja"

	"workerhost/internal/config"
	"workerhost/internal/outbound"
)

//go:embed js/streams.js
var streamsSource string

//go:embed js/byte_streams.js
var byteStreamsSource string

//go:embed js/byob_reader.js
var byobReaderSource string

// streamHelpers are the functions js/streams.js returns besides the classes.
type streamHelpers struct {
	ctor        *goja.Object
	readAll     goja.Callable
	fromBytes   goja.Callable
	fromPull    goja.Callable
	isDisturbed goja.Callable
	setLength   goja.Callable
	expectedLen goja.Callable
	// internals is what js/transform.js and js/pipe.js reach beyond the
	// public API.
	internals goja.Value
}

// installStreams defines ReadableStream, its readers and controllers and
// the BYOB request.
func (rl *Realm) installStreams() {
	exports := rl.runFactory("streams.js", streamsSource)
	internals := exports.Get("internals")
	byteExports := rl.runFactory("byte_streams.js", byteStreamsSource, internals)
	returnView := rl.opts.Compat.Enabled(config.FlagInternalStreamBYOBReturnView)
	byobExports := rl.runFactory("byob_reader.js", byobReaderSource, internals, byteExports, rl.vm.ToValue(returnView))
	for _, name := range []string{"ReadableStream", "ReadableStreamDefaultReader", "ReadableStreamDefaultController"} {
		rl.global(name, exports.Get(name))
	}
	for _, name := range []string{"ReadableByteStreamController", "ReadableStreamBYOBRequest"} {
		rl.global(name, byteExports.Get(name))
	}
	rl.global("ReadableStreamBYOBReader", byobExports.Get("ReadableStreamBYOBReader"))
	fn := func(name string) goja.Callable {
		f, _ := goja.AssertFunction(exports.Get(name))
		return f
	}
	rl.streams = streamHelpers{
		ctor:    exports.Get("ReadableStream").(*goja.Object),
		readAll: fn("readAll"), fromBytes: fn("fromBytes"), fromPull: fn("fromPull"), isDisturbed: fn("isDisturbed"),
		setLength: fn("setLength"), expectedLen: fn("expectedLength"),
		internals: exports.Get("internals"),
	}
}

// runFactory runs a source that evaluates to a function and calls it with
// args; it returns what the function returns.
func (rl *Realm) runFactory(name, source string, args ...goja.Value) *goja.Object {
	factory, _ := goja.AssertFunction(rl.mustRun(name, source))
	v, err := factory(goja.Undefined(), args...)
	if err != nil {
		panic(err)
	}
	return v.(*goja.Object)
}

// isReadableStream reports whether v is a ReadableStream.
func (rl *Realm) isReadableStream(v goja.Value) bool {
	return rl.vm.InstanceOf(v, rl.streams.ctor)
}

// call invokes a stream helper and panics with its exception.
func (rl *Realm) callHelper(f goja.Callable, args ...goja.Value) goja.Value {
	v, err := f(goja.Undefined(), args...)
	if err != nil {
		panic(err)
	}
	return v
}

// streamDisturbed reports whether a stream was read from or locked.
func (rl *Realm) streamDisturbed(stream *goja.Object) bool {
	return rl.callHelper(rl.streams.isDisturbed, stream).ToBoolean()
}

// networkStream wraps a body being read from the network as a
// ReadableStream; the body is closed at its end, on cancel, or when the
// runtime stops. It belongs to the request it is created in: reading it
// from another request fails as in workerd. On the loop.
func (rl *Realm) networkStream(body io.ReadCloser, done func()) *goja.Object {
	closeBody := func() { body.Close(); done() }
	owner := rl.rt.Current()
	pull := func(goja.FunctionCall) goja.Value {
		p, resolve, reject := rl.vm.NewPromise()
		if !owner.SameRequest(rl.rt.Current()) {
			_ = reject(rl.crossRequestError(ioStreamSource))
			return rl.vm.ToValue(p)
		}
		complete := rl.rt.Reserve()
		go func() {
			chunk, err := readChunk(body)
			if err != nil && (len(chunk) == 0 || !errors.Is(err, io.EOF)) {
				closeBody()
			}
			complete(func(*goja.Runtime) {
				switch {
				case len(chunk) > 0:
					_ = resolve(rl.newUint8Array(chunk))
				case errors.Is(err, io.EOF):
					_ = resolve(goja.Null())
				default:
					_ = reject(rl.newError("Error", outbound.ErrNetwork.Error()))
				}
			})
		}()
		return rl.vm.ToValue(p)
	}
	cancel := func(goja.FunctionCall) goja.Value { closeBody(); return goja.Undefined() }
	return rl.callHelper(rl.streams.fromPull, rl.vm.ToValue(pull), rl.vm.ToValue(cancel)).(*goja.Object)
}

// readBuffers are the buffers network reads go into: a chunk is copied out
// at its own size, so a 32-byte body costs 32 bytes, not a 64 KiB buffer
// per read kept alive by the chunk.
var readBuffers = sync.Pool{New: func() any { return new([64 << 10]byte) }}

// readChunk reads once from body into a pooled buffer and returns a copy
// of what it read.
func readChunk(body io.Reader) ([]byte, error) {
	buf := readBuffers.Get().(*[64 << 10]byte)
	defer readBuffers.Put(buf)
	n, err := body.Read(buf[:])
	if n == 0 {
		return nil, err
	}
	return bytes.Clone(buf[:n]), err
}

// streamLength is how many bytes an unread stream will deliver, when its
// source said so in advance (a request body's Content-Length, also through
// tee()); -1 otherwise. On the loop.
func (rl *Realm) streamLength(stream *goja.Object) int64 {
	return rl.callHelper(rl.streams.expectedLen, stream).ToInteger()
}

// BodyStream drains a ReadableStream response body for the host, chunk by
// chunk. Its methods are safe from any goroutine.
type BodyStream struct {
	rl     *Realm
	reader *goja.Object // touched only on the loop
}

// newBodyStream locks stream to a reader. On the loop.
func (rl *Realm) newBodyStream(stream *goja.Object) (*BodyStream, error) {
	getReader, _ := goja.AssertFunction(stream.Get("getReader"))
	r, err := getReader(stream)
	if err != nil {
		return nil, err
	}
	return &BodyStream{rl: rl, reader: r.(*goja.Object)}, nil
}

// chunkResult is one read from the stream, handed off the loop.
type chunkResult struct {
	data []byte
	err  error
}

// Read returns the next chunk, or io.EOF at the end. A chunk that is not
// bytes is an error, as in workerd.
func (b *BodyStream) Read(ctx context.Context) ([]byte, error) {
	ch := make(chan chunkResult, 1)
	ok := b.rl.rt.Enqueue(func(vm *goja.Runtime) { b.readOnLoop(vm, ch) })
	if !ok {
		return nil, io.ErrUnexpectedEOF
	}
	select {
	case r := <-ch:
		return r.data, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// readOnLoop starts reader.read() and reports its outcome on ch.
func (b *BodyStream) readOnLoop(vm *goja.Runtime, ch chan<- chunkResult) {
	rl := b.rl
	read, _ := goja.AssertFunction(b.reader.Get("read"))
	p, err := read(b.reader)
	if err != nil {
		ch <- chunkResult{err: err}
		return
	}
	then, _ := goja.AssertFunction(p.(*goja.Object).Get("then"))
	onResult := func(call goja.FunctionCall) goja.Value {
		res := call.Argument(0).ToObject(vm)
		if res.Get("done").ToBoolean() {
			ch <- chunkResult{err: io.EOF}
			return goja.Undefined()
		}
		data, ok := rl.bufferSource(res.Get("value"))
		if !ok {
			ch <- chunkResult{err: errors.New("TypeError: This ReadableStream did not return bytes.")}
			return goja.Undefined()
		}
		ch <- chunkResult{data: data}
		return goja.Undefined()
	}
	onError := func(call goja.FunctionCall) goja.Value {
		ch <- chunkResult{err: errors.New(rl.Inspect(call.Argument(0)))}
		return goja.Undefined()
	}
	if _, err := then(p, vm.ToValue(onResult), vm.ToValue(onError)); err != nil {
		ch <- chunkResult{err: err}
	}
}

// Cancel cancels the stream, for a client that went away.
func (b *BodyStream) Cancel() {
	b.rl.rt.Enqueue(func(*goja.Runtime) {
		if cancel, ok := goja.AssertFunction(b.reader.Get("cancel")); ok {
			_, _ = cancel(b.reader)
		}
	})
}
