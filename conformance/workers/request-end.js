// Conformance worker: what a request's leftover work does once its
// response is sent. /check reports what ran.

const seen = { timer: false, waitUntilTimer: false, waitUntilFetch: "", interval: 0 };
let pending;

async function report(fn) {
  try {
    return new Response(String(await fn()));
  } catch (e) {
    return new Response(`${e.constructor.name}: ${e.message}`);
  }
}

export default {
  async fetch(request, env, ctx) {
    switch (new URL(request.url).pathname) {
      case "/timer":
        setTimeout(() => { seen.timer = true; }, 30);
        return new Response("timer set");
      case "/wait-until-timer":
        ctx.waitUntil(new Promise((resolve) => setTimeout(() => { seen.waitUntilTimer = true; resolve(); }, 30)));
        return new Response("waitUntil timer set");
      case "/wait-until-fetch":
        ctx.waitUntil(fetch(env.UPSTREAM + "plain").then((r) => r.text()).then((t) => { seen.waitUntilFetch = t; }));
        return new Response("waitUntil fetch started");
      case "/interval": {
        const id = setInterval(() => { seen.interval++; }, 10);
        await new Promise((resolve) => setTimeout(resolve, 35));
        seen.intervalAtResponse = seen.interval;
        return new Response("interval set");
      }
      case "/fetch-left-behind":
        pending = fetch(env.UPSTREAM + "slow");
        return new Response("fetch started");
      case "/await-left-behind":
        return report(async () => (await pending).status);
      case "/check":
        return new Response(JSON.stringify({ ...seen, intervalGrew: seen.interval > seen.intervalAtResponse, interval: undefined, intervalAtResponse: undefined }));
    }
    return new Response("no route", { status: 404 });
  },
};
