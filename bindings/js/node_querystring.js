// node:querystring (https://nodejs.org/api/querystring.html): Node's
// legacy query-string parser and serializer, "+" as a space, repeated keys
// as arrays, and a byte-wise fallback for malformed percent escapes.
(function (h) {
  "use strict";
  const Buffer = h.require("buffer").Buffer;
  const isHex = (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
  const hexVal = (c) => (c <= 57 ? c - 48 : (c | 32) - 87);
  function unescapeBuffer(s, decodeSpaces) {
    s = String(s);
    const out = Buffer.alloc(s.length);
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 37 && i + 2 < s.length && isHex(s.charCodeAt(i + 1)) && isHex(s.charCodeAt(i + 2))) {
        out[n++] = hexVal(s.charCodeAt(i + 1)) * 16 + hexVal(s.charCodeAt(i + 2));
        i += 2;
      } else if (c === 43 && decodeSpaces) {
        out[n++] = 32;
      } else {
        out[n++] = c;
      }
    }
    return out.subarray(0, n);
  }
  function unescape(s, decodeSpaces) {
    try {
      return decodeURIComponent(s);
    } catch {
      return qs.unescapeBuffer(s, decodeSpaces).toString();
    }
  }
  function escape(str) {
    if (typeof str !== "string") str = typeof str === "object" ? String(str) : str + "";
    try {
      return encodeURIComponent(str);
    } catch {
      throw h.errors.coded(URIError, "ERR_INVALID_URI", "URI malformed");
    }
  }
  function primitive(v) {
    switch (typeof v) {
      case "string": return v;
      case "number": return Number.isFinite(v) ? "" + v : "";
      case "bigint": return "" + v;
      case "boolean": return v ? "true" : "false";
      default: return "";
    }
  }
  function stringify(obj, sep, eq, options) {
    sep ||= "&";
    eq ||= "=";
    const encode = options && typeof options.encodeURIComponent === "function" ? options.encodeURIComponent : qs.escape;
    const convert = (v) => {
      const s = primitive(v);
      return typeof v === "string" && s.length === 0 ? "" : encode(s);
    };
    if (obj === null || typeof obj !== "object") return "";
    let fields = "";
    for (const k of Object.keys(obj)) {
      const v = obj[k];
      const ks = convert(k) + eq;
      if (Array.isArray(v)) {
        if (v.length === 0) continue;
        if (fields) fields += sep;
        fields += v.map((x) => ks + convert(x)).join(sep);
      } else {
        if (fields) fields += sep;
        fields += ks + convert(v);
      }
    }
    return fields;
  }
  function parse(str, sep, eq, options) {
    const obj = Object.create(null);
    if (typeof str !== "string" || str.length === 0) return obj;
    sep = sep ? String(sep) : "&";
    eq = eq ? String(eq) : "=";
    let pairs = 1000;
    if (options && typeof options.maxKeys === "number") pairs = options.maxKeys > 0 ? options.maxKeys : Infinity;
    const custom = options && typeof options.decodeURIComponent === "function" && options.decodeURIComponent !== qs.unescape;
    const decoder = custom ? options.decodeURIComponent : qs.unescape;
    const decode = (s) => {
      s = s.replace(/\+/g, custom ? "%20" : " ");
      if (!custom && !s.includes("%")) return s;
      try {
        return decoder(s);
      } catch {
        return qs.unescape(s, true);
      }
    };
    const parts = str.split(sep);
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (part.length === 0) {
        if (i === parts.length - 1 || --pairs === 0) break;
        continue;
      }
      const at = part.indexOf(eq);
      const key = decode(at < 0 ? part : part.slice(0, at));
      const value = at < 0 ? "" : decode(part.slice(at + eq.length));
      const cur = obj[key];
      if (cur === undefined) obj[key] = value;
      else if (Array.isArray(cur)) cur.push(value);
      else obj[key] = [cur, value];
      if (--pairs === 0) break;
    }
    return obj;
  }
  const qs = { decode: parse, encode: stringify, escape, parse, stringify, unescape, unescapeBuffer };
  return qs;
})
