package bindings

import (
	"crypto"
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

// TestNodeKeysRoundTrip checks that generated keys export and parse back
// as equal keys, in every encoding, and sign and verify.
func TestNodeKeysRoundTrip(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		typ, curve string
		hash       crypto.Hash
		types      []string
	}{
		{"rsa", "", crypto.SHA256, []string{"pkcs8", "pkcs1"}},
		{"ec", "prime256v1", crypto.SHA256, []string{"pkcs8", "sec1"}},
		{"ed25519", "", 0, []string{"pkcs8"}},
		{"x25519", "", 0, []string{"pkcs8"}},
	} {
		priv, err := generateNodeKeyPair(tc.typ, 1024, tc.curve)
		if err != nil {
			t.Fatalf("%s: %v", tc.typ, err)
		}
		pub := priv.public()
		for _, typ := range tc.types {
			for _, format := range []string{"pem", "der"} {
				b, err := priv.export(format, typ)
				if err != nil {
					t.Fatalf("%s %s %s: %v", tc.typ, format, typ, err)
				}
				back, err := parseNodeKey(b, format, typ, true)
				if err != nil || !nodeKeysEqual(back, priv) {
					t.Errorf("%s %s %s: read back %v", tc.typ, format, typ, err)
				}
			}
		}
		spki, _ := pub.export("pem", "spki")
		if back, err := parseNodeKey(spki, "pem", "", false); err != nil || !nodeKeysEqual(back, pub) {
			t.Errorf("%s spki: %v", tc.typ, err)
		}
		j, err := priv.exportJWK()
		if err != nil {
			t.Fatal(err)
		}
		if back, err := parseNodeJWK(j, true); err != nil || !nodeKeysEqual(back, priv) {
			t.Errorf("%s jwk: %v", tc.typ, err)
		}
		if tc.typ == "x25519" {
			continue
		}
		sig, err := nodeSign(priv, tc.hash, []byte("hi"), false, 0, false)
		if err != nil {
			t.Fatalf("%s sign: %v", tc.typ, err)
		}
		if ok, err := nodeVerify(pub, tc.hash, []byte("hi"), sig, false, 0, false); !ok || err != nil {
			t.Errorf("%s verify: %v %v", tc.typ, ok, err)
		}
		if ok, _ := nodeVerify(pub, tc.hash, []byte("ho"), sig, false, 0, false); ok {
			t.Errorf("%s verified the wrong data", tc.typ)
		}
	}
}

// TestNodeKeyErrors checks workerd's messages for keys that do not parse.
func TestNodeKeyErrors(t *testing.T) {
	t.Parallel()
	if _, err := parseNodeKey([]byte("nope"), "pem", "", false); err == nil || err.Error() != "Failed to parse public key" {
		t.Errorf("public: %v", err)
	}
	priv, _ := generateNodeKeyPair("ec", 0, "P-384")
	spki, _ := priv.public().export("pem", "spki")
	if _, err := parseNodeKey(spki, "pem", "", true); err == nil || err.Error() != "Failed to parse private key" {
		t.Errorf("private from public: %v", err)
	}
	if _, err := priv.export("pem", "pkcs1"); err == nil || err.Error() != "PKCS1 can only be used for RSA keys" {
		t.Errorf("pkcs1 of EC: %v", err)
	}
}

// TestNodeDHGroups checks the MODP primes against the SHA-256 digests
// workerd's getDiffieHellman(name).getPrime() gives.
func TestNodeDHGroups(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]string{
		"modp14": "d66436f79bbd6b2e38c0ffbd079be904d2641415e2e67140e09448be9a60890e",
		"modp15": "48cf8b092fbce4359d9871abf74f98e25b6163379eaa15cd9087e800c6d1c55c",
		"modp16": "4ee95187682bcb230ad26a95205f6920e84708f6251b3894329b09ec23919e33",
		"modp17": "d1bfe6d0925ce7e4da262b62861514a7755e35831e429f343e7b864848657efd",
		"modp18": "39ab4feab950a3128fb71accb9fc3965d857012e081998a85996e3ea8b3c3bcf",
	} {
		sum := sha256.Sum256(nodeDHGroup(name).Bytes())
		if got := hex.EncodeToString(sum[:]); got != want {
			t.Errorf("%s: sha256 %s, want %s", name, got, want)
		}
	}
}
