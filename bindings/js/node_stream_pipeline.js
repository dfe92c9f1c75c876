// node:stream's finished, pipeline (streams, iterables and async
// generator functions as stages, a callback, a signal), addAbortSignal and
// the predicates isReadable, isErrored and isDisturbed
// (https://nodejs.org/api/stream.html#streamfinishedstream-options-callback).
(function (lib) {
  "use strict";
  const { tick, codeError } = lib;
  const isStream = (s) => !!s && typeof s === "object" && (!!s._r || !!s._w || typeof s.pipe === "function" && typeof s.on === "function");
  const isIterable = (v) => !!v && (typeof v[Symbol.asyncIterator] === "function" || typeof v[Symbol.iterator] === "function");
  const prematureClose = () => codeError(Error, "ERR_STREAM_PREMATURE_CLOSE", "Premature close");
  function abortError(cause) {
    const err = codeError(Error, "ABORT_ERR", "The operation was aborted");
    err.name = "AbortError";
    if (cause !== undefined) err.cause = cause;
    return err;
  }

  // finished calls cb once stream has ended, finished or failed; it
  // returns a function that stops listening.
  function finished(stream, opts, cb) {
    if (typeof opts === "function") { cb = opts; opts = {}; } else if (!opts) opts = {};
    if (typeof cb !== "function") throw lib.invalidArgType("callback", "of type function", cb);
    const r = stream._r, w = stream._w;
    const readable = opts.readable !== undefined ? !!opts.readable : !!r && stream._readableOn !== false;
    const writable = opts.writable !== undefined ? !!opts.writable : !!w && stream._writableOn !== false;
    let readDone = !!r && r.endEmitted, writeDone = !!w && w.finished;
    let called = false;
    const callback = (err) => {
      if (called) return;
      called = true;
      cleanup();
      cb.call(stream, err);
    };
    const onend = () => { readDone = true; if (!writable || writeDone) callback(); };
    const onfinish = () => { writeDone = true; if (!readable || readDone) callback(); };
    const onerror = (err) => callback(err);
    const onclose = () => {
      const err = stream._s ? stream._s.errored : null;
      if (err) return callback(err);
      if ((readable && !readDone && !(r && r.endEmitted)) || (writable && !writeDone && !(w && w.finished))) return callback(prematureClose());
      callback();
    };
    const onabort = () => callback(abortError(opts.signal.reason));
    stream.on("end", onend);
    stream.on("finish", onfinish);
    if (opts.error !== false) stream.on("error", onerror);
    stream.on("close", onclose);
    if (opts.signal) {
      if (opts.signal.aborted) tick(onabort); else opts.signal.addEventListener("abort", onabort);
    }
    function cleanup() {
      stream.removeListener("end", onend);
      stream.removeListener("finish", onfinish);
      stream.removeListener("error", onerror);
      stream.removeListener("close", onclose);
      if (opts.signal) opts.signal.removeEventListener("abort", onabort);
    }
    const s = stream._s;
    if (s && s.closeEmitted) tick(onclose);
    else if (s && s.errorEmitted) tick(callback, s.errored);
    else if ((!readable || readDone) && (!writable || writeDone)) tick(callback);
    return () => { called = true; cleanup(); };
  }

  // pump writes an iterable into a stream, ending it when end.
  async function pump(iterable, dest, end) {
    const it = typeof iterable[Symbol.asyncIterator] === "function" ? iterable[Symbol.asyncIterator]() : iterable[Symbol.iterator]();
    for (;;) {
      const step = await it.next();
      if (step.done) break;
      const chunk = await step.value;
      if (!dest.write(chunk)) {
        await new Promise((res, rej) => {
          const off = () => { dest.removeListener("drain", ok); dest.removeListener("close", ok); dest.removeListener("error", bad); };
          const ok = () => { off(); res(); };
          const bad = (e) => { off(); rej(e); };
          dest.on("drain", ok); dest.on("close", ok); dest.on("error", bad);
        });
      }
      if (dest.destroyed) throw dest.errored || prematureClose();
    }
    if (end) dest.end();
    await new Promise((res, rej) => finished(dest, { readable: false }, (err) => (err ? rej(err) : res())));
  }

  function pipeline(...streams) {
    const cb = typeof streams[streams.length - 1] === "function" ? streams.pop() : null;
    if (!cb) throw lib.invalidArgType("streams[stream.length - 1]", "of type function", streams[streams.length - 1]);
    return pipelineImpl(streams, cb, {});
  }

  function pipelineImpl(streams, cb, opts) {
    if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
    streams = streams.slice();
    if (streams.length < 2) throw codeError(TypeError, "ERR_MISSING_ARGS", 'The "streams" argument must be specified');
    const ac = new AbortController();
    const signal = ac.signal;
    const outer = opts.signal;
    const onOuterAbort = () => finishImpl(abortError(outer.reason), true);
    if (outer) { if (outer.aborted) tick(onOuterAbort); else outer.addEventListener("abort", onOuterAbort); }
    let error, value, pending = 0, done = false;
    const destroys = [];
    function finishImpl(err, final) {
      if (err && (!error || error.code === "ERR_STREAM_PREMATURE_CLOSE")) error = err;
      if (!error && !final) return;
      while (destroys.length) destroys.shift()(error);
      if (final && !done) {
        done = true;
        if (outer) outer.removeEventListener("abort", onOuterAbort);
        ac.abort();
        tick(cb, error, value);
      }
    }
    const finishOne = (err) => finishImpl(err, --pending === 0);
    let ret;
    const last = streams.length - 1;
    for (let i = 0; i < streams.length; i++) {
      const stage = streams[i];
      const reading = i < last, writing = i > 0;
      if (isStream(stage)) {
        pending++;
        let over = false;
        finished(stage, { readable: reading, writable: writing }, (err) => { over = !err; finishOne(err); });
        destroys.push((err) => {
          if (over) return;
          over = true;
          if (!stage.destroyed) stage.destroy(err || codeError(Error, "ERR_STREAM_DESTROYED", "Cannot call pipe after a stream was destroyed"));
        });
      }
      if (i === 0) {
        ret = typeof stage === "function" ? stage({ signal }) : stage;
        if (!isStream(ret) && !isIterable(ret)) throw codeError(TypeError, "ERR_INVALID_RETURN_VALUE", "Expected Iterable, AsyncIterable or Stream to be returned from the \"source\" function.");
      } else if (typeof stage === "function") {
        ret = stage(ret, { signal });
        if (reading) {
          if (!isIterable(ret)) throw codeError(TypeError, "ERR_INVALID_RETURN_VALUE", "Expected AsyncIterable or Promise to be returned from the \"transform\" function.");
        } else {
          pending++;
          Promise.resolve(ret).then((v) => { value = v; finishOne(); }, (err) => finishOne(err));
          ret = undefined;
        }
      } else if (isStream(stage)) {
        if (isStream(ret)) ret.pipe(stage, { end: reading || opts.end !== false });
        else {
          pending++;
          pump(ret, stage, reading || opts.end !== false).then(() => finishOne(), (err) => { if (!stage.destroyed) stage.destroy(err); finishOne(err); });
        }
        ret = stage;
      } else {
        // as workerd's: any other stage goes through Duplex.from, which
        // refuses most of them, and is then piped as a stream
        streams[i] = lib.Duplex.from(stage);
        i--;
      }
    }
    return ret;
  }

  function addAbortSignal(signal, stream) {
    if (!signal || typeof signal.aborted !== "boolean") throw lib.invalidArgType("signal", "an instance of AbortSignal", signal);
    if (!isStream(stream)) throw lib.invalidArgType("stream", "an instance of ReadableStream, WritableStream, or Stream", stream);
    const onAbort = () => stream.destroy(abortError(signal.reason));
    if (signal.aborted) onAbort();
    else {
      signal.addEventListener("abort", onAbort);
      finished(stream, () => signal.removeEventListener("abort", onAbort));
    }
    return stream;
  }

  function isReadable(stream) {
    if (!stream || !stream._r) return null;
    if (stream._s.destroyed) return false;
    return stream.readable && !stream._r.endEmitted;
  }
  function isWritable(stream) {
    if (!stream || !stream._w) return null;
    if (stream._s.destroyed) return false;
    return stream.writable && !stream._w.ending;
  }
  const isErrored = (stream) => !!(stream && stream._s && stream._s.errorEmitted);
  const isDisturbed = (stream) => !!(stream && (stream.readableDidRead || stream.readableAborted));

  const promises = {
    pipeline(...streams) {
      let opts = {};
      const lastArg = streams[streams.length - 1];
      if (lastArg && typeof lastArg === "object" && !isStream(lastArg) && !isIterable(lastArg) && !Array.isArray(lastArg)) opts = streams.pop();
      return new Promise((resolve, reject) => pipelineImpl(streams, (err, v) => (err ? reject(err) : resolve(v)), opts));
    },
    finished: (stream, opts) => new Promise((resolve, reject) => finished(stream, opts, (err) => (err ? reject(err) : resolve()))),
  };

  Object.assign(lib, { finished, pipeline, addAbortSignal, isReadable, isWritable, isErrored, isDisturbed, promises });
})
