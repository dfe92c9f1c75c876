// A service-worker script: no exports, vars are globals.
addEventListener("fetch", (event) => {
  console.log("service-worker", GREETING);
  event.respondWith(new Response(`${GREETING} from a service worker`));
});
