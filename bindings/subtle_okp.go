package bindings

// Ed25519 (and workerd's legacy NODE-ED25519) and X25519:
// https://w3c.github.io/webcrypto/#ed25519 and #x25519

import (
	"crypto/ecdh"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
)

// okpUsages are the usages of each algorithm's public and private keys.
var okpUsages = map[string][2]usageSet{
	"Ed25519":      {usageSet(usageVerify), usageSet(usageSign)},
	"NODE-ED25519": {usageSet(usageVerify), usageSet(usageSign)},
	"X25519":       {0, usageSet(usageDeriveKey | usageDeriveBits)},
}

func init() {
	for name := range okpUsages {
		a := &subtleAlg{
			importKey: func(p *algParams, in keyInput, extractable bool, u []string) (*cryptoKey, error) {
				return importOKP(name, p, in, extractable, u)
			},
			exportKey: exportOKP,
			generate: func(p *algParams, extractable bool, u []string) (*cryptoKey, *cryptoKey, error) {
				return generateOKP(name, p, extractable, u)
			},
		}
		if name == "X25519" {
			a.deriveBits = deriveX25519
		} else {
			a.sign, a.verify = signEd25519, verifyEd25519
		}
		subtleAlgs[name] = a
	}
}

// okpAlgorithm checks an OKP algorithm's parameters and returns its key
// algorithm: NODE-ED25519 needs its namedCurve.
func okpAlgorithm(name string, p *algParams) (keyAlgorithm, error) {
	if name != "NODE-ED25519" {
		return keyAlgorithm{name: name}, nil
	}
	c, ok := p.str("namedCurve")
	if !ok {
		return keyAlgorithm{}, p.missing("namedCurve")
	}
	if c != "NODE-ED25519" {
		return keyAlgorithm{}, domError("NotSupportedError", "EDDSA curve %q isn't supported.", c)
	}
	return keyAlgorithm{name: name, namedCurve: c}, nil
}

// okpCurve is the JWK crv of an algorithm.
func okpCurve(name string) string {
	if name == "X25519" {
		return "X25519"
	}
	return "Ed25519"
}

// importOKP imports a raw, spki, pkcs8 or JWK Ed25519 or X25519 key.
func importOKP(name string, p *algParams, in keyInput, extractable bool, usages []string) (*cryptoKey, error) {
	alg, err := okpAlgorithm(name, p)
	if err != nil {
		return nil, err
	}
	if in.format != "raw" && in.format != "spki" && in.format != "pkcs8" && in.format != "jwk" {
		return nil, domError("NotSupportedError", "Unrecognized key import format %q.", in.format)
	}
	kind := keyKind(in)
	set, err := keyUsages(usages, okpUsages[name][kindIndex(kind)], "import", kind, name)
	if err != nil {
		return nil, err
	}
	crv := okpCurve(name)
	var material any
	switch in.format {
	case "raw":
		if len(in.data) != 32 {
			return nil, dataError("%s raw keys must be exactly 32-bytes (provided %d).", crv, len(in.data))
		}
		material, err = okpPublic(crv, in.data)
	case "spki":
		material, err = x509.ParsePKIXPublicKey(in.data)
		if err != nil || !okpMaterial(crv, material) {
			return nil, dataError("Invalid SPKI input.")
		}
	case "pkcs8":
		material, err = x509.ParsePKCS8PrivateKey(in.data)
		if err != nil || !okpMaterial(crv, material) {
			return nil, dataError("Invalid PKCS8 input.")
		}
	case "jwk":
		material, err = readOKPJWK(name, crv, in.jwk, extractable, usages)
	}
	if err != nil {
		return nil, err
	}
	return newKey(kind, extractable, alg, set, material)
}

// okpPublic makes a public key of curve crv from its 32 bytes.
func okpPublic(crv string, b []byte) (any, error) {
	if crv == "Ed25519" {
		return ed25519.PublicKey(append([]byte(nil), b...)), nil
	}
	k, err := ecdh.X25519().NewPublicKey(b)
	if err != nil {
		return nil, dataError("Invalid X25519 public key.")
	}
	return k, nil
}

// okpMaterial reports whether a parsed key is of curve crv.
func okpMaterial(crv string, m any) bool {
	switch k := m.(type) {
	case ed25519.PublicKey, ed25519.PrivateKey:
		return crv == "Ed25519"
	case *ecdh.PublicKey:
		return crv == "X25519" && k.Curve() == ecdh.X25519()
	case *ecdh.PrivateKey:
		return crv == "X25519" && k.Curve() == ecdh.X25519()
	}
	return false
}

