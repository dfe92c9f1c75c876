package bindings

// node:crypto's KeyObject in Go: parsing PEM, DER and JWK keys, exporting
// them, generating them, and the asymmetric operations (sign, verify,
// publicEncrypt, privateDecrypt, diffieHellman). Key material is what
// crypto_key.go's CryptoKey holds, so KeyObject.from shares it.

import (
	"crypto"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"math/big"
)

// nodeKey is a KeyObject's state: kind is "secret", "public" or
// "private"; material as cryptoKey's.
type nodeKey struct {
	kind     string
	material any
}

var (
	errRSARaw       = errors.New("Failed to cipher/decipher")
	errPublicParse  = errors.New("Failed to parse public key")
	errPrivateParse = errors.New("Failed to parse private key")
)

// parseNodeKey reads a public or private key from PEM text or DER bytes
// (typ: spki, pkcs1, pkcs8 or sec1). A public key may be read from a
// private key's encoding, as Node does.
func parseNodeKey(data []byte, format, typ string, private bool) (*nodeKey, error) {
	fail := errPublicParse
	if private {
		fail = errPrivateParse
	}
	var m any
	var err error
	if format == "der" {
		m, err = parseNodeDER(data, typ, private)
	} else {
		block, _ := pem.Decode(data)
		if block == nil {
			return nil, fail
		}
		m, err = parseNodePEM(block)
	}
	if err != nil || m == nil {
		return nil, fail
	}
	k := &nodeKey{kind: "private", material: m}
	if isNodePublic(m) {
		if private {
			return nil, fail
		}
		k.kind = "public"
	} else if !private {
		k = k.public()
	}
	return k, nil
}

// parseNodePEM reads the key in one PEM block.
func parseNodePEM(b *pem.Block) (any, error) {
	switch b.Type {
	case "PUBLIC KEY":
		return x509.ParsePKIXPublicKey(b.Bytes)
	case "RSA PUBLIC KEY":
		return x509.ParsePKCS1PublicKey(b.Bytes)
	case "CERTIFICATE":
		c, err := x509.ParseCertificate(b.Bytes)
		if err != nil {
			return nil, err
		}
		return c.PublicKey, nil
	case "PRIVATE KEY":
		return x509.ParsePKCS8PrivateKey(b.Bytes)
	case "RSA PRIVATE KEY":
		return x509.ParsePKCS1PrivateKey(b.Bytes)
	case "EC PRIVATE KEY":
		return x509.ParseECPrivateKey(b.Bytes)
	}
	return nil, errPublicParse
}

// parseNodeDER reads a DER key of type typ.
func parseNodeDER(b []byte, typ string, private bool) (any, error) {
	switch {
	case typ == "spki" && !private:
		return x509.ParsePKIXPublicKey(b)
	case typ == "pkcs1" && !private:
		if k, err := x509.ParsePKCS1PublicKey(b); err == nil {
			return k, nil
		}
		return x509.ParsePKCS1PrivateKey(b)
	case typ == "pkcs1":
		return x509.ParsePKCS1PrivateKey(b)
	case typ == "pkcs8":
		return x509.ParsePKCS8PrivateKey(b)
	case typ == "sec1":
		return x509.ParseECPrivateKey(b)
	}
	return nil, errPublicParse
}

// isNodePublic reports whether m is public key material.
func isNodePublic(m any) bool {
	switch m.(type) {
	case *rsa.PublicKey, *ecdsa.PublicKey, ed25519.PublicKey, *ecdh.PublicKey:
		return true
	}
	return false
}

// public is the public half of a private key (or k itself).
func (k *nodeKey) public() *nodeKey {
	switch m := k.material.(type) {
	case *rsa.PrivateKey:
		return &nodeKey{"public", &m.PublicKey}
	case *ecdsa.PrivateKey:
		return &nodeKey{"public", &m.PublicKey}
	case ed25519.PrivateKey:
		return &nodeKey{"public", m.Public().(ed25519.PublicKey)}
	case *ecdh.PrivateKey:
		return &nodeKey{"public", m.PublicKey()}
	}
	return k
}

