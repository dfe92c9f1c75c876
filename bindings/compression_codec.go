package bindings

// The byte codecs behind CompressionStream and DecompressionStream
// (compression_stream.go): gzip, deflate (zlib) and deflate-raw, fed one
// chunk at a time on the loop.

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"io"
)

// The messages workerd gives for compressed input it cannot decode.
const (
	msgDecompressionFailed = "Decompression failed."
	msgTrailingBytes       = "Trailing bytes after end of compressed data"
	msgIncompleteData      = "Called close() on a decompression stream with incomplete data"
)

// codecError is a failure with workerd's message, thrown as a TypeError.
type codecError struct{ msg string }

// Error implements error.
func (e *codecError) Error() string { return e.msg }

// compressor compresses chunks into out.
type compressor struct {
	out bytes.Buffer
	w   io.WriteCloser
}

// newCompressor returns a compressor for a format CompressionStream
// accepts; the gzip header is workerd's (no name or time, OS Unix).
func newCompressor(format string) *compressor {
	c := &compressor{}
	switch format {
	case "gzip":
		zw := gzip.NewWriter(&c.out)
		zw.OS = 3
		c.w = zw
	case "deflate":
		c.w = zlib.NewWriter(&c.out)
	default:
		fw, _ := flate.NewWriter(&c.out, flate.DefaultCompression)
		c.w = fw
	}
	return c
}

// push compresses chunk and returns what output is ready.
func (c *compressor) push(chunk []byte) []byte {
	_, _ = c.w.Write(chunk) // writes to a bytes.Buffer cannot fail
	return c.take()
}

// finish ends the stream and returns the rest of the output.
func (c *compressor) finish() []byte {
	_ = c.w.Close()
	return c.take()
}

func (c *compressor) take() []byte {
	if c.out.Len() == 0 {
		return nil
	}
	b := bytes.Clone(c.out.Bytes())
	c.out.Reset()
	return b
}

// decompressor runs a Go decompressing reader in a goroutine that only
// runs while push or finish waits for it: it is handed one chunk, and
// reports back when it needs the next (it has consumed the chunk) or has
// ended. The goroutine ends at the end of the data, on an error, at
// abort, or when ctx is done (the runtime stops, or the request that owns
// the stream ends: compression_stream.go).
type decompressor struct {
	format string
	in     chan []byte // the next chunk; closed at the end of the input
	need   chan struct{}
	done   chan error
	out    bytes.Buffer // written by the goroutine only while push waits
	ended  bool         // the goroutine has reported on done
	err    error
	ctx    context.Context
	stop   context.CancelFunc
	// forget unregisters stop from the request that owns the stream.
	forget func()
}

// newDecompressor returns a decompressor for a format DecompressionStream
// accepts; its goroutine starts with the first chunk.
func newDecompressor(ctx context.Context, format string) *decompressor {
	ctx, stop := context.WithCancel(ctx)
	return &decompressor{format: format, ctx: ctx, stop: stop, forget: func() {}}
}

// push decompresses chunk and returns what output is ready, or workerd's
// error.
func (d *decompressor) push(chunk []byte) ([]byte, error) {
	if d.err != nil {
		return nil, d.err
	}
	if len(chunk) == 0 {
		return nil, nil
	}
	if d.ended {
		d.fail(&codecError{msgTrailingBytes})
		return nil, d.err
	}
	if d.in == nil {
		d.start()
	}
	select {
	case d.in <- chunk:
	case err := <-d.done:
		d.finished(err)
		return d.take(), d.err
	}
	return d.wait()
}

// finish ends the input and returns the rest of the output, or workerd's
// error for data that stopped early.
func (d *decompressor) finish() ([]byte, error) {
	if d.err != nil {
		return nil, d.err
	}
	if d.in == nil {
		d.fail(&codecError{msgIncompleteData})
		return nil, d.err
	}
	if !d.ended {
		close(d.in)
		d.finished(<-d.done)
	}
	return d.take(), d.err
}

