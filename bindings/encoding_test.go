package bindings_test

import (
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

// The expected values were printed by workerd 2026-11-17 for the same calls.
func TestTextEncoderAndDecoder(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "encoding_test.js", `
		assertEq(new TextDecoder("latin1").encoding, "windows-1252", "latin1 label");
		assertThrows(() => new TextDecoder("foo"), "RangeError", '"foo" is not a valid encoding.');
		assertEq(new TextDecoder("utf-16le").decode(new Uint8Array([104, 0])), "h", "utf-16le");
		assertThrows(() => new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array([0xff])), "TypeError", "Failed to decode input.");
		assertEq(new TextDecoder().decode(new Uint8Array([0xF0, 0x9F, 0x92])), "\uFFFD", "truncated sequence");
		assertEq(new TextDecoder().decode(new Uint8Array([0xEF, 0xBB, 0xBF, 104])), "h", "BOM stripped");
		assertEq(new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array([0xEF, 0xBB, 0xBF, 104])), "\uFEFFh", "ignoreBOM");
		assertEq(Array.from(new TextEncoder().encode("hé\uD800")).join(), "104,195,169,239,191,189", "encode");
		assertEq(JSON.stringify(new TextEncoder().encodeInto("héllo", new Uint8Array(3))), '{"read":2,"written":3}', "encodeInto");
		assertEq(new TextEncoder().encoding, "utf-8", "encoder encoding");
		const d = new TextDecoder();
		assertEq(d.decode(new Uint8Array([0xE2, 0x82]), { stream: true }) + d.decode(new Uint8Array([0xAC])), "€", "stream");
		assertThrows(() => new TextDecoder().decode("abc"), "TypeError", "Failed to execute 'decode' on 'TextDecoder': parameter 1 is not of type 'Array'.");
		assertEq(new TextDecoder().decode(), "", "no input");
		assertEq(JSON.stringify([new TextDecoder().fatal, new TextDecoder().ignoreBOM, new TextDecoder("UTF8").encoding]), '[false,false,"utf-8"]', "attributes");
		assertEq(new TextDecoder("windows-1252").decode(new Uint8Array([0x80, 0xe9])), "€é", "windows-1252");
	`)
}

func TestAtobBtoa(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "base64_test.js", `
		const invalid = "atob() called with invalid base64-encoded data. (Only whitespace, '+', '/', alphanumeric ASCII, and up to two terminal '=' signs when the input data length is divisible by 4 are allowed.)";
		assertEq(atob("aGVsbG8"), "hello", "unpadded");
		assertEq(atob(" aGVs bG8= "), "hello", "whitespace");
		assertEq(assertThrows(() => atob("a"), "DOMException", invalid).name, "InvalidCharacterError", "name");
		assertThrows(() => atob("a*"), "DOMException", invalid);
		assertEq(btoa("héllo"), "aOlsbG8=", "latin1");
		assertThrows(() => btoa("ĀĀ"), "DOMException", "btoa() can only operate on characters in the Latin1 (ISO/IEC 8859-1) range.");
		assertThrows(() => btoa(), "TypeError", "Failed to execute 'btoa' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'String'.");
		assertThrows(() => atob(), "TypeError", "Failed to execute 'atob' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'string'.");
		assertEq(atob(btoa("\u00ff\u0000")), "\u00ff\u0000", "round trip");
	`)
}

func TestEncodeIntoIgnoresAViewsOwnProperties(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "encode_into_spoof_test.js", `
		const u8 = new Uint8Array(4);
		Object.defineProperty(u8, "byteLength", { value: 1000 });
		Object.defineProperty(u8, "byteOffset", { value: 3 });
		Object.defineProperty(u8, "buffer", { value: new ArrayBuffer(1) });
		const r = new TextEncoder().encodeInto("hello", u8);
		assertEq(r.read + " " + r.written + " " + Array.from(u8).join(), "4 4 104,101,108,108", "encodeInto");
		const sub = new Uint8Array(8).subarray(2, 5);
		assertEq(new TextEncoder().encodeInto("abcdef", sub).written, 3, "subarray");
		assertThrows(() => new TextEncoder().encodeInto("x", new Uint16Array(2)), "TypeError", "Failed to execute 'encodeInto' on 'TextEncoder': parameter 2 is not of type 'Uint8Array'.");
	`)
}
