package bindings

// ECDSA and ECDH on P-256, P-384 and P-521:
// https://w3c.github.io/webcrypto/#ecdsa and #ecdh

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"math/big"
)

// ecCurves are the named curves.
var ecCurves = map[string]elliptic.Curve{"P-256": elliptic.P256(), "P-384": elliptic.P384(), "P-521": elliptic.P521()}

// ecUsages are the usages of each EC algorithm's public and private keys.
var ecUsages = map[string][2]usageSet{
	"ECDSA": {usageSet(usageVerify), usageSet(usageSign)},
	"ECDH":  {0, usageSet(usageDeriveKey | usageDeriveBits)},
}

func init() {
	for name := range ecUsages {
		a := &subtleAlg{
			importKey: func(p *algParams, in keyInput, extractable bool, u []string) (*cryptoKey, error) {
				return importEC(name, p, in, extractable, u)
			},
			exportKey: exportEC,
			generate: func(p *algParams, extractable bool, u []string) (*cryptoKey, *cryptoKey, error) {
				return generateEC(name, p, extractable, u)
			},
		}
		if name == "ECDSA" {
			a.sign, a.verify = signECDSA, verifyECDSA
		} else {
			a.deriveBits = deriveECDH
		}
		subtleAlgs[name] = a
	}
}

// ecCurve reads namedCurve.
func ecCurve(p *algParams) (string, elliptic.Curve, error) {
	n, ok := p.str("namedCurve")
	if !ok {
		return "", nil, p.missing("namedCurve")
	}
	c, ok := ecCurves[n]
	if !ok {
		return "", nil, domError("NotSupportedError", "Unrecognized or unimplemented EC curve %q requested.", n)
	}
	return n, c, nil
}

// keyKind is the kind of key an asymmetric import makes from in.
func keyKind(in keyInput) string {
	switch in.format {
	case "pkcs8":
		return keyPrivate
	case "jwk":
		if _, ok := in.jwk.get("d"); ok {
			return keyPrivate
		}
	}
	return keyPublic
}

// importEC imports a raw, spki, pkcs8 or JWK EC key.
func importEC(name string, p *algParams, in keyInput, extractable bool, usages []string) (*cryptoKey, error) {
	crv, curve, err := ecCurve(p)
	if err != nil {
		return nil, err
	}
	if in.format != "raw" && in.format != "spki" && in.format != "pkcs8" && in.format != "jwk" {
		return nil, domError("NotSupportedError", "Unrecognized key import format %q.", in.format)
	}
	kind := keyKind(in)
	set, err := keyUsages(usages, ecUsages[name][kindIndex(kind)], "import", kind, name)
	if err != nil {
		return nil, err
	}
	var material any
	var keyCurve elliptic.Curve
	switch in.format {
	case "raw":
		pub, err := parseECPoint(curve, in.data)
		if err != nil {
			return nil, dataError("Failed to import raw EC key data: Invalid point encoding..")
		}
		material, keyCurve = pub, curve
	case "spki", "pkcs8":
		if material, err = parseDER(in); err != nil {
			return nil, err
		}
		switch k := material.(type) {
		case *ecdsa.PublicKey:
			keyCurve = k.Curve
		case *ecdsa.PrivateKey:
			keyCurve = k.Curve
		default:
			return nil, dataError("Input was not an EC key.")
		}
	case "jwk":
		if material, err = readECJWK(name, crv, curve, in.jwk, extractable, usages); err != nil {
			return nil, err
		}
		keyCurve = curve
	}
	if keyCurve != curve {
		return nil, dataError(`"algorithm.namedCurve" %q does not match the curve specified by the input key data.`, crv)
	}
	return newKey(kind, extractable, keyAlgorithm{name: name, namedCurve: crv}, set, material)
}

// kindIndex is 0 for a public key's usages and 1 for a private key's.
func kindIndex(kind string) int {
	if kind == keyPrivate {
		return 1
	}
	return 0
}

// parseECPoint parses an uncompressed or compressed point.
func parseECPoint(curve elliptic.Curve, b []byte) (*ecdsa.PublicKey, error) {
	if len(b) > 0 && (b[0] == 2 || b[0] == 3) {
		x, y := elliptic.UnmarshalCompressed(curve, b)
		if x == nil {
			return nil, dataError("invalid point")
		}
		size := (curve.Params().BitSize + 7) / 8
		b = append(append([]byte{4}, x.FillBytes(make([]byte, size))...), y.FillBytes(make([]byte, size))...)
	}
	return ecdsa.ParseUncompressedPublicKey(curve, b)
}

