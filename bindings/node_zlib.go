package bindings

// The Go side of node:zlib (js/node_zlib.js): whole-buffer codecs, stream
// compressors and crc32 (zlib_codec.go does the work).

import (
	"hash/crc32"

	"github.com/dop251/goja"
)

// zlibHelpers gives node_zlib.js its Go primitives. A failure comes back
// as {error, code, errno, limit, out} for the JS side to turn into the
// error workerd throws, sync or stream.
func (rl *Realm) zlibHelpers() *goja.Object {
	h := rl.vm.NewObject()
	set := func(name string, fn func(call goja.FunctionCall) goja.Value) {
		_ = h.Set(name, rl.function(name, fn))
	}
	set("process", func(call goja.FunctionCall) goja.Value {
		out, err := zlibProcess(rl.zlibOptions(call.Argument(0)), rl.nodeBytes(call.Argument(1)))
		return rl.zlibResult(out, err)
	})
	set("newCompressor", func(call goja.FunctionCall) goja.Value {
		c, err := newZlibCompressor(rl.zlibOptions(call.Argument(0)))
		if err != nil {
			return rl.zlibResult(nil, err)
		}
		return rl.vm.ToValue(c)
	})
	set("compress", func(call goja.FunctionCall) goja.Value {
		c, ok := call.Argument(0).Export().(*zlibCompressor)
		if !ok {
			panic(rl.vm.NewTypeError("not a compressor"))
		}
		out, err := c.write(rl.nodeBytes(call.Argument(1)), int(call.Argument(2).ToInteger()))
		return rl.zlibResult(out, err)
	})
	set("crc32", func(call goja.FunctionCall) goja.Value {
		sum := crc32.Update(uint32(call.Argument(1).ToInteger()), crc32.IEEETable, rl.nodeBytes(call.Argument(0)))
		return rl.vm.ToValue(sum)
	})
	return h
}

// zlibResult is {out} or {error, code, errno, limit, out}.
func (rl *Realm) zlibResult(out []byte, err error) goja.Value {
	r := rl.vm.NewObject()
	_ = r.Set("out", rl.vm.NewArrayBuffer(out))
	if err != nil {
		ze, ok := err.(*zlibError)
		if !ok {
			ze = &zlibError{msg: err.Error(), code: "Z_STREAM_ERROR", errno: -2}
		}
		_ = r.Set("error", ze.msg)
		_ = r.Set("code", ze.code)
		_ = r.Set("errno", ze.errno)
		_ = r.Set("limit", ze.limit)
	}
	return r
}

// zlibOptions reads the options object node_zlib.js builds.
func (rl *Realm) zlibOptions(v goja.Value) zlibOpts {
	o := v.ToObject(rl.vm)
	num := func(name string) int { return int(o.Get(name).ToInteger()) }
	opts := zlibOpts{
		mode:       o.Get("mode").String(),
		level:      num("level"),
		windowBits: num("windowBits"),
		strategy:   num("strategy"),
		maxOutput:  num("maxOutputLength"),
		syncFinish: o.Get("syncFinish").ToBoolean(),
		quality:    num("quality"),
		lgwin:      num("lgwin"),
	}
	if d := o.Get("dictionary"); d != nil && !goja.IsUndefined(d) {
		opts.dictionary = rl.nodeBytes(d)
	}
	return opts
}
