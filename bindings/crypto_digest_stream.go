package bindings

// crypto.DigestStream, workerd's WritableStream that hashes what is written
// to it: https://developers.cloudflare.com/workers/runtime-apis/web-crypto/#constructors
//
// The hashing sink is Go ([digestSink]); the class is a small JS
// constructor that builds a WritableStream over that sink with
// Reflect.construct, so a DigestStream is a real WritableStream whose
// prototype is DigestStream.prototype. WritableStream is looked up when a
// DigestStream is made, so this works with whichever WritableStream the
// realm has.

import (
	"hash"
	"math/big"
	"strings"

	"github.com/dop251/goja"
)

// digestStreamSource defines DigestStream over three Go functions: newSink
// (the underlying sink for an algorithm), attach (gives the stream its
// sink's state) and the getters.
const digestStreamSource = `(function (newSink, attach, digest, bytesWritten) {
  const DigestStream = function DigestStream(algorithm) {
    if (new.target === undefined) {
      throw new TypeError("Failed to construct 'DigestStream': Please use the 'new' operator, this object constructor cannot be called as a function.");
    }
    const sink = newSink(arguments.length, algorithm);
    const self = Reflect.construct(globalThis.WritableStream, [sink], new.target);
    attach(self, sink);
    return self;
  };
  Object.defineProperty(DigestStream, "length", { value: 0 });
  const base = typeof globalThis.WritableStream === "function" ? globalThis.WritableStream.prototype : Object.prototype;
  const proto = Object.create(base);
  Object.defineProperty(proto, "digest", { get: digest, enumerable: true, configurable: true });
  Object.defineProperty(proto, "bytesWritten", { get: bytesWritten, enumerable: true, configurable: true });
  Object.defineProperty(proto, "constructor", { value: DigestStream, writable: true, configurable: true });
  Object.defineProperty(proto, Symbol.toStringTag, { value: "DigestStream", configurable: true });
  DigestStream.prototype = proto;
  return DigestStream;
})`

// digestSink is a DigestStream's state: the running hash, the bytes
// written, and the digest promise.
type digestSink struct {
	h       hash.Hash
	n       int64
	promise goja.Value
	resolve func(any) error
	reject  func(any) error
}

// installDigestStream defines crypto.DigestStream on Crypto.prototype. It
// runs after the streams are installed.
func (rl *Realm) installDigestStream() {
	factory, ok := goja.AssertFunction(rl.mustRun("DigestStream", digestStreamSource))
	if !ok {
		panic("bindings: DigestStream factory is not a function")
	}
	ctor, err := factory(goja.Undefined(),
		rl.function("newSink", rl.newDigestSink),
		rl.function("attach", func(call goja.FunctionCall) goja.Value {
			rl.attach(call.Argument(0).(*goja.Object), stateOf[digestSink](rl, call.Argument(1)))
			return goja.Undefined()
		}),
		rl.function("get digest", func(call goja.FunctionCall) goja.Value {
			return thisState[digestSink](rl, call).promise
		}),
		rl.function("get bytesWritten", func(call goja.FunctionCall) goja.Value {
			return rl.vm.ToValue(big.NewInt(thisState[digestSink](rl, call).n))
		}))
	if err != nil {
		panic(err)
	}
	proto := rl.vm.Get("Crypto").ToObject(rl.vm).Get("prototype").ToObject(rl.vm)
	if err := proto.DefineDataProperty("DigestStream", ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
		panic(err)
	}
}

// newDigestSink makes the underlying sink of a DigestStream for the
// algorithm argument: an object with write, close and abort.
func (rl *Realm) newDigestSink(call goja.FunctionCall) goja.Value {
	alg := call.Argument(1)
	if call.Argument(0).ToInteger() == 0 {
		rl.throwTypeError("Failed to construct 'DigestStream': constructor parameter 1 is not of type 'string or HashAlgorithm'.")
	}
	if goja.IsUndefined(alg) || goja.IsNull(alg) {
		rl.throwTypeError(errNoAlgorithm("HashAlgorithm"))
	}
	if o, ok := alg.(*goja.Object); ok {
		alg = o.Get("name")
		if alg == nil {
			alg = goja.Undefined()
		}
	}
	newHash, known := digests[strings.ToUpper(alg.String())]
	if !known {
		rl.throwDOMException("NotSupportedError", "Unrecognized or unimplemented digest algorithm requested.")
	}
	promise, resolve, reject := rl.vm.NewPromise()
	s := &digestSink{h: newHash(), promise: rl.vm.ToValue(promise), resolve: resolve, reject: reject}
	sink := rl.vm.NewObject()
	rl.attach(sink, s)
	for name, fn := range map[string]func(call goja.FunctionCall) goja.Value{
		"write": func(call goja.FunctionCall) goja.Value {
			s.write(rl, call.Argument(0))
			return goja.Undefined()
		},
		"close": func(goja.FunctionCall) goja.Value {
			if err := s.resolve(rl.newArrayBuffer(s.h.Sum(nil))); err != nil {
				panic(err)
			}
			return goja.Undefined()
		},
		"abort": func(call goja.FunctionCall) goja.Value {
			if err := s.reject(call.Argument(0)); err != nil {
				panic(err)
			}
			return goja.Undefined()
		},
	} {
		if err := sink.Set(name, rl.function(name, fn)); err != nil {
			panic(err)
		}
	}
	return sink
}

// write hashes one chunk: a string (as UTF-8) or a BufferSource.
func (s *digestSink) write(rl *Realm, chunk goja.Value) {
	var b []byte
	if str, ok := chunk.Export().(string); ok {
		b = []byte(str)
	} else if buf, ok := rl.bufferSource(chunk); ok {
		b = buf
	} else {
		rl.throwTypeError("DigestStream is a byte stream but received an object of non-ArrayBuffer/ArrayBufferView/string type on its writable side.")
	}
	s.h.Write(b)
	s.n += int64(len(b))
}