// readOKPJWK reads an OKP JWK.
func readOKPJWK(name, crv string, j *jsonWebKey, extractable bool, usages []string) (any, error) {
	if kty, _ := j.get("kty"); kty != "OKP" {
		return nil, dataError(`%s "jwk" key imports requires a JSON Web Key with Key Type parameter "kty" (%q) equal to "OKP".`, crv, kty)
	}
	if c, _ := j.get("crv"); c != crv {
		return nil, domError("NotSupportedError", "Only %s is supported but %q was requested.", crv, c)
	}
	if err := checkJWKUse(j, name, extractable, usages); err != nil {
		return nil, err
	}
	if alg, ok := j.get("alg"); ok && crv == "Ed25519" && alg != "EdDSA" {
		return nil, dataError(`JSON Web Key Algorithm parameter "alg" (%q) does not match requested Ed25519 curve.`, alg)
	}
	x, ok := j.bytes("x")
	if !ok {
		return nil, dataError(`Invalid %s key in JSON WebKey; missing or invalid public key component ("x").`, crv)
	}
	if _, ok := j.get("d"); !ok {
		if len(x) != 32 {
			return nil, dataError("Invalid length %d for public key", len(x))
		}
		return okpPublic(crv, x)
	}
	d, ok := j.bytes("d")
	if !ok || len(d) != 32 {
		return nil, dataError("Invalid length %d for private key", len(d))
	}
	// As workerd, the private key is d alone; x is not compared with it.
	if crv == "Ed25519" {
		return ed25519.NewKeyFromSeed(d), nil
	}
	k, err := ecdh.X25519().NewPrivateKey(d)
	if err != nil {
		return nil, dataError("Invalid length %d for private key", len(d))
	}
	return k, nil
}

// okpBytes returns the public and (for a private key) private bytes.
func okpBytes(m any) (pub, priv []byte) {
	switch k := m.(type) {
	case ed25519.PublicKey:
		return k, nil
	case ed25519.PrivateKey:
		return k.Public().(ed25519.PublicKey), k.Seed()
	case *ecdh.PublicKey:
		return k.Bytes(), nil
	case *ecdh.PrivateKey:
		return k.PublicKey().Bytes(), k.Bytes()
	}
	return nil, nil
}

// exportOKP exports an Ed25519 or X25519 key.
func exportOKP(k *cryptoKey, format string) ([]byte, *jsonWebKey, error) {
	pub, priv := okpBytes(k.material)
	switch format {
	case "raw":
		if k.kind != keyPublic {
			return nil, nil, domError("InvalidAccessError", "Raw export of %s keys is only allowed for public keys.", k.alg.name)
		}
		return append([]byte(nil), pub...), nil, nil
	case "spki", "pkcs8":
		return exportAsymmetricDER(k, format)
	case "jwk":
		j := exportJWK(k, "OKP")
		j.set("crv", okpCurve(k.alg.name))
		if k.alg.name == "Ed25519" {
			j.set("alg", "EdDSA")
		}
		j.setBytes("x", pub)
		if priv != nil {
			j.setBytes("d", priv)
		}
		return nil, j, nil
	}
	return nil, nil, domError("NotSupportedError", "Unimplemented key export format %q.", format)
}

// generateOKP makes an Ed25519 or X25519 key pair.
func generateOKP(name string, p *algParams, extractable bool, usages []string) (*cryptoKey, *cryptoKey, error) {
	alg, err := okpAlgorithm(name, p)
	if err != nil {
		return nil, nil, err
	}
	pubSet, privSet, err := pairUsages(name, okpUsages[name], usages)
	if err != nil {
		return nil, nil, err
	}
	var pub, priv any
	if name == "X25519" {
		k, err := ecdh.X25519().GenerateKey(rand.Reader)
		if err != nil {
			return nil, nil, operationError("X25519 key generation failed: %v", err)
		}
		pub, priv = k.PublicKey(), k
	} else {
		pub, priv, err = ed25519.GenerateKey(rand.Reader)
		if err != nil {
			return nil, nil, operationError("Ed25519 key generation failed: %v", err)
		}
	}
	pk := &cryptoKey{kind: keyPublic, extractable: true, alg: alg, usages: pubSet, material: pub}
	return pk, &cryptoKey{kind: keyPrivate, extractable: extractable, alg: alg, usages: privSet, material: priv}, nil
}

// signEd25519 signs with Ed25519.
func signEd25519(_ *algParams, k *cryptoKey, data []byte) ([]byte, error) {
	return ed25519.Sign(k.material.(ed25519.PrivateKey), data), nil
}

// verifyEd25519 verifies an Ed25519 signature.
func verifyEd25519(_ *algParams, k *cryptoKey, sig, data []byte) (bool, error) {
	if len(sig) != ed25519.SignatureSize {
		return false, operationError("Invalid Ed25519 signature length %d", len(sig))
	}
	return ed25519.Verify(k.material.(ed25519.PublicKey), data, sig), nil
}

// deriveX25519 derives the X25519 shared secret, cut to length.
func deriveX25519(p *algParams, k *cryptoKey, length int, hasLength bool) ([]byte, error) {
	pub, err := derivePublic(p, k)
	if err != nil {
		return nil, err
	}
	secret, err := k.material.(*ecdh.PrivateKey).ECDH(pub.material.(*ecdh.PublicKey))
	if err != nil {
		return nil, operationError("Failed to derive EDDH key: public key routines INVALID_PEER_KEY.")
	}
	return cutSecret(secret, length, hasLength)
}
