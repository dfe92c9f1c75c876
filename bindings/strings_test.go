package bindings_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

// TestUTF8DecodingReplacesMaximalSubparts decodes ill-formed UTF-8 with
// each API that turns bytes into text. The code points are what workerd
// 1.20261117.1 gave for the same bytes (the conformance case
// ws_text_decoding replays them, with WebSocket messages): one U+FFFD per
// maximal subpart, not per run of bad bytes, and a leading BOM dropped by
// TextDecoder, Response.text() and Request.text() but kept by Blob.text().
func TestUTF8DecodingReplacesMaximalSubparts(t *testing.T) {
	t.Parallel()
	bindingstest.NewRuntime(t, bindings.Options{}).Run("utf8_test.js", `(async () => {
		const table = [
			["efbbbf61", "61", "BOM"],
			["efbbbfefbbbf61", "feff 61", "only the first BOM"],
			["61ff62", "61 fffd 62", "0xFF"],
			["fe", "fffd", "0xFE"],
			["c0af", "fffd fffd", "overlong, 2 bytes"],
			["e080af", "fffd fffd fffd", "overlong, 3 bytes"],
			["f8888080", "fffd fffd fffd fffd", "5-byte form"],
			["eda080", "fffd fffd fffd", "surrogate D800"],
			["edbfbf", "fffd fffd fffd", "surrogate DFFF"],
			["f4908080", "fffd fffd fffd fffd", "past U+10FFFF"],
			["e28261", "fffd 61", "truncated 3-byte sequence"],
			["f09f9861", "fffd 61", "truncated 4-byte sequence"],
			["61e2", "61 fffd", "truncated at the end"],
			["bf80", "fffd fffd", "lone continuation bytes"],
			["efbb61", "fffd 61", "truncated BOM"],
			["f0908080", "10000", "U+10000"],
		];
		const hex = (s) => new Uint8Array(s.match(/../g).map((h) => parseInt(h, 16)));
		const cps = (s) => [...s].map((c) => c.codePointAt(0).toString(16)).join(" ");
		for (const [input, want, name] of table) {
			const bytes = hex(input);
			assertEq(cps(new TextDecoder().decode(bytes)), want, "TextDecoder " + name);
			assertEq(cps(await new Response(bytes).text()), want, "Response.text " + name);
			assertEq(cps(await new Request("http://x/", { method: "POST", body: bytes }).text()), want, "Request.text " + name);
			const keptBOM = input.startsWith("efbbbf") ? "feff " + want : want;
			assertEq(cps(await new Blob([bytes]).text()), keptBOM, "Blob.text " + name);
		}
		assertEq(cps(await new Response(hex("efbbbf2261ff22")).json()), "61 fffd", "json drops the BOM");
		assertEq(cps(new TextDecoder("utf-8", { ignoreBOM: true }).decode(hex("efbbbf61"))), "feff 61", "ignoreBOM keeps it");
	})()`)
}

// FuzzDecodeUTF8 checks the decoder against golang.org/x/text's, which
// follows the Encoding standard too: the same text for any bytes, and
// valid UTF-8 out.
func FuzzDecodeUTF8(f *testing.F) {
	for _, s := range []string{"a\xffb", "\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82a", "\xef\xbb\xbfa", "\xf0\x9f\x98", "é€😀"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		got := bindings.DecodeUTF8KeepBOM(b)
		want, err := unicode.UTF8.NewDecoder().Bytes(b)
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Fatalf("% x: got %+q, x/text %+q", b, got, want)
		}
		if !utf8.ValidString(got) || (utf8.Valid(b) && got != string(b)) {
			t.Fatalf("% x decoded to %+q", b, got)
		}
		if n := strings.Count(got, "\uFFFD"); n > len(b) {
			t.Fatalf("%d replacements for %d bytes", n, len(b))
		}
	})
}
