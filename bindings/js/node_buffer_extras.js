// The members of Node's Buffer that node_buffer.js leaves out
// (https://nodejs.org/api/buffer.html), as workerd has them: fill,
// lastIndexOf, the byte swaps, the per-encoding *Slice and *Write
// methods, Buffer.of, offset and parent, and inspect (also under
// util.inspect.custom). It changes node:buffer's Buffer in place.
(function (h, Buffer) {
  "use strict";
  const { coded, argType } = h.errors;
  const proto = Buffer.prototype;
  const def = (o, name, fn) => Object.defineProperty(o, name, { value: fn, writable: true, configurable: true });
  const outOfRange = (name, range, v) => coded(RangeError, "ERR_OUT_OF_RANGE", `The value of "${name}" is out of range. It must be ${range}. Received ${v}`);
  const encodings = ["ascii", "base64", "base64url", "hex", "latin1", "ucs2", "utf8"];
  const canonical = { ucs2: "utf16le" };

  // bytesOf encodes value for fill; an invalid hex string is workerd's
  // TypeError.
  function bytesOf(value, enc) {
    if (enc === "hex" && (value.length % 2 !== 0 || /[^0-9a-fA-F]/.test(value))) throw new TypeError("The text is not valid hex");
    return Buffer.from(value, enc);
  }
  def(proto, "fill", function fill(value, offset, end, encoding) {
    if (typeof offset === "string") {
      encoding = offset;
      offset = 0;
      end = this.length;
    } else if (typeof end === "string") {
      encoding = end;
      end = this.length;
    }
    if (offset === undefined) offset = 0;
    if (end === undefined) end = this.length;
    if (encoding !== undefined) encoding = h.normEnc(encoding);
    if (offset < 0) throw outOfRange("start", "0 to end", offset);
    if (end < 0 || end > this.length) throw outOfRange("end", `0 to ${this.length}`, end);
    if (offset >= end) return this;
    let bytes;
    if (typeof value === "string") bytes = value.length === 0 ? Buffer.from([0]) : bytesOf(value, encoding || "utf8");
    else if (ArrayBuffer.isView(value)) bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    else bytes = [Number(value) & 255];
    if (bytes.length === 0) bytes = [0];
    for (let i = offset, j = 0; i < end; i++, j = (j + 1) % bytes.length) this[i] = bytes[j];
    return this;
  });
  def(proto, "lastIndexOf", function lastIndexOf(value, byteOffset, encoding) {
    if (typeof byteOffset === "string") {
      encoding = byteOffset;
      byteOffset = undefined;
    }
    const n = typeof value === "string" ? Buffer.from(value, encoding) : typeof value === "number" ? [value & 255] : value;
    let from = byteOffset === undefined ? this.length - n.length : byteOffset < 0 ? this.length + byteOffset : byteOffset;
    from = Math.min(from, this.length - n.length);
    outer: for (let i = from; i >= 0; i--) {
      for (let j = 0; j < n.length; j++) if (this[i + j] !== n[j]) continue outer;
      return i;
    }
    return -1;
  });
  for (const bits of [16, 32, 64]) {
    const size = bits / 8;
    def(proto, "swap" + bits, function () {
      if (this.length % size !== 0) throw coded(RangeError, "ERR_INVALID_BUFFER_SIZE", `Buffer size must be a multiple of ${bits}-bits`);
      for (let i = 0; i < this.length; i += size) {
        for (let a = i, b = i + size - 1; a < b; a++, b--) {
          const t = this[a];
          this[a] = this[b];
          this[b] = t;
        }
      }
      return this;
    });
  }
  function checkIndex(name, v, max) {
    if (typeof v !== "number") throw argType(name, "number", v);
    if (v < 0 || v > max) throw outOfRange(name, `>= 0 && <= ${max}`, v);
  }
  for (const enc of encodings) {
    const real = canonical[enc] || enc;
    def(proto, enc + "Slice", function (start, end) {
      checkIndex("start", start, this.length);
      if (end === undefined) end = this.length;
      checkIndex("end", end, this.length);
      return end <= start ? "" : this.toString(real, start, end);
    });
    def(proto, enc + "Write", function (string, offset = 0, length = this.length) {
      string = String(string);
      checkIndex("offset", offset, this.length);
      checkIndex("length", length, this.length - offset);
      let bytes;
      if (real === "hex") {
        const m = /^(?:[0-9a-fA-F]{2})*/.exec(string)[0];
        bytes = Buffer.from(m, "hex");
      } else {
        bytes = Buffer.from(string, real);
      }
      const n = Math.min(bytes.length, length);
      for (let i = 0; i < n; i++) this[offset + i] = bytes[i];
      return n;
    });
  }
  def(Buffer, "of", function of(...items) {
    const b = Buffer.alloc(items.length);
    for (let i = 0; i < items.length; i++) b[i] = items[i];
    return b;
  });
  Object.defineProperty(Buffer.of, "length", { value: 0 });
  Object.defineProperty(proto, "offset", { configurable: true, enumerable: true, get() { return this.byteOffset; } });
  Object.defineProperty(proto, "parent", { configurable: true, enumerable: true, get() { return this.buffer; } });
  const maxBytes = () => h.require("buffer").INSPECT_MAX_BYTES;
  def(proto, "inspect", function inspect() {
    const max = maxBytes();
    const shown = Array.from(this.subarray(0, Math.min(max, this.length)), (b) => b.toString(16).padStart(2, "0")).join(" ");
    const rest = this.length > max ? ` ... ${this.length - max} more byte${this.length - max > 1 ? "s" : ""}` : "";
    return `<${this.constructor.name} ${shown}${rest}>`;
  });
  def(proto, Symbol.for("nodejs.util.inspect.custom"), proto.inspect);
})
