package bindings

// The structured clone's reader: V8's wire format (v8_wire.go, versions
// 13 to 15, as workerd and V8 write it) back to goja values. Bad input is
// an error wrapping ErrCorruptClone, never a panic; every length is
// checked against what is left before anything is allocated for it.

import (
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// deserializer reads one value.
type deserializer struct {
	rl      *Realm
	r       wireReader
	version uint64
	objects []*goja.Object // by id; nil while an object is being read
	nextID  uint32
	moved   []*goja.Object // structuredClone's transferred buffers
	depth   int
	rpc     *rpcClone // the references of an RPC clone (rpc_clone.go)
}

// cloneFail carries a corruption error up the reader's recursion.
type cloneFail struct{ err error }

// Deserialize reads a value that Serialize, workerd or V8 wrote (format
// versions 13 to 15; bytes without the 0xFF header are read as version 13,
// as workerd reads the values of its earliest Durable Objects). Corrupt
// input gives an error wrapping ErrCorruptClone; an error value whose
// message is not a string gives a *goja.Exception holding workerd's
// DataCloneError. Must be called on the loop.
func (rl *Realm) Deserialize(data []byte) (goja.Value, error) {
	return rl.deserialize(data, nil)
}

// deserialize is Deserialize with structuredClone's transferred buffers.
func (rl *Realm) deserialize(data []byte, moved []*goja.Object) (v goja.Value, err error) {
	return rl.deserializeWith(data, moved, nil)
}

// deserializeWith is deserialize with an RPC clone's references.
func (rl *Realm) deserializeWith(data []byte, moved []*goja.Object, rpc *rpcClone) (v goja.Value, err error) {
	d := &deserializer{rl: rl, r: wireReader{data: data}, version: v8MinVersion, moved: moved, rpc: rpc}
	ex := rl.vm.Try(func() {
		defer func() {
			if x := recover(); x != nil {
				f, ok := x.(cloneFail)
				if !ok {
					panic(x)
				}
				err = f.err
			}
		}()
		d.readHeader()
		v = d.read()
	})
	if ex != nil {
		return nil, ex
	}
	if err != nil {
		return nil, fmt.Errorf("failed to deserialize: %w", err)
	}
	return v, nil
}

// fail aborts the read with err.
func (d *deserializer) fail(err error) {
	panic(cloneFail{err})
}

// check fails on a read error.
func (d *deserializer) check(err error) {
	if err != nil {
		d.fail(err)
	}
}

// corrupt fails with a description of what is wrong at the current byte.
func (d *deserializer) corrupt(format string, args ...any) {
	d.fail(corrupt(d.r.pos, format, args...))
}

// readHeader reads 0xFF and the version, if there.
func (d *deserializer) readHeader() {
	if len(d.r.data) == 0 {
		d.corrupt("no data")
	}
	if d.r.data[0] != tagVersion {
		return
	}
	d.r.pos = 1
	v, err := d.r.varint(32)
	d.check(err)
	if v < v8MinVersion || v > v8WireVersion {
		d.fail(fmt.Errorf("%w: format version %d is not supported (%d to %d are)", ErrCorruptClone, v, v8MinVersion, v8WireVersion))
	}
	d.version = v
}

// u32 reads a 32-bit varint.
func (d *deserializer) u32() uint32 {
	v, err := d.r.uint32()
	d.check(err)
	return v
}

// tag reads a tag.
func (d *deserializer) tag() byte {
	t, err := d.r.tag()
	d.check(err)
	return t
}

// allocID reserves the id of an object about to be read.
func (d *deserializer) allocID() uint32 {
	id := d.nextID
	d.nextID++
	return id
}

// register makes o the object with id, for later references.
func (d *deserializer) register(id uint32, o *goja.Object) {
	for uint32(len(d.objects)) <= id {
		d.objects = append(d.objects, nil)
	}
	d.objects[id] = o
}

// read reads one value; an ArrayBuffer followed by a view tag is the
// view's buffer, and the view is the value.
func (d *deserializer) read() goja.Value {
	if d.depth++; d.depth > maxCloneDepth {
		d.corrupt("nested too deeply")
	}
	v := d.readInner()
	if o, ok := v.(*goja.Object); ok && o.ExportType() == typeArrayBuffer {
		if t, ok := d.r.peekTag(); ok && t == tagBufferView {
			d.tag()
			v = d.readView(o)
		}
	}
	d.depth--
	return v
}

// readInner reads a value by its tag.
func (d *deserializer) readInner() goja.Value {
	vm := d.rl.vm
	t := d.tag()
	for t == tagVerifyCount { // an object count for V8's checks, unused
		d.u32()
		t = d.tag()
	}
	switch t {
	case tagUndefined:
		return goja.Undefined()
	case tagNull:
		return goja.Null()
	case tagTrue:
		return vm.ToValue(true)
	case tagFalse:
		return vm.ToValue(false)
	case tagInt32:
		i, err := d.r.zigZag()
		d.check(err)
		return vm.ToValue(i)
	case tagUint32:
		return vm.ToValue(d.u32())
	case tagDouble:
		f, err := d.r.double()
		d.check(err)
		return vm.ToValue(f)
	case tagBigInt:
		return vm.ToValue(d.readBigInt())
	case tagUTF8String, tagOneByteString, tagTwoByteString:
		return d.readStringBody(t)
	case tagObjectReference:
		id := d.u32()
		if id >= uint32(len(d.objects)) || d.objects[id] == nil {
			d.corrupt("reference to unknown object %d", id)
		}
		return d.objects[id]
	}
	return d.readObject(t)
}

// readBigInt reads a BigInt's payload.
func (d *deserializer) readBigInt() *big.Int {
	bitfield, err := d.r.varint(32)
	d.check(err)
	n := bitfield >> 1
	raw, err := d.r.bytes(n)
	d.check(err)
	be := make([]byte, len(raw))
	for i, b := range raw {
		be[len(raw)-1-i] = b
	}
	x := new(big.Int).SetBytes(be)
	if bitfield&1 != 0 {
		x.Neg(x)
	}
	return x
}

// readString reads a value that must be a string.
func (d *deserializer) readString() goja.String {
	s, ok := d.read().(goja.String)
	if !ok {
		d.corrupt("expected a string")
	}
	return s
}

// readStringBody reads a string's length and characters.
func (d *deserializer) readStringBody(t byte) goja.Value {
	n, err := d.r.varint(32)
	d.check(err)
	b, err := d.r.bytes(n)
	d.check(err)
	switch t {
	case tagUTF8String:
		s := string(b)
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
		return d.rl.vm.ToValue(s)
	case tagOneByteString:
		if isASCII(b) {
			return d.rl.vm.ToValue(string(b))
		}
		chars := make([]uint16, len(b))
		for i, c := range b {
			chars[i] = uint16(c)
		}
		return goja.StringFromUTF16(chars)
	}
	if len(b)%2 != 0 {
		d.corrupt("two-byte string of odd length %d", len(b))
	}
	chars := make([]uint16, len(b)/2)
	for i := range chars {
		chars[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
	}
	return goja.StringFromUTF16(chars)
}

// readObject reads an object by its tag.
func (d *deserializer) readObject(t byte) goja.Value {
	switch t {
	case tagBeginObject:
		id := d.allocID()
		o := d.rl.vm.NewObject()
		d.register(id, o)
		d.readProperties(o, tagEndObject)
		return o
	case tagBeginSparse, tagBeginDense:
		return d.readArray(t)
	case tagDate:
		f, err := d.r.double()
		d.check(err)
		return d.registerNext(d.construct("Date", d.rl.vm.ToValue(f)))
	case tagTrueObject, tagFalseObject:
		return d.registerNext(d.rl.vm.ToValue(t == tagTrueObject).ToObject(d.rl.vm))
	case tagNumberObject:
		f, err := d.r.double()
		d.check(err)
		return d.registerNext(d.rl.vm.ToValue(f).ToObject(d.rl.vm))
	case tagBigIntObject:
		return d.registerNext(d.rl.vm.ToValue(d.readBigInt()).ToObject(d.rl.vm))
	case tagStringObject:
		return d.registerNext(d.readString().ToObject(d.rl.vm))
	case tagRegExp:
		return d.readRegExp()
	case tagBeginMap, tagBeginSet:
		return d.readCollection(t)
	case tagArrayBuffer, tagResizableBuffer:
		return d.readArrayBuffer(t)
	case tagBufferTransfer:
		i := d.u32()
		if i >= uint32(len(d.moved)) {
			d.corrupt("transferred buffer %d was not transferred", i)
		}
		return d.registerNext(d.moved[i])
	case tagError:
		return d.readLegacyError()
	case tagHostObject:
		return d.readHostObject()
	case tagSharedBuffer, tagSharedObject, tagWasmModule, tagWasmMemory:
		d.fail(fmt.Errorf("%w: tag %q (shared memory or WebAssembly) cannot be read outside the isolate that wrote it", ErrCorruptClone, t))
	}
	d.corrupt("unknown tag 0x%02x", t)
	return nil
}

// registerNext gives o the next id.
func (d *deserializer) registerNext(o *goja.Object) *goja.Object {
	d.register(d.allocID(), o)
	return o
}

// construct calls a saved constructor, failing on what it throws.
func (d *deserializer) construct(name string, args ...goja.Value) *goja.Object {
	o, err := d.rl.vm.New(d.rl.clone.ctors[name], args...)
	if err != nil {
		var ex *goja.Exception
		if errors.As(err, &ex) {
			d.fail(fmt.Errorf("%w: %s", ErrCorruptClone, ex.Value().String()))
		}
		d.fail(err)
	}
	return o
}

// define sets an own enumerable data property, as CreateDataProperty
// does (so "__proto__" is a key like any other).
func (d *deserializer) define(o *goja.Object, key string, v goja.Value) {
	if err := o.DefineDataProperty(key, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
		d.fail(fmt.Errorf("%w: property %q: %v", ErrCorruptClone, key, err))
	}
}

// readProperties reads key-value pairs up to end, then their count.
func (d *deserializer) readProperties(o *goja.Object, end byte) uint32 {
	var n uint32
	for {
		if t, ok := d.r.peekTag(); ok && t == end {
			d.tag()
			break
		}
		d.define(o, d.readKey(), d.read())
		n++
	}
	if want := d.u32(); want != n {
		d.corrupt("%d properties read, %d announced", n, want)
	}
	return n
}

// readKey reads a property key, a string or a number; an ASCII one, by far
// the most common, without making a JS string of it.
func (d *deserializer) readKey() string {
	if t, ok := d.r.peekTag(); ok && t == tagOneByteString {
		save := d.r.pos
		d.tag()
		n, err := d.r.varint(32)
		d.check(err)
		b, err := d.r.bytes(n)
		d.check(err)
		if isASCII(b) {
			return string(b)
		}
		d.r.pos = save
	}
	key := d.read()
	if !goja.IsNumber(key) && !goja.IsString(key) {
		d.corrupt("property key is neither a string nor a number")
	}
	return key.String()
}

// isASCII reports whether b is all ASCII.
func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// readArray reads a dense or sparse array.
func (d *deserializer) readArray(t byte) goja.Value {
	length := d.u32()
	if t == tagBeginDense && uint64(length) > uint64(len(d.r.data)-d.r.pos) {
		d.corrupt("dense array of %d elements in %d bytes", length, len(d.r.data)-d.r.pos)
	}
	id := d.allocID()
	a := d.rl.vm.NewArray()
	d.register(id, a)
	if err := a.Set("length", length); err != nil {
		d.fail(fmt.Errorf("%w: array length %d: %v", ErrCorruptClone, length, err))
	}
	end := byte(tagEndSparse)
	if t == tagBeginDense {
		end = tagEndDense
		for i := uint32(0); i < length; i++ {
			if t, ok := d.r.peekTag(); ok && t == tagTheHole {
				d.tag()
				continue
			}
			d.define(a, itoa(i), d.read())
		}
	}
	d.readProperties(a, end)
	if got := d.u32(); got != length {
		d.corrupt("array length %d announced at the end, %d at the start", got, length)
	}
	return a
}

// itoa is strconv.Itoa for uint32 indices.
func itoa(i uint32) string { return strconv.FormatUint(uint64(i), 10) }
