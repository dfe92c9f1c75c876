package bindings

// node:crypto's Cipheriv and Decipheriv on Go's crypto: AES in CBC, ECB,
// CTR, OFB and GCM modes, DES and triple DES, RC4 and
// ChaCha20-Poly1305. Errors carry workerd's (BoringSSL's) messages.

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/rc4"
	"crypto/subtle"
	"strings"

	"golang.org/x/crypto/chacha20"
	"golang.org/x/crypto/chacha20poly1305"
)

// nodeCipherErr is a cipher failure; node_crypto_cipher.js throws it as an
// Error with this message.
type nodeCipherErr string

// Error is the message the JS side throws.
func (e nodeCipherErr) Error() string { return string(e) }

const (
	errCipherKey       = nodeCipherErr("Invalid key length")
	errCipherIV        = nodeCipherErr("Invalid initialization vector")
	errCipherAuth      = nodeCipherErr("Authentication failed")
	errCipherFinalized = nodeCipherErr("Cipher/decipher context has already been finalized")
	errCipherNoTag     = nodeCipherErr("No auth tag provided")
	errCipherTagLen    = nodeCipherErr("Invalid authentication tag length")
	errCipherAAD       = nodeCipherErr("Failed to set AAD")
	errCipherNotAEAD   = nodeCipherErr("Cipher does not support authenticated mode")
)

// nodeCipherSpec is one cipher Cipheriv accepts: its key and IV sizes
// (iv -1: any non-empty length) and mode.
type nodeCipherSpec struct {
	key, iv int
	mode    string // cbc, ecb, ctr, ofb, gcm, rc4, chacha
	des     bool
}

// nodeCipherSpecs are the ciphers createCipheriv supports, by lower-case
// name.
var nodeCipherSpecs = map[string]nodeCipherSpec{
	"aes-128-cbc": {16, 16, "cbc", false}, "aes-192-cbc": {24, 16, "cbc", false}, "aes-256-cbc": {32, 16, "cbc", false},
	"aes-128-ecb": {16, 0, "ecb", false}, "aes-192-ecb": {24, 0, "ecb", false}, "aes-256-ecb": {32, 0, "ecb", false},
	"aes-128-ctr": {16, 16, "ctr", false}, "aes-192-ctr": {24, 16, "ctr", false}, "aes-256-ctr": {32, 16, "ctr", false},
	"aes-128-ofb": {16, 16, "ofb", false}, "aes-192-ofb": {24, 16, "ofb", false}, "aes-256-ofb": {32, 16, "ofb", false},
	"aes-128-gcm": {16, -1, "gcm", false}, "aes-192-gcm": {24, -1, "gcm", false}, "aes-256-gcm": {32, -1, "gcm", false},
	"des-cbc": {8, 8, "cbc", true}, "des-ecb": {8, 0, "ecb", true}, "des-ede": {16, 0, "ecb", true},
	"des-ede-cbc": {16, 8, "cbc", true}, "des-ede3-cbc": {24, 8, "cbc", true},
	"rc4":               {16, 0, "rc4", false},
	"chacha20-poly1305": {32, 12, "chacha", false},
}

// nodeCipher is one Cipheriv or Decipheriv.
type nodeCipher struct {
	encrypt bool
	spec    nodeCipherSpec
	block   cipher.Block
	cbc     cipher.BlockMode
	stream  cipher.Stream // ctr, ofb, rc4, and the keystream of the AEADs
	aead    cipher.AEAD
	nonce   []byte
	pad     bool
	pending []byte // block modes: input not yet a whole block
	text    []byte // AEADs: the plaintext so far, for the tag
	aad     []byte
	tag     []byte
	started bool
	done    bool
}

// newNodeCipher makes the cipher name (already known to exist) with key
// and iv (nil for none).
func newNodeCipher(name string, key, iv []byte, encrypt bool) (*nodeCipher, error) {
	spec, ok := nodeCipherSpecs[strings.ToLower(name)]
	if !ok {
		return nil, nodeCipherErr("Unknown or unsupported cipher: " + name)
	}
	if len(key) != spec.key && spec.mode != "rc4" {
		return nil, errCipherKey
	}
	switch {
	case spec.iv == -1 && len(iv) == 0, spec.iv >= 0 && len(iv) != spec.iv:
		return nil, errCipherIV
	}
	c := &nodeCipher{encrypt: encrypt, spec: spec, pad: true, nonce: bytes.Clone(iv)}
	var err error
	switch {
	case spec.mode == "rc4":
		c.stream, err = rc4.NewCipher(key)
	case spec.mode == "chacha":
		c.aead, err = chacha20poly1305.New(key)
		if err == nil {
			var s *chacha20.Cipher
			s, err = chacha20.NewUnauthenticatedCipher(key, iv)
			if err == nil {
				s.SetCounter(1)
				c.stream = s
			}
		}
	case spec.des && spec.key == 8:
		c.block, err = des.NewCipher(key)
	case spec.des:
		k := key
		if len(k) == 16 {
			k = append(bytes.Clone(key), key[:8]...)
		}
		c.block, err = des.NewTripleDESCipher(k)
	default:
		c.block, err = aes.NewCipher(key)
	}
	if err != nil {
		return nil, errCipherKey
	}
	c.initMode()
	return c, nil
}

// initMode sets up the block mode over c.block.
func (c *nodeCipher) initMode() {
	switch c.spec.mode {
	case "cbc":
		if c.encrypt {
			c.cbc = cipher.NewCBCEncrypter(c.block, c.nonce)
		} else {
			c.cbc = cipher.NewCBCDecrypter(c.block, c.nonce)
		}
	case "ctr":
		c.stream = cipher.NewCTR(c.block, c.nonce)
	case "ofb":
		c.stream = cipher.NewOFB(c.block, c.nonce) //nolint:staticcheck // Node offers OFB
	case "gcm":
		c.aead, _ = cipher.NewGCMWithNonceSize(c.block, len(c.nonce))
		if len(c.nonce) == 12 {
			ctr := append(bytes.Clone(c.nonce), 0, 0, 0, 2)
			c.stream = cipher.NewCTR(c.block, ctr)
		}
	}
}

