package bindings

// PBKDF2 and HKDF: https://w3c.github.io/webcrypto/#pbkdf2 and #hkdf

import (
	"crypto/hkdf"
	"crypto/pbkdf2"
)

func init() {
	for _, name := range []string{"PBKDF2", "HKDF"} {
		a := &subtleAlg{
			importKey: func(p *algParams, in keyInput, extractable bool, u []string) (*cryptoKey, error) {
				return importKDF(name, in, extractable, u)
			},
			keyLength: func(*algParams) (int, bool, error) { return 0, false, nil },
		}
		if name == "PBKDF2" {
			a.deriveBits = derivePBKDF2
		} else {
			a.deriveBits = deriveHKDF
		}
		subtleAlgs[name] = a
	}
}

// importKDF imports the secret of a key derivation: raw only, never
// extractable.
func importKDF(name string, in keyInput, extractable bool, usages []string) (*cryptoKey, error) {
	if in.format != "raw" {
		return nil, domError("NotSupportedError", "%s key must be imported in \"raw\" format (requested %q).", name, in.format)
	}
	set, err := keyUsages(usages, usageSet(usageDeriveKey|usageDeriveBits), "import", keySecret, name)
	if err != nil {
		return nil, err
	}
	if extractable {
		return nil, domError("SyntaxError", "%s key cannot be extractable.", name)
	}
	return newKey(keySecret, false, keyAlgorithm{name: name}, set, in.data)
}

// kdfLength checks deriveBits' length for a KDF.
func kdfLength(name string, length int, hasLength bool) error {
	if !hasLength {
		return operationError("%s cannot derive a key with null length.", name)
	}
	if length%8 != 0 {
		return operationError("%s requires a derived key length that is a multiple of eight (requested %d).", name, length)
	}
	return nil
}

// derivePBKDF2 derives bits with PBKDF2.
func derivePBKDF2(p *algParams, k *cryptoKey, length int, hasLength bool) ([]byte, error) {
	p.dict = "algorithm"
	h, err := p.hash()
	if err != nil {
		return nil, err
	}
	salt, _, err := p.bytes("salt", true)
	if err != nil {
		return nil, err
	}
	iter, ok := p.integer("iterations")
	if !ok {
		return nil, p.missing("iterations")
	}
	if err := kdfLength("PBKDF2", length, hasLength); err != nil {
		return nil, err
	}
	if iter <= 0 {
		return nil, operationError("PBKDF2 requires a positive iteration count (requested %d).", iter)
	}
	if length == 0 {
		return []byte{}, nil
	}
	out, err := pbkdf2.Key(hashes[h], string(k.material.([]byte)), salt, int(iter), length/8)
	if err != nil {
		return nil, operationError("PBKDF2 deriveBits failed.")
	}
	return out, nil
}

// deriveHKDF derives bits with HKDF.
func deriveHKDF(p *algParams, k *cryptoKey, length int, hasLength bool) ([]byte, error) {
	p.dict = "algorithm"
	h, err := p.hash()
	if err != nil {
		return nil, err
	}
	salt, _, err := p.bytes("salt", true)
	if err != nil {
		return nil, err
	}
	info, _, err := p.bytes("info", true)
	if err != nil {
		return nil, err
	}
	if err := kdfLength("HKDF", length, hasLength); err != nil {
		return nil, err
	}
	if length == 0 {
		return []byte{}, nil
	}
	out, err := hkdf.Key(hashes[h], k.material.([]byte), salt, string(info), length/8)
	if err != nil {
		return nil, operationError("HKDF deriveBits failed.")
	}
	return out, nil
}
