// WritableStream as a user sees it: back-pressure through desiredSize and
// ready, a sink fed from a request body, and the errors of locked, closed
// and released streams. Each line is "label: result".
const probe = async (out, label, f) => {
  try {
    out.push(`${label}: ${String(await f())}`);
  } catch (e) {
    out.push(`${label}: threw ${e.name}: ${e.message}`);
  }
};

export default {
  async fetch(request) {
    const out = [];
    await probe(out, "back-pressure", async () => {
      const w = new WritableStream({
        write() { return new Promise((r) => setTimeout(r, 5)); },
      }, new CountQueuingStrategy({ highWaterMark: 2 })).getWriter();
      const sizes = [w.desiredSize];
      for (let i = 0; i < 3; i++) { w.write(i); sizes.push(w.desiredSize); }
      await w.ready; sizes.push(w.desiredSize);
      await w.close(); sizes.push(w.desiredSize);
      return sizes.join(" ");
    });
    await probe(out, "request body into a sink", async () => {
      let total = 0;
      const w = new WritableStream({ write(chunk) { total += chunk.byteLength; } }, new ByteLengthQueuingStrategy({ highWaterMark: 1024 })).getWriter();
      const reader = request.body.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        await w.ready;
        w.write(value);
      }
      await w.close();
      return total;
    });
    await probe(out, "locked", () => { const s = new WritableStream(); s.getWriter(); return s.getWriter(); });
    await probe(out, "locked abort", () => { const s = new WritableStream(); s.getWriter(); return s.abort(); });
    await probe(out, "write after close", () => { const w = new WritableStream().getWriter(); w.close(); return w.write(1); });
    await probe(out, "released", () => { const w = new WritableStream().getWriter(); w.releaseLock(); return w.write(1); });
    await probe(out, "negative highWaterMark", () => new WritableStream({}, { highWaterMark: -1 }));
    await probe(out, "abort", async () => {
      let c, got;
      const w = new WritableStream({ start(cc) { c = cc; }, abort(r) { got = r; } }).getWriter();
      await w.abort("why");
      return `${got} ${c.signal.aborted} ${await w.write(1).catch((e) => e)}`;
    });
    await probe(out, "sink throws", async () => {
      const w = new WritableStream({ write() { throw new RangeError("sink"); } }).getWriter();
      await w.write(1).catch(() => {});
      return w.closed;
    });
    await probe(out, "controller", () => new WritableStreamDefaultController());
    await probe(out, "strategy", () => { const s = new ByteLengthQueuingStrategy({ highWaterMark: 3 }); return `${s.highWaterMark} ${s.size(new Uint8Array(7))}`; });
    return new Response(out.join("\n") + "\n");
  },
};
