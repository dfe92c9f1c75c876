// node:string_decoder (https://nodejs.org/api/string_decoder.html):
// decodes a byte stream chunk by chunk, holding back the bytes of a
// character (or a base64 group) split between chunks.
(function (Buffer, normEnc) {
  "use strict";
  // utf8Cut is where the last complete UTF-8 character of b ends.
  function utf8Cut(b) {
    for (let back = 1; back <= Math.min(3, b.length); back++) {
      const c = b[b.length - back];
      if ((c & 0xc0) === 0x80) continue; // a continuation byte
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
      return need > back ? b.length - back : b.length;
    }
    return b.length;
  }
  // cutFor is where the decodable part of b ends for enc.
  function cutFor(enc, b) {
    switch (enc) {
      case "utf8": return utf8Cut(b);
      case "utf16le": {
        let n = b.length - (b.length % 2);
        if (n >= 2) { const unit = b[n - 2] | (b[n - 1] << 8); if (unit >= 0xd800 && unit <= 0xdbff) n -= 2; }
        return n;
      }
      case "base64": case "base64url": return b.length - (b.length % 3);
      default: return b.length;
    }
  }
  class StringDecoder {
    #pending = Buffer.alloc(0);
    constructor(encoding) {
      this.encoding = normEnc(encoding);
    }
    write(buf) {
      if (typeof buf === "string") return buf;
      const data = this.#pending.length ? Buffer.concat([this.#pending, buf]) : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
      const cut = cutFor(this.encoding, data);
      this.#pending = Buffer.from(data.subarray(cut));
      return data.subarray(0, cut).toString(this.encoding);
    }
    end(buf) {
      let out = buf === undefined ? "" : this.write(buf);
      const rest = this.#pending;
      this.#pending = Buffer.alloc(0);
      if (rest.length === 0) return out;
      switch (this.encoding) {
        case "utf8": return out + "\ufffd";
        case "utf16le": return out + rest.subarray(0, rest.length - (rest.length % 2)).toString("utf16le");
        default: return out + rest.toString(this.encoding);
      }
    }
  }
  return { StringDecoder, default: { StringDecoder } };
})