// abort stops the goroutine, if running.
func (d *decompressor) abort() {
	d.stop()
	d.forget()
	if d.in != nil && !d.ended {
		d.ended = true
		<-d.done
	}
}

func (d *decompressor) fail(err error) {
	d.err = err
	d.abort()
}

// wait waits for the goroutine to want more input or to end.
func (d *decompressor) wait() ([]byte, error) {
	select {
	case <-d.need:
	case err := <-d.done:
		d.finished(err)
	}
	return d.take(), d.err
}

func (d *decompressor) finished(err error) {
	d.ended = true
	d.stop()
	d.forget()
	if err != nil && d.err == nil {
		d.err = err
	}
}

func (d *decompressor) take() []byte {
	if d.out.Len() == 0 {
		return nil
	}
	b := bytes.Clone(d.out.Bytes())
	d.out.Reset()
	return b
}

func (d *decompressor) start() {
	d.in = make(chan []byte)
	d.need = make(chan struct{})
	d.done = make(chan error, 1)
	go func() { d.done <- d.run() }()
}

// run decodes the input to its end.
func (d *decompressor) run() error {
	r := &chunkReader{d: d}
	var zr io.Reader
	var err error
	switch d.format {
	case "gzip":
		var g *gzip.Reader
		if g, err = gzip.NewReader(r); err == nil {
			g.Multistream(false)
			zr = g
		}
	case "deflate":
		zr, err = zlib.NewReader(r)
	default:
		zr = flate.NewReader(r)
	}
	if err == nil {
		err = d.copyOut(zr)
	}
	switch {
	case r.stopped:
		return &codecError{msgDecompressionFailed}
	case r.eof && err != nil:
		return &codecError{msgIncompleteData}
	case err != nil:
		return &codecError{msgDecompressionFailed}
	case len(r.cur) > 0:
		return &codecError{msgTrailingBytes}
	}
	return nil
}

// copyOut copies zr's output to out, through a buffer of its own: out is
// read and reset by push while a read is blocked waiting for input, so no
// read may write into out's storage (as io.Copy's ReadFrom would).
func (d *decompressor) copyOut(zr io.Reader) error {
	buf := make([]byte, 32<<10)
	for {
		n, err := zr.Read(buf)
		d.out.Write(buf[:n])
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// chunkReader hands the goroutine's decompressor the pushed chunks.
type chunkReader struct {
	d       *decompressor
	cur     []byte
	eof     bool // the input ended
	stopped bool // aborted
}

// errStopped ends a read when the stream is aborted.
var errStopped = errors.New("decompression stopped")

// next waits for a chunk, telling push that the last one is used up.
func (r *chunkReader) next() error {
	if r.eof {
		return io.EOF
	}
	if r.cur != nil {
		select {
		case r.d.need <- struct{}{}:
		case <-r.d.ctx.Done():
			r.stopped = true
			return errStopped
		}
	}
	select {
	case c, ok := <-r.d.in:
		if !ok {
			r.eof = true
			return io.EOF
		}
		r.cur = c
		return nil
	case <-r.d.ctx.Done():
		r.stopped = true
		return errStopped
	}
}

// Read implements io.Reader.
func (r *chunkReader) Read(p []byte) (int, error) {
	for len(r.cur) == 0 {
		if err := r.next(); err != nil {
			return 0, err
		}
	}
	n := copy(p, r.cur)
	r.cur = r.cur[n:]
	return n, nil
}

// ReadByte implements io.ByteReader, so that the decompressors read no
// further ahead than they need and trailing bytes stay here.
func (r *chunkReader) ReadByte() (byte, error) {
	for len(r.cur) == 0 {
		if err := r.next(); err != nil {
			return 0, err
		}
	}
	b := r.cur[0]
	r.cur = r.cur[1:]
	return b, nil
}
