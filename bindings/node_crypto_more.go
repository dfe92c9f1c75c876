package bindings

// The Go helpers of node:crypto's ciphers and key derivations
// (js/node_crypto_cipher.js): Cipheriv state, scrypt and HKDF.

import (
	"crypto/hkdf"
	"crypto/md5"
	"crypto/sha1"
	_ "embed"
	"hash"

	"github.com/dop251/goja"
	"golang.org/x/crypto/scrypt"
)

//go:embed js/node_crypto_cipher.js
var nodeCryptoCipherSource string

// nodeCryptoMore makes the parts of node:crypto js/node_crypto_cipher.js
// defines, for node_crypto.js to merge into its exports.
func (rl *Realm) nodeCryptoMore(h *goja.Object) goja.Value {
	more := rl.runNodeFactory("node_crypto_cipher.js", nodeCryptoCipherSource, h, rl.nodeBuffer(), rl.nodeModule("stream")).(*goja.Object)
	keys := rl.runNodeFactory("node_crypto_keys.js", nodeCryptoKeysSource, h, rl.nodeBuffer(), rl.nodeModule("stream")).(*goja.Object)
	for _, k := range keys.Keys() {
		_ = more.Set(k, keys.Get(k))
	}
	return more
}

// addCipherHelpers adds the cipher and KDF primitives to node_crypto's
// helpers. A failure comes back as {error} for the JS side to throw.
func (rl *Realm) addCipherHelpers(set func(string, func(goja.FunctionCall) goja.Value)) {
	fail := rl.cryptoFailure
	bytesOr := rl.cryptoBytes
	cipherOf := func(v goja.Value) *nodeCipher { return cryptoHandle[nodeCipher](rl, v) }
	set("newCipher", func(call goja.FunctionCall) goja.Value {
		var iv []byte
		if !goja.IsNull(call.Argument(2)) {
			iv = rl.nodeBytes(call.Argument(2))
		}
		c, err := newNodeCipher(call.Argument(0).String(), rl.nodeBytes(call.Argument(1)), iv, call.Argument(3).ToBoolean())
		if err != nil {
			return fail(err)
		}
		return rl.vm.ToValue(c)
	})
	set("cipherUpdate", func(call goja.FunctionCall) goja.Value {
		return bytesOr(cipherOf(call.Argument(0)).update(rl.nodeBytes(call.Argument(1))))
	})
	set("cipherFinal", func(call goja.FunctionCall) goja.Value {
		return bytesOr(cipherOf(call.Argument(0)).final())
	})
	set("cipherPadding", func(call goja.FunctionCall) goja.Value {
		cipherOf(call.Argument(0)).pad = call.Argument(1).ToBoolean()
		return goja.Undefined()
	})
	set("cipherSetAAD", func(call goja.FunctionCall) goja.Value {
		return bytesOr(nil, cipherOf(call.Argument(0)).setAAD(rl.nodeBytes(call.Argument(1))))
	})
	set("cipherSetTag", func(call goja.FunctionCall) goja.Value {
		return bytesOr(nil, cipherOf(call.Argument(0)).setAuthTag(rl.nodeBytes(call.Argument(1))))
	})
	set("cipherTag", func(call goja.FunctionCall) goja.Value {
		return bytesOr(cipherOf(call.Argument(0)).authTag())
	})
	set("scrypt", func(call goja.FunctionCall) goja.Value {
		n := func(i int) int { return int(call.Argument(i).ToInteger()) }
		key, err := scrypt.Key(rl.nodeBytes(call.Argument(0)), rl.nodeBytes(call.Argument(1)), n(2), n(3), n(4), n(5))
		if err != nil {
			return fail(nodeCipherErr("Scrypt failed"))
		}
		return rl.vm.ToValue(rl.vm.NewArrayBuffer(key))
	})
	set("hkdf", func(call goja.FunctionCall) goja.Value {
		newHash := lookupHash(call.Argument(0).String())
		if newHash == nil {
			return goja.Null()
		}
		key, err := hkdf.Key(newHash, rl.nodeBytes(call.Argument(1)), rl.nodeBytes(call.Argument(2)),
			string(rl.nodeBytes(call.Argument(3))), int(call.Argument(4).ToInteger()))
		return bytesOr(key, err)
	})
}

// md5SHA1 is OpenSSL's "md5-sha1": both digests, concatenated.
type md5SHA1 struct{ md5, sha1 hash.Hash }

func newMD5SHA1() hash.Hash { return &md5SHA1{md5.New(), sha1.New()} }

// Write feeds both hashes.
func (h *md5SHA1) Write(p []byte) (int, error) {
	_, _ = h.md5.Write(p)
	return h.sha1.Write(p)
}

// Sum appends the MD5 sum, then the SHA-1 sum.
func (h *md5SHA1) Sum(b []byte) []byte { return h.sha1.Sum(h.md5.Sum(b)) }

// Reset resets both hashes.
func (h *md5SHA1) Reset() { h.md5.Reset(); h.sha1.Reset() }

// Size is the two sums' length.
func (h *md5SHA1) Size() int { return md5.Size + sha1.Size }

// BlockSize is both hashes' block size.
func (h *md5SHA1) BlockSize() int { return 64 }
