package bindings

// Reading SubtleCrypto's algorithm arguments: an AlgorithmIdentifier is a
// name or a dictionary with a name and the algorithm's own members
// (https://w3c.github.io/webcrypto/#algorithm-normalization).

import (
	"fmt"
	"math"
	"strings"

	"github.com/dop251/goja"
)

// algorithmNames are the canonical names of the algorithms SubtleCrypto
// knows, by upper-cased name.
var algorithmNames = map[string]string{}

func init() {
	for _, n := range []string{"HMAC", "AES-GCM", "AES-CBC", "AES-CTR", "AES-KW", "RSASSA-PKCS1-v1_5",
		"RSA-PSS", "RSA-OAEP", "ECDSA", "ECDH", "Ed25519", "X25519", "NODE-ED25519", "PBKDF2", "HKDF"} {
		algorithmNames[strings.ToUpper(n)] = n
	}
}

// hashes are the digests an algorithm's hash member may name: those of
// crypto.subtle.digest.
var hashes = digests

// algParams is one normalized algorithm argument.
type algParams struct {
	rl *Realm
	// given is the name as the script spelled it; name is canonical ("" if
	// unknown).
	given, name string
	obj         *goja.Object
	// dict names the dictionary in "Missing field" messages.
	dict string
}

// bufferMembers are the BufferSource members of the algorithm
// dictionaries, and keyMembers the CryptoKey ones; workerd checks their
// types when it converts the argument, before anything else.
var (
	bufferMembers = []string{"iv", "additionalData", "counter", "label", "salt", "info", "publicExponent"}
	keyMembers    = []string{"public"}
)

// checkMemberTypes throws workerd's TypeError for a member of the wrong
// type; idl names the dictionary (EncryptAlgorithm, ...).
func (p *algParams) checkMemberTypes(idl string) {
	for _, m := range bufferMembers {
		if v := p.get(m); v != nil {
			if _, ok := p.rl.bufferSource(v); !ok {
				p.rl.throwTypeError(fmt.Sprintf("Incorrect type for the '%s' field on '%s': the provided value is not of type 'BufferSource'.", m, idl))
			}
		}
	}
	for _, m := range keyMembers {
		if v := p.get(m); v != nil && stateOf[cryptoKey](p.rl, v) == nil {
			p.rl.throwTypeError(fmt.Sprintf("Incorrect type for the '%s' field on '%s': the provided value is not of type 'CryptoKey'.", m, idl))
		}
	}
}

// errNoAlgorithm is workerd's TypeError for an undefined or null
// algorithm dictionary named idl (the name is C++'s mangled one).
func errNoAlgorithm(idl string) string {
	return fmt.Sprintf("Cannot initialize N7workerd3api12SubtleCrypto%d%sE with required members from an undefined or null value.", len(idl), idl)
}

// algorithmArg reads an AlgorithmIdentifier. ok is false when v is
// undefined or null, which WebIDL refuses.
func (rl *Realm) algorithmArg(v goja.Value, dict string) (*algParams, bool) {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil, false
	}
	p := &algParams{rl: rl, dict: dict}
	if o, ok := v.(*goja.Object); ok {
		p.obj = o
		p.given = "undefined"
		if n := o.Get("name"); n != nil {
			p.given = n.String()
		}
	} else {
		p.given = v.String()
	}
	p.name = algorithmNames[strings.ToUpper(p.given)]
	return p, true
}

// get returns member name, or nil when it is absent or undefined.
func (p *algParams) get(name string) goja.Value {
	if p.obj == nil {
		return nil
	}
	v := p.obj.Get(name)
	if v == nil || goja.IsUndefined(v) {
		return nil
	}
	return v
}

// missing is the TypeError for an absent required member.
func (p *algParams) missing(name string) error {
	return typeError("Missing field %q in %q.", name, p.dict)
}

// hash reads the hash member: a name or {name}.
func (p *algParams) hash() (string, error) {
	v := p.get("hash")
	if v == nil {
		return "", p.missing("hash")
	}
	return hashName(v)
}

// hashName normalizes a HashAlgorithmIdentifier.
func hashName(v goja.Value) (string, error) {
	if o, ok := v.(*goja.Object); ok {
		v = o.Get("name")
	}
	n := strings.ToUpper(v.String())
	if _, ok := hashes[n]; !ok {
		return "", domError("NotSupportedError", "Unrecognized or unimplemented digest algorithm requested.")
	}
	return n, nil
}

// bytes reads a BufferSource member; required says whether it may be absent.
func (p *algParams) bytes(name string, required bool) ([]byte, bool, error) {
	v := p.get(name)
	if v == nil {
		if required {
			return nil, false, p.missing(name)
		}
		return nil, false, nil
	}
	b, ok := p.rl.bufferSource(v)
	if !ok {
		return nil, false, typeError("%s.%s must be a BufferSource.", p.dict, name)
	}
	return b, true, nil
}

// integer reads a numeric member; ok is false when it is absent. As
// workerd, a value outside int32 is a TypeError (so no script can ask for
// a key or output of gigabytes).
func (p *algParams) integer(name string) (int64, bool) {
	v := p.get(name)
	if v == nil {
		return 0, false
	}
	n := v.ToInteger()
	if n < math.MinInt32 || n > math.MaxInt32 {
		p.rl.throwTypeError("Value out of range. Must be between -2147483648 and 2147483647 (inclusive).")
	}
	return n, true
}

// str reads a string member; ok is false when it is absent.
func (p *algParams) str(name string) (string, bool) {
	v := p.get(name)
	if v == nil {
		return "", false
	}
	return v.String(), true
}

// hashDigits returns what follows "SHA-" in a hash's name, for JWK "alg"
// values: "256" for SHA-256, "1" for SHA-1.
func hashDigits(h string) string {
	return strings.TrimPrefix(h, "SHA-")
}
