// Benchmark worker on Hono: GET /users/:id?q=TEXT answers a 20-item JSON
// list (the user's id, the query, and twenty items), the shape of a small
// API endpoint.
import { Hono } from "hono";

const app = new Hono();

app.get("/users/:id", (c) => {
  const id = c.req.param("id");
  const q = c.req.query("q") ?? "";
  const items = [];
  for (let i = 0; i < 20; i++) {
    items.push({ id: i, name: `item ${i} of user ${id}`, match: q, score: i * 0.5 });
  }
  return c.json({ user: id, q, count: items.length, items });
});

app.get("/", (c) => c.text("ok"));

export default app;
