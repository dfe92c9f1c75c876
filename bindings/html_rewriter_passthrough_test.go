package bindings_test

import (
	"bytes"
	"testing"

	"workerhost/bindings"
)

// passthroughCorpus is HTML that exercises every tokenizer state.
var passthroughCorpus = []string{
	`<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd"><html lang=en><head><title>A &amp; B</title>`,
	`<p class="a b" id='x' data-x=y disabled>héllo &amp; wörld €<!-- c --><a href=/x>y</a></p>`,
	`<script>if (a < b && c > d) { x("</p>"); y("</scr" + "ipt>") }</script><style>p > a {}</style>`,
	`<textarea><b>not a tag</b></textarea><noscript><b>x</b></noscript><plaintext><p>all text`,
	`<?xml x?></ x><!--><!---><!----><svg><![CDATA[x<y]]><rect/></svg><math><mi>x</mi></math><p/>z</p>`,
	`a < b <3 </> <a  href = "x"   class=y / > <br/><img src=x /><div><span><i>a</div>b`,
	`<div attr="unterminated`,
	`text then <!-- an unterminated comment`,
	`<DIV CLASS=Foo><P>x</P></DIV><a b="1" b="2">`,
}

// An untouched document comes out byte for byte as it went in, however its
// bytes are split into chunks (as lol-html guarantees).
func TestHTMLRewriterPassthrough(t *testing.T) {
	t.Parallel()
	for _, doc := range passthroughCorpus {
		in := []byte(doc)
		for cut := 0; cut <= len(in); cut++ {
			for _, sels := range [][]string{nil, {"*", "p", "div > span", "a[href]"}} {
				out, err := bindings.RewriteUntouched([][]byte{in[:cut], in[cut:]}, sels...)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(out, in) {
					t.Fatalf("split at %d with %v:\n got %q\nwant %q", cut, sels, out, in)
				}
			}
		}
		// One byte at a time.
		var chunks [][]byte
		for i := range in {
			chunks = append(chunks, in[i:i+1])
		}
		if out, _ := bindings.RewriteUntouched(chunks, "*"); !bytes.Equal(out, in) {
			t.Fatalf("byte by byte:\n got %q\nwant %q", out, in)
		}
	}
}

// FuzzHTMLRewriterPassthrough checks the passthrough guarantee on any input.
func FuzzHTMLRewriterPassthrough(f *testing.F) {
	for _, doc := range passthroughCorpus {
		f.Add([]byte(doc), uint(len(doc)/2))
	}
	f.Fuzz(func(t *testing.T, in []byte, cut uint) {
		c := int(cut % uint(len(in)+1))
		out, err := bindings.RewriteUntouched([][]byte{in[:c], in[c:]}, "*", "p a")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out, in) {
			t.Fatalf("split at %d:\n got %q\nwant %q", c, out, in)
		}
	})
}
