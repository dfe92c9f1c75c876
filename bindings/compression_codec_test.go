package bindings

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestCodecsSplitAnywhere compresses and decompresses each format with the
// compressed bytes cut at every point, and checks the errors workerd gives
// for truncated and trailing data.
func TestCodecsSplitAnywhere(t *testing.T) {
	t.Parallel()
	text := []byte(strings.Repeat("split anywhere: é€😀 ", 40))
	for _, f := range []string{"gzip", "deflate", "deflate-raw"} {
		c := newCompressor(f)
		z := append(c.push(text), c.finish()...)
		for cut := 0; cut <= len(z); cut++ {
			d := newDecompressor(context.Background(), f)
			var got []byte
			for _, part := range [][]byte{z[:cut], z[cut:]} {
				out, err := d.push(part)
				if err != nil {
					t.Fatalf("%s cut at %d: %v", f, cut, err)
				}
				got = append(got, out...)
			}
			out, err := d.finish()
			if err != nil {
				t.Fatalf("%s cut at %d: finish: %v", f, cut, err)
			}
			if got = append(got, out...); !bytes.Equal(got, text) {
				t.Fatalf("%s cut at %d: got %q", f, cut, got)
			}
		}
		d := newDecompressor(context.Background(), f)
		if _, err := d.push(z[:len(z)-1]); err != nil {
			t.Fatalf("%s truncated: push: %v", f, err)
		}
		if _, err := d.finish(); err == nil || err.Error() != msgIncompleteData {
			t.Errorf("%s truncated: %v, want %q", f, err, msgIncompleteData)
		}
		d = newDecompressor(context.Background(), f)
		if _, err := d.push(append(bytes.Clone(z), 0)); err == nil || err.Error() != msgTrailingBytes {
			t.Errorf("%s trailing: %v, want %q", f, err, msgTrailingBytes)
		}
		d = newDecompressor(context.Background(), f)
		if _, err := d.push(z[:len(z)/2]); err != nil {
			t.Fatalf("%s abort: push: %v", f, err)
		}
		d.abort() // its goroutine ends (goleak checks at the end)
	}
	d := newDecompressor(context.Background(), "gzip")
	if _, err := d.push([]byte("not gzip at all")); err == nil || err.Error() != msgDecompressionFailed {
		t.Errorf("bad gzip: %v, want %q", err, msgDecompressionFailed)
	}
}
