// node:zlib (https://nodejs.org/api/zlib.html) as workerd has it: the
// deflate, gzip and brotli codecs in callback, Sync and stream forms, crc32,
// constants and codes. The codecs run in Go (h); a stream that decompresses
// gives its output when it ends, one that compresses as it goes. Not
// provided: the zstd functions.
(function (h, Buffer, stream) {
  "use strict";
  const constants = {
    Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5, Z_OK: 0,
    Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4,
    Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6, Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9,
    Z_DEFAULT_COMPRESSION: -1, Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0,
    ZLIB_VERNUM: 5120, DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7,
    BROTLI_DECODE: 8, BROTLI_ENCODE: 9, Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15,
    Z_MIN_CHUNK: 64, Z_MAX_CHUNK: 134217728, Z_DEFAULT_CHUNK: 16384, Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9,
    Z_DEFAULT_MEMLEVEL: 8, Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1, BROTLI_OPERATION_PROCESS: 0,
    BROTLI_OPERATION_FLUSH: 1, BROTLI_OPERATION_FINISH: 2, BROTLI_OPERATION_EMIT_METADATA: 3,
    BROTLI_PARAM_MODE: 0, BROTLI_MODE_GENERIC: 0, BROTLI_MODE_TEXT: 1, BROTLI_MODE_FONT: 2,
    BROTLI_DEFAULT_MODE: 0, BROTLI_PARAM_QUALITY: 1, BROTLI_MIN_QUALITY: 0, BROTLI_MAX_QUALITY: 11,
    BROTLI_DEFAULT_QUALITY: 11, BROTLI_PARAM_LGWIN: 2, BROTLI_MIN_WINDOW_BITS: 10, BROTLI_MAX_WINDOW_BITS: 24,
    BROTLI_LARGE_MAX_WINDOW_BITS: 30, BROTLI_DEFAULT_WINDOW: 22, BROTLI_PARAM_LGBLOCK: 3,
    BROTLI_MIN_INPUT_BLOCK_BITS: 16, BROTLI_MAX_INPUT_BLOCK_BITS: 24,
    BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING: 4, BROTLI_PARAM_SIZE_HINT: 5, BROTLI_PARAM_LARGE_WINDOW: 6,
    BROTLI_PARAM_NPOSTFIX: 7, BROTLI_PARAM_NDIRECT: 8, BROTLI_DECODER_RESULT_ERROR: 0,
    BROTLI_DECODER_RESULT_SUCCESS: 1, BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: 2,
    BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: 3, BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: 0,
    BROTLI_DECODER_PARAM_LARGE_WINDOW: 1, BROTLI_DECODER_NO_ERROR: 0, BROTLI_DECODER_SUCCESS: 1,
    BROTLI_DECODER_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_NEEDS_MORE_OUTPUT: 3,
    BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE: -1, BROTLI_DECODER_ERROR_FORMAT_RESERVED: -2,
    BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE: -3,
    BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET: -4, BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME: -5,
    BROTLI_DECODER_ERROR_FORMAT_CL_SPACE: -6, BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE: -7,
    BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT: -8, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1: -9,
    BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2: -10, BROTLI_DECODER_ERROR_FORMAT_TRANSFORM: -11,
    BROTLI_DECODER_ERROR_FORMAT_DICTIONARY: -12, BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS: -13,
    BROTLI_DECODER_ERROR_FORMAT_PADDING_1: -14, BROTLI_DECODER_ERROR_FORMAT_PADDING_2: -15,
    BROTLI_DECODER_ERROR_FORMAT_DISTANCE: -16, BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET: -19,
    BROTLI_DECODER_ERROR_INVALID_ARGUMENTS: -20, BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES: -21,
    BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS: -22, BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP: -25,
    BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1: -26, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2: -27,
    BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES: -30, BROTLI_DECODER_ERROR_UNREACHABLE: -31, ZSTD_ENCODE: 10,
    ZSTD_DECODE: 11, ZSTD_COMPRESS: 10, ZSTD_DECOMPRESS: 11, ZSTD_e_continue: 0, ZSTD_e_flush: 1, ZSTD_e_end: 2,
    ZSTD_c_compressionLevel: 100, ZSTD_c_windowLog: 101, ZSTD_c_hashLog: 102, ZSTD_c_chainLog: 103,
    ZSTD_c_searchLog: 104, ZSTD_c_minMatch: 105, ZSTD_c_targetLength: 106, ZSTD_c_strategy: 107,
    ZSTD_c_enableLongDistanceMatching: 160, ZSTD_c_ldmHashLog: 161, ZSTD_c_ldmMinMatch: 162,
    ZSTD_c_ldmBucketSizeLog: 163, ZSTD_c_ldmHashRateLog: 164, ZSTD_c_contentSizeFlag: 200,
    ZSTD_c_checksumFlag: 201, ZSTD_c_dictIDFlag: 202, ZSTD_c_nbWorkers: 400, ZSTD_c_jobSize: 401,
    ZSTD_c_overlapLog: 402, ZSTD_d_windowLogMax: 100, ZSTD_fast: 1, ZSTD_dfast: 2, ZSTD_greedy: 3, ZSTD_lazy: 4,
    ZSTD_lazy2: 5, ZSTD_btlazy2: 6, ZSTD_btopt: 7, ZSTD_btultra: 8, ZSTD_btultra2: 9, ZSTD_CLEVEL_DEFAULT: 3,
    ZSTD_error_no_error: 0, ZSTD_error_GENERIC: 1, ZSTD_error_prefix_unknown: 10,
    ZSTD_error_version_unsupported: 12, ZSTD_error_frameParameter_unsupported: 14,
    ZSTD_error_frameParameter_windowTooLarge: 16, ZSTD_error_corruption_detected: 20,
    ZSTD_error_checksum_wrong: 22, ZSTD_error_literals_headerWrong: 24, ZSTD_error_dictionary_corrupted: 30,
    ZSTD_error_dictionary_wrong: 32, ZSTD_error_dictionaryCreation_failed: 34,
    ZSTD_error_parameter_unsupported: 40, ZSTD_error_parameter_combination_unsupported: 41,
    ZSTD_error_parameter_outOfBound: 42, ZSTD_error_tableLog_tooLarge: 44,
    ZSTD_error_maxSymbolValue_tooLarge: 46, ZSTD_error_maxSymbolValue_tooSmall: 48,
    ZSTD_error_stabilityCondition_notRespected: 50, ZSTD_error_stage_wrong: 60, ZSTD_error_init_missing: 62,
    ZSTD_error_memory_allocation: 64, ZSTD_error_workSpace_tooSmall: 66, ZSTD_error_dstSize_tooSmall: 70,
    ZSTD_error_srcSize_wrong: 72, ZSTD_error_dstBuffer_null: 74, ZSTD_error_noForwardProgress_destFull: 80,
    ZSTD_error_noForwardProgress_inputEmpty: 82
  };
  const codes = {};
  const codeNames = ["Z_OK", "Z_STREAM_END", "Z_NEED_DICT", "Z_ERRNO", "Z_STREAM_ERROR", "Z_DATA_ERROR", "Z_MEM_ERROR", "Z_BUF_ERROR", "Z_VERSION_ERROR"];
  for (const k of codeNames) codes[k] = constants[k];
  for (const k of codeNames) codes[constants[k]] = k;
  Object.freeze(codes);

  function codeError(Ctor, code, message) {
    const err = new Ctor(message);
    if (code !== undefined) {
      err.code = code;
      Object.defineProperty(err, "name", { value: Ctor.name, enumerable: true, writable: true, configurable: true });
    }
    return err;
  }
  function utilError(method, param, type) {
    return new TypeError(`Failed to execute '${method}' on 'ZlibUtil': parameter ${param} is not of type '${type}'.`);
  }
  function argType(name, type, v) {
    let got = v === null ? "null" : v === undefined ? "undefined" : `type ${typeof v}`;
    if (typeof v === "string") got += ` ('${v}')`;
    else if (typeof v === "number" || typeof v === "boolean") got += ` (${v})`;
    return codeError(TypeError, "ERR_INVALID_ARG_TYPE", `The "${name}" argument must be of type ${type}. Received ${got}`);
  }
  // input turns a zlib input into a Uint8Array, or throws workerd's error.
  function input(data, method) {
    if (typeof data === "string") return Buffer.from(data, "utf8");
    if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (data instanceof ArrayBuffer) return new Uint8Array(data);
    throw utilError(method, 1, "string or ArrayBuffer or ArrayBufferView");
  }
  function toInt(v) {
    const n = Math.trunc(Number(v));
    return Number.isFinite(n) ? n : 0;
  }
  // ranged reads options[name] as an integer in [lo, hi], or def.
  function ranged(options, name, lo, hi, def, code) {
    const v = options[name];
    if (v === undefined) return def;
    const n = toInt(v);
    if (n < lo || n > hi) {
      throw codeError(RangeError, code, `The value of "options.${name}" is out of range. It must be >= ${lo} and <= ${hi}. Received ${n}`);
    }
    return n;
  }
  const MAX_OUTPUT = constants.Z_MAX_CHUNK;
  // settings checks the options for a codec (mode), as workerd does, and
  // gives the object the Go side reads. code is the error code a stream's
  // constructor adds; the Sync functions throw without one.
  function settings(mode, options, method, code) {
    if (options === undefined || options === null) options = {};
    if (typeof options !== "object") {
      if (code === undefined) throw utilError(method, 2, "Options");
      options = {};
    }
    const s = { mode, level: -1, windowBits: 15, strategy: 0, quality: 11, lgwin: 22 };
    ranged(options, "flush", 0, 6, 0, code);
    const ff = options.finishFlush === undefined ? 0 : toInt(options.finishFlush);
    if (ff < 0 || ff > 6) {
      throw codeError(RangeError, code, `The value of "options.finishFlush" is out of range. It must be >= 0 and <= 6. Received 0`);
    }
    s.syncFinish = ff === constants.Z_SYNC_FLUSH;
    ranged(options, "chunkSize", constants.Z_MIN_CHUNK, constants.Z_MAX_CHUNK, constants.Z_DEFAULT_CHUNK, code);
    s.maxOutputLength = ranged(options, "maxOutputLength", 1, MAX_OUTPUT, MAX_OUTPUT, code);
    if (mode.startsWith("brotli")) {
      brotliParams(s, options, method);
      return s;
    }
    const inflating = mode === "inflate" || mode === "gunzip" || mode === "unzip" || mode === "inflateRaw";
    if (inflating && options.windowBits !== undefined && toInt(options.windowBits) === 0) s.windowBits = 0;
    else s.windowBits = ranged(options, "windowBits", 8, 15, 15, code);
    s.level = ranged(options, "level", -1, 9, -1, code);
    ranged(options, "memLevel", 1, 9, 8, code);
    if (options.strategy !== undefined) {
      s.strategy = toInt(options.strategy);
      if (s.strategy < 0 || s.strategy > 4) throw new Error("invalid strategy");
    }
    if (options.dictionary !== undefined) {
      const d = options.dictionary;
      if (!ArrayBuffer.isView(d) && !(d instanceof ArrayBuffer)) {
        throw new TypeError("Incorrect type for the 'dictionary' field on 'Options': the provided value is not of type 'ArrayBuffer or ArrayBufferView'.");
      }
      s.dictionary = input(d, method);
    }
    return s;
  }
  function brotliParams(s, options, method) {
    const params = options.params;
    if (params === undefined) return;
    if (params === null || typeof params !== "object") {
      throw new TypeError("Incorrect type for the 'params' field on 'Options': the provided value is not of type 'object'.");
    }
    for (const key of Object.keys(params)) {
      const id = Number(key), v = toInt(params[key]);
      if (!(id >= 0 && id <= 8 && Number.isInteger(id))) throw new Error("Setting parameter failed");
      if (id === constants.BROTLI_PARAM_QUALITY) s.quality = Math.min(11, Math.max(0, v));
      else if (id === constants.BROTLI_PARAM_LGWIN) s.lgwin = Math.min(24, Math.max(10, v));
    }
  }
  function fail(r, Ctor = Error) {
    if (r.limit) return new RangeError(r.error);
    return new Ctor(r.error);
  }
  function run(mode, data, options, method) {
    const s = settings(mode, options, method);
    const r = h.process(s, input(data, method));
    if (r.error !== undefined) throw fail(r);
    return Buffer.from(r.out);
  }

  const modes = {
    deflate: ["deflate", "Deflate"], inflate: ["inflate", "Inflate"], gzip: ["gzip", "Gzip"], gunzip: ["gunzip", "Gunzip"],
    deflateRaw: ["deflateRaw", "DeflateRaw"], inflateRaw: ["inflateRaw", "InflateRaw"], unzip: ["unzip", "Unzip"],
    brotliCompress: ["brotliEncode", "BrotliCompress"], brotliDecompress: ["brotliDecode", "BrotliDecompress"],
  };
  const m = {};
  const classes = {};

  const kFlush = Symbol("flush");
  function streamError(r) {
    if (r.limit) return codeError(RangeError, "ERR_BUFFER_TOO_LARGE", r.error);
    const err = new Error(r.error);
    err.code = r.code;
    Object.defineProperty(err, "name", { value: "Error", enumerable: true, writable: true, configurable: true });
    err.errno = r.errno;
    return err;
  }
  // ZlibBase is every codec stream: a Transform that compresses as data
  // comes, or decompresses what it was given when it ends.
  class ZlibBase extends stream.Transform {
    #s; #c = null; #pending = [];
    constructor(mode, options) {
      const s = settings(mode, options, "constructor", "ERR_OUT_OF_RANGE");
      super(typeof options === "object" && options !== null ? options : {});
      this.#s = s;
      this.bytesWritten = 0;
      this._handle = {};
      this._defaultFlushFlag = constants.Z_NO_FLUSH;
      this._finishFlushFlag = s.syncFinish ? constants.Z_SYNC_FLUSH : constants.Z_FINISH;
      this.#reset();
    }
    #reset() {
      this.#pending = [];
      this.#c = null;
      if (this.#compressing()) {
        const c = h.newCompressor(this.#s);
        if (c.error !== undefined) throw streamError(c);
        this.#c = c;
      }
    }
    #compressing() { return this.#s.mode === "deflate" || this.#s.mode === "gzip" || this.#s.mode === "deflateRaw" || this.#s.mode === "brotliEncode"; }
    _transform(chunk, encoding, cb) {
      if (typeof chunk === "string") chunk = Buffer.from(chunk, encoding);
      const flush = chunk[kFlush];
      if (flush === undefined) this.bytesWritten += chunk.length;
      if (!this.#c) {
        if (flush === undefined) this.#pending.push(input(chunk, "write"));
        cb();
        return;
      }
      const r = h.compress(this.#c, input(chunk, "write"), flush === undefined ? constants.Z_NO_FLUSH : flush);
      if (r.error !== undefined) { cb(streamError(r)); return; }
      if (r.out.byteLength > 0) this.push(Buffer.from(r.out));
      cb();
    }
    _flush(cb) {
      if (this.#c) {
        const r = h.compress(this.#c, new Uint8Array(0), constants.Z_FINISH);
        if (r.error !== undefined) { cb(streamError(r)); return; }
        cb(null, Buffer.from(r.out));
        return;
      }
      const total = this.#pending.reduce((n, b) => n + b.length, 0);
      const all = new Uint8Array(total);
      let at = 0;
      for (const b of this.#pending) { all.set(b, at); at += b.length; }
      this.#pending = [];
      const r = h.process(this.#s, all);
      if (r.out.byteLength > 0) this.push(Buffer.from(r.out));
      cb(r.error !== undefined ? streamError(r) : null);
    }
    flush(kind, cb) {
      if (typeof kind === "function" || kind === undefined) { cb = kind; kind = constants.Z_FULL_FLUSH; }
      const marker = Buffer.alloc(0);
      marker[kFlush] = kind;
      if (this.writableEnded) { if (cb) queueMicrotask(cb); return; }
      this.write(marker, cb ? () => cb() : undefined);
    }
    close(cb) {
      if (cb) queueMicrotask(cb);
      this.destroy();
    }
    reset() { this.#reset(); }
    _processChunk(chunk, flushFlag, cb) {
      if (typeof cb === "function") { this.write(chunk, cb); return undefined; }
      const r = this.#c ? h.compress(this.#c, input(chunk, "write"), flushFlag) : h.process(this.#s, input(chunk, "write"));
      if (r.error !== undefined) throw streamError(r);
      return Buffer.from(r.out);
    }
  }
  class Zlib extends ZlibBase {
    params(level, strategy, cb) {
      if (typeof cb === "function") queueMicrotask(cb);
    }
  }
  class Brotli extends ZlibBase {}
  for (const [fn, [mode, name]] of Object.entries(modes)) {
    const Base = mode.startsWith("brotli") ? Brotli : Zlib;
    const C = { [name]: class extends Base { constructor(options) { super(mode, options); } } }[name];
    classes[name] = C;
    m[name] = C;
    m["create" + name] = (options) => new C(options);
    const method = fn + "Sync";
    m[method] = (data, options) => {
      if (options && options.info === true) { const buffer = run(mode, data, options, "zlibSync"); return { engine: new C(options), buffer }; }
      return run(mode, data, options, "zlibSync");
    };
    m[fn] = (data, options, cb) => {
      if (typeof options === "function") { cb = options; options = undefined; }
      if (typeof cb !== "function") throw argType("callback", "function", cb);
      const s = settings(mode, options, "zlib");
      const bytes = input(data, "zlib");
      queueMicrotask(() => {
        const r = h.process(s, bytes);
        if (r.error !== undefined) cb(fail(r));
        else cb(null, Buffer.from(r.out));
      });
    };
  }
  function crc32(data, value = 0) {
    if (typeof value !== "number") throw argType("value", "number", value);
    if (!Number.isInteger(value)) {
      throw codeError(RangeError, "ERR_OUT_OF_RANGE", `The value of "value" is out of range. It must be an integer. Received ${value}`);
    }
    if (value < 0 || value >= 4294967296) {
      throw codeError(RangeError, "ERR_OUT_OF_RANGE", `The value of "value" is out of range. It must be >= 0 && < 4294967296. Received ${value}`);
    }
    return h.crc32(input(data, "crc32"), value);
  }
  Object.assign(m, constants, { codes, constants: Object.freeze(Object.assign({}, constants)), crc32 });
  const order = Object.keys(m).sort();
  const sorted = {};
  for (const k of order) sorted[k] = m[k];
  sorted.default = Object.assign({}, sorted);
  return sorted;
})
