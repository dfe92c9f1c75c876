// node:_stream_duplex, _stream_readable, _stream_writable,
// _stream_transform and _stream_passthrough (Node's old internal module
// names, still imported by npm code): each's default export is
// node:stream's class, its named ones the class and the statics workerd
// lists for it, read from node:stream when the module is first used.
(function (h, name) {
  "use strict";
  const stream = h.require("stream");
  const classes = {
    _stream_duplex: ["Duplex", "from", "fromWeb", "toWeb"],
    _stream_readable: ["Readable", "ReadableState", "from", "fromWeb", "toWeb", "wrap"],
    _stream_writable: ["Writable", "WritableState", "fromWeb", "toWeb"],
    _stream_transform: ["Transform"],
    _stream_passthrough: ["PassThrough"],
  };
  const [className, ...statics] = classes[name];
  const C = stream[className];
  const named = { [className]: C };
  for (const k of statics) if (C[k] !== undefined) named[k] = C[k];
  return h.errors.esModule(C, named);
})
