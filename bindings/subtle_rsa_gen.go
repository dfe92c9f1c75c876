package bindings

// RSA key generation, and RSA-PSS signing with an empty salt (which Go's
// rsa.SignPSS cannot express: its SaltLength 0 means "as long as fits").

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"math/big"
)

// generateRSA makes an RSA key pair.
func generateRSA(name string, p *algParams, extractable bool, usages []string) (*cryptoKey, *cryptoKey, error) {
	h, err := p.hash()
	if err != nil {
		return nil, nil, err
	}
	bits, ok := p.integer("modulusLength")
	if !ok {
		return nil, nil, p.missing("modulusLength")
	}
	exp, _, err := p.bytes("publicExponent", true)
	if err != nil {
		return nil, nil, err
	}
	pubSet, privSet, err := pairUsages(name, rsaUsages[name], usages)
	if err != nil {
		return nil, nil, err
	}
	if bits%8 != 0 || bits < 256 || bits > 16384 {
		return nil, nil, operationError("The modulus length must be a multiple of 8 and between 256 and 16k, but %d was requested.", bits)
	}
	e := new(big.Int).SetBytes(exp)
	if !e.IsInt64() || (e.Int64() != 3 && e.Int64() != 65537) {
		return nil, nil, operationError(`The "publicExponent" must be either 3 or 65537, but got %s.`, e.String())
	}
	if bits%128 != 0 {
		return nil, nil, operationError("Can't generate key: RSA key size is required to be a multiple of 128")
	}
	if bits < 1024 {
		// Go's crypto/rsa refuses keys under 1024 bits, in every operation.
		return nil, nil, operationError("RSA key size is too small.")
	}
	var priv *rsa.PrivateKey
	if e.Int64() == 3 {
		priv, err = generateRSAExponent3(int(bits))
	} else {
		priv, err = rsa.GenerateKey(rand.Reader, int(bits))
	}
	if err != nil {
		return nil, nil, operationError("RSA key generation failed: %v", err)
	}
	alg := rsaAlgorithm(name, h, &priv.PublicKey)
	alg.publicExponent = exp
	pub := &cryptoKey{kind: keyPublic, extractable: true, alg: alg, usages: pubSet, material: &priv.PublicKey}
	return pub, &cryptoKey{kind: keyPrivate, extractable: extractable, alg: alg, usages: privSet, material: priv}, nil
}

// generateRSAExponent3 makes an RSA key with the public exponent 3, which
// rsa.GenerateKey does not offer: two primes of half the size, each p
// with gcd(3, p-1) = 1, and d = 3^-1 mod (p-1)(q-1).
func generateRSAExponent3(bits int) (*rsa.PrivateKey, error) {
	e, one := big.NewInt(3), big.NewInt(1)
	for {
		p, err := rand.Prime(rand.Reader, bits/2)
		if err != nil {
			return nil, err
		}
		q, err := rand.Prime(rand.Reader, bits-bits/2)
		if err != nil {
			return nil, err
		}
		pm1, qm1 := new(big.Int).Sub(p, one), new(big.Int).Sub(q, one)
		n := new(big.Int).Mul(p, q)
		if p.Cmp(q) == 0 || n.BitLen() != bits || new(big.Int).Mod(pm1, e).Sign() == 0 || new(big.Int).Mod(qm1, e).Sign() == 0 {
			continue
		}
		d := new(big.Int).ModInverse(e, new(big.Int).Mul(pm1, qm1))
		k := &rsa.PrivateKey{PublicKey: rsa.PublicKey{N: n, E: 3}, D: d, Primes: []*big.Int{p, q}}
		k.Precompute()
		return k, k.Validate()
	}
}

// pairUsages splits the usages asked of a key pair between its public and
// private keys; the private key must get one.
func pairUsages(name string, allowed [2]usageSet, usages []string) (usageSet, usageSet, error) {
	all, err := keyUsages(usages, allowed[0]|allowed[1], "generate", "", name)
	if err != nil {
		return 0, 0, err
	}
	if all&allowed[1] == 0 {
		return 0, 0, domError("SyntaxError", "Attempt to generate asymmetric keys with no valid private key usages.")
	}
	return all & allowed[0], all & allowed[1], nil
}

// signPSSNoSalt signs digest with RSA-PSS and an empty salt (RFC 8017,
// 9.1.1 and 8.1.1): EM = maskedDB || H || 0xbc, then the RSA private
// operation.
func signPSSNoSalt(priv *rsa.PrivateKey, h crypto.Hash, digest []byte) ([]byte, error) {
	m := new(big.Int).SetBytes(pssEncodeNoSalt(priv.N, h, digest))
	s := new(big.Int).Exp(m, priv.D, priv.N)
	if new(big.Int).Exp(s, big.NewInt(int64(priv.E)), priv.N).Cmp(m) != 0 {
		return nil, operationError("RSA-PSS signing failed.")
	}
	return s.FillBytes(make([]byte, (priv.N.BitLen()+7)/8)), nil
}

// verifyPSSNoSalt verifies an RSA-PSS signature with an empty salt: its
// encoding has nothing random, so the public operation must give it
// exactly.
func verifyPSSNoSalt(pub *rsa.PublicKey, h crypto.Hash, digest, sig []byte) bool {
	if len(sig) != (pub.N.BitLen()+7)/8 || pub.E < 2 || (pub.N.BitLen()-1+7)/8 < h.Size()+2 {
		return false
	}
	s := new(big.Int).SetBytes(sig)
	if s.Cmp(pub.N) >= 0 {
		return false
	}
	m := new(big.Int).Exp(s, big.NewInt(int64(pub.E)), pub.N)
	return m.Cmp(new(big.Int).SetBytes(pssEncodeNoSalt(pub.N, h, digest))) == 0
}

// pssEncodeNoSalt is EMSA-PSS-ENCODE with an empty salt for modulus n.
func pssEncodeNoSalt(n *big.Int, h crypto.Hash, digest []byte) []byte {
	emBits := n.BitLen() - 1
	emLen := (emBits + 7) / 8
	hLen := h.Size()
	mPrime := make([]byte, 8+hLen)
	copy(mPrime[8:], digest)
	hh := h.New()
	hh.Write(mPrime)
	H := hh.Sum(nil)
	db := make([]byte, emLen-hLen-1)
	db[len(db)-1] = 0x01
	mask := mgf1(h, H, len(db))
	for i := range db {
		db[i] ^= mask[i]
	}
	db[0] &= byte(0xff >> (8*emLen - emBits))
	return append(append(db, H...), 0xbc)
}

// mgf1 is the mask generation function of RFC 8017, B.2.1.
func mgf1(h crypto.Hash, seed []byte, n int) []byte {
	var out []byte
	for c := uint32(0); len(out) < n; c++ {
		d := h.New()
		d.Write(seed)
		d.Write([]byte{byte(c >> 24), byte(c >> 16), byte(c >> 8), byte(c)})
		out = d.Sum(out)
	}
	return out[:n]
}
