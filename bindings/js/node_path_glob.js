// node:path's matchesGlob (https://nodejs.org/api/path.html#pathmatchesglobpath-pattern):
// whether path matches a glob pattern, segment by segment, as workerd
// answers: "*", "?", "[...]" classes, "{a,b}" and "{1..3}" braces, the
// extglobs "@(..)", "*(..)", "+(..)", "?(..)" and "!(..)", and "**" for any
// number of segments. A "\" in a pattern is a separator, never an escape;
// "#" and a leading "!" are plain characters; wildcards do not match a
// segment starting with "."; matching is case-sensitive, but for win32 a
// drive letter's case does not count and "\" parts a path too.
(function (check) {
  "use strict";
  const GLOBSTAR = {};

  // expandBraces returns the patterns p's first brace group stands for,
  // each expanded further.
  function expandBraces(p) {
    let depth = 0, open = -1;
    for (let i = 0; i < p.length; i++) {
      if (p[i] === "{") {
        if (depth++ === 0) open = i;
      } else if (p[i] === "}" && depth > 0 && --depth === 0) {
        const body = p.slice(open + 1, i), pre = p.slice(0, open), post = p.slice(i + 1);
        const alts = splitTop(body);
        let items;
        if (alts.length > 1) items = alts;
        else {
          const range = /^(-?\d+|[a-zA-Z])\.\.(-?\d+|[a-zA-Z])$/.exec(body);
          if (!range) return expandBraces(pre + "\u0000" + body + "\u0001" + post).map(restoreBraces);
          items = rangeItems(range[1], range[2]);
        }
        return items.flatMap((it) => expandBraces(pre + it + post));
      }
    }
    return [p];
  }
  const restoreBraces = (s) => s.replace(/\u0000/g, "{").replace(/\u0001/g, "}");

  // splitTop splits s at its commas outside nested braces.
  function splitTop(s) {
    const out = [];
    let depth = 0, last = 0;
    for (let i = 0; i < s.length; i++) {
      if (s[i] === "{") depth++;
      else if (s[i] === "}") depth--;
      else if (s[i] === "," && depth === 0) { out.push(s.slice(last, i)); last = i + 1; }
    }
    out.push(s.slice(last));
    return out;
  }

  function rangeItems(a, b) {
    const numeric = /\d/.test(a);
    const x = numeric ? Number(a) : a.charCodeAt(0), y = numeric ? Number(b) : b.charCodeAt(0);
    const out = [];
    for (let i = x; x <= y ? i <= y : i >= y; i += x <= y ? 1 : -1) out.push(numeric ? String(i) : String.fromCharCode(i));
    return out;
  }

  const reEscape = (c) => c.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");

  // segmentSource turns one segment of a pattern into a regular
  // expression's source, from i to the end or to an extglob's closing
  // ")" (inGroup); it returns the source and where it stopped.
  function segmentSource(s, i, inGroup) {
    let src = "";
    while (i < s.length) {
      const c = s[i];
      if (inGroup && (c === "|" || c === ")")) break;
      if ("@*+?!".includes(c) && s[i + 1] === "(") {
        const alts = [];
        let j = i + 2;
        for (;;) {
          const [alt, end] = segmentSource(s, j, true);
          alts.push(alt);
          if (end >= s.length) return [src + reEscape(s.slice(i)), s.length];
          j = end + 1;
          if (s[end] === ")") break;
        }
        const group = "(?:" + alts.join("|") + ")";
        if (c === "@") src += group;
        else if (c === "*") src += group + "*";
        else if (c === "+") src += group + "+";
        else if (c === "?") src += group + "?";
        else src += "(?:(?!" + group + rest(s, j) + "$).*?)";
        i = j;
        continue;
      }
      if (c === "*") { src += ".*"; i++; continue; }
      if (c === "?") { src += "."; i++; continue; }
      if (c === "[") {
        const close = s.indexOf("]", i + 2);
        if (close !== -1) {
          let body = s.slice(i + 1, close);
          let neg = false;
          if (body[0] === "!" || body[0] === "^") { neg = true; body = body.slice(1); }
          src += "[" + (neg ? "^" : "") + body.replace(/[\\\]^]/g, "\\$&") + "]";
          i = close + 1;
          continue;
        }
      }
      src += reEscape(c);
      i++;
    }
    return [src, i];
  }

  // rest is the source of what follows a negated extglob in its segment,
  // so "!(a)b" does not match "ab".
  function rest(s, j) {
    return segmentSource(s, j, false)[0];
  }

  // compileSegment is GLOBSTAR for "**", else a test of one path segment.
  function compileSegment(seg) {
    if (seg === "**") return GLOBSTAR;
    const re = new RegExp("^" + segmentSource(seg, 0, false)[0] + "$");
    const literalDot = seg[0] === ".";
    return (name) => (name !== "" || seg === "") && (literalDot || name[0] !== ".") && re.test(name);
  }

  function sameSegment(test, name, literal, win32, first) {
    if (win32 && first && /^[a-zA-Z]:$/.test(literal) && /^[a-zA-Z]:$/.test(name)) return literal.toLowerCase() === name.toLowerCase();
    return test(name);
  }

  // matchSegments matches the path's segments from fi against the
  // pattern's from pi.
  function matchSegments(file, fi, pat, raw, pi, win32) {
    for (; pi < pat.length; pi++, fi++) {
      if (pat[pi] === GLOBSTAR) {
        if (fi >= file.length) return false;
        for (let k = fi; k <= file.length; k++) {
          if (matchSegments(file, k, pat, raw, pi + 1, win32)) return true;
          if (k < file.length && (file[k][0] === "." || file[k] === "")) break;
        }
        return false;
      }
      if (fi >= file.length) return false;
      if (!sameSegment(pat[pi], file[fi], raw[pi], win32, pi === 0)) return false;
    }
    return fi === file.length || (fi === file.length - 1 && file[fi] === "");
  }

  return function matchesGlob(path, pattern, win32) {
    check(path, "path");
    check(pattern, "pattern");
    const file = (win32 ? path.replace(/\\/g, "/") : path).split("/");
    return expandBraces(pattern.replace(/\\/g, "/")).some((p) => {
      const raw = p.split("/");
      return matchSegments(file, 0, raw.map(compileSegment), raw, 0, win32);
    });
  };
})