// asymmetricType is the key's asymmetricKeyType.
func (k *nodeKey) asymmetricType() string {
	switch k.material.(type) {
	case *rsa.PublicKey, *rsa.PrivateKey:
		return "rsa"
	case *ecdsa.PublicKey, *ecdsa.PrivateKey:
		return "ec"
	case ed25519.PublicKey, ed25519.PrivateKey:
		return "ed25519"
	case *ecdh.PublicKey, *ecdh.PrivateKey:
		return "x25519"
	}
	return ""
}

// nodeCurveNames maps Go's curve names to OpenSSL's.
var nodeCurveNames = map[string]string{"P-256": "prime256v1", "P-384": "secp384r1", "P-521": "secp521r1", "P-224": "secp224r1"}

// details are the asymmetricKeyDetails members: modulusLength and
// publicExponent (RSA), namedCurve (EC).
func (k *nodeKey) details() (modulus int, exponent int, curve string) {
	switch m := k.public().material.(type) {
	case *rsa.PublicKey:
		return m.N.BitLen(), m.E, ""
	case *ecdsa.PublicKey:
		return 0, 0, nodeCurveNames[m.Curve.Params().Name]
	}
	return 0, 0, ""
}

// export encodes the key: format pem or der, typ spki, pkcs1, pkcs8 or
// sec1.
func (k *nodeKey) export(format, typ string) ([]byte, error) {
	var der []byte
	var err error
	var label string
	switch {
	case k.kind == "public" && typ == "spki":
		der, err = x509.MarshalPKIXPublicKey(k.material)
		label = "PUBLIC KEY"
	case k.kind == "public" && typ == "pkcs1":
		pub, ok := k.material.(*rsa.PublicKey)
		if !ok {
			return nil, errors.New("PKCS1 can only be used for RSA keys")
		}
		der, label = x509.MarshalPKCS1PublicKey(pub), "RSA PUBLIC KEY"
	case k.kind == "private" && typ == "pkcs8":
		der, err = x509.MarshalPKCS8PrivateKey(k.material)
		label = "PRIVATE KEY"
	case k.kind == "private" && typ == "pkcs1":
		priv, ok := k.material.(*rsa.PrivateKey)
		if !ok {
			return nil, errors.New("PKCS1 can only be used for RSA keys")
		}
		der, label = x509.MarshalPKCS1PrivateKey(priv), "RSA PRIVATE KEY"
	case k.kind == "private" && typ == "sec1":
		priv, ok := k.material.(*ecdsa.PrivateKey)
		if !ok {
			return nil, errors.New("SEC1 can only be used for EC keys")
		}
		der, err = x509.MarshalECPrivateKey(priv)
		label = "EC PRIVATE KEY"
	default:
		return nil, errors.New("Invalid export type: " + typ)
	}
	if err != nil {
		return nil, err
	}
	if format == "der" {
		return der, nil
	}
	return pem.EncodeToMemory(&pem.Block{Type: label, Bytes: der}), nil
}

// exportJWK writes the key's JWK members.
func (k *nodeKey) exportJWK() (*jsonWebKey, error) {
	j := newJWK()
	switch m := k.material.(type) {
	case []byte:
		j.set("kty", "oct")
		j.setBytes("k", m)
	case *rsa.PrivateKey:
		writeRSAJWK(j, &m.PublicKey)
		m.Precompute()
		j.setBytes("d", m.D.Bytes())
		j.setBytes("p", m.Primes[0].Bytes())
		j.setBytes("q", m.Primes[1].Bytes())
		j.setBytes("dp", m.Precomputed.Dp.Bytes())
		j.setBytes("dq", m.Precomputed.Dq.Bytes())
		j.setBytes("qi", m.Precomputed.Qinv.Bytes())
	case *rsa.PublicKey:
		writeRSAJWK(j, m)
	case *ecdsa.PrivateKey, *ecdsa.PublicKey:
		pub := ecPublic(m)
		size := (pub.Curve.Params().BitSize + 7) / 8
		j.set("kty", "EC")
		j.set("crv", pub.Curve.Params().Name)
		x, y := pub.X.FillBytes(make([]byte, size)), pub.Y.FillBytes(make([]byte, size)) //nolint:staticcheck // the coordinates are the JWK's members
		j.setBytes("x", x)
		j.setBytes("y", y)
		if priv, ok := m.(*ecdsa.PrivateKey); ok {
			j.setBytes("d", priv.D.FillBytes(make([]byte, size))) //nolint:staticcheck // as above
		}
	case ed25519.PrivateKey:
		j.set("kty", "OKP")
		j.set("crv", "Ed25519")
		j.setBytes("x", m.Public().(ed25519.PublicKey))
		j.setBytes("d", m.Seed())
	case ed25519.PublicKey:
		j.set("kty", "OKP")
		j.set("crv", "Ed25519")
		j.setBytes("x", m)
	case *ecdh.PrivateKey:
		j.set("kty", "OKP")
		j.set("crv", "X25519")
		j.setBytes("x", m.PublicKey().Bytes())
		j.setBytes("d", m.Bytes())
	case *ecdh.PublicKey:
		j.set("kty", "OKP")
		j.set("crv", "X25519")
		j.setBytes("x", m.Bytes())
	default:
		return nil, errors.New("Unsupported JWK export")
	}
	return j, nil
}

