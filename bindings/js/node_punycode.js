// node:punycode (https://nodejs.org/api/punycode.html): Punycode (RFC
// 3492) and its IDNA helpers, written from the RFC, with the errors and
// version Node's bundled punycode.js gives.
(function () {
  "use strict";
  const base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700, initialBias = 72, initialN = 128;
  const maxInt = 2147483647;
  const messages = {
    overflow: "Overflow: input needs wider integers to process",
    "not-basic": "Illegal input >= 0x80 (not a basic code point)",
    "invalid-input": "Invalid input",
  };
  const fail = (type) => { throw new RangeError(messages[type]); };
  // adapt is the bias adaptation function of RFC 3492 section 6.1.
  function adapt(delta, numPoints, firstTime) {
    let k = 0;
    delta = firstTime ? Math.floor(delta / damp) : delta >> 1;
    delta += Math.floor(delta / numPoints);
    for (; delta > ((base - tMin) * tMax) >> 1; k += base) delta = Math.floor(delta / (base - tMin));
    return Math.floor(k + ((base - tMin + 1) * delta) / (delta + skew));
  }
  const digitToBasic = (d) => d + 22 + 75 * (d < 26);
  function basicToDigit(c) {
    if (c >= 0x30 && c < 0x3a) return 26 + (c - 0x30);
    if (c >= 0x41 && c < 0x5b) return c - 0x41;
    if (c >= 0x61 && c < 0x7b) return c - 0x61;
    return base;
  }
  function ucs2decode(str) {
    const out = [];
    for (let i = 0; i < str.length; i++) {
      const c = str.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
        const d = str.charCodeAt(i + 1);
        if ((d & 0xfc00) === 0xdc00) {
          out.push(((c & 0x3ff) << 10) + (d & 0x3ff) + 0x10000);
          i++;
          continue;
        }
      }
      out.push(c);
    }
    return out;
  }
  const ucs2encode = (points) => String.fromCodePoint(...points);
  // decode is RFC 3492 section 6.2.
  function decode(input) {
    const out = [];
    let i = 0, n = initialN, bias = initialBias;
    let basic = input.lastIndexOf("-");
    if (basic < 0) basic = 0;
    for (let j = 0; j < basic; j++) {
      if (input.charCodeAt(j) >= 0x80) fail("not-basic");
      out.push(input.charCodeAt(j));
    }
    for (let at = basic > 0 ? basic + 1 : 0; at < input.length;) {
      const oldi = i;
      for (let w = 1, k = base; ; k += base) {
        if (at >= input.length) fail("invalid-input");
        const digit = basicToDigit(input.charCodeAt(at++));
        if (digit >= base) fail("invalid-input");
        if (digit > Math.floor((maxInt - i) / w)) fail("overflow");
        i += digit * w;
        const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
        if (digit < t) break;
        if (w > Math.floor(maxInt / (base - t))) fail("overflow");
        w *= base - t;
      }
      const len = out.length + 1;
      bias = adapt(i - oldi, len, oldi === 0);
      if (Math.floor(i / len) > maxInt - n) fail("overflow");
      n += Math.floor(i / len);
      i %= len;
      out.splice(i++, 0, n);
    }
    return String.fromCodePoint(...out);
  }
  // encode is RFC 3492 section 6.3.
  function encode(input) {
    const points = ucs2decode(input);
    let n = initialN, delta = 0, bias = initialBias;
    let out = "";
    for (const c of points) if (c < 0x80) out += String.fromCharCode(c);
    const basicLength = out.length;
    let handled = basicLength;
    if (basicLength) out += "-";
    while (handled < points.length) {
      let m = maxInt;
      for (const c of points) if (c >= n && c < m) m = c;
      if (m - n > Math.floor((maxInt - delta) / (handled + 1))) fail("overflow");
      delta += (m - n) * (handled + 1);
      n = m;
      for (const c of points) {
        if (c < n && ++delta > maxInt) fail("overflow");
        if (c !== n) continue;
        let q = delta;
        for (let k = base; ; k += base) {
          const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
          if (q < t) break;
          out += String.fromCharCode(digitToBasic(t + ((q - t) % (base - t))));
          q = Math.floor((q - t) / (base - t));
        }
        out += String.fromCharCode(digitToBasic(q));
        bias = adapt(delta, handled + 1, handled === basicLength);
        delta = 0;
        handled++;
      }
      delta++;
      n++;
    }
    return out;
  }
  // mapDomain applies fn to each label of a domain, keeping an email's
  // local part and treating the IDNA dots as separators.
  function mapDomain(domain, fn) {
    const parts = domain.split("@");
    let result = "";
    if (parts.length > 1) {
      result = parts[0] + "@";
      domain = parts[1];
    }
    const labels = domain.replace(/[\x2E\u3002\uFF0E\uFF61]/g, ".").split(".");
    return result + labels.map(fn).join(".");
  }
  const toASCII = (input) => mapDomain(input, (s) => (/[^\0-\x7F]/.test(s) ? "xn--" + encode(s) : s));
  const toUnicode = (input) => mapDomain(input, (s) => (/^xn--/.test(s) ? decode(s.slice(4).toLowerCase()) : s));
  return {
    version: "2.1.0",
    ucs2: { decode: ucs2decode, encode: ucs2encode },
    decode,
    encode,
    toASCII,
    toUnicode,
  };
})
