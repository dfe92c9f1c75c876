package bindings

// RSASSA-PKCS1-v1_5, RSA-PSS and RSA-OAEP:
// https://w3c.github.io/webcrypto/#rsassa-pkcs1 (and the sections after it).

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"math/big"
)

// rsaUsages are the usages of each RSA algorithm's public and private
// keys.
var rsaUsages = map[string][2]usageSet{
	"RSASSA-PKCS1-v1_5": {usageSet(usageVerify), usageSet(usageSign)},
	"RSA-PSS":           {usageSet(usageVerify), usageSet(usageSign)},
	"RSA-OAEP":          {usageSet(usageEncrypt | usageWrapKey), usageSet(usageDecrypt | usageUnwrapKey)},
}

func init() {
	for name := range rsaUsages {
		a := &subtleAlg{
			importKey: func(p *algParams, in keyInput, extractable bool, u []string) (*cryptoKey, error) {
				return importRSA(name, p, in, extractable, u)
			},
			exportKey: exportRSA,
			generate: func(p *algParams, extractable bool, u []string) (*cryptoKey, *cryptoKey, error) {
				return generateRSA(name, p, extractable, u)
			},
		}
		switch name {
		case "RSASSA-PKCS1-v1_5":
			a.sign, a.verify = signPKCS1, verifyPKCS1
		case "RSA-PSS":
			a.sign, a.verify = signPSS, verifyPSS
		case "RSA-OAEP":
			a.encrypt, a.decrypt = encryptOAEP, decryptOAEP
		}
		subtleAlgs[name] = a
	}
}

// cryptoHashes are Go's identifiers of the hashes.
var cryptoHashes = map[string]crypto.Hash{
	"SHA-1": crypto.SHA1, "SHA-256": crypto.SHA256, "SHA-384": crypto.SHA384, "SHA-512": crypto.SHA512, "MD5": crypto.MD5,
}

// rsaJWKAlg is the JWK "alg" of an RSA key for a hash.
func rsaJWKAlg(name, hash string) string {
	d := hashDigits(hash)
	switch name {
	case "RSA-PSS":
		return "PS" + d
	case "RSA-OAEP":
		if hash == "SHA-1" {
			return "RSA-OAEP"
		}
		return "RSA-OAEP-" + d
	}
	return "RS" + d
}

// rsaAlgorithm is the key algorithm of an RSA key.
func rsaAlgorithm(name, hash string, pub *rsa.PublicKey) keyAlgorithm {
	return keyAlgorithm{name: name, hash: hash, modulusLength: pub.N.BitLen(), publicExponent: big.NewInt(int64(pub.E)).Bytes()}
}

// importRSA imports an spki, pkcs8 or JWK RSA key.
func importRSA(name string, p *algParams, in keyInput, extractable bool, usages []string) (*cryptoKey, error) {
	h, err := p.hash()
	if err != nil {
		return nil, err
	}
	kind := keyPublic
	switch in.format {
	case "pkcs8":
		kind = keyPrivate
	case "jwk":
		if _, ok := in.jwk.get("d"); ok {
			kind = keyPrivate
		}
	case "spki":
	default:
		return nil, domError("NotSupportedError", "Unrecognized key import format %q.", in.format)
	}
	allowed := rsaUsages[name][0]
	if kind == keyPrivate {
		allowed = rsaUsages[name][1]
	}
	set, err := keyUsages(usages, allowed, "import", kind, name)
	if err != nil {
		return nil, err
	}
	var material any
	switch in.format {
	case "spki", "pkcs8":
		if material, err = parseDER(in); err != nil {
			return nil, err
		}
		switch material.(type) {
		case *rsa.PublicKey, *rsa.PrivateKey:
		default:
			return nil, dataError("Input was not an RSA key.")
		}
	case "jwk":
		if material, err = readRSAJWK(name, h, in.jwk, extractable, usages); err != nil {
			return nil, err
		}
	}
	return newKey(kind, extractable, rsaAlgorithm(name, h, rsaPublic(material)), set, material)
}

// rsaPublic returns the public half of an RSA key's material.
func rsaPublic(m any) *rsa.PublicKey {
	if priv, ok := m.(*rsa.PrivateKey); ok {
		return &priv.PublicKey
	}
	return m.(*rsa.PublicKey)
}