// writeRSAJWK writes an RSA public key's members.
func writeRSAJWK(j *jsonWebKey, pub *rsa.PublicKey) {
	j.set("kty", "RSA")
	j.setBytes("n", pub.N.Bytes())
	j.setBytes("e", big.NewInt(int64(pub.E)).Bytes())
}

// parseNodeJWK reads a JWK as a KeyObject (private when it has "d").
func parseNodeJWK(j *jsonWebKey, private bool) (*nodeKey, error) {
	kty, _ := j.get("kty")
	crv, _ := j.get("crv")
	_, hasD := j.get("d")
	fail := errPublicParse
	if private {
		fail = errPrivateParse
		if !hasD {
			return nil, fail
		}
	}
	var m any
	switch kty {
	case "RSA":
		m = readNodeRSAJWK(j, hasD)
	case "EC":
		curve := map[string]elliptic.Curve{"P-256": elliptic.P256(), "P-384": elliptic.P384(), "P-521": elliptic.P521()}[crv]
		if curve == nil {
			return nil, fail
		}
		mm, err := readECJWK("ECDSA", crv, curve, j, true, nil)
		if err != nil {
			return nil, fail
		}
		m = mm
	case "OKP":
		m = readNodeOKPJWK(j, crv, hasD)
	}
	if m == nil {
		return nil, fail
	}
	k := &nodeKey{kind: "private", material: m}
	if isNodePublic(m) {
		k.kind = "public"
	} else if !private {
		k = k.public()
	}
	return k, nil
}

// readNodeRSAJWK reads an RSA JWK, or gives nil.
func readNodeRSAJWK(j *jsonWebKey, private bool) any {
	n, ok1 := j.bytes("n")
	e, ok2 := j.bytes("e")
	if !ok1 || !ok2 {
		return nil
	}
	pub := rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(new(big.Int).SetBytes(e).Int64())}
	if !private {
		return &pub
	}
	d, ok1 := j.bytes("d")
	p, ok2 := j.bytes("p")
	q, ok3 := j.bytes("q")
	if !ok1 || !ok2 || !ok3 {
		return nil
	}
	priv := &rsa.PrivateKey{PublicKey: pub, D: new(big.Int).SetBytes(d),
		Primes: []*big.Int{new(big.Int).SetBytes(p), new(big.Int).SetBytes(q)}}
	if priv.Validate() != nil {
		return nil
	}
	priv.Precompute()
	return priv
}

// readNodeOKPJWK reads an Ed25519 or X25519 JWK, or gives nil.
func readNodeOKPJWK(j *jsonWebKey, crv string, private bool) any {
	x, ok := j.bytes("x")
	if !ok {
		return nil
	}
	d, hasD := j.bytes("d")
	switch {
	case crv == "Ed25519" && private && hasD && len(d) == ed25519.SeedSize:
		return ed25519.NewKeyFromSeed(d)
	case crv == "Ed25519" && len(x) == ed25519.PublicKeySize:
		return ed25519.PublicKey(x)
	case crv == "X25519" && private && hasD:
		k, err := ecdh.X25519().NewPrivateKey(d)
		if err != nil {
			return nil
		}
		return k
	case crv == "X25519":
		k, err := ecdh.X25519().NewPublicKey(x)
		if err != nil {
			return nil
		}
		return k
	}
	return nil
}

