// URLPattern's pattern strings (https://urlpattern.spec.whatwg.org/): the
// tokenizer, the pattern parser, and compiling a component to a RegExp and
// back to its pattern string. urlpattern.js calls this factory with the Go
// helpers and its fail function; go.isNameCodePoint(cp, first) tells group
// name code points.
(function (go, fail) {
  "use strict";

  // Tokenizer (https://urlpattern.spec.whatwg.org/#tokenizing).
  function isASCII(cp) {
    return cp.codePointAt(0) <= 0x7f;
  }

  function tokenize(input, lenient) {
    const cps = Array.from(input);
    const tokens = [];
    let index = 0;
    const add = (type, next, valuePos, len) => {
      tokens.push({ type, index, value: cps.slice(valuePos, valuePos + len).join("") });
      index = next;
    };
    const addDefault = (type, next, valuePos) => add(type, next, valuePos, next - valuePos);
    const error = (next, valuePos) => {
      if (!lenient) fail();
      addDefault("invalid-char", next, valuePos);
    };
    while (index < cps.length) {
      const c = cps[index];
      let next = index + 1;
      if (c === "*") {
        addDefault("asterisk", next, index);
        continue;
      }
      if (c === "+" || c === "?") {
        addDefault("other-modifier", next, index);
        continue;
      }
      if (c === "\\") {
        if (index === cps.length - 1) {
          error(next, index);
          continue;
        }
        const escaped = next;
        next++;
        addDefault("escaped-char", next, escaped);
        continue;
      }
      if (c === "{") {
        addDefault("open", next, index);
        continue;
      }
      if (c === "}") {
        addDefault("close", next, index);
        continue;
      }
      if (c === ":") {
        let pos = next;
        const start = pos;
        while (pos < cps.length && go.isNameCodePoint(cps[pos], pos === start)) pos++;
        if (pos <= start) {
          error(start, index);
          continue;
        }
        addDefault("name", pos, start);
        continue;
      }
      if (c === "(") {
        let depth = 1;
        let pos = next;
        const start = pos;
        let bad = false;
        while (pos < cps.length) {
          const r = cps[pos];
          let after = pos + 1;
          if (!isASCII(r) || (pos === start && r === "?")) {
            error(start, index);
            bad = true;
            break;
          }
          if (r === "\\") {
            if (pos === cps.length - 1 || !isASCII(cps[after])) {
              error(start, index);
              bad = true;
              break;
            }
            pos = after + 1;
            continue;
          }
          if (r === ")") {
            depth--;
            if (depth === 0) {
              pos = after;
              break;
            }
          } else if (r === "(") {
            depth++;
            if (pos === cps.length - 1 || cps[after] !== "?") {
              error(start, index);
              bad = true;
              break;
            }
          }
          pos = after;
        }
        if (bad) continue;
        if (depth !== 0) {
          error(start, index);
          continue;
        }
        const len = pos - start - 1;
        if (len === 0) {
          error(start, index);
          continue;
        }
        add("regexp", pos, start, len);
        continue;
      }
      addDefault("char", next, index);
    }
    tokens.push({ type: "end", index, value: "" });
    return tokens;
  }

  // Parsing pattern strings (https://urlpattern.spec.whatwg.org/#parsing-pattern-strings).
  const fullWildcard = ".*";

  function escapeRegexp(s) {
    return s.replace(/[.+*?^${}()[\]|/\\]/g, "\\$&");
  }

  function escapePattern(s) {
    return s.replace(/[+*?:{}()\\]/g, "\\$&");
  }

  function segmentWildcard(options) {
    return "[^" + escapeRegexp(options.delimiter) + "]+?";
  }

  function parsePattern(input, options, encode) {
    const tokens = tokenize(input, false);
    const sw = segmentWildcard(options);
    const parts = [];
    let pending = "";
    let i = 0;
    let nextNumericName = 0;
    const tryConsume = (type) => {
      const t = tokens[i];
      if (t.type !== type) return null;
      i++;
      return t;
    };
    const tryModifier = () => tryConsume("other-modifier") || tryConsume("asterisk");
    const tryRegexpOrWildcard = (name) => {
      const t = tryConsume("regexp");
      if (name === null && t === null) return tryConsume("asterisk");
      return t;
    };
    const consumeText = () => {
      let s = "";
      for (;;) {
        const t = tryConsume("char") || tryConsume("escaped-char");
        if (t === null) return s;
        s += t.value;
      }
    };
    const flushPending = () => {
      if (pending === "") return;
      const value = encode(pending);
      pending = "";
      parts.push({ type: "fixed-text", value, modifier: "", name: "", prefix: "", suffix: "" });
    };
    const addPart = (prefix, nameToken, regexpToken, suffix, modifierToken) => {
      const modifier = modifierToken === null ? "" : modifierToken.value;
      if (nameToken === null && regexpToken === null && modifier === "") {
        pending += prefix;
        return;
      }
      flushPending();
      if (nameToken === null && regexpToken === null) {
        if (prefix === "") return;
        parts.push({ type: "fixed-text", value: encode(prefix), modifier, name: "", prefix: "", suffix: "" });
        return;
      }
      let value;
      if (regexpToken === null) value = sw;
      else if (regexpToken.type === "asterisk") value = fullWildcard;
      else value = regexpToken.value;
      let type = "regexp";
      if (value === sw) {
        type = "segment-wildcard";
        value = "";
      } else if (value === fullWildcard) {
        type = "full-wildcard";
        value = "";
      }
      let name = "";
      if (nameToken !== null) name = nameToken.value;
      else name = String(nextNumericName++);
      if (parts.some((p) => p.name === name)) fail();
      parts.push({ type, value, modifier, name, prefix: encode(prefix), suffix: encode(suffix) });
    };
    while (i < tokens.length) {
      const charToken = tryConsume("char");
      let nameToken = tryConsume("name");
      let regexpToken = tryRegexpOrWildcard(nameToken);
      if (nameToken !== null || regexpToken !== null) {
        let prefix = charToken === null ? "" : charToken.value;
        if (prefix !== "" && prefix !== options.prefix) {
          pending += prefix;
          prefix = "";
        }
        flushPending();
        addPart(prefix, nameToken, regexpToken, "", tryModifier());
        continue;
      }
      const fixed = charToken || tryConsume("escaped-char");
      if (fixed !== null) {
        pending += fixed.value;
        continue;
      }
      if (tryConsume("open") !== null) {
        const prefix = consumeText();
        nameToken = tryConsume("name");
        regexpToken = tryRegexpOrWildcard(nameToken);
        const suffix = consumeText();
        if (tryConsume("close") === null) fail();
        addPart(prefix, nameToken, regexpToken, suffix, tryModifier());
        continue;
      }
      flushPending();
      if (tryConsume("end") === null) fail();
    }
    return parts;
  }

  function regexpAndNames(parts, options) {
    let result = "^";
    const names = [];
    for (const part of parts) {
      if (part.type === "fixed-text") {
        if (part.modifier === "") result += escapeRegexp(part.value);
        else result += "(?:" + escapeRegexp(part.value) + ")" + part.modifier;
        continue;
      }
      names.push(part.name);
      let value = part.value;
      if (part.type === "segment-wildcard") value = segmentWildcard(options);
      else if (part.type === "full-wildcard") value = fullWildcard;
      if (part.prefix === "" && part.suffix === "") {
        if (part.modifier === "" || part.modifier === "?") result += "(" + value + ")" + part.modifier;
        else result += "((?:" + value + ")" + part.modifier + ")";
        continue;
      }
      const prefix = escapeRegexp(part.prefix);
      const suffix = escapeRegexp(part.suffix);
      if (part.modifier === "" || part.modifier === "?") {
        result += "(?:" + prefix + "(" + value + ")" + suffix + ")" + part.modifier;
        continue;
      }
      result += "(?:" + prefix + "((?:" + value + ")(?:" + suffix + prefix + "(?:" + value + "))*)" + suffix + ")";
      if (part.modifier === "*") result += "?";
    }
    return { source: result + "$", names };
  }

  const isDigit = (s) => s !== "" && s[0] >= "0" && s[0] <= "9";

  function patternString(parts, options) {
    let result = "";
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      const prev = i > 0 ? parts[i - 1] : null;
      const next = i + 1 < parts.length ? parts[i + 1] : null;
      if (part.type === "fixed-text") {
        if (part.modifier === "") result += escapePattern(part.value);
        else result += "{" + escapePattern(part.value) + "}" + part.modifier;
        continue;
      }
      const customName = !isDigit(part.name);
      let grouping = part.suffix !== "" || (part.prefix !== "" && part.prefix !== options.prefix);
      if (!grouping && customName && part.type === "segment-wildcard" && part.modifier === "" && next !== null && next.prefix === "" && next.suffix === "") {
        if (next.type === "fixed-text") {
          grouping = next.value !== "" && go.isNameCodePoint(Array.from(next.value)[0], false);
        } else {
          grouping = isDigit(next.name);
        }
      }
      if (!grouping && part.prefix === "" && prev !== null && prev.type === "fixed-text" && prev.value !== "" && prev.value.endsWith(options.prefix) && options.prefix !== "") {
        grouping = true;
      }
      if (grouping) result += "{";
      result += escapePattern(part.prefix);
      if (customName) result += ":" + part.name;
      if (part.type === "regexp") {
        result += "(" + part.value + ")";
      } else if (part.type === "segment-wildcard" && !customName) {
        result += "(" + segmentWildcard(options) + ")";
      } else if (part.type === "full-wildcard") {
        if (!customName && (prev === null || prev.type === "fixed-text" || prev.modifier !== "" || grouping || part.prefix !== "")) {
          result += "*";
        } else {
          result += "(" + fullWildcard + ")";
        }
      }
      if (part.type === "segment-wildcard" && customName && part.suffix !== "" && go.isNameCodePoint(Array.from(part.suffix)[0], false)) {
        result += "\\";
      }
      result += escapePattern(part.suffix);
      if (grouping) result += "}";
      result += part.modifier;
    }
    return result;
  }

  // Components (https://urlpattern.spec.whatwg.org/#compile-a-component).
  const defaultOptions = { delimiter: "", prefix: "", ignoreCase: false };
  const hostnameOptions = { delimiter: ".", prefix: "", ignoreCase: false };

  // checkRegexp refuses what a "v"-flag RegExp would and goja's "u" mode
  // lets through: an escaped letter that is no escape.
  function checkRegexp(source) {
    for (let i = 0; i < source.length; i++) {
      if (source[i] !== "\\") continue;
      const c = source[++i];
      if (/[a-zA-Z]/.test(c) && !"dDwWsSbBnrtfvcxupPk".includes(c)) fail();
    }
  }

  // vToU rewrites the "v" flag's class set operations, which goja's RegExp
  // lacks, into "u" syntax: nested classes become alternatives, A&&B a
  // lookahead for A before B, A--B a negative one for B before A, and a
  // negated class a negative lookahead before any code point. Other
  // sources are returned unchanged. With validate, every class is read,
  // failing on what "v" refuses: unescaped ( ) { } / |, doubled
  // punctuators, a stray "-", &&&, mixed operators, or an operand that is
  // not one character, escape or class.
  function vToU(source, validate) {
    if (!validate && !/\[[^\]]*(\[|--|&&)/.test(source)) return source;
    let out = "";
    for (let i = 0; i < source.length; ) {
      if (source[i] === "\\") {
        out += source.slice(i, i + 2);
        i += 2;
      } else if (source[i] === "[") {
        const [t, end] = classToU(source, i);
        out += t;
        i = end;
      } else {
        out += source[i++];
      }
    }
    return out;
  }

  function classToU(src, i) {
    i++;
    const negated = src[i] === "^";
    if (negated) i++;
    let op = "";
    const operands = [];
    let simple = "";
    let nested = [];
    let atoms = 0;
    // An operand of -- or && is one character, escape or nested class.
    const endOperand = () => {
      if (op !== "" && atoms !== 1) fail();
      operands.push(unionToU(simple, nested));
      simple = "";
      nested = [];
      atoms = 0;
    };
    while (i < src.length && src[i] !== "]") {
      const c = src[i];
      if (src.startsWith("--", i) || src.startsWith("&&", i)) {
        if ((op !== "" && op !== src.substr(i, 2)) || src[i + 2] === "&") fail();
        if (op === "" && atoms !== 1) fail();
        op = src.substr(i, 2);
        endOperand();
        i += 2;
      } else if (c === "[") {
        const [t, end] = classToU(src, i);
        nested.push(t);
        atoms++;
        i = end;
      } else if (c === "\\") {
        simple += src.slice(i, i + 2);
        atoms++;
        i += 2;
      } else if ("(){}/|".includes(c) || (c === src[i + 1] && "!#$%*+,.:;<=>?@^`~".includes(c))) {
        fail();
      } else if (c === "-") {
        if (simple === "" || src[i + 1] === "]" || src[i + 1] === undefined) fail();
        simple += c;
        i++;
      } else {
        simple += c;
        atoms++;
        i++;
      }
    }
    if (op !== "") endOperand();
    else operands.push(unionToU(simple, nested));
    let body = operands[0];
    if (op === "&&") {
      body = "(?:" + operands.slice(0, -1).map((o) => "(?=" + o + ")").join("") + operands[operands.length - 1] + ")";
    } else if (op === "--") {
      body = "(?:" + operands.slice(1).map((o) => "(?!" + o + ")").join("") + operands[0] + ")";
    }
    if (negated) body = "(?:(?!" + body + ")[\\s\\S])";
    return [body, i + 1];
  }

  function unionToU(simple, nested) {
    const alts = simple === "" ? nested : ["[" + simple + "]", ...nested];
    if (alts.length === 0) return "[^\\s\\S]";
    return alts.length === 1 ? alts[0] : "(?:" + alts.join("|") + ")";
  }

  function compile(input, encode, options) {
    const parts = parsePattern(input, options, encode);
    for (const p of parts) {
      if (p.type !== "regexp") continue;
      checkRegexp(p.value);
      vToU(p.value, true);
    }
    const { source, names } = regexpAndNames(parts, options);
    let regexp;
    try {
      regexp = new RegExp(vToU(source), options.ignoreCase ? "ui" : "u");
    } catch (e) {
      fail();
    }
    const groupParts = parts.filter((p) => p.type !== "fixed-text");
    return {
      pattern: patternString(parts, options),
      regexp,
      names,
      bareOptional: groupParts.map((p) => p.modifier === "?" && p.prefix === "" && p.suffix === ""),
      hasRegExpGroups: parts.some((p) => p.type === "regexp"),
    };
  }


  return { tokenize, compile, escapePattern, defaultOptions, hostnameOptions };
});
