package bindings

import (
	"encoding/hex"
	"testing"
)

// vectorBytes decodes a test vector.
func vectorBytes(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// runCipher encrypts or decrypts in with one update per part.
func runCipher(t *testing.T, name string, key, iv []byte, encrypt bool, tag []byte, parts ...[]byte) (out, gotTag []byte, err error) {
	t.Helper()
	c, err := newNodeCipher(name, key, iv, encrypt)
	if err != nil {
		t.Fatal(err)
	}
	if tag != nil {
		if err := c.setAuthTag(tag); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range parts {
		b, err := c.update(p)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, b...)
	}
	b, err := c.final()
	out = append(out, b...)
	if encrypt && c.aead != nil {
		gotTag, _ = c.authTag()
	}
	return out, gotTag, err
}

// TestNodeCipherVectors checks the ciphers against published vectors
// (NIST SP 800-38A F.2.1 and F.5.1; the GCM paper's test case 4, whose
// nonce is 96 bits, and its test case 6, whose nonce is not).
func TestNodeCipherVectors(t *testing.T) {
	t.Parallel()
	key := vectorBytes(t, "2b7e151628aed2a6abf7158809cf4f3c")
	pt := vectorBytes(t, "6bc1bee22e409f96e93d7e117393172a")
	cbc, _, err := runCipher(t, "aes-128-cbc", key, vectorBytes(t, "000102030405060708090a0b0c0d0e0f"), true, nil, pt[:5], pt[5:])
	if err != nil || hex.EncodeToString(cbc[:16]) != "7649abac8119b246cee98e9b12e9197d" || len(cbc) != 32 {
		t.Errorf("aes-128-cbc: %x, %v", cbc, err)
	}
	ctr, _, err := runCipher(t, "aes-128-ctr", key, vectorBytes(t, "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"), true, nil, pt[:3], pt[3:])
	if err != nil || hex.EncodeToString(ctr) != "874d6191b620e3261bef6864990db6ce" {
		t.Errorf("aes-128-ctr: %x, %v", ctr, err)
	}
	gcmKey := vectorBytes(t, "feffe9928665731c6d6a8f9467308308")
	gcmPT := vectorBytes(t, "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39")
	aad := vectorBytes(t, "feedfacedeadbeeffeedfacedeadbeefabaddad2")
	for _, tc := range []struct{ iv, ct, tag string }{
		{"cafebabefacedbaddecaf888",
			"42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091",
			"5bc94fbc3221a5db94fae95ae7121a47"},
		{"9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728c3c0c95156809539fcf0e2429a6b525416aedbf5a0de6a57a637b39b",
			"8ce24998625615b603a033aca13fb894be9112a5c3a211a8ba262a3cca7e2ca701e4a9a4fba43c90ccdcb281d48c7c6fd62875d2aca417034c34aee5",
			"619cc5aefffe0bfa462af43c1699d050"},
	} {
		iv := vectorBytes(t, tc.iv)
		c, err := newNodeCipher("aes-128-gcm", gcmKey, iv, true)
		if err != nil {
			t.Fatal(err)
		}
		_ = c.setAAD(aad)
		a, _ := c.update(gcmPT[:7])
		b, _ := c.update(gcmPT[7:])
		_, _ = c.final()
		tag, _ := c.authTag()
		if got := hex.EncodeToString(append(a, b...)); got != tc.ct || hex.EncodeToString(tag) != tc.tag {
			t.Errorf("aes-128-gcm iv %d bytes: %s tag %x", len(iv), got, tag)
		}
		d, _ := newNodeCipher("aes-128-gcm", gcmKey, iv, false)
		_ = d.setAAD(aad)
		_ = d.setAuthTag(tag[:12])
		plain, _ := d.update(vectorBytes(t, tc.ct))
		if _, err := d.final(); err != nil || hex.EncodeToString(plain) != hex.EncodeToString(gcmPT) {
			t.Errorf("aes-128-gcm iv %d bytes decrypts to %x, %v", len(iv), plain, err)
		}
	}
}

// TestNodeCipherErrors checks workerd's messages for bad use.
func TestNodeCipherErrors(t *testing.T) {
	t.Parallel()
	key := make([]byte, 16)
	if _, err := newNodeCipher("aes-128-cbc", key, make([]byte, 12), true); err != errCipherIV {
		t.Errorf("short IV: %v", err)
	}
	if _, err := newNodeCipher("aes-128-cbc", make([]byte, 5), make([]byte, 16), true); err != errCipherKey {
		t.Errorf("short key: %v", err)
	}
	if _, _, err := runCipher(t, "aes-128-cbc", key, make([]byte, 16), false, nil, make([]byte, 16)); err != errCipherAuth {
		t.Errorf("bad padding: %v", err)
	}
	if _, _, err := runCipher(t, "aes-128-gcm", key, make([]byte, 12), false, make([]byte, 16), []byte("x")); err != errCipherAuth {
		t.Errorf("bad tag: %v", err)
	}
	if _, _, err := runCipher(t, "chacha20-poly1305", make([]byte, 32), make([]byte, 12), true, nil, []byte("a"), []byte("b")); err == nil {
		t.Error("chacha20-poly1305 took two updates")
	}
}
