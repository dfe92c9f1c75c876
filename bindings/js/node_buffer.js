// node:buffer: goja_nodejs's Buffer (h.Buffer) with the statics and
// methods it lacks that workers use, written here
// (https://nodejs.org/api/buffer.html).
(function (h) {
  "use strict";
  const Buffer = h.Buffer;
  Object.defineProperty(Buffer, "name", { value: "Buffer", configurable: true });
  // normEnc gives an encoding's canonical name, or throws Node's error.
  const normEnc = h.normEnc;
  const goFrom = Buffer.from;
  const goToString = Buffer.prototype.toString;
  // fromString encodes s; goja_nodejs does utf8, hex and base64.
  function fromString(s, enc) {
    switch (enc) {
      case "utf8": case "hex": case "base64":
        return goFrom.call(Buffer, s, enc);
      case "base64url":
        return goFrom.call(Buffer, s.replace(/-/g, "+").replace(/_/g, "/"), "base64");
      case "utf16le": {
        const b = Buffer.alloc(s.length * 2);
        for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); b[2 * i] = c & 255; b[2 * i + 1] = c >> 8; }
        return b;
      }
      default: { // latin1, ascii
        const b = Buffer.alloc(s.length);
        for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 255;
        return b;
      }
    }
  }
  Object.defineProperty(Buffer, "from", { writable: true, configurable: true, value: function from(value, encOrOffset, length) {
    if (typeof value === "string") return fromString(value, normEnc(encOrOffset));
    // goja exports an empty view at the end of its buffer through a
    // pointer past the allocation (checkptr faults under -race): an empty
    // view is an empty Buffer.
    if (ArrayBuffer.isView(value) && value.byteLength === 0) return Buffer.alloc(0);
    return goFrom.call(Buffer, value, encOrOffset, length);
  } });
  Object.defineProperty(Buffer.prototype, "toString", { writable: true, configurable: true, value: function toString(enc, start, end) {
    const e = normEnc(enc);
    const view = start === undefined && end === undefined ? this : this.subarray(Math.max(0, start | 0), end === undefined ? this.length : end | 0);
    if (view.length === 0) return ""; // see from(): goja cannot export it
    switch (e) {
      case "utf8": case "hex": case "base64":
        return goToString.call(view, e);
      case "base64url":
        return goToString.call(view, "base64").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
      case "utf16le": {
        let out = "";
        for (let i = 0; i + 1 < view.length; i += 2) out += String.fromCharCode(view[i] | (view[i + 1] << 8));
        return out;
      }
      default: {
        let out = "";
        for (let i = 0; i < view.length; i++) out += String.fromCharCode(e === "ascii" ? view[i] & 127 : view[i]);
        return out;
      }
    }
  } });
  const def = (o, name, fn) => Object.defineProperty(o, name, { value: fn, writable: true, configurable: true });
  def(Buffer, "isBuffer", function isBuffer(v) { return v instanceof Buffer; });
  def(Buffer, "isEncoding", function isEncoding(e) { try { return typeof e === "string" && e !== "" && normEnc(e) !== ""; } catch { return false; } });
  def(Buffer, "byteLength", function byteLength(v, enc) {
    if (typeof v === "string") return Buffer.from(v, enc).length;
    if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return v.byteLength;
    const err = new TypeError(`The "string" argument must be of type string or an instance of Buffer or ArrayBuffer. Received ${v === null ? "null" : typeof v}`);
    err.code = "ERR_INVALID_ARG_TYPE";
    throw err;
  });
  def(Buffer, "allocUnsafe", function allocUnsafe(n) { return Buffer.alloc(n); });
  def(Buffer, "allocUnsafeSlow", function allocUnsafeSlow(n) { return Buffer.alloc(n); });
  function compare(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
  }
  def(Buffer, "compare", compare);
  const proto = Buffer.prototype;
  def(proto, "compare", function (target) { return compare(this, target); });
  def(proto, "slice", function slice(start, end) { return this.subarray(start, end); });
  def(proto, "toJSON", function toJSON() { return { type: "Buffer", data: Array.from(this) }; });
  def(proto, "copy", function copy(target, targetStart = 0, sourceStart = 0, sourceEnd = this.length) {
    const src = this.subarray(sourceStart, Math.min(sourceEnd, sourceStart + target.length - targetStart));
    target.set(src, targetStart);
    return src.length;
  });
  function needle(v, enc) { return typeof v === "string" ? Buffer.from(v, enc) : typeof v === "number" ? Buffer.from([v & 255]) : v; }
  def(proto, "indexOf", function indexOf(value, byteOffset = 0, enc) {
    const n = needle(value, enc);
    if (byteOffset < 0) byteOffset = Math.max(0, this.length + byteOffset);
    outer: for (let i = byteOffset; i <= this.length - n.length; i++) {
      for (let j = 0; j < n.length; j++) if (this[i + j] !== n[j]) continue outer;
      return i;
    }
    return -1;
  });
  def(proto, "includes", function includes(value, byteOffset, enc) { return this.indexOf(value, byteOffset, enc) !== -1; });
  def(proto, "toLocaleString", proto.toString);
  const constants = { MAX_LENGTH: 2 ** 32, MAX_STRING_LENGTH: 2 ** 29 - 24 };
  const m = {
    Buffer,
    Blob,
    File: typeof File === "function" ? File : undefined,
    atob,
    btoa,
    constants,
    kMaxLength: constants.MAX_LENGTH,
    kStringMaxLength: constants.MAX_STRING_LENGTH,
    INSPECT_MAX_BYTES: 50,
    isUtf8(v) { try { new TextDecoder("utf-8", { fatal: true }).decode(v); return true; } catch { return false; } },
    isAscii(v) { for (const b of new Uint8Array(v.buffer || v, v.byteOffset || 0, v.byteLength)) if (b > 127) return false; return true; },
  };
  m.default = Object.assign({}, m);
  return m;
})
