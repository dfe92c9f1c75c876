// node:child_process (https://nodejs.org/api/child_process.html) as
// workerd gives it: a worker cannot start processes, so every function
// throws ERR_METHOD_NOT_IMPLEMENTED, after checking the command where
// Node's checks it first.
(function (h) {
  "use strict";
  const { argType, notImplemented } = h.errors;
  const fail = (name) => function () { throw notImplemented("child_process." + name); };
  const withCommand = (name) => function (command) {
    if (typeof command !== "string") throw argType("command", "string", command);
    throw notImplemented("child_process." + name);
  };
  class ChildProcess {
    constructor() { throw notImplemented("child_process.ChildProcess"); }
  }
  return {
    ChildProcess,
    _forkChild: fail("_forkChild"),
    exec: withCommand("exec"),
    execFile: fail("execFile"),
    execFileSync: fail("execFileSync"),
    execSync: fail("execSync"),
    fork: fail("fork"),
    spawn: fail("spawn"),
    spawnSync: withCommand("spawnSync"),
  };
})
