package bindings

// HMAC: https://w3c.github.io/webcrypto/#hmac

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/subtle"
)

func init() {
	subtleAlgs["HMAC"] = &subtleAlg{
		importKey: importHMAC,
		exportKey: exportSecret,
		generate:  generateHMAC,
		sign:      signHMAC,
		verify: func(p *algParams, k *cryptoKey, sig, data []byte) (bool, error) {
			mac, _ := signHMAC(p, k, data)
			return subtle.ConstantTimeCompare(mac, sig) == 1, nil
		},
		keyLength: func(p *algParams) (int, bool, error) {
			l, err := hmacKeyLength(p)
			return l, true, err
		},
	}
}

// hmacUsages are the usages an HMAC key may have.
const hmacUsages = usageSet(usageSign | usageVerify)

// hashBlockBits is the block size of each hash in bits, the default
// length of an HMAC key.
var hashBlockBits = map[string]int{"SHA-1": 512, "SHA-256": 512, "SHA-384": 1024, "SHA-512": 1024, "MD5": 512}

// importHMAC imports a raw or JWK HMAC key.
func importHMAC(p *algParams, in keyInput, extractable bool, usages []string) (*cryptoKey, error) {
	h, err := p.hash()
	if err != nil {
		return nil, err
	}
	set, err := keyUsages(usages, hmacUsages, "import", keySecret, "HMAC")
	if err != nil {
		return nil, err
	}
	var raw []byte
	switch in.format {
	case "raw":
		raw = in.data
	case "jwk":
		if raw, err = readSecretJWK(in.jwk, "HMAC", extractable); err != nil {
			return nil, err
		}
		if alg, ok := in.jwk.get("alg"); ok && alg != "HS"+hashDigits(h) {
			return nil, dataError(`HMAC "jwk" key import specifies "alg" that is incompatible with the hash name (encountered %q, expected %q).`, alg, "HS"+hashDigits(h))
		}
	default:
		return nil, domError("NotSupportedError", "Unrecognized key import format %q.", in.format)
	}
	bits := len(raw) * 8
	length := bits
	if l, ok := p.integer("length"); ok {
		length = int(l)
		if length == 0 || length > bits || length <= bits-8 {
			return nil, dataError("Imported HMAC key length (%d) must be a non-zero value up to 7 bits less than, and no greater than, the bit length of the raw key data (%d).", length, bits)
		}
	} else if bits == 0 {
		return nil, dataError("Imported HMAC key length (0) must be a non-zero value up to 7 bits less than, and no greater than, the bit length of the raw key data (0).")
	}
	return newKey(keySecret, extractable, keyAlgorithm{name: "HMAC", hash: h, length: length, hasLength: true}, set, maskBits(raw, length))
}

// readSecretJWK reads the key bytes of an "oct" JWK for alg.
func readSecretJWK(j *jsonWebKey, alg string, extractable bool) ([]byte, error) {
	if kty, _ := j.get("kty"); kty != "oct" {
		if _, ok := j.get("kty"); !ok {
			kty = "undefined"
		}
		return nil, dataError(`%s "jwk" key import requires a JSON Web Key with Key Type parameter ("kty") equal to "oct" (encountered %q).`, alg, kty)
	}
	if j.hasExt && !j.ext && extractable {
		return nil, dataError("JWK ext field for %q is set to false but extractable is true", alg)
	}
	raw, ok := j.bytes("k")
	if !ok {
		return nil, dataError(`%s "jwk" key import requires a base64Url encoding of the key`, alg)
	}
	return raw, nil
}

// maskBits returns b cut to length bits, the unused low bits of the last
// byte cleared.
func maskBits(b []byte, length int) []byte {
	n := (length + 7) / 8
	out := append([]byte(nil), b[:n]...)
	if r := length % 8; r != 0 {
		out[n-1] &= byte(0xff << (8 - r))
	}
	return out
}

// hmacKeyLength is the length of an HMAC key deriveKey or generateKey
// makes: the length member, or the hash's block size.
func hmacKeyLength(p *algParams) (int, error) {
	h, err := p.hash()
	if err != nil {
		return 0, err
	}
	if l, ok := p.integer("length"); ok {
		if l <= 0 {
			return 0, operationError("HMAC key length must be a non-zero unsigned long integer (requested %d).", l)
		}
		return int(l), nil
	}
	return hashBlockBits[h], nil
}

// generateHMAC makes a random HMAC key.
func generateHMAC(p *algParams, extractable bool, usages []string) (*cryptoKey, *cryptoKey, error) {
	set, err := keyUsages(usages, hmacUsages, "generate", keySecret, "HMAC")
	if err != nil {
		return nil, nil, err
	}
	h, _ := p.hash()
	length, err := hmacKeyLength(p)
	if err != nil {
		return nil, nil, err
	}
	raw := make([]byte, (length+7)/8)
	_, _ = rand.Read(raw)
	k, err := newKey(keySecret, extractable, keyAlgorithm{name: "HMAC", hash: h, length: length, hasLength: true}, set, maskBits(raw, length))
	return k, nil, err
}

// signHMAC computes the MAC of data.
func signHMAC(_ *algParams, k *cryptoKey, data []byte) ([]byte, error) {
	m := hmac.New(hashes[k.alg.hash], k.material.([]byte))
	m.Write(data)
	return m.Sum(nil), nil
}

// exportSecret exports a secret key as raw bytes or an "oct" JWK.
func exportSecret(k *cryptoKey, format string) ([]byte, *jsonWebKey, error) {
	raw := k.material.([]byte)
	switch format {
	case "raw":
		return append([]byte(nil), raw...), nil, nil
	case "jwk":
		j := exportJWK(k, "oct")
		alg := secretJWKAlg(k)
		if alg == "MD5" {
			return nil, nil, domError("NotSupportedError", "Unimplemented JWK key export format for key algorithm \"MD5\".")
		}
		j.set("alg", alg)
		j.setBytes("k", raw)
		return nil, j, nil
	}
	return nil, nil, domError("NotSupportedError", "Unimplemented key export format %q.", format)
}

// secretJWKAlg is the "alg" of a secret key's JWK: HS256, A128GCM, ...
// (workerd writes HS1 for HMAC with SHA-1).
func secretJWKAlg(k *cryptoKey) string {
	switch k.alg.name {
	case "HMAC":
		if k.alg.hash == "MD5" {
			return "MD5"
		}
		return "HS" + hashDigits(k.alg.hash)
	case "AES-GCM", "AES-CBC", "AES-CTR", "AES-KW":
		return aesJWKAlg(k.alg.name, k.alg.length)
	}
	return ""
}