// readECJWK reads an EC JWK.
func readECJWK(name, crv string, curve elliptic.Curve, j *jsonWebKey, extractable bool, usages []string) (any, error) {
	if kty, ok := j.get("kty"); kty != "EC" {
		if !ok {
			kty = "undefined"
		}
		return nil, dataError(`Elliptic curve "jwk" key import requires a JSON Web Key with Key Type parameter "kty" (%q) equal to "EC".`, kty)
	}
	if err := checkJWKUse(j, name, extractable, usages); err != nil {
		return nil, err
	}
	if alg, ok := j.get("alg"); ok && name == "ECDSA" && alg != ecdsaJWKAlgs[crv] {
		return nil, dataError(`JSON Web Key Algorithm parameter "alg" (%q) does not match requested curve.`, alg)
	}
	x, okX := j.bytes("x")
	if !okX {
		return nil, dataError(`Invalid EC key in JSON Web Key; missing "x".`)
	}
	y, okY := j.bytes("y")
	if !okY {
		return nil, dataError(`Invalid EC key in JSON Web Key; missing "y".`)
	}
	size := (curve.Params().BitSize + 7) / 8
	pub, err := ecdsa.ParseUncompressedPublicKey(curve, append(append([]byte{4}, leftPad(x, size)...), leftPad(y, size)...))
	if err != nil || len(x) > size || len(y) > size {
		return nil, operationError(`Invalid EC key; public key coordinates "x" and "y" are invalid: Point is not on curve..`)
	}
	if _, ok := j.get("d"); !ok {
		return pub, nil
	}
	d, ok := j.bytes("d")
	if !ok || len(d) != size {
		return nil, operationError(`Invalid EC key; private key component "d" is invalid.`)
	}
	priv, err := ecdsa.ParseRawPrivateKey(curve, d)
	if err != nil || !priv.PublicKey.Equal(pub) {
		return nil, dataError("Invalid EC key in JSON Web Key.")
	}
	return priv, nil
}

// ecdsaJWKAlgs are the JWK "alg" values of ECDSA keys by curve.
var ecdsaJWKAlgs = map[string]string{"P-256": "ES256", "P-384": "ES384", "P-521": "ES512"}

// leftPad pads b with zeros on the left to n bytes.
func leftPad(b []byte, n int) []byte {
	if len(b) >= n {
		return b
	}
	return append(make([]byte, n-len(b)), b...)
}

// ecPublic returns the public half of an EC key's material.
func ecPublic(m any) *ecdsa.PublicKey {
	if priv, ok := m.(*ecdsa.PrivateKey); ok {
		return &priv.PublicKey
	}
	return m.(*ecdsa.PublicKey)
}

// exportEC exports an EC key as raw, spki, pkcs8 or JWK.
func exportEC(k *cryptoKey, format string) ([]byte, *jsonWebKey, error) {
	pub := ecPublic(k.material)
	switch format {
	case "raw":
		if k.kind != keyPublic {
			return nil, nil, domError("InvalidAccessError", "Raw export of elliptic curve keys is only allowed for public keys.")
		}
		b, err := pub.Bytes()
		return b, nil, err
	case "spki", "pkcs8":
		return exportAsymmetricDER(k, format)
	case "jwk":
		j := exportJWK(k, "EC")
		j.set("crv", k.alg.namedCurve)
		size := (pub.Curve.Params().BitSize + 7) / 8
		b, err := pub.Bytes()
		if err != nil {
			return nil, nil, err
		}
		j.setBytes("x", b[1:1+size])
		j.setBytes("y", b[1+size:])
		if priv, ok := k.material.(*ecdsa.PrivateKey); ok {
			d, err := priv.Bytes()
			if err != nil {
				return nil, nil, err
			}
			j.setBytes("d", d)
		}
		return nil, j, nil
	}
	return nil, nil, domError("NotSupportedError", "Unimplemented key export format %q.", format)
}

// generateEC makes an EC key pair.
func generateEC(name string, p *algParams, extractable bool, usages []string) (*cryptoKey, *cryptoKey, error) {
	crv, curve, err := ecCurve(p)
	if err != nil {
		return nil, nil, err
	}
	pubSet, privSet, err := pairUsages(name, ecUsages[name], usages)
	if err != nil {
		return nil, nil, err
	}
	priv, err := ecdsa.GenerateKey(curve, rand.Reader)
	if err != nil {
		return nil, nil, operationError("EC key generation failed: %v", err)
	}
	alg := keyAlgorithm{name: name, namedCurve: crv}
	pub := &cryptoKey{kind: keyPublic, extractable: true, alg: alg, usages: pubSet, material: &priv.PublicKey}
	return pub, &cryptoKey{kind: keyPrivate, extractable: extractable, alg: alg, usages: privSet, material: priv}, nil
}

