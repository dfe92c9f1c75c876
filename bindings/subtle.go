package bindings

// SubtleCrypto's key methods: https://w3c.github.io/webcrypto/#subtlecrypto-interface
//
// Each method checks its arguments as workerd does, then hands the work to
// the algorithm's functions ([subtleAlg], one file per family), which are
// plain Go over Go's crypto packages. Every method returns a promise; what
// goes wrong rejects it. The work is done at once, on the loop: Go's
// primitives are fast, and a slow one (PBKDF2 with many iterations, RSA key
// generation) blocks this worker only, as it does workerd's isolate.

import (
	"crypto/subtle"
	"fmt"
	"math"

	"github.com/dop251/goja"
)

// subtleAlg is what one algorithm can do; a nil function is an operation
// it does not support.
type subtleAlg struct {
	importKey func(p *algParams, in keyInput, extractable bool, usages []string) (*cryptoKey, error)
	exportKey func(k *cryptoKey, format string) ([]byte, *jsonWebKey, error)
	// generate returns a secret key, or a public and a private key.
	generate   func(p *algParams, extractable bool, usages []string) (*cryptoKey, *cryptoKey, error)
	sign       func(p *algParams, k *cryptoKey, data []byte) ([]byte, error)
	verify     func(p *algParams, k *cryptoKey, sig, data []byte) (bool, error)
	encrypt    func(p *algParams, k *cryptoKey, data []byte) ([]byte, error)
	decrypt    func(p *algParams, k *cryptoKey, data []byte) ([]byte, error)
	deriveBits func(p *algParams, k *cryptoKey, length int, hasLength bool) ([]byte, error)
	// keyLength is the length in bits of a key deriveKey makes; ok is
	// false for a key of no set length (PBKDF2, HKDF).
	keyLength func(p *algParams) (length int, ok bool, err error)
	wrap      func(p *algParams, k *cryptoKey, data []byte) ([]byte, error)
	unwrap    func(p *algParams, k *cryptoKey, data []byte) ([]byte, error)
}

// subtleAlgs are the algorithms by canonical name, registered by each
// family's file.
var subtleAlgs = map[string]*subtleAlg{}

// keyInput is importKey's data: bytes for raw, pkcs8 and spki, or a JWK.
type keyInput struct {
	format string
	data   []byte
	jwk    *jsonWebKey
}

// installSubtle defines SubtleCrypto's methods other than digest.
func (rl *Realm) installSubtle(c *jsClass) {
	for _, m := range []struct {
		name string
		fn   func(call goja.FunctionCall) goja.Value
	}{
		{"encrypt", func(call goja.FunctionCall) goja.Value { return rl.cipher(call, "encrypt", usageEncrypt) }},
		{"decrypt", func(call goja.FunctionCall) goja.Value { return rl.cipher(call, "decrypt", usageDecrypt) }},
		{"sign", rl.sign},
		{"verify", rl.verify},
		{"generateKey", rl.generateKey},
		{"deriveKey", rl.deriveKey},
		{"deriveBits", rl.deriveBits},
		{"importKey", rl.importKey},
		{"exportKey", rl.exportKey},
		{"wrapKey", rl.wrapKey},
		{"unwrapKey", rl.unwrapKey},
	} {
		fn := m.fn
		c.method(m.name, func(call goja.FunctionCall) goja.Value {
			thisState[cryptoState](rl, call)
			var res goja.Value
			if ex := rl.vm.Try(func() { res = fn(call) }); ex != nil {
				return rl.rejected(ex.Value())
			}
			return rl.resolved(res)
		})
	}
	c.method("timingSafeEqual", rl.timingSafeEqual)
}

// opAlgorithm reads parameter 1 of method, an algorithm.
func (rl *Realm) opAlgorithm(call goja.FunctionCall, method, idl string) *algParams {
	if len(call.Arguments) == 0 {
		rl.throwTypeError(fmt.Sprintf("Failed to execute '%s' on 'SubtleCrypto': parameter 1 is not of type 'string or %s'.", method, idl))
	}
	return rl.dictAlgorithm(call.Argument(0), "algorithm", idl)
}

// dictAlgorithm reads an algorithm argument that workerd converts to the
// dictionary idl, which may not be undefined.
func (rl *Realm) dictAlgorithm(v goja.Value, dict, idl string) *algParams {
	p, ok := rl.algorithmArg(v, dict)
	if !ok {
		rl.throwTypeError(errNoAlgorithm(idl))
	}
	p.checkMemberTypes(idl)
	return p
}

