package bindings

// DOMException: https://webidl.spec.whatwg.org/#idl-DOMException

import (
	"github.com/dop251/goja"
)

// domExceptionSource defines DOMException as a subclass of Error (as V8 and
// workerd do, so errors keep a stack) with the legacy numeric codes.
const domExceptionSource = `(function () {
  var codes = {
    IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
    NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11,
    SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15,
    TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
    QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25
  };
  class DOMException extends Error {
    constructor(message, options) {
      message = message === undefined ? "" : String(message);
      super(message);
      var name = "Error";
      if (options !== undefined && options !== null && typeof options === "object") {
        if (options.name !== undefined) name = String(options.name);
        if ("cause" in options) Object.defineProperty(this, "cause", { value: options.cause, writable: true, configurable: true });
      } else if (options !== undefined) {
        name = String(options);
      }
      // workerd's are own, enumerable, read-only properties in this
      // order, with stack an accessor, so JSON.stringify and spreading
      // see them.
      var stack = String(this.stack).replace(/^Error/, name);
      delete this.message;
      delete this.stack;
      Object.defineProperty(this, "code", { value: codes[name] || 0, enumerable: true, configurable: true });
      Object.defineProperty(this, "name", { value: name, enumerable: true, configurable: true });
      Object.defineProperty(this, "message", { value: message, enumerable: true, configurable: true });
      Object.defineProperty(this, "stack", {
        get: function () { return stack; },
        set: function (v) { stack = v; },
        enumerable: true,
        configurable: true,
      });
    }
  }
  var names = Object.keys(codes);
  var constNames = ["INDEX_SIZE_ERR", "DOMSTRING_SIZE_ERR", "HIERARCHY_REQUEST_ERR", "WRONG_DOCUMENT_ERR",
    "INVALID_CHARACTER_ERR", "NO_DATA_ALLOWED_ERR", "NO_MODIFICATION_ALLOWED_ERR", "NOT_FOUND_ERR",
    "NOT_SUPPORTED_ERR", "INUSE_ATTRIBUTE_ERR", "INVALID_STATE_ERR", "SYNTAX_ERR", "INVALID_MODIFICATION_ERR",
    "NAMESPACE_ERR", "INVALID_ACCESS_ERR", "VALIDATION_ERR", "TYPE_MISMATCH_ERR", "SECURITY_ERR", "NETWORK_ERR",
    "ABORT_ERR", "URL_MISMATCH_ERR", "QUOTA_EXCEEDED_ERR", "TIMEOUT_ERR", "INVALID_NODE_TYPE_ERR", "DATA_CLONE_ERR"];
  constNames.forEach(function (n, i) {
    Object.defineProperty(DOMException, n, { value: i + 1, enumerable: true });
    Object.defineProperty(DOMException.prototype, n, { value: i + 1, enumerable: true });
  });
  // workerd lists the prototype's constructor and tag after the constants.
  var ctorDesc = Object.getOwnPropertyDescriptor(DOMException.prototype, "constructor");
  delete DOMException.prototype.constructor;
  Object.defineProperty(DOMException.prototype, "constructor", ctorDesc);
  Object.defineProperty(DOMException.prototype, Symbol.toStringTag, { value: "DOMException", configurable: true });
  void names;
  return DOMException;
})()`

// installDOMException defines the DOMException global.
func (rl *Realm) installDOMException() {
	ctor := rl.mustRun("DOMException", domExceptionSource).(*goja.Object)
	rl.domException = ctor
	rl.global("DOMException", ctor)
}

// newDOMException creates a DOMException with the given name ("SyntaxError",
// "InvalidStateError", ...) and message.
func (rl *Realm) newDOMException(name, message string) *goja.Object {
	o, err := rl.vm.New(rl.domException, rl.vm.ToValue(message), rl.vm.ToValue(name))
	if err != nil {
		panic(err)
	}
	return o
}

// throwDOMException throws a new DOMException from a native method.
func (rl *Realm) throwDOMException(name, message string) {
	panic(rl.newDOMException(name, message))
}

// throwTypeError throws a TypeError from a native method.
func (rl *Realm) throwTypeError(message string) {
	panic(rl.vm.NewTypeError(message))
}

// throwRangeError throws a RangeError from a native method.
func (rl *Realm) throwRangeError(message string) {
	panic(rl.newError("RangeError", message))
}

// newError creates a built-in error of the named constructor (RangeError,
// SyntaxError, Error, ...).
func (rl *Realm) newError(ctorName, message string) *goja.Object {
	ctor, ok := rl.vm.Get(ctorName).(*goja.Object)
	if !ok {
		panic("bindings: no global " + ctorName)
	}
	o, err := rl.vm.New(ctor, rl.vm.ToValue(message))
	if err != nil {
		panic(err)
	}
	return o
}

// exception wraps a JS value as a Go error (a *goja.Exception), for Go code
// that returns errors rather than throwing.
func (rl *Realm) exception(v goja.Value) error {
	return rl.vm.Try(func() { panic(v) })
}