// ecdsaHash reads ECDSA's hash, which is given at call time.
func ecdsaHash(p *algParams) (string, error) {
	v := p.get("hash")
	if v == nil {
		return "", typeError(`Missing "hash" in AlgorithmIdentifier. (ECDSA requires that the hash algorithm be specified at call time rather than on the key. This differs from other WebCrypto algorithms for historical reasons.)`)
	}
	return hashName(v)
}

// signECDSA signs with ECDSA; the signature is r || s, each as long as the
// curve's order (IEEE P1363), as WebCrypto has it.
func signECDSA(p *algParams, k *cryptoKey, data []byte) ([]byte, error) {
	h, err := ecdsaHash(p)
	if err != nil {
		return nil, err
	}
	priv := k.material.(*ecdsa.PrivateKey)
	r, s, err := ecdsa.Sign(rand.Reader, priv, digestOf(h, data))
	if err != nil {
		return nil, operationError("ECDSA signing failed: %v", err)
	}
	size := (priv.Curve.Params().BitSize + 7) / 8
	return append(r.FillBytes(make([]byte, size)), s.FillBytes(make([]byte, size))...), nil
}

// verifyECDSA verifies an IEEE P1363 ECDSA signature.
func verifyECDSA(p *algParams, k *cryptoKey, sig, data []byte) (bool, error) {
	h, err := ecdsaHash(p)
	if err != nil {
		return false, err
	}
	pub := k.material.(*ecdsa.PublicKey)
	size := (pub.Curve.Params().BitSize + 7) / 8
	if len(sig) != 2*size {
		return false, nil
	}
	r, s := new(big.Int).SetBytes(sig[:size]), new(big.Int).SetBytes(sig[size:])
	return ecdsa.Verify(pub, digestOf(h, data), r, s), nil
}

// derivePublic reads the public member of ECDH and X25519 parameters and
// checks it against the private key.
func derivePublic(p *algParams, k *cryptoKey) (*cryptoKey, error) {
	v := p.get("public")
	if v == nil {
		return nil, p.missing("public")
	}
	pub := stateOf[cryptoKey](p.rl, v)
	switch {
	case pub == nil:
		return nil, typeError("Failed to execute 'deriveBits' on 'SubtleCrypto': member public is not of type 'CryptoKey'.")
	case pub.kind != keyPublic:
		return nil, domError("InvalidAccessError", "The provided key has type %q, not \"public\"", pub.kind)
	case pub.alg.name != k.alg.name:
		return nil, domError("InvalidAccessError", "Private key for derivation is using %q while public key is using %q.", k.alg.name, pub.alg.name)
	case pub.alg.namedCurve != k.alg.namedCurve:
		return nil, domError("InvalidAccessError", "Private key for derivation is using curve %q while public key is using %q.", k.alg.namedCurve, pub.alg.namedCurve)
	}
	return pub, nil
}

// deriveECDH derives the ECDH shared secret, cut to length.
func deriveECDH(p *algParams, k *cryptoKey, length int, hasLength bool) ([]byte, error) {
	pub, err := derivePublic(p, k)
	if err != nil {
		return nil, err
	}
	a, err := k.material.(*ecdsa.PrivateKey).ECDH()
	if err != nil {
		return nil, operationError("ECDH failed: %v", err)
	}
	b, err := pub.material.(*ecdsa.PublicKey).ECDH()
	if err != nil {
		return nil, operationError("ECDH failed: %v", err)
	}
	secret, err := a.ECDH(b)
	if err != nil {
		return nil, operationError("ECDH failed: %v", err)
	}
	return cutSecret(secret, length, hasLength)
}

// cutSecret returns the first length bits of a shared secret (all of it
// for a null length).
func cutSecret(secret []byte, length int, hasLength bool) ([]byte, error) {
	if !hasLength {
		return secret, nil
	}
	if length > len(secret)*8 {
		return nil, operationError("Derived key length (%d bits) is too long (should be at most %d bits).", length, len(secret)*8)
	}
	if length == 0 {
		return []byte{}, nil
	}
	return maskBits(secret, length), nil
}
