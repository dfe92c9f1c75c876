package bindings_test

import (
	"bytes"
	"encoding/hex"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

// onLoop runs f on r's loop with its realm.
func onLoop(t *testing.T, r *bindingstest.Runtime, f func(rl *bindings.Realm)) {
	t.Helper()
	r.Set("goCallback", func(goja.FunctionCall) goja.Value {
		f(r.Realm())
		return goja.Undefined()
	})
	r.Run("callback.js", "goCallback()")
}

// TestDeserializeRejectsCorruptInput feeds broken values: each is an error
// wrapping ErrCorruptClone that says what is wrong, never a panic.
func TestDeserializeRejectsCorruptInput(t *testing.T) {
	t.Parallel()
	r := bindingstest.NewRuntime(t, bindings.Options{})
	for _, tc := range []struct{ name, hex, want string }{
		{"empty", "", "no data"},
		{"header only", "ff0f", "unexpected end of data"},
		{"newer version", "ff1049", "format version 16 is not supported"},
		{"older version", "ff0c49", "format version 12 is not supported"},
		{"unknown tag", "ff0f01", "unknown tag 0x01"},
		{"truncated int", "ff0f4980", "unexpected end of data"},
		{"varint too long", "ff0f49ffffffffffffffffffffff01", "varint"},
		{"int over 32 bits", "ff0f49ffffffff7f", "overflows 32 bits"},
		{"truncated double", "ff0f4e0000", "8 bytes announced, 2 left"},
		{"string past the end", "ff0f2205616263", "5 bytes announced, 3 left"},
		{"odd two-byte string", "ff0f6303616263", "two-byte string of odd length 3"},
		{"unknown reference", "ff0f5e00", "reference to unknown object 0"},
		{"reference to itself", "ff0f6f2201615e007b01", "ok"},
		{"object count wrong", "ff0f6f2201614902" + "7b02", "1 properties read, 2 announced"},
		{"object key not a key", "ff0f6f6f7b0049027b01", "property key is neither a string nor a number"},
		{"unterminated object", "ff0f6f220161", "unexpected end of data"},
		{"dense array longer than data", "ff0f41ffffffff0f", "dense array of 4294967295 elements"},
		{"array length mismatch", "ff0f41014902240002", "array length 2 announced at the end, 1 at the start"},
		{"map count wrong", "ff0f3b490249043a03", "Map of 2 read, 3 announced"},
		{"regexp bad flags", "ff0f5222016180ff03", "unknown RegExp flags"},
		{"regexp bad pattern", "ff0f5222012800", "SyntaxError"},
		{"regexp flag goja lacks", "ff0f52220178bf01", "Invalid flags"},
		{"bigint past the end", "ff0f5a1001", "8 bytes announced, 1 left"},
		{"view outside buffer", "ff0f420201025642010300", "view [1, +3) outside a buffer of 2 bytes"},
		{"misaligned view", "ff0f42040000000056770101" + "00", "not aligned"},
		{"unknown view type", "ff0f4201005658000100", "unknown view type"},
		{"view without buffer", "ff0f5642000000", "unknown tag 0x56"},
		{"transfer not transferred", "ff0f7400", "transferred buffer 0 was not transferred"},
		{"shared buffer", "ff0f7500", "shared memory or WebAssembly"},
		{"unknown host object", "ff0f5c01", "unknown host object 1"},
		{"headers host object", "ff0f5c040300", "not supported by workerhost yet"},
		{"legacy error bad tag", "ff0f7258", "unknown error tag 0x58"},
		{"deep nesting", "ff0f" + strings.Repeat("4101", 3000), "nested too deeply"},
	} {
		data, err := hex.DecodeString(tc.hex)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		onLoop(t, r, func(rl *bindings.Realm) {
			_, err := rl.Deserialize(data)
			if tc.want == "ok" {
				if err != nil {
					t.Errorf("%s: %v", tc.name, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.want)
			} else if !errors.Is(err, bindings.ErrCorruptClone) {
				t.Errorf("%s: error %v does not wrap ErrCorruptClone", tc.name, err)
			}
		})
	}
}

// TestDeserializeOlderFormats reads what older V8s and workerds wrote: a
// value with no header (workerd's first Durable Objects, read as version
// 13), version 13 views (no flags), and the padding and object-count tags.
func TestDeserializeOlderFormats(t *testing.T) {
	t.Parallel()
	r := bindingstest.NewRuntime(t, bindings.Options{})
	r.Set("parse", func(call goja.FunctionCall) goja.Value {
		data, _ := hex.DecodeString(call.Argument(0).String())
		v, err := r.Realm().Deserialize(data)
		if err != nil {
			panic(r.Realm().Runtime().VM().NewGoError(err))
		}
		return v
	})
	r.Run("older.js", `
		assertEq(parse("4902"), 1, "no header");
		assertEq(parse("6f220161220162" + "7b01").a, "b", "no header, object");
		assertEq(parse("ff0d420401020304564201" + "02").join(), "2,3", "version 13 view");
		assertEq(parse("ff0e4203010203564200" + "0300").join(), "1,2,3", "version 14 view");
		assertEq(parse("ff0f3f02" + "6f7b00") instanceof Object, true, "object count");
		assertEq(parse("ff0f00000049" + "04"), 2, "padding");
		assertEq(parse("ff0f5303c3a9" + "78"), "\u00e9x", "UTF-8 string");
		assertEq(parse("ff0f5302ff" + "78"), "\ufffdx", "invalid UTF-8");
		assertEq(parse("ff0f5504"), 4, "uint32");
		const holes = parse("ff0f4103" + "49022d4906" + "240003");
		assertEq(holes.length + " " + (1 in holes) + " " + holes[2], "3 false 3", "dense array with a hole");
	`)
}

// seedClones are the byte strings recorded from workerd in
// structured_clone_test.js.
func seedClones() [][]byte {
	var out [][]byte
	for _, h := range regexp.MustCompile(`"(ff0f[0-9a-f]*)"`).FindAllStringSubmatch(structuredCloneTestJS, -1) {
		b, _ := hex.DecodeString(h[1])
		out = append(out, b)
	}
	return out
}

// FuzzDeserialize reads arbitrary bytes: each is a value or an error,
// never a panic, and a value read writes back to bytes that read and write
// the same again.
func FuzzDeserialize(f *testing.F) {
	for _, b := range seedClones() {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := bindingstest.NewRuntime(t, bindings.Options{})
		onLoop(t, r, func(rl *bindings.Realm) {
			v, err := rl.Deserialize(data)
			if err != nil {
				return
			}
			once, err := rl.Serialize(v)
			if err != nil {
				t.Fatalf("%x read, but did not write back: %v", data, err)
			}
			v, err = rl.Deserialize(once)
			if err != nil {
				t.Fatalf("%x read, wrote %x, which did not read: %v", data, once, err)
			}
			twice, err := rl.Serialize(v)
			if err != nil || !bytes.Equal(once, twice) {
				t.Fatalf("%x read, wrote %x, then %x (%v)", data, once, twice, err)
			}
		})
	})
}