// update processes more input.
func (c *nodeCipher) update(in []byte) ([]byte, error) {
	if c.done {
		return nil, errCipherFinalized
	}
	if c.started && c.spec.mode == "chacha" {
		return nil, nodeCipherErr("update() can only be invoked once on an AEAD") // as BoringSSL's
	}
	c.started = true
	switch {
	case c.aead != nil:
		return c.updateAEAD(in), nil
	case c.stream != nil:
		out := make([]byte, len(in))
		c.stream.XORKeyStream(out, in)
		return out, nil
	}
	c.pending = append(c.pending, in...)
	bs := c.block.BlockSize()
	n := len(c.pending) / bs * bs
	if !c.encrypt && c.pad && n == len(c.pending) && n > 0 {
		n -= bs // keep the last block: it holds the padding
	}
	out := c.crypt(c.pending[:n])
	c.pending = bytes.Clone(c.pending[n:])
	return out, nil
}

// crypt runs whole blocks through the block mode.
func (c *nodeCipher) crypt(in []byte) []byte {
	out := make([]byte, len(in))
	if c.cbc != nil {
		c.cbc.CryptBlocks(out, in)
		return out
	}
	bs := c.block.BlockSize()
	for i := 0; i < len(in); i += bs {
		if c.encrypt {
			c.block.Encrypt(out[i:i+bs], in[i:i+bs])
		} else {
			c.block.Decrypt(out[i:i+bs], in[i:i+bs])
		}
	}
	return out
}

// updateAEAD gives the keystream-XORed input at once, as OpenSSL does,
// and keeps the plaintext for the tag.
func (c *nodeCipher) updateAEAD(in []byte) []byte {
	out := make([]byte, len(in))
	if c.stream != nil {
		c.stream.XORKeyStream(out, in)
	} else {
		// A GCM nonce other than 96 bits: sealing the text so far gives
		// its keystream XOR; take the new part.
		seen := len(c.text)
		all := append(bytes.Clone(c.text), in...)
		if !c.encrypt {
			all = append(c.sealXOR(c.text), in...)
		}
		copy(out, c.aead.Seal(nil, c.nonce, all, nil)[seen:seen+len(in)])
	}
	if c.encrypt {
		c.text = append(c.text, in...)
	} else {
		c.text = append(c.text, out...)
	}
	return out
}

// sealXOR is the ciphertext of plain (the keystream XOR).
func (c *nodeCipher) sealXOR(plain []byte) []byte {
	return c.aead.Seal(nil, c.nonce, plain, nil)[:len(plain)]
}

// final ends the cipher: padding, or the tag's check.
func (c *nodeCipher) final() ([]byte, error) {
	if c.done {
		return nil, errCipherFinalized
	}
	c.done = true
	switch {
	case c.aead != nil:
		sealed := c.aead.Seal(nil, c.nonce, c.text, c.aad)
		full := sealed[len(c.text):]
		if c.encrypt {
			c.tag = full // workerd gives the whole tag whatever authTagLength says
			return nil, nil
		}
		if c.tag == nil {
			return nil, errCipherNoTag
		}
		if subtle.ConstantTimeCompare(full[:len(c.tag)], c.tag) != 1 {
			return nil, errCipherAuth
		}
		return nil, nil
	case c.stream != nil:
		return nil, nil
	}
	return c.finalBlocks()
}

// finalBlocks pads and encrypts, or decrypts and unpads, the last block.
func (c *nodeCipher) finalBlocks() ([]byte, error) {
	bs := c.block.BlockSize()
	if c.encrypt && c.pad {
		n := bs - len(c.pending)%bs
		c.pending = append(c.pending, bytes.Repeat([]byte{byte(n)}, n)...)
	}
	if len(c.pending)%bs != 0 {
		return nil, errCipherAuth
	}
	out := c.crypt(c.pending)
	if c.encrypt || !c.pad {
		return out, nil
	}
	if len(out) == 0 {
		return nil, errCipherAuth
	}
	n := int(out[len(out)-1])
	if n == 0 || n > bs || n > len(out) {
		return nil, errCipherAuth
	}
	for _, b := range out[len(out)-n:] {
		if int(b) != n {
			return nil, errCipherAuth
		}
	}
	return out[:len(out)-n], nil
}

// setAAD sets the additional authenticated data, before any update.
func (c *nodeCipher) setAAD(aad []byte) error {
	if c.aead == nil {
		return errCipherNotAEAD
	}
	if c.started || c.done {
		return errCipherAAD
	}
	c.aad = append(c.aad, aad...)
	return nil
}

// setAuthTag gives a Decipheriv the tag to check.
func (c *nodeCipher) setAuthTag(tag []byte) error {
	if c.aead == nil {
		return errCipherNotAEAD
	}
	switch n := len(tag); {
	case c.done:
		return errCipherFinalized
	case n == 4, n == 8, n >= 12 && n <= 16:
	default:
		return errCipherTagLen
	}
	c.tag = bytes.Clone(tag)
	return nil
}

// authTag is an encrypting cipher's tag, once final has run, the first
// time it is asked for.
func (c *nodeCipher) authTag() ([]byte, error) {
	if !c.done {
		return nil, nodeCipherErr("Auth tag is only available once cipher context has been finalized")
	}
	tag := c.tag
	c.tag = nil // workerd gives the tag once; a second call gets none
	return tag, nil
}
