// Package doid makes and checks Durable Object IDs as workerd does. A
// namespace has a key, the SHA-256 of its unique key (workerd's
// `uniqueKey`; workerhost uses "<worker name>-<class name>", as wrangler
// dev does). An ID is 32 bytes, shown as 64 lowercase hex digits: 16 bytes
// of identity (an HMAC-SHA256 of the name under the key, truncated, for
// idFromName; random bytes for newUniqueId), then the first 16 bytes of an
// HMAC of those under the key, so that an ID from another namespace, or a
// mistyped one, is refused.
//
// Imports: the standard library only.
package doid

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
)

// baseLength is the identity part of an ID; the rest is its MAC.
const baseLength = 16

// Errors of FromString, in workerd's words (both are TypeErrors in JS).
var (
	ErrNotHex       = errors.New("Invalid Durable Object ID: must be 64 hex digits")
	ErrNotNamespace = errors.New("Durable Object ID is not valid for this namespace.")
)

// Namespace makes the IDs of one Durable Object class.
type Namespace struct {
	key [sha256.Size]byte
}

// NewNamespace returns the namespace with the given unique key.
func NewNamespace(uniqueKey string) Namespace {
	return Namespace{key: sha256.Sum256([]byte(uniqueKey))}
}

// ID is a Durable Object ID.
type ID [2 * baseLength]byte

// String is the ID as 64 lowercase hex digits.
func (id ID) String() string { return hex.EncodeToString(id[:]) }

// FromName is the ID of name: the same name always gives the same ID.
func (n Namespace) FromName(name string) ID {
	var id ID
	copy(id[:baseLength], n.mac([]byte(name)))
	n.seal(&id)
	return id
}

// Unique is a new random ID.
func (n Namespace) Unique() ID {
	var id ID
	_, _ = rand.Read(id[:baseLength])
	n.seal(&id)
	return id
}

// FromString parses an ID (hex digits in either case) and checks that it
// belongs to this namespace.
func (n Namespace) FromString(s string) (ID, error) {
	var id ID
	if len(s) != 2*len(id) {
		return id, ErrNotHex
	}
	if _, err := hex.Decode(id[:], []byte(s)); err != nil {
		return id, ErrNotHex
	}
	want := id
	n.seal(&want)
	if !hmac.Equal(want[baseLength:], id[baseLength:]) {
		return ID{}, ErrNotNamespace
	}
	return id, nil
}

// seal fills in the MAC half of id from its identity half.
func (n Namespace) seal(id *ID) {
	copy(id[baseLength:], n.mac(id[:baseLength]))
}

// mac is HMAC-SHA256 of data under the namespace's key.
func (n Namespace) mac(data []byte) []byte {
	h := hmac.New(sha256.New, n.key[:])
	h.Write(data)
	return h.Sum(nil)
}
