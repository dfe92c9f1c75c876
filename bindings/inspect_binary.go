package bindings

// console output of binary data as Node's util.inspect (and so workerd)
// prints it: ArrayBuffer, DataView and the typed arrays.

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// maxInspectedBytes is how many bytes or elements are shown before
// "... N more".
const maxInspectedBytes = 50

// breakLength is the width past which Node puts an object's entries on
// lines of their own.
const breakLength = 72

// binary renders o if it is binary data; false otherwise. It reads the
// engine's own state (never the script's byteLength or length getters), so
// a script cannot make it read out of bounds.
func (in *inspector) binary(o *goja.Object, depth int) (string, bool) {
	if ab, ok := safeExport(o).(goja.ArrayBuffer); ok {
		return arrayBufferText(ab), true
	}
	if !in.rl.isArrayBufferView(o) {
		return "", false
	}
	name := constructorName(o)
	if name == "DataView" || o.ClassName() == "DataView" {
		return in.dataView(o), true
	}
	return in.typedArray(o, name, depth), true
}

// arrayBufferText is "ArrayBuffer { [Uint8Contents]: <01 02>, byteLength: 2 }".
func arrayBufferText(ab goja.ArrayBuffer) string {
	if ab.Detached() {
		return "ArrayBuffer { (detached), byteLength: 0 }"
	}
	b := ab.Bytes()
	hex := make([]string, 0, min(len(b), maxInspectedBytes)+1)
	for i, c := range b {
		if i == maxInspectedBytes {
			hex = append(hex, fmt.Sprintf("... %d more byte%s", len(b)-i, plural(len(b)-i)))
			break
		}
		hex = append(hex, fmt.Sprintf("%02x", c))
	}
	return fmt.Sprintf("ArrayBuffer { [Uint8Contents]: <%s>, byteLength: %d }", strings.Join(hex, " "), len(b))
}

// dataView lists a DataView's window and buffer, on several lines when too
// long for one, as Node does.
func (in *inspector) dataView(o *goja.Object) string {
	length, offset := in.intProperty(o, "byteLength"), in.intProperty(o, "byteOffset")
	buffer := "ArrayBuffer {}"
	if ab, ok := safeExport(safeGet(in.rl, o, "buffer")).(goja.ArrayBuffer); ok {
		buffer = arrayBufferText(ab)
	}
	entries := []string{"byteLength: " + length, "byteOffset: " + offset, "buffer: " + buffer}
	line := "DataView { " + strings.Join(entries, ", ") + " }"
	if len(line) <= breakLength {
		return line
	}
	return "DataView {\n  " + strings.Join(entries, ",\n  ") + "\n}"
}

// typedArray is "Uint8Array(3) [ 1, 2, 3 ]", its elements read through the
// engine so BigInt and -0 print as JS does.
func (in *inspector) typedArray(o *goja.Object, name string, depth int) string {
	n, err := strconv.Atoi(in.intProperty(o, "length"))
	if err != nil || n < 0 {
		n = 0
	}
	items := make([]string, 0, min(n, maxInspectedBytes*2)+1)
	for i := 0; i < n; i++ {
		if i == maxInspectedBytes*2 {
			items = append(items, fmt.Sprintf("... %d more item%s", n-i, plural(n-i)))
			break
		}
		items = append(items, in.value(safeGet(in.rl, o, strconv.Itoa(i)), depth+1))
	}
	if len(items) == 0 {
		return fmt.Sprintf("%s(0) []", name)
	}
	return fmt.Sprintf("%s(%d) [ %s ]", name, n, strings.Join(items, ", "))
}

// intProperty reads a numeric property through the prototype's getter, as
// text; "0" when reading it fails.
func (in *inspector) intProperty(o *goja.Object, name string) string {
	v := safeGet(in.rl, o, name)
	if goja.IsUndefined(v) {
		return "0"
	}
	return strconv.FormatInt(v.ToInteger(), 10)
}

// safeGet reads a property, undefined when it is missing or reading it
// throws: inspecting must not fail because of a script's getters.
func safeGet(rl *Realm, o *goja.Object, name string) goja.Value {
	var v goja.Value
	if ex := rl.vm.Try(func() { v = o.Get(name) }); ex != nil || v == nil {
		return goja.Undefined()
	}
	return v
}

// formatNumber prints a number as JS does, keeping the sign of -0 as
// util.inspect shows it.
func formatNumber(v goja.Value, f float64) string {
	if f == 0 && math.Signbit(f) {
		return "-0"
	}
	return v.String()
}

// plural is "s" unless n is 1.
func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
