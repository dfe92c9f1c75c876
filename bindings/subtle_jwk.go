package bindings

// JSON Web Keys (RFC 7517) as importKey reads them and exportKey writes
// them.

import (
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// jwkStringMembers are the string members of a JWK this package reads or
// writes, in the order exportKey writes them.
var jwkStringMembers = []string{"kty", "crv", "alg", "use", "k", "n", "e", "d", "p", "q", "dp", "dq", "qi", "x", "y"}

// jsonWebKey is a JWK: its string members, key_ops and ext.
type jsonWebKey struct {
	vals      map[string]string
	keyOps    []string
	hasKeyOps bool
	ext       bool
	hasExt    bool
}

// newJWK returns an empty JWK.
func newJWK() *jsonWebKey { return &jsonWebKey{vals: map[string]string{}} }

// get returns member n and whether it is present.
func (j *jsonWebKey) get(n string) (string, bool) {
	v, ok := j.vals[n]
	return v, ok
}

// set sets member n.
func (j *jsonWebKey) set(n, v string) { j.vals[n] = v }

// setBytes sets member n to the base64url encoding of b.
func (j *jsonWebKey) setBytes(n string, b []byte) {
	j.vals[n] = base64.RawURLEncoding.EncodeToString(b)
}

// bytes decodes member n; ok is false when it is absent or not base64url.
// workerd's decoder takes the standard alphabet too, but not padding.
func (j *jsonWebKey) bytes(n string) ([]byte, bool) {
	v, ok := j.vals[n]
	if !ok || strings.Contains(v, "=") {
		return nil, false
	}
	v = strings.NewReplacer("-", "+", "_", "/").Replace(v)
	b, err := base64.RawStdEncoding.DecodeString(v)
	return b, err == nil
}

// hasAny reports whether any of the members is present.
func (j *jsonWebKey) hasAny(members ...string) bool {
	for _, m := range members {
		if _, ok := j.vals[m]; ok {
			return true
		}
	}
	return false
}

// readJWK reads a JsonWebKey dictionary.
func (rl *Realm) readJWK(o *goja.Object) *jsonWebKey {
	j := newJWK()
	for _, n := range jwkStringMembers {
		if v := o.Get(n); v != nil && !goja.IsUndefined(v) {
			j.vals[n] = v.String()
		}
	}
	if v := o.Get("ext"); v != nil && !goja.IsUndefined(v) {
		j.ext, j.hasExt = v.ToBoolean(), true
	}
	if v, ok := o.Get("key_ops").(*goja.Object); ok {
		j.hasKeyOps = true
		n := v.Get("length").ToInteger()
		for i := int64(0); i < n; i++ {
			op := "undefined" // a hole
			if e := v.Get(strconv.FormatInt(i, 10)); e != nil {
				op = e.String()
			}
			j.keyOps = append(j.keyOps, op)
		}
	}
	return j
}

// jwkExportOrder is the order of the members of an exported JWK: workerd
// gives each of them, undefined where the key has none.
var jwkExportOrder = []string{"kty", "use", "key_ops", "alg", "ext", "crv", "x", "y", "d", "n", "e", "p", "q", "dp", "dq", "qi", "oth", "k", "pub", "priv"}

// jwkObject renders j as a plain object with workerd's members and order.
func (rl *Realm) jwkObject(j *jsonWebKey) *goja.Object {
	o := rl.vm.NewObject()
	for _, n := range jwkExportOrder {
		var v goja.Value = goja.Undefined()
		switch n {
		case "key_ops":
			if j.hasKeyOps {
				ops := make([]any, len(j.keyOps))
				for i, op := range j.keyOps {
					ops[i] = op
				}
				v = rl.vm.NewArray(ops...)
			}
		case "ext":
			if j.hasExt {
				v = rl.vm.ToValue(j.ext)
			}
		default:
			if s, ok := j.vals[n]; ok {
				v = rl.vm.ToValue(s)
			}
		}
		if err := o.Set(n, v); err != nil {
			panic(err)
		}
	}
	return o
}

// exportJWK starts the JWK export of k: kty, key_ops and ext.
func exportJWK(k *cryptoKey, kty string) *jsonWebKey {
	j := newJWK()
	j.set("kty", kty)
	j.keyOps, j.hasKeyOps = k.usages.names(), true
	if j.keyOps == nil {
		j.keyOps = []string{}
	}
	j.ext, j.hasExt = k.extractable, true
	return j
}

// jwkUse is the JWK "use" of an asymmetric algorithm's keys.
func jwkUse(alg string) string {
	switch alg {
	case "RSA-OAEP", "ECDH", "X25519":
		return "enc"
	}
	return "sig"
}

// checkJWKUse makes the checks of an asymmetric JWK import: ext may not
// be false for an extractable key, and key_ops must list every usage.
func checkJWKUse(j *jsonWebKey, alg string, extractable bool, usages []string) error {
	if j.hasExt && !j.ext && extractable {
		return dataError("JWK ext field for %q is set to false but extractable is true", alg)
	}
	if use, ok := j.get("use"); ok && len(usages) > 0 && use != jwkUse(alg) {
		return dataError(`Asymmetric "jwk" key import with usages requires a JSON Web Key with Public Key Use parameter "use" (%q) equal to %q.`, use, jwkUse(alg))
	}
	if j.hasKeyOps {
		for _, u := range usages {
			found := false
			for _, op := range j.keyOps {
				found = found || op == u
			}
			if !found {
				return dataError(`All specified key usages must be present in the JSON Web Key's Key Operations parameter ("key_ops").`)
			}
		}
	}
	return nil
}
