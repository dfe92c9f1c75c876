package bindings

// The Go helpers of node:crypto's KeyObject (js/node_crypto_keys.js):
// each takes and gives keys as opaque *nodeKey values; a failure comes
// back as {error} for the JS side to throw.

import (
	"bytes"
	"crypto"
	"crypto/subtle"
	"crypto/x509"
	_ "embed"
	"strings"

	"github.com/dop251/goja"
)

//go:embed js/node_crypto_keys.js
var nodeCryptoKeysSource string

// normalizeNodeHash maps OpenSSL's digest aliases (RSA-SHA256, DSA-SHA,
// ecdsa-with-SHA1, any case) to the plain name.
func normalizeNodeHash(name string) string {
	n := strings.ToLower(name)
	switch n {
	case "dsa-sha", "dsa-sha1", "ecdsa-with-sha1":
		return "sha1"
	}
	return strings.TrimPrefix(n, "rsa-")
}

// addKeyHelpers adds the KeyObject primitives to node_crypto's helpers.
func (rl *Realm) addKeyHelpers(set func(string, func(goja.FunctionCall) goja.Value)) {
	fail := rl.cryptoFailure
	keyOr := func(k *nodeKey, err error) goja.Value {
		if err != nil {
			return fail(err)
		}
		return rl.vm.ToValue(k)
	}
	bytesOr := rl.cryptoBytes
	keyOf := func(v goja.Value) *nodeKey { return cryptoHandle[nodeKey](rl, v) }
	hashOf := func(v goja.Value) crypto.Hash {
		if goja.IsNull(v) || goja.IsUndefined(v) {
			return 0
		}
		return nodeHashID(v.String())
	}
	set("keyParse", func(call goja.FunctionCall) goja.Value {
		return keyOr(parseNodeKey(rl.nodeBytes(call.Argument(0)), call.Argument(1).String(), call.Argument(2).String(), call.Argument(3).ToBoolean()))
	})
	set("keyParseJWK", func(call goja.FunctionCall) goja.Value {
		return keyOr(parseNodeJWK(rl.readJWK(call.Argument(0).ToObject(rl.vm)), call.Argument(1).ToBoolean()))
	})
	set("keySecret", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(&nodeKey{kind: "secret", material: rl.nodeBytes(call.Argument(0))})
	})
	set("keyFromCryptoKey", func(call goja.FunctionCall) goja.Value {
		ck := stateOf[cryptoKey](rl, call.Argument(0))
		if ck == nil {
			return goja.Null()
		}
		return rl.vm.ToValue(&nodeKey{kind: ck.kind, material: ck.material})
	})
	set("keyInfo", func(call goja.FunctionCall) goja.Value {
		k := keyOf(call.Argument(0))
		o := rl.vm.NewObject()
		_ = o.Set("kind", k.kind)
		if b, ok := k.material.([]byte); ok {
			_ = o.Set("size", len(b))
			return o
		}
		_ = o.Set("type", k.asymmetricType())
		modulus, exponent, curve := k.details()
		if modulus > 0 {
			_ = o.Set("modulusLength", modulus)
			_ = o.Set("publicExponent", exponent)
		}
		if curve != "" {
			_ = o.Set("namedCurve", curve)
		}
		return o
	})
	set("keyExport", func(call goja.FunctionCall) goja.Value {
		k := keyOf(call.Argument(0))
		if b, ok := k.material.([]byte); ok {
			return rl.vm.ToValue(rl.vm.NewArrayBuffer(bytes.Clone(b)))
		}
		return bytesOr(k.export(call.Argument(1).String(), call.Argument(2).String()))
	})
	set("keyExportJWK", func(call goja.FunctionCall) goja.Value {
		j, err := keyOf(call.Argument(0)).exportJWK()
		if err != nil {
			return fail(err)
		}
		k := keyOf(call.Argument(0))
		if k.kind == "secret" {
			j.ext, j.hasExt = true, true
		}
		if _, ok := j.get("crv"); ok && k.asymmetricType() == "ed25519" {
			j.set("alg", "EdDSA")
		}
		return rl.jwkObject(j)
	})
	set("keyPublic", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(keyOf(call.Argument(0)).public())
	})
	set("keyEquals", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(nodeKeysEqual(keyOf(call.Argument(0)), keyOf(call.Argument(1))))
	})
	set("keyGenerate", func(call goja.FunctionCall) goja.Value {
		return keyOr(generateNodeKeyPair(call.Argument(0).String(), int(call.Argument(1).ToInteger()), call.Argument(2).String()))
	})
	set("keySign", func(call goja.FunctionCall) goja.Value {
		a := call.Arguments
		return bytesOr(nodeSign(keyOf(a[0]), hashOf(a[1]), rl.nodeBytes(a[2]), a[3].ToBoolean(), int(a[4].ToInteger()), a[5].ToBoolean()))
	})
	set("keyVerify", func(call goja.FunctionCall) goja.Value {
		a := call.Arguments
		ok, err := nodeVerify(keyOf(a[0]), hashOf(a[1]), rl.nodeBytes(a[2]), rl.nodeBytes(a[3]), a[4].ToBoolean(), int(a[5].ToInteger()), a[6].ToBoolean())
		if err != nil {
			return fail(err)
		}
		return rl.vm.ToValue(ok)
	})
	set("keyRSA", func(call goja.FunctionCall) goja.Value {
		a := call.Arguments
		h := hashOf(a[4])
		if h == 0 {
			h = crypto.SHA1
		}
		var label []byte
		if !goja.IsUndefined(a[5]) {
			label = rl.nodeBytes(a[5])
		}
		return bytesOr(nodeRSACrypt(keyOf(a[0]), a[1].ToBoolean(), rl.nodeBytes(a[2]), int(a[3].ToInteger()), h, label))
	})
	set("keyRSARaw", func(call goja.FunctionCall) goja.Value {
		a := call.Arguments
		return bytesOr(nodeRSARaw(keyOf(a[0]), a[1].ToBoolean(), rl.nodeBytes(a[2]), int(a[3].ToInteger())))
	})
	set("keyDH", func(call goja.FunctionCall) goja.Value {
		return bytesOr(nodeDiffieHellman(keyOf(call.Argument(0)), keyOf(call.Argument(1))))
	})
}

// nodeKeysEqual compares two keys' material, in constant time for
// secrets.
func nodeKeysEqual(a, b *nodeKey) bool {
	if a.kind != b.kind {
		return false
	}
	if x, ok := a.material.([]byte); ok {
		y, ok := b.material.([]byte)
		return ok && len(x) == len(y) && subtle.ConstantTimeCompare(x, y) == 1
	}
	var x, y []byte
	var err1, err2 error
	if a.kind == "public" {
		x, err1 = x509.MarshalPKIXPublicKey(a.material)
		y, err2 = x509.MarshalPKIXPublicKey(b.material)
	} else {
		x, err1 = x509.MarshalPKCS8PrivateKey(a.material)
		y, err2 = x509.MarshalPKCS8PrivateKey(b.material)
	}
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}