// bufferArg reads BufferSource parameter n of method.
func (rl *Realm) bufferArg(v goja.Value, method string, n int) []byte {
	b, ok := rl.bufferSource(v)
	if !ok {
		rl.throwTypeError(fmt.Sprintf("Failed to execute '%s' on 'SubtleCrypto': parameter %d is not of type 'BufferSource'.", method, n))
	}
	return b
}

// usagesArg reads a sequence<KeyUsage> parameter.
func (rl *Realm) usagesArg(v goja.Value, method string, n int) []string {
	o, ok := v.(*goja.Object)
	if !ok || o.ClassName() != "Array" {
		rl.throwTypeError(fmt.Sprintf("Failed to execute '%s' on 'SubtleCrypto': parameter %d is not of type 'Array'.", method, n))
	}
	length := o.Get("length").ToInteger()
	out := make([]string, 0, min(length, 8))
	for i := int64(0); i < length; i++ {
		u := "undefined" // a hole
		if v := o.Get(fmt.Sprint(i)); v != nil {
			u = v.String()
		}
		out = append(out, u)
		if usageOf(u) == 0 {
			// The usages are refused at this one whatever follows, so a
			// sparse array of 2**32-1 holes is not read, or held, whole.
			break
		}
	}
	return out
}

// keyFor returns the key argument checked for the requested algorithm and
// usage, and the key's algorithm.
func (rl *Realm) keyFor(p *algParams, v goja.Value, method string, n int, u keyUsage) (*cryptoKey, *subtleAlg) {
	k := rl.cryptoKeyArg(v, method, n)
	rl.throwCrypto(checkKeyUse(k, p.given, u))
	return k, subtleAlgs[k.alg.name]
}

// cipher implements encrypt and decrypt.
func (rl *Realm) cipher(call goja.FunctionCall, method string, u keyUsage) goja.Value {
	p := rl.opAlgorithm(call, method, "EncryptAlgorithm")
	k := rl.cryptoKeyArg(call.Argument(1), method, 2)
	data := rl.bufferArg(call.Argument(2), method, 3)
	rl.throwCrypto(checkKeyUse(k, p.given, u))
	a := subtleAlgs[k.alg.name]
	f := a.encrypt
	if u == usageDecrypt {
		f = a.decrypt
	}
	return rl.newArrayBuffer(rl.mustBytes(f(p, k, data)))
}

// sign implements sign(algorithm, key, data).
func (rl *Realm) sign(call goja.FunctionCall) goja.Value {
	p := rl.opAlgorithm(call, "sign", "SignAlgorithm")
	k := rl.cryptoKeyArg(call.Argument(1), "sign", 2)
	data := rl.bufferArg(call.Argument(2), "sign", 3)
	rl.throwCrypto(checkKeyUse(k, p.given, usageSign))
	return rl.newArrayBuffer(rl.mustBytes(subtleAlgs[k.alg.name].sign(p, k, data)))
}

// verify implements verify(algorithm, key, signature, data).
func (rl *Realm) verify(call goja.FunctionCall) goja.Value {
	p := rl.opAlgorithm(call, "verify", "SignAlgorithm")
	k := rl.cryptoKeyArg(call.Argument(1), "verify", 2)
	sig := rl.bufferArg(call.Argument(2), "verify", 3)
	data := rl.bufferArg(call.Argument(3), "verify", 4)
	rl.throwCrypto(checkKeyUse(k, p.given, usageVerify))
	return rl.vm.ToValue(rl.mustBool(subtleAlgs[k.alg.name].verify(p, k, sig, data)))
}

// generateKey implements generateKey(algorithm, extractable, usages).
func (rl *Realm) generateKey(call goja.FunctionCall) goja.Value {
	p := rl.dictAlgorithm(call.Argument(0), "algorithm", "GenerateKeyAlgorithm")
	extractable := call.Argument(1).ToBoolean()
	usages := rl.usagesArg(call.Argument(2), "generateKey", 3)
	a := subtleAlgs[p.name]
	if a == nil || a.generate == nil {
		rl.throwCrypto(domError("NotSupportedError", "Unrecognized key generation algorithm %q requested.", p.given))
	}
	key, private, err := a.generate(p, extractable, usages)
	rl.throwCrypto(err)
	if private == nil {
		return rl.newCryptoKeyObject(key)
	}
	// A CryptoKeyPair is a plain object, as in workerd.
	pair := rl.vm.NewObject()
	_ = pair.Set("publicKey", rl.newCryptoKeyObject(key))
	_ = pair.Set("privateKey", rl.newCryptoKeyObject(private))
	return pair
}

