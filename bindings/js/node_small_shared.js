// What the smaller node: modules (node_small.go) share: Node's error
// shapes (the argument-type TypeError and the "not implemented" Error
// workerd throws from the functions it leaves out, each with Node's code),
// and esModule, for a module whose named exports are not its default
// export's keys.
(function () {
  "use strict";
  // received describes v the way Node's ERR_INVALID_ARG_TYPE does.
  function received(v) {
    if (v === undefined || v === null) return " Received " + v;
    if (typeof v === "function") return " Received function " + v.name;
    if (typeof v === "object") {
      const ctor = v.constructor && v.constructor.name;
      return ctor ? " Received an instance of " + ctor : " Received " + String(v);
    }
    let shown = String(v);
    if (shown.length > 28) shown = shown.slice(0, 25) + "...";
    if (typeof v === "string") shown = "'" + shown + "'";
    if (typeof v === "bigint") shown += "n";
    return ` Received type ${typeof v} (${shown})`;
  }
  function coded(Ctor, code, message) {
    const err = new Ctor(message);
    err.code = code;
    return err;
  }
  function notImplemented(name) {
    return coded(Error, "ERR_METHOD_NOT_IMPLEMENTED", `The ${name} method is not implemented`);
  }
  // esModule gives the bundler's interop an ES namespace shape: def as
  // the default export, and named as the named ones.
  function esModule(def, named) {
    const m = Object.assign({}, named);
    Object.defineProperty(m, "__esModule", { value: true });
    m.default = def;
    return m;
  }
  return {
    esModule,
    coded,
    argType(name, type, v) {
      return coded(TypeError, "ERR_INVALID_ARG_TYPE", `The "${name}" argument must be of type ${type}.${received(v)}`);
    },
    notImplemented,
    // thrower is a function that throws notImplemented(name) whether
    // called or constructed.
    thrower(name) {
      return function () { throw notImplemented(name); };
    },
    received,
  };
})()
