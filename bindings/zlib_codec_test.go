package bindings

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"io"
	"testing"
)

// defaultZlibOpts are node_zlib.js's defaults for mode.
func defaultZlibOpts(mode string) zlibOpts {
	return zlibOpts{mode: mode, level: -1, windowBits: 15, maxOutput: 1 << 27, quality: 11, lgwin: 22}
}

// TestZlibCodecsInteroperate checks that what the codecs write, Go's own
// zlib and gzip readers read, and the other way round.
func TestZlibCodecsInteroperate(t *testing.T) {
	t.Parallel()
	data := bytes.Repeat([]byte("hello zlib "), 1000)
	packed, err := zlibProcess(defaultZlibOpts("deflate"), data)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zlib.NewReader(bytes.NewReader(packed))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := io.ReadAll(zr); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("compress/zlib read %d bytes, %v", len(got), err)
	}
	gz, err := zlibProcess(defaultZlibOpts("gzip"), data)
	if err != nil {
		t.Fatal(err)
	}
	gr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := io.ReadAll(gr); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("compress/gzip read %d bytes, %v", len(got), err)
	}
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Name = "named.txt"
	_, _ = w.Write(data)
	_ = w.Close()
	for _, mode := range []string{"gunzip", "unzip"} {
		if got, err := zlibProcess(defaultZlibOpts(mode), buf.Bytes()); err != nil || !bytes.Equal(got, data) {
			t.Fatalf("%s read %d bytes, %v", mode, len(got), err)
		}
	}
	br, err := zlibProcess(defaultZlibOpts("brotliEncode"), data)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := zlibProcess(defaultZlibOpts("brotliDecode"), br); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("brotli round trip: %d bytes, %v", len(got), err)
	}
}

// TestZlibErrorsAreZlibs checks the messages bad input gets.
func TestZlibErrorsAreZlibs(t *testing.T) {
	t.Parallel()
	packed, _ := zlibProcess(defaultZlibOpts("deflate"), []byte("hello hello"))
	limited := defaultZlibOpts("inflate")
	limited.maxOutput = 3
	for _, tc := range []struct {
		opts zlibOpts
		in   []byte
		want string
	}{
		{defaultZlibOpts("inflate"), []byte("hello"), "incorrect header check"},
		{defaultZlibOpts("inflate"), packed[:5], "unexpected end of file"},
		{defaultZlibOpts("inflate"), nil, "unexpected end of file"},
		{defaultZlibOpts("gunzip"), packed, "incorrect header check"},
		{defaultZlibOpts("inflateRaw"), []byte{0xff, 0xff}, "invalid block type"},
		{defaultZlibOpts("brotliDecode"), []byte("hello world"), "Compression failed"},
		{limited, packed, "Memory limit exceeded"},
	} {
		_, err := zlibProcess(tc.opts, tc.in)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s(%q): %v, want %q", tc.opts.mode, tc.in, err, tc.want)
		}
	}
}
