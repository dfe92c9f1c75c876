// Automatic content encoding (body_length_cases.go): a Response with
// Content-Encoding gzip or br is compressed on the way out unless made with
// encodeBody: "manual".
export default { fetch(req) {
  const u = new URL(req.url);
  const enc = u.searchParams.get("enc");
  const init = { headers: { "content-encoding": enc, "content-type": "text/plain" } };
  if (u.searchParams.get("manual")) init.encodeBody = "manual";
  return new Response("hello hello hello hello", init);
} };
