package bindings

// CryptoKey: https://w3c.github.io/webcrypto/#cryptokey-interface
//
// A key's material stays in Go ([cryptoKey.material]); script sees the four
// read-only own properties workerd gives an instance (type, extractable,
// algorithm, usages), each created once so that repeated reads return the
// same object.

import (
	"fmt"
	"strings"

	"github.com/dop251/goja"
)

// keyUsage is one of the eight WebCrypto key usages, as a bit.
type keyUsage uint8

// The usages in workerd's order, which is the order CryptoKey.usages lists
// them in whatever order they were asked for.
const (
	usageEncrypt keyUsage = 1 << iota
	usageDecrypt
	usageSign
	usageVerify
	usageDeriveKey
	usageDeriveBits
	usageWrapKey
	usageUnwrapKey
)

// usageNames are the usages' names, bit by bit.
var usageNames = []string{"encrypt", "decrypt", "sign", "verify", "deriveKey", "deriveBits", "wrapKey", "unwrapKey"}

// usageSet is a set of key usages.
type usageSet uint8

// names lists the set's usages in workerd's order.
func (s usageSet) names() []string {
	var out []string
	for i, n := range usageNames {
		if s&usageSet(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

// has reports whether u is in the set.
func (s usageSet) has(u keyUsage) bool { return s&usageSet(u) != 0 }

// usageOf returns the usage named n, or 0.
func usageOf(n string) keyUsage {
	for i, name := range usageNames {
		if name == n {
			return 1 << i
		}
	}
	return 0
}

// Key types.
const (
	keySecret  = "secret"
	keyPublic  = "public"
	keyPrivate = "private"
)

// keyAlgorithm is a key's algorithm dictionary (KeyAlgorithm and its
// HMAC, AES, RSA and EC refinements); zero fields are absent.
type keyAlgorithm struct {
	name           string
	hash           string
	length         int
	hasLength      bool
	namedCurve     string
	modulusLength  int
	publicExponent []byte
}

// cryptoKey is a CryptoKey's Go state.
type cryptoKey struct {
	kind        string
	extractable bool
	alg         keyAlgorithm
	usages      usageSet
	// material is []byte for a secret key, or *rsa.PrivateKey,
	// *rsa.PublicKey, *ecdsa.PrivateKey, *ecdsa.PublicKey,
	// ed25519.PrivateKey, ed25519.PublicKey, *ecdh.PrivateKey or
	// *ecdh.PublicKey (X25519).
	material any
}

// installCryptoKey defines CryptoKey, which scripts cannot construct.
func (rl *Realm) installCryptoKey() {
	c := rl.defineClass("CryptoKey", nil, nil, "Illegal constructor")
	rl.global("CryptoKey", c.ctor)
	rl.cryptoKeyClass = c
}

// newCryptoKeyObject wraps k as a CryptoKey.
func (rl *Realm) newCryptoKeyObject(k *cryptoKey) *goja.Object {
	o := rl.cryptoKeyClass.instance(k)
	usages := make([]any, 0, 8)
	for _, n := range k.usages.names() {
		usages = append(usages, n)
	}
	for _, p := range []struct {
		name  string
		value goja.Value
	}{
		{"usages", rl.vm.NewArray(usages...)},
		{"algorithm", rl.algorithmObject(&k.alg)},
		{"extractable", rl.vm.ToValue(k.extractable)},
		{"type", rl.vm.ToValue(k.kind)},
	} {
		if err := o.DefineDataProperty(p.name, p.value, goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
			panic(err)
		}
	}
	return o
}

// algorithmObject renders a key's algorithm as the plain object
// CryptoKey.algorithm is.
func (rl *Realm) algorithmObject(a *keyAlgorithm) *goja.Object {
	o := rl.vm.NewObject()
	set := func(k string, v any) {
		if err := o.Set(k, v); err != nil {
			panic(err)
		}
	}
	set("name", a.name)
	if a.modulusLength != 0 {
		set("modulusLength", a.modulusLength)
		set("publicExponent", rl.newUint8Array(a.publicExponent))
	}
	if a.hash != "" {
		h := rl.vm.NewObject()
		if err := h.Set("name", a.hash); err != nil {
			panic(err)
		}
		set("hash", h)
	}
	if a.hasLength {
		set("length", a.length)
	}
	if a.namedCurve != "" {
		set("namedCurve", a.namedCurve)
	}
	return o
}

// cryptoKeyArg returns the CryptoKey passed as parameter n of method, or
// throws workerd's TypeError.
func (rl *Realm) cryptoKeyArg(v goja.Value, method string, n int) *cryptoKey {
	k := stateOf[cryptoKey](rl, v)
	if k == nil {
		rl.throwTypeError(fmt.Sprintf("Failed to execute '%s' on 'SubtleCrypto': parameter %d is not of type 'CryptoKey'.", method, n))
	}
	return k
}

// checkKeyUse is the check every operation makes of its key: the
// requested algorithm must be the key's, and the key must allow the usage.
func checkKeyUse(k *cryptoKey, requested string, u keyUsage) error {
	if !strings.EqualFold(requested, k.alg.name) {
		return domError("InvalidAccessError", "Requested algorithm %q does not match this CryptoKey's algorithm %q.", requested, k.alg.name)
	}
	if !k.usages.has(u) {
		return domError("InvalidAccessError", "Requested key usage %q does not match any usage listed in this CryptoKey.", usageNames[bitIndex(u)])
	}
	return nil
}

// bitIndex returns the index of u's bit.
func bitIndex(u keyUsage) int {
	i := 0
	for u > 1 {
		u >>= 1
		i++
	}
	return i
}

// keyUsages validates the usages an import, generation or derivation asks
// for: each must be in allowed, as workerd's message says otherwise.
// op is "import" or "generate"; kind and alg name the key in the message.
func keyUsages(requested []string, allowed usageSet, op, kind, alg string) (usageSet, error) {
	var s usageSet
	for _, n := range requested {
		u := usageOf(n)
		if u == 0 || !allowed.has(u) {
			if op == "generate" {
				return 0, domError("SyntaxError", "Attempt to generate %s key with invalid usage %q.", alg, n)
			}
			return 0, domError("SyntaxError", "Attempt to %s %s %s key with invalid usage %q.", op, kind, alg, n)
		}
		s |= usageSet(u)
	}
	return s, nil
}

// errNoUsages is workerd's error for a secret or private key without usages.
var errNoUsages = domError("SyntaxError", "Secret/private CryptoKeys must have at least one usage.")

// newKey builds a key of the given kind, refusing a secret or private one
// with no usages.
func newKey(kind string, extractable bool, alg keyAlgorithm, usages usageSet, material any) (*cryptoKey, error) {
	if usages == 0 && kind != keyPublic {
		return nil, errNoUsages
	}
	return &cryptoKey{kind: kind, extractable: extractable, alg: alg, usages: usages, material: material}, nil
}
