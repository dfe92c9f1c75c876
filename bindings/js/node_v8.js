// node:v8 (https://nodejs.org/api/v8.html) as workerd gives it: the heap
// statistics are zeros, and serialization, snapshots and coverage throw
// ERR_METHOD_NOT_IMPLEMENTED.
(function (h) {
  "use strict";
  const { argType, notImplemented, thrower } = h.errors;
  const zeros = (keys) => Object.fromEntries(keys.map((k) => [k, 0]));
  class Serializer {
    constructor() { throw notImplemented("Serializer"); }
  }
  class Deserializer {
    constructor() { throw notImplemented("Deserializer"); }
  }
  class DefaultSerializer extends Serializer {}
  class DefaultDeserializer extends Deserializer {}
  class GCProfiler {
    start() { throw notImplemented("GCProfiler.start"); }
    stop() { throw notImplemented("GCProfiler.stop"); }
  }
  const check = (name, type) => (v) => {
    if (typeof v !== type) throw argType(name, type, v);
  };
  return {
    cachedDataVersionTag() { return 0; },
    getHeapSnapshot: thrower("getHeapSnapshot"),
    getHeapStatistics() {
      return zeros(["total_heap_size", "total_heap_size_executable", "total_physical_size", "total_available_size", "used_heap_size",
        "heap_size_limit", "malloced_memory", "peak_malloced_memory", "does_zap_garbage", "number_of_native_contexts",
        "number_of_detached_contexts", "total_global_handles_size", "used_global_handles_size", "external_memory", "total_allocated_bytes"]);
    },
    getHeapSpaceStatistics() { return []; },
    getHeapCodeStatistics() {
      return zeros(["code_and_metadata_size", "bytecode_and_metadata_size", "external_script_source_size", "cpu_profiler_metadata_size"]);
    },
    getCppHeapStatistics() {
      return { committed_size_bytes: 0, resident_size_bytes: 0, used_size_bytes: 0, space_statistics: [], type_names: [], detail_level: "detailed" };
    },
    setFlagsFromString(flags) {
      check("flags", "string")(flags);
      throw notImplemented("setFlagsFromString");
    },
    Serializer,
    Deserializer,
    DefaultSerializer,
    DefaultDeserializer,
    deserialize: thrower("deserialize"),
    takeCoverage: thrower("takeCoverage"),
    stopCoverage: thrower("stopCoverage"),
    serialize: thrower("serialize"),
    writeHeapSnapshot: thrower("writeHeapSnapshot"),
    promiseHooks: { createHook() {}, onInit() {}, onBefore() {}, onAfter() {}, onSettled() {} },
    queryObjects(ctor) { check("constructor", "function")(ctor); },
    startupSnapshot: { addSerializeCallback() {}, addDeserializeCallback() {}, setDeserializeMainFunction() {}, isBuildingSnapshot() { return false; } },
    setHeapSnapshotNearHeapLimit(limit) { check("limit", "number")(limit); },
    GCProfiler,
    isStringOneByteRepresentation(content) {
      check("content", "string")(content);
      throw notImplemented("isStringOneByteRepresentation");
    },
  };
})
