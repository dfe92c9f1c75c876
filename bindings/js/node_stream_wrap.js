// node:_stream_wrap: JSStreamSocket, which Node uses to give a Duplex
// the face of a node:net Socket. As workerd's does, it writes and ends
// into the wrapped stream, and is destroyed when that stream ends or
// fails; what the wrapped stream gives is taken from it but, as in
// workerd, whose socket handle here is a plain object, never reaches
// the socket's readers.
(function (h) {
  "use strict";
  const { Duplex } = h.require("stream");

  // Socket stands in for node:net's Socket, which JSStreamSocket extends.
  class Socket extends Duplex {}

  class JSStreamSocket extends Socket {
    constructor(duplex) {
      if (!(duplex instanceof Duplex)) {
        throw h.errors.coded(TypeError, "ERR_INVALID_ARG_TYPE", `The "duplex" argument must be an stream.Duplex.${h.errors.received(duplex)}`);
      }
      super();
      this.allowHalfOpen = false;
      this.connecting = false;
      this._handle = {};
      this.stream = duplex;
      duplex.on("data", () => {});
      duplex.on("end", () => this.destroy());
      duplex.on("error", (err) => this.destroy(err));
    }
    _read() {}
    _write(chunk, encoding, cb) {
      this.stream.write(chunk, encoding, (err) => cb(err || undefined));
    }
    _final(cb) {
      this.stream.end(() => cb());
    }
    // isClosing, readStart, readStop, doShutdown and doClose are the
    // handle-facing methods; the reads start and stop nothing, as no
    // handle reads.
    isClosing() { return !this.stream.readable || !this.stream.writable; }
    readStart() { return 0; }
    readStop() { return 0; }
    doShutdown() {
      this.stream.end();
      return 0;
    }
    doClose(cb) {
      this.stream.destroy();
      if (typeof cb === "function") queueMicrotask(cb);
    }
  }
  return h.errors.esModule(JSStreamSocket, {});
})
