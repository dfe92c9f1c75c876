// node:os (https://nodejs.org/api/os.html) as workerd gives it: a Linux
// x64 machine with nothing to report, every answer fixed, and the
// constants (errno, signals, priority, dlopen) Node has on Linux.
(function (h) {
  "use strict";
  const { argType } = h.errors;
  const constants = h.constants("os");
  for (const v of Object.values(constants)) if (typeof v === "object") Object.freeze(v);
  Object.freeze(constants);
  function checkPid(pid) {
    if (pid !== undefined && typeof pid !== "number") throw argType("pid", "number", pid);
  }
  return {
    EOL: "\n",
    devNull: "/dev/null",
    constants,
    availableParallelism() { return 1; },
    arch() { return "x64"; },
    cpus() { return []; },
    endianness() { return "LE"; },
    freemem() { return 0; },
    getPriority(pid) { checkPid(pid); return 0; },
    homedir() { return "/tmp/"; },
    hostname() { return "localhost"; },
    loadavg() { return [0, 0, 0]; },
    machine() { return "x86_64"; },
    networkInterfaces() { return {}; },
    platform() { return "linux"; },
    release() { return ""; },
    setPriority(pid, priority) {
      if (typeof pid !== "number") throw argType("pid", "number", pid);
      if (typeof priority !== "number") throw argType("priority", "number", priority);
    },
    tmpdir() { return "/tmp/"; },
    totalmem() { return 0; },
    type() { return "Linux"; },
    uptime() { return 0; },
    userInfo() { return {}; },
    version() { return ""; },
  };
})
