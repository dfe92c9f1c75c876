// node:readline and node:readline/promises
// (https://nodejs.org/api/readline.html) as workerd gives them: a worker
// has no terminal, so an Interface reads nothing and the cursor functions
// do nothing and answer false.
(function (h, name) {
  "use strict";
  const EventEmitter = h.require("events");
  class Interface extends EventEmitter {
    constructor() {
      super();
      this.terminal = false;
      this.line = "";
      this.cursor = 0;
    }
    getPrompt() { return ""; }
    setPrompt() {}
    prompt() {}
    // question answers at once with an empty line: there is no input.
    question(query, options, cb) {
      const callback = typeof options === "function" ? options : cb;
      if (typeof callback === "function") callback("");
    }
    pause() { return this; }
    resume() { return this; }
    close() {}
    write() {}
    getCursorPos() { return { rows: 0, cols: 0 }; }
  }
  class Readline {
    clearLine() { return this; }
    clearScreenDown() { return this; }
    commit() { return Promise.resolve(); }
    cursorTo() { return this; }
    moveCursor() { return this; }
    rollback() { return this; }
  }
  const createInterface = () => new Interface();
  const promises = Object.assign(Object.create(null), { Interface, Readline, createInterface });
  if (name === "readline/promises") return { Interface, Readline, createInterface };
  return {
    clearLine() { return false; },
    clearScreenDown() { return false; },
    createInterface,
    cursorTo() { return false; },
    emitKeypressEvents() {},
    moveCursor() { return false; },
    Interface,
    promises,
  };
})
