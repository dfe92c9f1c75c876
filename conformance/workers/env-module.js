// Conformance worker: text bindings reach a module worker as env.
export default {
  fetch(request, env, ctx) {
    return new Response(`NAME=${env.NAME} typeof=${typeof env.NAME} global=${typeof globalThis.NAME} waitUntil=${typeof ctx.waitUntil}`);
  },
};
