// A worker with a Durable Object class: the ID of "foo" and a count kept
// by the object across two calls, in its SQL database.
export class Counter {
  constructor(state) {
    this.sql = state.storage.sql;
    this.sql.exec("CREATE TABLE IF NOT EXISTS c (n INTEGER)");
  }
  fetch() {
    this.sql.exec("INSERT INTO c VALUES (1)");
    return new Response(String(this.sql.exec("SELECT count(*) AS n FROM c").one().n));
  }
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