// deriveBits implements deriveBits(algorithm, baseKey, length).
func (rl *Realm) deriveBits(call goja.FunctionCall) goja.Value {
	p := rl.opAlgorithm(call, "deriveBits", "DeriveKeyAlgorithm")
	p.dict = "derivedKeyParams"
	k := rl.cryptoKeyArg(call.Argument(1), "deriveBits", 2)
	rl.throwCrypto(checkKeyUse(k, p.given, usageDeriveBits))
	lv := call.Argument(2)
	hasLength := !goja.IsUndefined(lv) && !goja.IsNull(lv)
	length := 0
	if hasLength {
		n := lv.ToFloat()
		if !(n >= 0 && n <= math.MaxUint32) {
			rl.throwTypeError("deriveBits length must be an unsigned long integer.")
		}
		length = int(n)
	}
	return rl.newArrayBuffer(rl.mustBytes(subtleAlgs[k.alg.name].deriveBits(p, k, length, hasLength)))
}

// deriveKey implements deriveKey(algorithm, baseKey, derivedKeyType,
// extractable, usages): deriveBits of the derived key's length, imported
// as a raw key.
func (rl *Realm) deriveKey(call goja.FunctionCall) goja.Value {
	p := rl.opAlgorithm(call, "deriveKey", "DeriveKeyAlgorithm")
	p.dict = "derivedKeyParams"
	k := rl.cryptoKeyArg(call.Argument(1), "deriveKey", 2)
	dp := rl.dictAlgorithm(call.Argument(2), "derivedKeyParams", "ImportKeyAlgorithm")
	extractable := call.Argument(3).ToBoolean()
	usages := rl.usagesArg(call.Argument(4), "deriveKey", 5)
	rl.throwCrypto(checkKeyUse(k, p.given, usageDeriveKey))
	da := subtleAlgs[dp.name]
	if da == nil || da.keyLength == nil {
		rl.throwCrypto(domError("NotSupportedError", "Unrecognized derived key type %q requested.", dp.given))
	}
	length, hasLength, err := da.keyLength(dp)
	rl.throwCrypto(err)
	bits := rl.mustBytes(subtleAlgs[k.alg.name].deriveBits(p, k, length, hasLength))
	dp.dict = "algorithm"
	return rl.newCryptoKeyObject(rl.mustKey(da.importKey(dp, keyInput{format: "raw", data: bits}, extractable, usages)))
}

// importKey implements importKey(format, keyData, algorithm, extractable,
// usages).
func (rl *Realm) importKey(call goja.FunctionCall) goja.Value {
	format := call.Argument(0).String()
	p := rl.dictAlgorithm(call.Argument(2), "algorithm", "ImportKeyAlgorithm")
	extractable := call.Argument(3).ToBoolean()
	usages := rl.usagesArg(call.Argument(4), "importKey", 5)
	in := rl.keyInputArg(format, call.Argument(1))
	return rl.newCryptoKeyObject(rl.mustKey(rl.importWith(p, in, extractable, usages)))
}

// keyInputArg reads importKey's keyData for format.
func (rl *Realm) keyInputArg(format string, v goja.Value) keyInput {
	switch format {
	case "raw", "pkcs8", "spki":
		b, ok := rl.bufferSource(v)
		if !ok {
			rl.throwTypeError("Import data provided for buffer-based import formats must be a buffer source.")
		}
		return keyInput{format: format, data: b}
	case "jwk":
		o, ok := v.(*goja.Object)
		if _, isBuffer := rl.bufferSource(v); !ok || isBuffer {
			rl.throwTypeError(`Import data provided for "jwk" import format must be a JsonWebKey.`)
		}
		return keyInput{format: format, jwk: rl.readJWK(o)}
	}
	rl.throwCrypto(domError("NotSupportedError", "Unrecognized key import format %q.", format))
	return keyInput{}
}

// importWith imports in with algorithm p.
func (rl *Realm) importWith(p *algParams, in keyInput, extractable bool, usages []string) (*cryptoKey, error) {
	a := subtleAlgs[p.name]
	if a == nil || a.importKey == nil {
		return nil, domError("NotSupportedError", "Unrecognized key import algorithm %q requested.", p.given)
	}
	return a.importKey(p, in, extractable, usages)
}