// readRSAJWK reads an RSA JWK.
func readRSAJWK(name, h string, j *jsonWebKey, extractable bool, usages []string) (any, error) {
	if kty, ok := j.get("kty"); kty != "RSA" {
		if !ok {
			kty = "undefined"
		}
		// workerd names RSASSA-PKCS1-v1_5 whatever the algorithm.
		return nil, dataError(`RSASSA-PKCS1-v1_5 "jwk" key import requires a JSON Web Key with Key Type parameter "kty" (%q) equal to "RSA".`, kty)
	}
	if err := checkJWKUse(j, name, extractable, usages); err != nil {
		return nil, err
	}
	if alg, ok := j.get("alg"); ok && alg != rsaJWKAlg(name, h) {
		return nil, dataError(`JSON Web Key Algorithm parameter "alg" (%q) does not match requested hash algorithm %q.`, alg, alg)
	}
	n, ok := j.bytes("n")
	if !ok || len(n) == 0 {
		return nil, dataError(`Invalid RSA key in JSON Web Key; missing or invalid Modulus parameter ("n").`)
	}
	e, ok := j.bytes("e")
	if !ok || len(e) == 0 || len(e) > 4 {
		return nil, dataError(`Invalid RSA key in JSON Web Key; missing or invalid Exponent parameter ("e").`)
	}
	pub := &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(new(big.Int).SetBytes(e).Int64())}
	d, ok := j.bytes("d")
	if !ok {
		return pub, nil
	}
	priv := &rsa.PrivateKey{PublicKey: *pub, D: new(big.Int).SetBytes(d)}
	if !j.hasAny("p", "q", "dp", "dq", "qi") {
		priv.Precompute()
		return priv, nil
	}
	var parts [5]*big.Int
	for i, m := range []string{"p", "q", "dp", "dq", "qi"} {
		b, ok := j.bytes(m)
		if !ok {
			return nil, dataError(`Invalid RSA private key in JSON Web Key; if one Prime Factor or CRT Exponent/Coefficient parameter is present, then they must all be present ("p", "q", "dp", "dq", "qi").`)
		}
		parts[i] = new(big.Int).SetBytes(b)
	}
	priv.Primes = []*big.Int{parts[0], parts[1]}
	priv.Precompute()
	if err := priv.Validate(); err != nil {
		return nil, dataError("Invalid RSA private key in JSON Web Key.")
	}
	return priv, nil
}

// exportRSA exports an RSA key as spki, pkcs8 or JWK.
func exportRSA(k *cryptoKey, format string) ([]byte, *jsonWebKey, error) {
	// A private key imported from a JWK with d alone has no primes, which
	// neither format can carry: workerd fails both.
	if priv, ok := k.material.(*rsa.PrivateKey); ok && len(priv.Primes) < 2 && (format == "pkcs8" || format == "jwk") {
		return nil, nil, operationError("Private key export failed.")
	}
	switch format {
	case "spki", "pkcs8":
		return exportAsymmetricDER(k, format)
	case "jwk":
		j := exportJWK(k, "RSA")
		j.set("alg", rsaJWKAlg(k.alg.name, k.alg.hash))
		pub := rsaPublic(k.material)
		j.setBytes("n", pub.N.Bytes())
		j.setBytes("e", big.NewInt(int64(pub.E)).Bytes())
		if priv, ok := k.material.(*rsa.PrivateKey); ok {
			j.setBytes("d", priv.D.Bytes())
			j.setBytes("p", priv.Primes[0].Bytes())
			j.setBytes("q", priv.Primes[1].Bytes())
			j.setBytes("dp", priv.Precomputed.Dp.Bytes())
			j.setBytes("dq", priv.Precomputed.Dq.Bytes())
			j.setBytes("qi", priv.Precomputed.Qinv.Bytes())
		}
		return nil, j, nil
	case "raw":
		return nil, nil, domError("InvalidAccessError", "Cannot export %q in %q format.", k.alg.name, format)
	}
	return nil, nil, domError("NotSupportedError", "Unimplemented key export format %q.", format)
}

// parseDER parses an spki or pkcs8 key, with workerd's error when it is
// not one.
func parseDER(in keyInput) (any, error) {
	if in.format == "spki" {
		k, err := x509.ParsePKIXPublicKey(in.data)
		if err != nil {
			return nil, dataError("Invalid SPKI input.")
		}
		return k, nil
	}
	k, err := x509.ParsePKCS8PrivateKey(in.data)
	if err != nil {
		return nil, dataError("Invalid PKCS8 input.")
	}
	return k, nil
}

// exportAsymmetricDER exports a public key as spki or a private key as
// pkcs8.
func exportAsymmetricDER(k *cryptoKey, format string) ([]byte, *jsonWebKey, error) {
	if format == "spki" {
		if k.kind != keyPublic {
			return nil, nil, domError("InvalidAccessError", "Asymmetric spki export requires public key (not %q).", k.kind)
		}
		b, err := x509.MarshalPKIXPublicKey(k.material)
		return b, nil, err
	}
	if k.kind != keyPrivate {
		return nil, nil, domError("InvalidAccessError", "Asymmetric pkcs8 export requires private key (not %q).", k.kind)
	}
	b, err := x509.MarshalPKCS8PrivateKey(k.material)
	return b, nil, err
}