// generateNodeKeyPair makes a key pair of type typ (rsa, ec, ed25519,
// x25519).
func generateNodeKeyPair(typ string, modulusLength int, curve string) (*nodeKey, error) {
	var m any
	var err error
	switch typ {
	case "rsa":
		m, err = rsa.GenerateKey(rand.Reader, modulusLength)
	case "ec":
		c := map[string]elliptic.Curve{"prime256v1": elliptic.P256(), "P-256": elliptic.P256(), "secp384r1": elliptic.P384(),
			"P-384": elliptic.P384(), "secp521r1": elliptic.P521(), "P-521": elliptic.P521()}[curve]
		if c == nil {
			return nil, errors.New("Invalid EC curve name")
		}
		m, err = ecdsa.GenerateKey(c, rand.Reader)
	case "ed25519":
		_, m, err = ed25519.GenerateKey(rand.Reader)
	case "x25519":
		m, err = ecdh.X25519().GenerateKey(rand.Reader)
	default:
		return nil, errors.New("Unsupported key type: " + typ)
	}
	if err != nil {
		return nil, err
	}
	return &nodeKey{kind: "private", material: m}, nil
}

// nodeSign signs data with a private key. hash is nil for Ed25519;
// p1363 selects the fixed-size r||s form of an ECDSA signature; pss and
// saltLength select RSA-PSS.
func nodeSign(k *nodeKey, h crypto.Hash, data []byte, pss bool, saltLength int, p1363 bool) ([]byte, error) {
	initFail := errors.New("Failed to initialize signing context")
	switch m := k.material.(type) {
	case ed25519.PrivateKey:
		if h != 0 {
			return nil, initFail
		}
		return ed25519.Sign(m, data), nil
	case *rsa.PrivateKey:
		if h == 0 {
			return nil, initFail
		}
		d := nodeDigest(h, data)
		if pss {
			return rsa.SignPSS(rand.Reader, m, h, d, &rsa.PSSOptions{SaltLength: saltLength})
		}
		return rsa.SignPKCS1v15(rand.Reader, m, h, d)
	case *ecdsa.PrivateKey:
		if h == 0 {
			return nil, initFail
		}
		d := nodeDigest(h, data)
		if p1363 {
			r, s, err := ecdsa.Sign(rand.Reader, m, d)
			if err != nil {
				return nil, err
			}
			size := (m.Curve.Params().BitSize + 7) / 8
			return append(r.FillBytes(make([]byte, size)), s.FillBytes(make([]byte, size))...), nil
		}
		return ecdsa.SignASN1(rand.Reader, m, d)
	}
	return nil, initFail
}

// nodeVerify checks a signature with a public key (or a private key's
// public half).
func nodeVerify(k *nodeKey, h crypto.Hash, data, sig []byte, pss bool, saltLength int, p1363 bool) (bool, error) {
	initFail := errors.New("Failed to initialize verification context")
	switch m := k.public().material.(type) {
	case ed25519.PublicKey:
		if h != 0 {
			return false, initFail
		}
		return ed25519.Verify(m, data, sig), nil
	case *rsa.PublicKey:
		if h == 0 {
			return false, initFail
		}
		d := nodeDigest(h, data)
		if pss {
			return rsa.VerifyPSS(m, h, d, sig, &rsa.PSSOptions{SaltLength: saltLength}) == nil, nil
		}
		return rsa.VerifyPKCS1v15(m, h, d, sig) == nil, nil
	case *ecdsa.PublicKey:
		if h == 0 {
			return false, initFail
		}
		d := nodeDigest(h, data)
		if p1363 {
			size := (m.Curve.Params().BitSize + 7) / 8
			if len(sig) != 2*size {
				return false, nil
			}
			r, s := new(big.Int).SetBytes(sig[:size]), new(big.Int).SetBytes(sig[size:])
			return ecdsa.Verify(m, d, r, s), nil
		}
		return ecdsa.VerifyASN1(m, d, sig), nil
	}
	return false, initFail
}

// nodeDigest hashes data with h.
func nodeDigest(h crypto.Hash, data []byte) []byte {
	w := h.New()
	w.Write(data)
	return w.Sum(nil)
}

// nodeHashID maps a node:crypto digest name to crypto.Hash (0: unknown).
func nodeHashID(name string) crypto.Hash {
	switch lookupName := normalizeNodeHash(name); lookupName {
	case "md5":
		return crypto.MD5
	case "sha1":
		return crypto.SHA1
	case "sha224":
		return crypto.SHA224
	case "sha256":
		return crypto.SHA256
	case "sha384":
		return crypto.SHA384
	case "sha512":
		return crypto.SHA512
	}
	return 0
}

