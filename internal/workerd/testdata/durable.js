// A worker with a Durable Object class: the ID of "foo" and a count kept
// by the object across two calls.
export class Counter {
  constructor(state) { this.n = 0; }
  fetch() { this.n++; return new Response(String(this.n)); }
}
export default {
  async fetch(request, env) {
    const id = env.COUNTERS.idFromName("foo");
    const stub = env.COUNTERS.get(id);
    await stub.fetch("http://do/");
    const n = await (await stub.fetch("http://do/")).text();
    return new Response(id.toString() + " " + n);
  },
};
