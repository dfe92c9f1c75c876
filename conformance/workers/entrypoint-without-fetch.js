// Conformance worker: a class entry point whose instances have no fetch
// method (a class field that is not a function). workerd cannot tell at
// startup, so each request fails, and it warns once.
import { WorkerEntrypoint } from "cloudflare:workers";

export default class extends WorkerEntrypoint {
  fetch = 5;
}
