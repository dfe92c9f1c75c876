package bindings_test

import (
	"strings"
	"testing"

	"workerhost/bindings"
)

// BenchmarkHTMLRewriterEngine rewrites a 100 KB page in 16 KB chunks with
// handlers registered but changing nothing: the tokenizer and matching
// cost, without JS.
func BenchmarkHTMLRewriterEngine(b *testing.B) {
	page := []byte(strings.Repeat(`<div class="item"><a href="/x?a=1&amp;b=2" title='t'>link</a> some text here <!-- c --><img src=i.png></div>`+"\n", 1000))
	var chunks [][]byte
	for i := 0; i < len(page); i += 16 << 10 {
		chunks = append(chunks, page[i:min(i+16<<10, len(page))])
	}
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bindings.RewriteUntouched(chunks, "a[href]", "div.item > img"); err != nil {
			b.Fatal(err)
		}
	}
}
