package bindings

// The errors of SubtleCrypto's algorithms are Go values naming the JS error
// workerd throws (a DOMException name, or TypeError); the methods turn them
// into rejections at the boundary (subtle.go).

import (
	"fmt"

	"github.com/dop251/goja"
)

// cryptoError is an error SubtleCrypto reports to script: name is a
// DOMException name, or "TypeError".
type cryptoError struct {
	name, message string
}

// Error implements error.
func (e *cryptoError) Error() string { return e.name + ": " + e.message }

// domError returns a cryptoError for a DOMException named name.
func domError(name, format string, args ...any) error {
	return &cryptoError{name: name, message: fmt.Sprintf(format, args...)}
}

// typeError returns a cryptoError for a TypeError.
func typeError(format string, args ...any) error {
	return &cryptoError{name: "TypeError", message: fmt.Sprintf(format, args...)}
}

// operationError is the usual OperationError.
func operationError(format string, args ...any) error {
	return domError("OperationError", format, args...)
}

// dataError is the usual DataError.
func dataError(format string, args ...any) error {
	return domError("DataError", format, args...)
}

// cryptoErrorValue converts err to the JS value thrown for it.
func (rl *Realm) cryptoErrorValue(err error) goja.Value {
	ce, ok := err.(*cryptoError)
	if !ok {
		return rl.newDOMException("OperationError", err.Error())
	}
	if ce.name == "TypeError" {
		return rl.vm.NewTypeError(ce.message)
	}
	return rl.newDOMException(ce.name, ce.message)
}

// throwCrypto throws err to script, if it is not nil.
func (rl *Realm) throwCrypto(err error) {
	if err != nil {
		panic(rl.cryptoErrorValue(err))
	}
}

// mustBytes returns b, or throws err.
func (rl *Realm) mustBytes(b []byte, err error) []byte {
	rl.throwCrypto(err)
	return b
}

// mustKey returns k, or throws err.
func (rl *Realm) mustKey(k *cryptoKey, err error) *cryptoKey {
	rl.throwCrypto(err)
	return k
}

// mustBool returns ok, or throws err.
func (rl *Realm) mustBool(ok bool, err error) bool {
	rl.throwCrypto(err)
	return ok
}
