package bindings

// AES-GCM, AES-CBC, AES-CTR and AES-KW:
// https://w3c.github.io/webcrypto/#aes-ctr (and the sections after it).

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/subtle"
	"fmt"
	"math/big"
)

func init() {
	for name, usages := range map[string]usageSet{
		"AES-GCM": usageSet(usageEncrypt | usageDecrypt | usageWrapKey | usageUnwrapKey),
		"AES-CBC": usageSet(usageEncrypt | usageDecrypt | usageWrapKey | usageUnwrapKey),
		"AES-CTR": usageSet(usageEncrypt | usageDecrypt | usageWrapKey | usageUnwrapKey),
		"AES-KW":  usageSet(usageWrapKey | usageUnwrapKey),
	} {
		a := &subtleAlg{
			importKey: func(p *algParams, in keyInput, extractable bool, u []string) (*cryptoKey, error) {
				return importAES(name, usages, p, in, extractable, u)
			},
			exportKey: exportSecret,
			generate: func(p *algParams, extractable bool, u []string) (*cryptoKey, *cryptoKey, error) {
				return generateAES(name, usages, p, extractable, u)
			},
			keyLength: derivedAESLength,
		}
		switch name {
		case "AES-GCM":
			a.encrypt, a.decrypt = encryptGCM, decryptGCM
		case "AES-CBC":
			a.encrypt, a.decrypt = encryptCBC, decryptCBC
		case "AES-CTR":
			a.encrypt, a.decrypt = cryptCTR, cryptCTR
		case "AES-KW":
			a.wrap, a.unwrap = wrapKW, unwrapKW
		}
		subtleAlgs[name] = a
	}
}

// aesJWKAlg is the JWK "alg" of an AES key: A128GCM, A256KW, ...
func aesJWKAlg(name string, bits int) string {
	return fmt.Sprintf("A%d%s", bits, name[len("AES-"):])
}

// importAES imports a raw or JWK AES key.
func importAES(name string, allowed usageSet, p *algParams, in keyInput, extractable bool, usages []string) (*cryptoKey, error) {
	set, err := keyUsages(usages, allowed, "import", keySecret, name)
	if err != nil {
		return nil, err
	}
	var raw []byte
	switch in.format {
	case "raw":
		raw = in.data
	case "jwk":
		if raw, err = readSecretJWK(in.jwk, name, extractable); err != nil {
			return nil, err
		}
	default:
		return nil, domError("NotSupportedError", "Unrecognized key import format %q.", in.format)
	}
	switch len(raw) {
	case 16, 24, 32:
	default:
		return nil, dataError("Imported AES key length must be 128, 192, or 256 bits but provided %d.", len(raw)*8)
	}
	if in.jwk != nil {
		if alg, ok := in.jwk.get("alg"); ok && alg != aesJWKAlg(name, len(raw)*8) {
			return nil, dataError(`Symmetric "jwk" key contains invalid "alg" value %q, expected %q.`, alg, aesJWKAlg(name, len(raw)*8))
		}
	}
	return newKey(keySecret, extractable, keyAlgorithm{name: name, length: len(raw) * 8, hasLength: true}, set, raw)
}

// aesKeyLength reads the length member of AES key parameters.
func aesKeyLength(p *algParams) (int, error) {
	l, ok := p.integer("length")
	if !ok {
		return 0, p.missing("length")
	}
	return int(l), nil
}

// derivedAESLength is the length of an AES key deriveKey makes.
func derivedAESLength(p *algParams) (int, bool, error) {
	l, err := aesKeyLength(p)
	if err == nil && l != 128 && l != 192 && l != 256 {
		err = operationError("Derived AES key must be 128, 192, or 256 bits in length but provided %d.", l)
	}
	return l, true, err
}

// generateAES makes a random AES key.
func generateAES(name string, allowed usageSet, p *algParams, extractable bool, usages []string) (*cryptoKey, *cryptoKey, error) {
	set, err := keyUsages(usages, allowed, "generate", keySecret, name)
	if err != nil {
		return nil, nil, err
	}
	length, err := aesKeyLength(p)
	if err != nil {
		return nil, nil, err
	}
	if length != 128 && length != 192 && length != 256 {
		return nil, nil, operationError("Generated AES key length must be 128, 192, or 256 bits but requested %d.", length)
	}
	raw := make([]byte, length/8)
	_, _ = rand.Read(raw)
	k, err := newKey(keySecret, extractable, keyAlgorithm{name: name, length: length, hasLength: true}, set, raw)
	return k, nil, err
}

// aesBlock returns the key's block cipher.
func aesBlock(k *cryptoKey) cipher.Block {
	b, err := aes.NewCipher(k.material.([]byte))
	if err != nil {
		panic(err) // the length was checked at import
	}
	return b
}

// gcmParams reads AES-GCM's iv, additionalData and tagLength, and returns
// the AEAD (with a full tag: shorter tags are cut from it).
func gcmParams(p *algParams, k *cryptoKey) (aead cipher.AEAD, iv, aad []byte, tagBytes int, err error) {
	if iv, _, err = p.bytes("iv", true); err != nil {
		return nil, nil, nil, 0, err
	}
	if aad, _, err = p.bytes("additionalData", false); err != nil {
		return nil, nil, nil, 0, err
	}
	tag := int64(128)
	if t, ok := p.integer("tagLength"); ok {
		tag = t
	}
	switch tag {
	case 32, 64, 96, 104, 112, 120, 128:
	default:
		return nil, nil, nil, 0, operationError("Invalid AES-GCM tag length %d.", tag)
	}
	if len(iv) == 0 {
		return nil, nil, nil, 0, operationError("AES-GCM IV must not be empty.")
	}
	if len(iv) == 12 {
		aead, err = cipher.NewGCM(aesBlock(k))
	} else {
		aead, err = cipher.NewGCMWithNonceSize(aesBlock(k), len(iv))
	}
	if err != nil {
		return nil, nil, nil, 0, operationError("AES-GCM: %v", err)
	}
	return aead, iv, aad, int(tag / 8), nil
}

