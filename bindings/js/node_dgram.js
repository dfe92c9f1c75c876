// node:dgram as workerd gives it (https://nodejs.org/api/dgram.html): a
// Socket that is an EventEmitter whose methods check nothing, send
// nothing and emit nothing; bind, close, ref and unref return the
// socket, address and remoteAddress an empty object, the size getters 0.
(function (h) {
  "use strict";
  const { EventEmitter } = h.require("events");
  const { argType } = h.errors;

  function checkArgs(type, listener) {
    if (type === null || (typeof type !== "object" && typeof type !== "string")) throw argType("type", "object", type);
    if (listener !== undefined && typeof listener !== "function") throw argType("callback", "function", listener);
  }

  function Socket(type, listener) {
    checkArgs(type, listener);
    EventEmitter.call(this);
  }
  Object.setPrototypeOf(Socket.prototype, EventEmitter.prototype);
  Object.setPrototypeOf(Socket, EventEmitter);

  // methods are the prototype's members by what they return, each with
  // Node's parameter count.
  const self = function () { return this; };
  const none = function () {};
  const empty = function () { return {}; };
  const zero = function () { return 0; };
  const methods = [
    ["bind", 3, self], ["connect", 3, none], ["disconnect", 0, none], ["sendto", 6, none], ["send", 6, none], ["close", 1, self],
    ["address", 0, empty], ["remoteAddress", 0, empty], ["setBroadcast", 1, none], ["setTTL", 1, none], ["setMulticastTTL", 1, none],
    ["setMulticastLoopback", 1, none], ["setMulticastInterface", 1, none], ["addMembership", 2, none], ["dropMembership", 2, none],
    ["addSourceSpecificMembership", 3, none], ["dropSourceSpecificMembership", 3, none], ["ref", 0, self], ["unref", 0, self],
    ["setRecvBufferSize", 1, none], ["setSendBufferSize", 1, none], ["getRecvBufferSize", 0, zero], ["getSendBufferSize", 0, zero],
    ["getSendQueueSize", 0, zero], ["getSendQueueCount", 0, zero],
  ];
  for (const [name, length, body] of methods) {
    const fn = { [name](...args) { return body.apply(this, args); } }[name];
    Object.defineProperty(fn, "length", { value: length });
    Object.defineProperty(Socket.prototype, name, { value: fn, writable: true, configurable: true });
  }

  function createSocket(type, listener) {
    return new Socket(type, listener);
  }
  return { createSocket, Socket };
})
