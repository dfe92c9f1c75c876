// cloudflare:sockets' connect() and Socket, as workerd has them
// (src/workerd/api/sockets.c++): the address checks, the opened and closed
// promises, the byte streams over the Go handle h.dial gives (see
// sockets_conn.go), close() and startTls(), with workerd's messages.
(function (h) {
  const key = Symbol("Socket");
  const state = new WeakMap();
  const enc = new TextEncoder();

  function parseAddress(address) {
    if (address === undefined || address === null) {
      throw new TypeError("Cannot initialize N7workerd3api13SocketAddressE with required members from an undefined or null value.");
    }
    if (typeof address === "object" || typeof address === "function") {
      const port = address.port;
      if (typeof port !== "number" && typeof port !== "string" || !Number.isInteger(Number(port))) {
        throw new TypeError("The value cannot be converted because it is not an integer.");
      }
      return h.parseAddress(String(address.hostname) + ":" + Number(port));
    }
    return h.parseAddress(String(address));
  }

  function parseOptions(options) {
    if (options === undefined || options === null) return { secureTransport: "off", allowHalfOpen: false };
    if (typeof options !== "object" && typeof options !== "function") {
      throw new TypeError("Failed to execute 'connect' on 'SocketsModule': parameter 2 is not of type 'SocketOptions'.");
    }
    const st = options.secureTransport === undefined ? "off" : String(options.secureTransport);
    if (st !== "off" && st !== "on" && st !== "starttls") {
      throw new TypeError("Unsupported value in secureTransport socket option: " + st);
    }
    return { secureTransport: st, allowHalfOpen: !!options.allowHalfOpen };
  }

  function makeStreams(s) {
    let rc, wc;
    let readDone = false, writeDone = false;
    const settleClosed = () => { if (readDone && writeDone) s.resolveClosed(); };
    s.readable = new ReadableStream({
      start(c) { rc = c; },
      pull(c) {
        return s.handle.read().then((chunk) => {
          if (s.closing) return;
          if (chunk !== null) { c.enqueue(chunk); return; }
          c.close();
          readDone = true;
          if (!s.allowHalfOpen && !writeDone) {
            writeDone = true;
            try { wc.error(new TypeError("This WritableStream has been closed.")); } catch {}
            s.handle.closeWrite().catch(() => {});
          }
          settleClosed();
        }, (err) => { s.fail(err); throw err; });
      },
      cancel() { readDone = true; },
    });
    s.writable = new WritableStream({
      start(c) { wc = c; },
      write(chunk) {
        if (s.writeError) throw new TypeError(s.writeError);
        s.wrote = true;
        const bytes = typeof chunk === "string" ? enc.encode(chunk) : chunk;
        return s.handle.write(bytes).catch((err) => {
          throw new Error("jsg.Error: " + err.message);
        });
      },
      close() {
        writeDone = true;
        return s.handle.closeWrite().then(settleClosed);
      },
    });
    s.errorStreams = () => {
      readDone = writeDone = true;
      try { rc.error(new TypeError("This ReadableStream belongs to an object that is closing.")); } catch {}
      // workerd's message for a later write: "closing" until close()
      // has settled, and then "closed" if the stream was ever written to.
      s.writeError = "This WritableStream belongs to an object that is closing.";
    };
  }

  function newSocket(handle, address, opts) {
    const socket = Object.create(Socket.prototype);
    const s = { handle, secureTransport: opts.secureTransport, allowHalfOpen: opts.allowHalfOpen, upgraded: false, closing: false, tlsStarted: false, address };
    s.opened = new Promise((resolve, reject) => { s.resolveOpened = resolve; s.rejectOpened = reject; });
    s.closed = new Promise((resolve, reject) => { s.resolveClosed = resolve; s.rejectClosed = reject; });
    s.opened.catch(() => {});
    s.closed.catch(() => {});
    s.fail = (err) => { s.rejectOpened(err); s.rejectClosed(err); };
    makeStreams(s);
    handle.opened().then(() => s.resolveOpened({ remoteAddress: address, localAddress: undefined }), (err) => s.fail(err));
    state.set(socket, s);
    return socket;
  }

  function self(v) {
    const s = state.get(v);
    if (s === undefined) throw new TypeError("Illegal invocation");
    return s;
  }

  class Socket {
    constructor() { throw new TypeError("Illegal constructor"); }
    get readable() { return self(this).readable; }
    get writable() { return self(this).writable; }
    get closed() { return self(this).closed; }
    get opened() { return self(this).opened; }
    get upgraded() { return self(this).upgraded; }
    get secureTransport() { return self(this).secureTransport; }
    close() {
      const s = self(this);
      if (!s.closing) {
        s.closing = true;
        s.handle.close();
        s.errorStreams();
        s.resolveOpened({ remoteAddress: s.address, localAddress: undefined });
        s.resolveClosed();
        return Promise.resolve().then(() => {
          if (s.wrote) s.writeError = "This WritableStream has been closed.";
        });
      }
      return Promise.resolve();
    }
    startTls() {
      const s = self(this);
      if (s.secureTransport === "on") throw new TypeError("Cannot startTls on a TLS socket.");
      if (s.secureTransport !== "starttls") {
        throw new TypeError("The `secureTransport` socket option must be set to 'starttls' for startTls to be used.");
      }
      if (s.tlsStarted) {
        throw new TypeError("startTls has already been called on this socket, or the socket was transferred over RPC.");
      }
      s.tlsStarted = true;
      return newSocket(s.handle.startTls(), s.address, { secureTransport: "on", allowHalfOpen: s.allowHalfOpen });
    }
  }
  // workerd lists constructor last among the prototype's own names.
  delete Socket.prototype.constructor;
  Object.defineProperty(Socket.prototype, "constructor", { value: Socket, writable: true, configurable: true });
  Object.defineProperty(Socket.prototype, Symbol.toStringTag, { value: "Socket", configurable: true });

  function connect(address, options) {
    const addr = parseAddress(address);
    const opts = parseOptions(options);
    const handle = h.dial(addr.hostname, addr.port, opts.secureTransport === "on");
    return newSocket(handle, addr.display, opts);
  }
  return { connect };
})
