// Conformance worker: a default export that is a class but not an entry
// point is taken for a Durable Object class; workerd logs that and passes
// requests to the fetch listeners instead.
import { DurableObject } from "cloudflare:workers";

addEventListener("fetch", (event) => event.respondWith(new Response("from the listener")));

export default class Counter extends DurableObject {
  fetch() {
    return new Response("never");
  }
}
