// node:module (https://nodejs.org/api/module.html) as workerd gives it:
// the default export is Module, which cannot be made; createRequire gives a
// require for the built-in modules; isBuiltin and builtinModules know
// Node's list; the loader's internals throw ERR_METHOD_NOT_IMPLEMENTED.
(function (h) {
  "use strict";
  const { coded, notImplemented } = h.errors;
  const builtinModules = h.constants("builtinModules");
  const fail = (name) => function () { throw notImplemented("module." + name); };
  function Module() { throw notImplemented("module.Module"); }
  function SourceMap() { throw notImplemented("module.SourceMap"); }
  // isBuiltin is true for Node's module names and, as workerd's is, for
  // any name under "node:".
  function isBuiltin(name) {
    return typeof name === "string" && (name.startsWith("node:") || builtinModules.includes(name));
  }
  function createRequire(path) {
    const ok = path instanceof URL ? path.protocol === "file:" : typeof path === "string" && (path.startsWith("file:") || path.startsWith("/"));
    if (!ok) {
      throw coded(TypeError, "ERR_INVALID_ARG_VALUE", "The argument 'path' The argument must be a file URL object, a file URL string, or an absolute path string.. Received " + "'" + String(path) + "'");
    }
    return function require(id) {
      const bare = String(id).startsWith("node:") ? String(id).slice(5) : String(id);
      if (!builtinModules.includes(bare)) throw new Error("Module not found: " + id);
      return h.require(bare);
    };
  }
  const members = {
    register: fail("register"),
    constants: Object.assign(Object.create(null), { compileCacheStatus: Object.assign(Object.create(null), { FAILED: 0, ENABLED: 1, ALREADY_ENABLED: 2, DISABLED: 3 }) }),
    enableCompileCache() {},
    findPackageJSON: fail("findPackageJSON"),
    flushCompileCache() {},
    getCompileCacheDir() {},
    stripTypeScriptTypes: fail("stripTypeScriptTypes"),
    findSourceMap: fail("findSourceMap"),
    SourceMap,
    getSourceMapsSupport() { return Object.assign(Object.create(null), { enabled: false, nodeModules: false, generatedCode: false }); },
    setSourceMapsSupport: fail("setSourceMapsSupport"),
    createRequire,
    builtinModules,
    globalPaths: [],
    isBuiltin,
    runMain: fail("runMain"),
    syncBuiltinESMExports: fail("syncBuiltinESMExports"),
    wrap: fail("wrap"),
    _cache: Object.create(null),
    _debug: fail("_debug"),
    _extensions: { ".js": fail("_extensions"), ".json": fail("_extensions"), ".node": fail("_extensions") },
    _findPath: fail("_findPath"),
    _initPaths: fail("_initPaths"),
    _load: fail("_load"),
    _pathCache: Object.create(null),
    _preloadModules: fail("_preloadModules"),
    _resolveFilename: fail("_resolveFilename"),
    _resolveLookupPaths: fail("_resolveLookupPaths"),
    _nodeModulePaths: fail("_nodeModulePaths"),
    Module,
    registerHooks: fail("registerHooks"),
  };
  Object.assign(Module, members);
  return h.errors.esModule(Module, members);
})
