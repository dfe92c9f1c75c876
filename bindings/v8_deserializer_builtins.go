package bindings

// Reading the built-ins with internal slots: RegExp, Map, Set,
// ArrayBuffer and its views.

import (
	"fmt"

	"github.com/dop251/goja"
)

// readRegExp reads a RegExp's source and flags.
func (d *deserializer) readRegExp() goja.Value {
	id := d.allocID()
	src := d.readString()
	bits := d.u32()
	var flags []byte
	for _, f := range []struct {
		bit  uint32
		name byte
	}{{reHasIndices, 'd'}, {reGlobal, 'g'}, {reIgnoreCase, 'i'}, {reLinear, 'l'}, {reMultiline, 'm'},
		{reDotAll, 's'}, {reUnicode, 'u'}, {reUnicodeSets, 'v'}, {reSticky, 'y'}} {
		if bits&f.bit != 0 {
			flags = append(flags, f.name)
			bits &^= f.bit
		}
	}
	if bits != 0 {
		d.corrupt("unknown RegExp flags 0x%x", bits)
	}
	o := d.construct("RegExp", src, d.rl.vm.ToValue(string(flags)))
	d.register(id, o)
	return o
}

// readCollection reads a Map's entries or a Set's values.
func (d *deserializer) readCollection(t byte) goja.Value {
	c := &d.rl.clone
	name, end, add, per := "Map", byte(tagEndMap), c.mapSet, 2
	if t == tagBeginSet {
		name, end, add, per = "Set", tagEndSet, c.setAdd, 1
	}
	id := d.allocID()
	o := d.construct(name)
	d.register(id, o)
	var n uint32
	for {
		if t, ok := d.r.peekTag(); ok && t == end {
			d.tag()
			break
		}
		args := []goja.Value{d.read()}
		if per == 2 {
			args = append(args, d.read())
		}
		if _, err := add(o, args...); err != nil {
			d.fail(err)
		}
		n += uint32(per)
	}
	if want := d.u32(); want != n {
		d.corrupt("%s of %d read, %d announced", name, n, want)
	}
	return o
}

// readArrayBuffer reads a buffer's bytes; a resizable one (which goja
// lacks) becomes a plain buffer of its current length.
func (d *deserializer) readArrayBuffer(t byte) goja.Value {
	n := d.u32()
	if t == tagResizableBuffer {
		if max := d.u32(); n > max {
			d.corrupt("resizable buffer of %d bytes, at most %d", n, max)
		}
	}
	b, err := d.r.bytes(uint64(n))
	d.check(err)
	ab := d.rl.vm.NewArrayBuffer(append(make([]byte, 0, len(b)), b...))
	return d.registerNext(d.rl.vm.ToValue(ab).(*goja.Object))
}

// readView reads a typed array or DataView over buffer.
func (d *deserializer) readView(buffer *goja.Object) goja.Value {
	sub, err := d.r.byte()
	d.check(err)
	offset, length := d.u32(), d.u32()
	var flags uint32
	if d.version >= 14 {
		flags = d.u32()
	}
	size := uint32(len(buffer.Export().(goja.ArrayBuffer).Bytes()))
	if offset > size || length > size-offset {
		d.corrupt("view [%d, +%d) outside a buffer of %d bytes", offset, length, size)
	}
	name, elem := viewType(sub)
	if name == "" {
		d.corrupt("unknown view type %q", sub)
	}
	if name == "Float16Array" {
		d.fail(fmt.Errorf("%w: Float16Array is not supported by workerhost yet", ErrCorruptClone))
	}
	if offset%elem != 0 || length%elem != 0 {
		d.corrupt("%s view [%d, +%d) not aligned to %d bytes", name, offset, length, elem)
	}
	if name != "DataView" {
		length /= elem
	}
	vm := d.rl.vm
	if flags&viewLengthTracking != 0 {
		// goja has no resizable buffers: the view covers the rest of
		// the buffer, as a length-tracking one does at this size.
		return d.registerNext(d.construct(name, buffer, vm.ToValue(offset)))
	}
	return d.registerNext(d.construct(name, buffer, vm.ToValue(offset), vm.ToValue(length)))
}

// viewType maps a view subtag to its constructor and element size.
func viewType(sub byte) (string, uint32) {
	for name, t := range viewSubtags {
		if t == sub {
			switch name {
			case "Int8Array", "Uint8Array", "Uint8ClampedArray", "DataView":
				return name, 1
			case "Int16Array", "Uint16Array", "Float16Array":
				return name, 2
			case "Int32Array", "Uint32Array", "Float32Array":
				return name, 4
			}
			return name, 8
		}
	}
	return "", 0
}
