// node:vm (https://nodejs.org/api/vm.html) as workerd gives it: workers
// cannot compile code at run time, so running a script throws
// ERR_METHOD_NOT_IMPLEMENTED; contexts are plain objects none of which is
// contextified.
(function (h) {
  "use strict";
  const { argType, coded, thrower, received } = h.errors;
  const runInThisContext = thrower("runInThisContext");
  function checkObject(name, v) {
    if (v === null || typeof v !== "object") throw argType(name, "object", v);
  }
  function runInContext(code, context) {
    checkObject("object", context);
    throw coded(TypeError, "ERR_INVALID_ARG_TYPE", `The "contextifiedObject" argument must be an vm.Context.${received(context)}`);
  }
  class Script {
    constructor() {
      this.cachedDataRejected = false;
      this.cachedDataProduced = false;
      this.cachedData = undefined;
      this.sourceMapURL = undefined;
    }
    createCachedData() { return h.require("buffer").Buffer.alloc(0); }
    runInThisContext() { return runInThisContext(); }
    runInContext(context) { return runInContext(undefined, context); }
    runInNewContext() { return runInThisContext(); }
  }
  return {
    Script,
    createContext() { return Object.create(null); },
    createScript(code, options) { return new Script(code, options); },
    runInContext,
    runInNewContext: runInThisContext,
    runInThisContext,
    isContext(object) {
      checkObject("object", object);
      return false;
    },
    compileFunction(code) {
      if (typeof code !== "string") throw argType("code", "string", code);
      throw h.errors.notImplemented("compileFunction");
    },
    measureMemory: thrower("measureMemory"),
    constants: Object.assign(Object.create(null), {
      USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol("vm_dynamic_import_main_context_default"),
      DONT_CONTEXTIFY: Symbol("vm_context_no_contextify"),
    }),
  };
})
