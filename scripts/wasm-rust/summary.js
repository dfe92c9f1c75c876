// JS glue for build/summary.wasm (src/lib.rs): strings go in and out
// through the module's linear memory, and its two imports print a line and
// report a panic.
import summaryWasm from "./build/summary.wasm";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Summary is one instance of the Rust module.
export class Summary {
  constructor() {
    // lastPanic is the message of the panic that made the latest trap.
    this.lastPanic = null;
    const text = (ptr, len) => decoder.decode(new Uint8Array(this.exports.memory.buffer, ptr, len));
    this.exports = new WebAssembly.Instance(summaryWasm, {
      env: {
        log: (ptr, len) => console.log(`[rust] ${text(ptr, len)}`),
        panicked: (ptr, len) => {
          this.lastPanic = text(ptr, len);
          console.error(`[rust] ${this.lastPanic}`);
        },
      },
    }).exports;
  }

  // write copies s into the module's input buffer and returns its length
  // in bytes, or throws a RangeError when it does not fit.
  write(s) {
    const { memory, input_ptr, input_cap } = this.exports;
    const bytes = encoder.encode(s);
    if (bytes.length > input_cap()) {
      throw new RangeError(`input of ${bytes.length} bytes is over ${input_cap()}`);
    }
    // A fresh view each time: memory.grow would detach an old one.
    new Uint8Array(memory.buffer, input_ptr(), bytes.length).set(bytes);
    return bytes.length;
  }

  // summarize returns Rust's JSON summary of s, as a string.
  summarize(s) {
    const n = this.exports.summarize(this.write(s));
    return decoder.decode(new Uint8Array(this.exports.memory.buffer, this.exports.output_ptr(), n));
  }

  // wordLength returns the length of word n of s; a missing word panics in
  // Rust, which traps: a WebAssembly.RuntimeError here.
  wordLength(s, n) {
    return this.exports.word_len(this.write(s), n);
  }
}