// encryptGCM encrypts with AES-GCM; a short tag is the full tag's prefix.
func encryptGCM(p *algParams, k *cryptoKey, data []byte) ([]byte, error) {
	aead, iv, aad, tag, err := gcmParams(p, k)
	if err != nil {
		return nil, err
	}
	out := aead.Seal(nil, iv, data, aad)
	return out[:len(data)+tag], nil
}

// decryptGCM decrypts with AES-GCM. GCM's keystream does not depend on
// the data, so sealing the ciphertext yields the plaintext; sealing that
// again yields the full tag, whose prefix must match.
func decryptGCM(p *algParams, k *cryptoKey, data []byte) ([]byte, error) {
	aead, iv, aad, tag, err := gcmParams(p, k)
	if err != nil {
		return nil, err
	}
	if len(data) < tag {
		return nil, operationError("Ciphertext length of %d bits must be greater than or equal to the size of the AES-GCM tag length of %d bits.", len(data)*8, tag*8)
	}
	n := len(data) - tag
	plain := aead.Seal(nil, iv, data[:n], nil)[:n]
	check := aead.Seal(nil, iv, plain, aad)
	if subtle.ConstantTimeCompare(check[n:n+tag], data[n:]) != 1 {
		return nil, decryptionFailed(n, n, "AES-GCM")
	}
	return plain, nil
}

// decryptionFailed is workerd's error for a failed AES decryption.
func decryptionFailed(in, out int, alg string) error {
	return operationError("Decryption failed. This could be due to a ciphertext authentication failure, bad padding, incorrect CryptoKey, or another algorithm-specific reason. Input length was %d, output length expected to be %d for %s", in, out, alg)
}

// cbcIV reads AES-CBC's iv.
func cbcIV(p *algParams) ([]byte, error) {
	iv, _, err := p.bytes("iv", true)
	if err == nil && len(iv) != aes.BlockSize {
		err = operationError("AES-CBC IV must be 16 bytes long (provided %d bytes).", len(iv))
	}
	return iv, err
}

// encryptCBC encrypts with AES-CBC and PKCS#7 padding.
func encryptCBC(p *algParams, k *cryptoKey, data []byte) ([]byte, error) {
	iv, err := cbcIV(p)
	if err != nil {
		return nil, err
	}
	pad := aes.BlockSize - len(data)%aes.BlockSize
	buf := append(append([]byte(nil), data...), bytes.Repeat([]byte{byte(pad)}, pad)...)
	cipher.NewCBCEncrypter(aesBlock(k), iv).CryptBlocks(buf, buf)
	return buf, nil
}

// decryptCBC decrypts with AES-CBC and checks the PKCS#7 padding.
func decryptCBC(p *algParams, k *cryptoKey, data []byte) ([]byte, error) {
	iv, err := cbcIV(p)
	if err != nil {
		return nil, err
	}
	if len(data) == 0 || len(data)%aes.BlockSize != 0 {
		return nil, decryptionFailed(len(data), 0, "AES-CBC")
	}
	buf := append([]byte(nil), data...)
	cipher.NewCBCDecrypter(aesBlock(k), iv).CryptBlocks(buf, buf)
	pad := int(buf[len(buf)-1])
	if pad == 0 || pad > aes.BlockSize {
		return nil, decryptionFailed(len(data), 0, "AES-CBC")
	}
	for _, b := range buf[len(buf)-pad:] {
		if int(b) != pad {
			return nil, decryptionFailed(len(data), 0, "AES-CBC")
		}
	}
	return buf[:len(buf)-pad], nil
}

// cryptCTR encrypts or decrypts with AES-CTR: only the counter block's
// low length bits count, wrapping around, and no block may repeat.
func cryptCTR(p *algParams, k *cryptoKey, data []byte) ([]byte, error) {
	counter, _, err := p.bytes("counter", true)
	if err != nil {
		return nil, err
	}
	length, ok := p.integer("length")
	if !ok {
		return nil, typeError(`Missing "length" member in "algorithm".`)
	}
	if len(counter) != aes.BlockSize {
		return nil, operationError("Counter must have length of 16 bytes (provided %d).", len(counter))
	}
	if length <= 0 || length > 128 {
		return nil, operationError("Invalid counter of %d bits length provided.", length)
	}
	blocks := new(big.Int).SetInt64(int64((len(data) + aes.BlockSize - 1) / aes.BlockSize))
	if blocks.Cmp(new(big.Int).Lsh(big.NewInt(1), uint(length))) > 0 {
		return nil, operationError("Counter block values will repeat.")
	}
	block := aesBlock(k)
	whole := new(big.Int).SetBytes(counter)
	mod := new(big.Int).Lsh(big.NewInt(1), uint(length))
	low := new(big.Int).Mod(whole, mod)
	high := new(big.Int).Sub(whole, low)
	out := make([]byte, len(data))
	var ks, cb [aes.BlockSize]byte
	for off := 0; off < len(data); off += aes.BlockSize {
		new(big.Int).Add(high, low).FillBytes(cb[:])
		block.Encrypt(ks[:], cb[:])
		end := min(off+aes.BlockSize, len(data))
		subtle.XORBytes(out[off:end], data[off:end], ks[:end-off])
		low.Add(low, big.NewInt(1)).Mod(low, mod)
	}
	return out, nil
}