// nodeRSACrypt runs publicEncrypt (encrypt) or privateDecrypt: padding 1
// is PKCS #1 v1.5, 4 (the default) OAEP with oaepHash.
func nodeRSACrypt(k *nodeKey, encrypt bool, data []byte, padding int, oaepHash crypto.Hash, label []byte) ([]byte, error) {
	if encrypt {
		pub, ok := k.public().material.(*rsa.PublicKey)
		if !ok {
			return nil, errPublicParse
		}
		if padding == 1 {
			return rsa.EncryptPKCS1v15(rand.Reader, pub, data) //nolint:staticcheck // Node offers it
		}
		return rsa.EncryptOAEP(oaepHash.New(), rand.Reader, pub, data, label)
	}
	priv, ok := k.material.(*rsa.PrivateKey)
	if !ok {
		return nil, errPrivateParse
	}
	var out []byte
	var err error
	if padding == 1 {
		out, err = rsa.DecryptPKCS1v15(rand.Reader, priv, data) //nolint:staticcheck // Node offers it
	} else {
		out, err = rsa.DecryptOAEP(oaepHash.New(), rand.Reader, priv, data, label)
	}
	if err != nil {
		return nil, errRSARaw
	}
	return out, nil
}

// nodeDiffieHellman derives the shared secret of an X25519 or EC pair.
func nodeDiffieHellman(priv, pub *nodeKey) ([]byte, error) {
	switch m := priv.material.(type) {
	case *ecdh.PrivateKey:
		p, ok := pub.public().material.(*ecdh.PublicKey)
		if !ok {
			return nil, errors.New("Incompatible key types for Diffie-Hellman")
		}
		return m.ECDH(p)
	case *ecdsa.PrivateKey:
		p, ok := pub.public().material.(*ecdsa.PublicKey)
		if !ok {
			return nil, errors.New("Incompatible key types for Diffie-Hellman")
		}
		a, err := m.ECDH()
		if err != nil {
			return nil, err
		}
		b, err := p.ECDH()
		if err != nil {
			return nil, err
		}
		return a.ECDH(b)
	}
	return nil, errors.New("Unsupported key type for Diffie-Hellman")
}

// nodeRSARaw runs privateEncrypt (with a private key) or publicDecrypt:
// the raw RSA operation with PKCS #1 v1.5 type 1 padding (padding 1) or
// none (padding 3).
func nodeRSARaw(k *nodeKey, private bool, data []byte, padding int) ([]byte, error) {
	pub, ok := k.public().material.(*rsa.PublicKey)
	if !ok {
		return nil, errPublicParse
	}
	size := (pub.N.BitLen() + 7) / 8
	if private {
		priv, ok := k.material.(*rsa.PrivateKey)
		if !ok {
			return nil, errPrivateParse
		}
		em := data
		if padding != 3 {
			if len(data) > size-11 {
				return nil, errRSARaw
			}
			em = make([]byte, size)
			em[1] = 1
			for i := 2; i < size-len(data)-1; i++ {
				em[i] = 0xff
			}
			copy(em[size-len(data):], data)
		} else if len(data) != size {
			return nil, errRSARaw
		}
		m := new(big.Int).SetBytes(em)
		if m.Cmp(pub.N) >= 0 {
			return nil, errRSARaw
		}
		return new(big.Int).Exp(m, priv.D, pub.N).FillBytes(make([]byte, size)), nil
	}
	c := new(big.Int).SetBytes(data)
	if len(data) != size || c.Cmp(pub.N) >= 0 {
		return nil, errRSARaw
	}
	em := new(big.Int).Exp(c, big.NewInt(int64(pub.E)), pub.N).FillBytes(make([]byte, size))
	if padding == 3 {
		return em, nil
	}
	if em[0] != 0 || em[1] != 1 {
		return nil, errRSARaw
	}
	i := 2
	for i < len(em) && em[i] == 0xff {
		i++
	}
	if i < 10 || i >= len(em) || em[i] != 0 {
		return nil, errRSARaw
	}
	return em[i+1:], nil
}
