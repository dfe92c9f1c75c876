package bindings

// The Go side of node:crypto (js/node_crypto.js): hashes, HMACs and PBKDF2
// on Go's crypto packages; cryptoHelpers also gathers the helpers of the
// ciphers (node_crypto_more.go), keys (node_crypto_keyhelpers.go), ECDH
// and primes (node_crypto_ecdh.go) and DiffieHellman (node_crypto_dh.go).

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/pbkdf2"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"hash"
	"strings"

	"github.com/dop251/goja"
	"golang.org/x/crypto/md4" //nolint:staticcheck // Node offers md4
)

// nodeHashes are the digests node:crypto provides, by Node's name.
var nodeHashes = map[string]func() hash.Hash{
	"md4":             md4.New,
	"md5":             md5.New,
	"sha1":            sha1.New,
	"sha224":          sha256.New224,
	"sha256":          sha256.New,
	"sha384":          sha512.New384,
	"sha512":          sha512.New,
	"sha512-256":      sha512.New512_256,
	"md5-sha1":        newMD5SHA1,
	"rsa-md5":         md5.New,
	"rsa-sha1":        sha1.New,
	"rsa-sha224":      sha256.New224,
	"rsa-sha256":      sha256.New,
	"rsa-sha384":      sha512.New384,
	"rsa-sha512":      sha512.New,
	"dsa-sha":         sha1.New,
	"dsa-sha1":        sha1.New,
	"ecdsa-with-sha1": sha1.New,
}

// nodeHashNames lists the names getHashes() gives, in workerd's order.
var nodeHashNames = []string{"md4", "md5", "sha1", "sha224", "sha256", "sha384", "sha512", "md5-sha1", "RSA-MD5",
	"RSA-SHA1", "RSA-SHA224", "RSA-SHA256", "RSA-SHA384", "RSA-SHA512", "DSA-SHA", "DSA-SHA1", "ecdsa-with-SHA1"}

// lookupHash finds a digest by name, ignoring case as Node does.
func lookupHash(name string) func() hash.Hash {
	return nodeHashes[strings.ToLower(name)]
}

// cryptoHelpers gives node_crypto.js its Go primitives. Hash state is a
// Go hash.Hash wrapped as an opaque value.
func (rl *Realm) cryptoHelpers() *goja.Object {
	h := rl.vm.NewObject()
	set := func(name string, fn func(call goja.FunctionCall) goja.Value) {
		_ = h.Set(name, rl.function(name, fn))
	}
	_ = h.Set("hashes", nodeHashNames)
	set("newHash", func(call goja.FunctionCall) goja.Value {
		newHash := lookupHash(call.Argument(0).String())
		if newHash == nil {
			return goja.Null()
		}
		if key := call.Argument(1); !goja.IsUndefined(key) {
			return rl.vm.ToValue(hmac.New(newHash, rl.nodeBytes(key)))
		}
		return rl.vm.ToValue(newHash())
	})
	set("update", func(call goja.FunctionCall) goja.Value {
		call.Argument(0).Export().(hash.Hash).Write(rl.nodeBytes(call.Argument(1)))
		return goja.Undefined()
	})
	set("digest", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(rl.vm.NewArrayBuffer(call.Argument(0).Export().(hash.Hash).Sum(nil)))
	})
	set("pbkdf2", func(call goja.FunctionCall) goja.Value {
		newHash := lookupHash(call.Argument(4).String())
		if newHash == nil {
			return goja.Null()
		}
		key, err := pbkdf2.Key(newHash, string(rl.nodeBytes(call.Argument(0))), rl.nodeBytes(call.Argument(1)),
			int(call.Argument(2).ToInteger()), int(call.Argument(3).ToInteger()))
		if err != nil {
			panic(rl.vm.NewTypeError("%s", err.Error()))
		}
		return rl.vm.ToValue(rl.vm.NewArrayBuffer(key))
	})
	rl.addCipherHelpers(set)
	rl.addKeyHelpers(set)
	rl.addECDHHelpers(set)
	rl.addDHHelpers(set)
	return h
}

// nodeBytes copies the bytes of a Uint8Array (as node_crypto.js passes
// every input, strings already encoded).
func (rl *Realm) nodeBytes(v goja.Value) []byte {
	var b []byte
	if err := rl.vm.ExportTo(v, &b); err != nil {
		panic(rl.vm.NewTypeError("expected bytes: %s", err.Error()))
	}
	return b
}