// exportKey implements exportKey(format, key).
func (rl *Realm) exportKey(call goja.FunctionCall) goja.Value {
	format := call.Argument(0).String()
	k := rl.cryptoKeyArg(call.Argument(1), "exportKey", 2)
	b, jwk := rl.export(k, format)
	if jwk != nil {
		return rl.jwkObject(jwk)
	}
	return rl.newArrayBuffer(b)
}

// export exports k in format, as bytes or a JWK.
func (rl *Realm) export(k *cryptoKey, format string) ([]byte, *jsonWebKey) {
	if !k.extractable {
		rl.throwCrypto(domError("InvalidAccessError", "Attempt to export non-extractable %s key.", k.alg.name))
	}
	a := subtleAlgs[k.alg.name]
	if a.exportKey == nil {
		rl.throwCrypto(domError("NotSupportedError", "Unimplemented key export format %q.", format))
	}
	b, jwk, err := a.exportKey(k, format)
	rl.throwCrypto(err)
	return b, jwk
}

// wrapKey implements wrapKey(format, key, wrappingKey, wrapAlgorithm):
// the exported key (a JWK as its JSON text) encrypted, or wrapped with
// AES-KW.
func (rl *Realm) wrapKey(call goja.FunctionCall) goja.Value {
	format := call.Argument(0).String()
	key := rl.cryptoKeyArg(call.Argument(1), "wrapKey", 2)
	wk := rl.cryptoKeyArg(call.Argument(2), "wrapKey", 3)
	p := rl.dictAlgorithm(call.Argument(3), "algorithm", "EncryptAlgorithm")
	rl.throwCrypto(checkKeyUse(wk, p.given, usageWrapKey))
	b, jwk := rl.export(key, format)
	if jwk != nil {
		b = []byte(rl.jsonStringify(rl.jwkObject(jwk)))
	}
	a := subtleAlgs[wk.alg.name]
	f := a.wrap
	if f == nil {
		f = a.encrypt
	}
	return rl.newArrayBuffer(rl.mustBytes(f(p, wk, b)))
}

// unwrapKey implements unwrapKey(format, wrappedKey, unwrappingKey,
// unwrapAlgorithm, unwrappedKeyAlgorithm, extractable, usages).
func (rl *Realm) unwrapKey(call goja.FunctionCall) goja.Value {
	format := call.Argument(0).String()
	data := rl.bufferArg(call.Argument(1), "unwrapKey", 2)
	uk := rl.cryptoKeyArg(call.Argument(2), "unwrapKey", 3)
	p := rl.dictAlgorithm(call.Argument(3), "algorithm", "EncryptAlgorithm")
	kp := rl.dictAlgorithm(call.Argument(4), "algorithm", "ImportKeyAlgorithm")
	extractable := call.Argument(5).ToBoolean()
	usages := rl.usagesArg(call.Argument(6), "unwrapKey", 7)
	rl.throwCrypto(checkKeyUse(uk, p.given, usageUnwrapKey))
	a := subtleAlgs[uk.alg.name]
	f := a.unwrap
	if f == nil {
		f = a.decrypt
	}
	plain := rl.mustBytes(f(p, uk, data))
	var in keyInput
	if format == "jwk" {
		v := rl.jsonParse(string(plain))
		o, ok := v.(*goja.Object)
		if !ok || goja.IsUndefined(o.Get("kty")) {
			rl.throwCrypto(dataError(`Missing "kty" field or corrupt JSON unwrapping key?`))
		}
		in = keyInput{format: format, jwk: rl.readJWK(o)}
	} else {
		in = rl.keyInputArg(format, rl.newArrayBuffer(plain))
	}
	return rl.newCryptoKeyObject(rl.mustKey(rl.importWith(kp, in, extractable, usages)))
}

// timingSafeEqual implements crypto.subtle.timingSafeEqual(a, b), which
// workerd adds to SubtleCrypto.
func (rl *Realm) timingSafeEqual(call goja.FunctionCall) goja.Value {
	thisState[cryptoState](rl, call)
	a, ok := rl.bufferSource(call.Argument(0))
	if !ok {
		rl.throwTypeError("Failed to execute 'timingSafeEqual' on 'SubtleCrypto': parameter 1 is not of type 'BufferSource'.")
	}
	b, ok := rl.bufferSource(call.Argument(1))
	if !ok {
		rl.throwTypeError("Failed to execute 'timingSafeEqual' on 'SubtleCrypto': parameter 2 is not of type 'BufferSource'.")
	}
	if len(a) != len(b) {
		rl.throwTypeError("Input buffers must have the same byte length.")
	}
	return rl.vm.ToValue(subtle.ConstantTimeCompare(a, b) == 1)
}
