// Conformance worker: Durable Object alarms. setAlarm/getAlarm/deleteAlarm,
// the alarm() handler (printed with console.log, times kept out: only
// whether they match), an alarm that throws and is retried, and what
// deleteAll() does to an alarm. Each route reaches its own object.
import { DurableObject } from "cloudflare:workers";
import { Report } from "./durable-report.js";

export class Alarmed extends DurableObject {
  async fetch(request) {
    const s = this.ctx.storage;
    const r = new Report();
    switch (new URL(request.url).pathname) {
      case "/set": {
        const when = Date.now() + 100;
        await r.add("getAlarm() before", () => s.getAlarm());
        await r.add("setAlarm(now + 100)", () => s.setAlarm(when));
        await r.add("getAlarm() is that time", async () => (await s.getAlarm()) === when);
        await r.add("setAlarm(a Date)", () => s.setAlarm(new Date(when)));
        await r.add("getAlarm() still that time", async () => (await s.getAlarm()) === when);
        await s.put("when", when);
        break;
      }
      case "/status":
        await r.add("getAlarm()", () => s.getAlarm());
        await r.add("runs", () => s.get("runs"));
        break;
      case "/errors":
        await r.add("setAlarm(0)", () => s.setAlarm(0));
        await r.add("setAlarm(-1)", () => s.setAlarm(-1));
        await r.add("setAlarm(NaN)", () => s.setAlarm(NaN));
        await r.add("setAlarm('soon')", () => s.setAlarm("soon"));
        await r.add("setAlarm()", () => s.setAlarm());
        await r.add("setAlarm(now + 60 s + 0.7 ms) is kept whole", async () => {
          await s.setAlarm(Date.now() + 60000.7);
          return Number.isInteger(await s.getAlarm());
        });
        await r.add("deleteAlarm()", () => s.deleteAlarm());
        await r.add("getAlarm() after deleteAlarm()", () => s.getAlarm());
        await r.add("deleteAlarm() again", () => s.deleteAlarm());
        break;
      case "/replace": {
        // Only the second time set runs.
        await s.setAlarm(Date.now() + 60000);
        const when = Date.now() + 50;
        await s.setAlarm(when);
        await s.put("when", when);
        await r.add("getAlarm() is the second time", async () => (await s.getAlarm()) === when);
        break;
      }
      case "/past": {
        const when = Date.now() - 1000;
        await s.put("when", when);
        await r.add("setAlarm(a second ago)", () => s.setAlarm(when));
        break;
      }
      case "/fail-once":
        await s.put("fail", 1);
        await s.put("when", Date.now() + 50);
        await r.add("setAlarm(now + 50)", async () => s.setAlarm(await s.get("when")));
        break;
      case "/delete-all":
        await s.put("k", "v");
        await s.setAlarm(Date.now() + 60000);
        await r.add("deleteAll()", () => s.deleteAll());
        await r.add("list()", () => s.list());
        await r.add("alarm kept", async () => (await s.getAlarm()) !== null);
        await s.deleteAlarm();
        break;
      default:
        return new Response("no such route", { status: 404 });
    }
    return r.response();
  }

  async alarm(info) {
    const s = this.ctx.storage;
    const runs = ((await s.get("runs")) || 0) + 1;
    await s.put("runs", runs);
    const when = await s.get("when");
    const facts = [
      "name=" + this.ctx.id.name,
      "arguments=" + arguments.length,
      "info keys=" + Object.keys(info).sort().join(","),
      "scheduledTime is the time set=" + (info.scheduledTime === when),
      "not before it=" + (info.scheduledTime >= when),
      "retryCount=" + info.retryCount,
      "isRetry=" + info.isRetry,
      "getAlarm()=" + (await s.getAlarm()),
    ];
    console.log("alarm ran: " + facts.join(" "));
    if ((await s.get("fail")) && !info.isRetry) {
      throw new Error("alarm failed on purpose");
    }
  }
}

export class NoHandler extends DurableObject {
  async fetch() {
    const r = new Report();
    await r.add("setAlarm() without alarm()", () => this.ctx.storage.setAlarm(Date.now() + 60000));
    await r.add("getAlarm() without alarm()", () => this.ctx.storage.getAlarm());
    await r.add("deleteAlarm() without alarm()", () => this.ctx.storage.deleteAlarm());
    return r.response();
  }
}

export default {
  fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === "/no-handler") return env.NOHANDLER.getByName("none").fetch(request);
    return env.ALARMED.getByName(url.searchParams.get("object") || "alarmed").fetch(request);
  },
};
