// The entry point, in the shape worker-build (workers-rs) generates:
// instantiate the Wasm synchronously at top level with the glue as its
// import object, run its start function, and export a WorkerEntrypoint
// class whose handlers call the crate's exports with this.env and this.ctx.
import * as glue from "./index_bg.js";
import wasmModule from "./index.wasm";
import { WorkerEntrypoint } from "cloudflare:workers";

export * from "./index_bg.js";
export { wasmModule };

const instance = new WebAssembly.Instance(wasmModule, { "./index_bg.js": glue });
glue.__wbg_set_wasm(instance.exports);
instance.exports.__wbindgen_start?.();

class Entrypoint extends WorkerEntrypoint {
	async fetch(request) {
		const response = glue.fetch(request, this.env, this.ctx);
		return await response;
	}
}

// The crate's other exports become methods of the entry point (RPC), as
// worker-build arranges; the glue's internals and the handlers do not.
const notMethods = new Set(["fetch", "queue", "scheduled", "getMemory"]);
for (const name of Object.keys(glue)) {
	if (!notMethods.has(name) && !name.startsWith("__")) {
		Entrypoint.prototype[name] = glue[name];
	}
}

export default Entrypoint;
