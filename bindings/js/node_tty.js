// node:tty (https://nodejs.org/api/tty.html) as workerd gives it: nothing
// is a terminal; ReadStream and WriteStream are streams that report a
// terminal of no size and no colours.
(function (h) {
  "use strict";
  const { Duplex } = h.require("stream");
  // Socket stands in for node:net's Socket, which tty's streams extend.
  class Socket extends Duplex {}
  class ReadStream extends Socket {
    constructor(fd) {
      super();
      this.fd = fd;
      this.isRaw = false;
      this.isTTY = false;
    }
    setRawMode(mode) {
      this.isRaw = Boolean(mode);
      return this;
    }
  }
  class WriteStream extends Socket {
    constructor(fd) {
      super();
      this.fd = fd;
      this.columns = 0;
      this.rows = 0;
    }
    get isTTY() { return true; }
    getColorDepth() { return 8; }
    hasColors() { return false; }
    _refreshSize() {}
    cursorTo() { return false; }
    moveCursor() { return false; }
    clearLine() { return false; }
    clearScreenDown() { return false; }
    getWindowSize() { return [this.columns, this.rows]; }
  }
  return {
    isatty() { return false; },
    ReadStream,
    WriteStream,
  };
})
