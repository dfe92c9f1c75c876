// The legacy built-ins of ECMAScript's Annex B that V8 has and goja lacks:
// String.prototype's HTML methods, Date.prototype.getYear/setYear/
// toGMTString and Object.prototype.__defineGetter__ and its kin. Each is
// defined only where missing, with V8's attributes, lengths and messages.
(function () {
  "use strict";
  function define(target, methods) {
    for (const name of Object.keys(methods)) {
      if (Object.prototype.hasOwnProperty.call(target, name)) continue;
      Object.defineProperty(target, name, { value: methods[name], writable: true, enumerable: false, configurable: true });
    }
  }

  function html(method, receiver, tag, attribute, value) {
    if (receiver === null || receiver === undefined) {
      throw new TypeError("String.prototype." + method + " called on null or undefined");
    }
    let open = "<" + tag;
    if (attribute !== undefined) open += " " + attribute + '="' + String(value).replace(/"/g, "&quot;") + '"';
    return open + ">" + String(receiver) + "</" + tag + ">";
  }
  define(String.prototype, {
    anchor(name) { return html("anchor", this, "a", "name", name); },
    big() { return html("big", this, "big"); },
    blink() { return html("blink", this, "blink"); },
    bold() { return html("bold", this, "b"); },
    fixed() { return html("fixed", this, "tt"); },
    fontcolor(color) { return html("fontcolor", this, "font", "color", color); },
    fontsize(size) { return html("fontsize", this, "font", "size", size); },
    italics() { return html("italics", this, "i"); },
    link(url) { return html("link", this, "a", "href", url); },
    small() { return html("small", this, "small"); },
    strike() { return html("strike", this, "strike"); },
    sub() { return html("sub", this, "sub"); },
    sup() { return html("sup", this, "sup"); },
  });

  const getTime = Date.prototype.getTime;
  const getFullYear = Date.prototype.getFullYear;
  const setFullYear = Date.prototype.setFullYear;
  const setTime = Date.prototype.setTime;
  // timeOf is the receiver check of a Date method, with V8's message.
  function timeOf(d, method) {
    try {
      return getTime.call(d);
    } catch (e) {
      const shown = d !== null && typeof d === "object" ? "#<" + ((d.constructor && d.constructor.name) || "Object") + ">" : String(d);
      throw new TypeError("Method Date.prototype." + method + " called on incompatible receiver " + shown);
    }
  }
  define(Date.prototype, {
    getYear() {
      const t = timeOf(this, "getYear");
      return t !== t ? NaN : getFullYear.call(this) - 1900;
    },
    setYear(year) {
      timeOf(this, "setYear");
      const y = Number(year);
      if (y !== y) return setTime.call(this, NaN);
      let yi = Math.trunc(y);
      if (yi >= 0 && yi <= 99) yi += 1900;
      if (getTime.call(this) !== getTime.call(this)) setTime.call(this, new Date(1970, 0, 1).getTime());
      return setFullYear.call(this, yi);
    },
  });
  define(Date.prototype, { toGMTString: Date.prototype.toUTCString });

  function toObject(v, method) {
    if (v === null || v === undefined) throw new TypeError("Object.prototype." + method + " called on null or undefined");
    return Object(v);
  }
  function lookup(o, key, kind) {
    for (; o !== null; o = Object.getPrototypeOf(o)) {
      const d = Object.getOwnPropertyDescriptor(o, key);
      if (d !== undefined) return d[kind];
    }
    return undefined;
  }
  define(Object.prototype, {
    __defineGetter__(name, getter) {
      const o = toObject(this, "__defineGetter__");
      if (typeof getter !== "function") throw new TypeError("Object.prototype.__defineGetter__: Expecting function");
      Object.defineProperty(o, name, { get: getter, enumerable: true, configurable: true });
    },
    __defineSetter__(name, setter) {
      const o = toObject(this, "__defineSetter__");
      if (typeof setter !== "function") throw new TypeError("Object.prototype.__defineSetter__: Expecting function");
      Object.defineProperty(o, name, { set: setter, enumerable: true, configurable: true });
    },
    __lookupGetter__(name) { return lookup(toObject(this, "__lookupGetter__"), name, "get"); },
    __lookupSetter__(name) { return lookup(toObject(this, "__lookupSetter__"), name, "set"); },
  });
})();