// digestOf hashes data with the named hash.
func digestOf(h string, data []byte) []byte {
	d := hashes[h]()
	d.Write(data)
	return d.Sum(nil)
}

// signPKCS1 signs with RSASSA-PKCS1-v1_5.
func signPKCS1(_ *algParams, k *cryptoKey, data []byte) ([]byte, error) {
	sig, err := rsa.SignPKCS1v15(nil, k.material.(*rsa.PrivateKey), cryptoHashes[k.alg.hash], digestOf(k.alg.hash, data))
	if err != nil {
		return nil, operationError("RSASSA-PKCS1-v1_5 signing failed: %v", err)
	}
	return sig, nil
}

// verifyPKCS1 verifies an RSASSA-PKCS1-v1_5 signature.
func verifyPKCS1(_ *algParams, k *cryptoKey, sig, data []byte) (bool, error) {
	return rsa.VerifyPKCS1v15(k.material.(*rsa.PublicKey), cryptoHashes[k.alg.hash], digestOf(k.alg.hash, data), sig) == nil, nil
}

// pssSalt reads RSA-PSS's saltLength.
func pssSalt(p *algParams) (int, error) {
	s, ok := p.integer("saltLength")
	if !ok {
		return 0, dataError("Failed to provide salt for RSA-PSS key operation which requires a salt")
	}
	if s < 0 {
		// Go's negative salt lengths mean "auto" or "the hash's size".
		return 0, dataError("SaltLength for RSA-PSS must be non-negative (provided %d).", s)
	}
	return int(s), nil
}

// signPSS signs with RSA-PSS.
func signPSS(p *algParams, k *cryptoKey, data []byte) ([]byte, error) {
	salt, err := pssSalt(p)
	if err != nil {
		return nil, err
	}
	priv := k.material.(*rsa.PrivateKey)
	h := cryptoHashes[k.alg.hash]
	if salt > (priv.N.BitLen()-1+7)/8-h.Size()-2 {
		return nil, operationError("key too small for signing with given digest and salt length")
	}
	if salt == 0 {
		return signPSSNoSalt(priv, h, digestOf(k.alg.hash, data))
	}
	sig, err := rsa.SignPSS(rand.Reader, priv, h, digestOf(k.alg.hash, data), &rsa.PSSOptions{SaltLength: salt})
	if err != nil {
		return nil, operationError("RSA-PSS signing failed: %v", err)
	}
	return sig, nil
}

// verifyPSS verifies an RSA-PSS signature. A saltLength of 0 is Go's
// "any length", so an empty salt is checked here instead.
func verifyPSS(p *algParams, k *cryptoKey, sig, data []byte) (bool, error) {
	salt, err := pssSalt(p)
	if err != nil {
		return false, err
	}
	if salt == 0 {
		return verifyPSSNoSalt(k.material.(*rsa.PublicKey), cryptoHashes[k.alg.hash], digestOf(k.alg.hash, data), sig), nil
	}
	err = rsa.VerifyPSS(k.material.(*rsa.PublicKey), cryptoHashes[k.alg.hash], digestOf(k.alg.hash, data), sig, &rsa.PSSOptions{SaltLength: salt})
	return err == nil, nil
}

// oaepLabel reads RSA-OAEP's optional label.
func oaepLabel(p *algParams) ([]byte, error) {
	l, _, err := p.bytes("label", false)
	return l, err
}

// encryptOAEP encrypts with RSA-OAEP.
func encryptOAEP(p *algParams, k *cryptoKey, data []byte) ([]byte, error) {
	label, err := oaepLabel(p)
	if err != nil {
		return nil, err
	}
	out, err := rsa.EncryptOAEP(hashes[k.alg.hash](), rand.Reader, k.material.(*rsa.PublicKey), data, label)
	if err != nil {
		return nil, operationError("RSA-OAEP failed encrypt/decrypt.")
	}
	return out, nil
}

// decryptOAEP decrypts with RSA-OAEP.
func decryptOAEP(p *algParams, k *cryptoKey, data []byte) ([]byte, error) {
	label, err := oaepLabel(p)
	if err != nil {
		return nil, err
	}
	out, err := rsa.DecryptOAEP(hashes[k.alg.hash](), nil, k.material.(*rsa.PrivateKey), data, label)
	if err != nil {
		return nil, operationError("RSA-OAEP failed encrypt/decrypt.")
	}
	return out, nil
}
