package bindings

// crypto: getRandomValues, randomUUID and subtle.digest, as workerd gives
// them (https://w3c.github.io/webcrypto/). The rest of SubtleCrypto is in
// subtle*.go, CryptoKey in crypto_key.go.

import (
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"fmt"
	"hash"
	"strings"

	"github.com/dop251/goja"
)

// maxRandomBytes is getRandomValues' quota.
const maxRandomBytes = 65536

// digests are the algorithms crypto.subtle.digest knows, by upper-cased
// name.
var digests = map[string]func() hash.Hash{
	"SHA-1":   sha1.New,
	"SHA-256": sha256.New,
	"SHA-384": sha512.New384,
	"SHA-512": sha512.New,
	"MD5":     md5.New,
}

// cryptoState marks the one Crypto and SubtleCrypto objects.
type cryptoState struct{}

// installCrypto defines the crypto global with its Crypto and SubtleCrypto
// classes (neither constructible, as in workerd).
func (rl *Realm) installCrypto() {
	cryptoClass := rl.newClass("Crypto", nil, nil)
	subtleClass := rl.newClass("SubtleCrypto", nil, nil)
	cryptoClass.method("getRandomValues", rl.getRandomValues)
	cryptoClass.method("randomUUID", func(call goja.FunctionCall) goja.Value {
		thisState[cryptoState](rl, call)
		rl.rt.ForbidInGlobalScope()
		var b [16]byte
		_, _ = rand.Read(b[:])
		b[6] = b[6]&0x0f | 0x40
		b[8] = b[8]&0x3f | 0x80
		return rl.vm.ToValue(fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16]))
	})
	subtleClass.method("digest", rl.digest)
	rl.installCryptoKey()
	rl.installSubtle(subtleClass)
	subtle := subtleClass.instance(&cryptoState{})
	cryptoClass.getter("subtle", func(call goja.FunctionCall) goja.Value {
		thisState[cryptoState](rl, call)
		return subtle
	})
	rl.global("crypto", cryptoClass.instance(&cryptoState{}))
}

// getRandomValues fills an integer-typed view with random bytes.
func (rl *Realm) getRandomValues(call goja.FunctionCall) goja.Value {
	thisState[cryptoState](rl, call)
	rl.rt.ForbidInGlobalScope()
	v, ok := call.Argument(0).(*goja.Object)
	if !ok || !rl.isArrayBufferView(v) {
		rl.throwTypeError("Failed to execute 'getRandomValues' on 'Crypto': parameter 1 is not of type 'ArrayBufferView'.")
	}
	// The view's own properties may lie: its kind, buffer and range come
	// from the built-in getters, as V8 reads its internal slots.
	name := rl.callIntrinsic(rl.clone.typedArrayName, v)
	switch name.String() {
	case "Float32Array", "Float64Array", "undefined":
		rl.throwDOMException("TypeMismatchError", "ArrayBufferView argument to getRandomValues() must be an integer-typed view.")
	}
	n := rl.callIntrinsic(rl.clone.typedArrayLength, v).ToInteger()
	if n > maxRandomBytes {
		rl.throwDOMException("QuotaExceededError", fmt.Sprintf("getRandomValues() only accepts buffers of size <= 64K but provided %d bytes.", n))
	}
	ab, _ := safeExport(rl.callIntrinsic(rl.clone.typedArrayBuffer, v)).(goja.ArrayBuffer)
	off := rl.callIntrinsic(rl.clone.typedArrayOffset, v).ToInteger()
	if b := ab.Bytes(); off >= 0 && n >= 0 && off+n <= int64(len(b)) {
		_, _ = rand.Read(b[off : off+n])
	}
	return v
}

// digest implements crypto.subtle.digest(algorithm, data).
func (rl *Realm) digest(call goja.FunctionCall) goja.Value {
	thisState[cryptoState](rl, call)
	name := call.Argument(0)
	if len(call.Arguments) > 0 && (goja.IsUndefined(name) || goja.IsNull(name)) {
		return rl.rejected(rl.vm.NewTypeError(errNoAlgorithm("HashAlgorithm")))
	}
	if o, ok := name.(*goja.Object); ok {
		name = o.Get("name")
	}
	newHash, known := digests[strings.ToUpper(name.String())]
	data, isBuffer := rl.bufferSource(call.Argument(1))
	switch {
	case !isBuffer:
		return rl.rejected(rl.vm.NewTypeError("Failed to execute 'digest' on 'SubtleCrypto': parameter 2 is not of type 'BufferSource'."))
	case !known:
		return rl.rejected(rl.newDOMException("NotSupportedError", "Unrecognized or unimplemented digest algorithm requested."))
	}
	h := newHash()
	h.Write(data)
	return rl.resolved(rl.newArrayBuffer(h.Sum(nil)))
}
