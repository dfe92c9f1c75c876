// HTMLRewriter over fixed HTML, one scenario per path. The source body
// arrives in the chunks given, so text chunking shows; handlers log what
// they see into an "x-seen" header-free trailer appended to the output.
const page = [
  `<!DOCTYPE html>\n<html lang="en"><head><title>A &amp; B</title>`,
  `<!-- build 42 --><script>if (a < b) { x("</p>") }</script></head>\n`,
  `<body class="home main"><h1 id="top">Hello, wor`,
  `ld</h1><p>First <a href="/one">one</a> and <a href='http://other.example/two' class=ext>two</a>.</p>`,
  `<div class="ad"><p>buy <b>now</b></p></div><img src=/pic.png alt=""><br/>`,
  `<ul><li>1</li><li>2</li><li>3</li></ul><p data-x="Hello">end</p></body></html>\n`,
];

function source(chunks) {
  const enc = new TextEncoder();
  return new Response(new ReadableStream({
    start(c) { for (const p of chunks) c.enqueue(enc.encode(p)); c.close(); },
  }), { headers: { "content-type": "text/html;charset=UTF-8" } });
}

const scenarios = {
  links(r, seen) {
    r.on("a[href]", {
      element(e) {
        const href = e.getAttribute("href");
        seen.push(`a ${href} ${[...e.attributes].map(([k, v]) => k + "=" + v).join(",")}`);
        if (href.startsWith("/")) e.setAttribute("href", "https://example.com" + href);
        else e.setAttribute("target", "_blank").setAttribute("rel", 'noopener "x"');
      },
    });
  },
  attrs(r) {
    r.on("body", { element(e) { e.setAttribute("data-rewritten", "yes"); e.removeAttribute("class") } })
      .on("img", { element(e) { e.setAttribute("loading", "lazy") } })
      .on("h1", { element(e) { e.tagName = "h2" } });
  },
  remove(r, seen) {
    r.on("div.ad", { element(e) { e.remove(); seen.push("removed " + e.removed) } })
      .on("script", { element(e) { e.replace("<!-- no script -->", { html: true }) } })
      .on("li:nth-child(2)", { element(e) { e.removeAndKeepContent() } })
      .on("ul > li:first-child", { element(e) { e.setInnerContent("<b>one</b>", { html: true }) } })
      .on("p:not([data-x])", { element(e) { e.before("<hr>", { html: true }); e.after("<after>") } });
  },
  text(r, seen) {
    r.on("h1", {
      text(t) {
        seen.push(`text ${JSON.stringify(t.text)} ${t.lastInTextNode}`);
        if (t.text.includes("Hello")) t.replace(t.text.toUpperCase());
      },
    }).on("title", { text(t) { if (t.text) t.replace("New & improved") } })
      .on("script", { text(t) { seen.push(`script ${JSON.stringify(t.text)}`) } })
      .on("li", { text(t) { if (t.text === "3") t.remove() } });
  },
  comments(r, seen) {
    r.onDocument({ comments(c) { seen.push("comment " + c.text); c.text = " rewritten "; c.after("<!-- after -->", { html: true }) } })
      .on("body", { comments(c) { seen.push("body comment " + c.text) } });
  },
  doctype(r, seen) {
    r.onDocument({
      doctype(d) { seen.push(`doctype ${d.name} ${d.publicId} ${d.systemId}`) },
      end(end) { end.append("<!-- served by a rewriter -->", { html: true }) },
    });
  },
  endtag(r, seen) {
    r.on("p", {
      element(e) {
        e.prepend("[");
        e.onEndTag((end) => { seen.push("end " + end.name); end.before("]"); end.after("\n", { html: true }) });
      },
    }).on("h1", { element(e) { e.onEndTag((end) => { end.name = "h6" }) } })
      .on("ul", { element(e) { e.onEndTag((end) => end.remove()) } });
  },
  async async(r, seen) {
    r.on("li", {
      async element(e) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        const n = await Promise.resolve(e.getAttribute("nope") ?? "none");
        e.setAttribute("data-n", n);
        seen.push("li after await");
      },
    }).onDocument({ async end(end) { await null; end.append("<!-- end -->", { html: true }) } });
  },
  errors(r, seen) {
    for (const s of ["a + b", "a:hover", "", "a >", "a[", "a:nth-last-child(1)", "#1", "a..b"]) {
      try { new HTMLRewriter().on(s, {}); seen.push(`selector ${JSON.stringify(s)} ok`) } catch (e) { seen.push(`selector ${JSON.stringify(s)} ${e.name}: ${e.message}`) }
    }
    r.on("p", { element(e) { try { e.setAttribute("a b", "c") } catch (x) { seen.push(`${x.name}: ${x.message}`) } } });
    r.onDocument({ comments(c) { try { c.text = "-->" } catch (x) { seen.push(`${x.name}: ${x.message}`) } } });
  },
  streamed(r) {
    const rs = (...parts) => new ReadableStream({ start(c) { for (const p of parts) c.enqueue(new TextEncoder().encode(p)); c.close() } });
    r.on("h1", { element(e) { e.replace(new Response("<h1>From a <em>Response</em></h1>"), { html: true }) } })
      .on("li", { element(e) { e.append(rs("<", "streamed", ">")) } })
      .on("title", { text(t) { if (t.text) t.replace(rs("Streamed ", "title")) } });
  },
  async throws(r) {
    r.on("h1", { element() { throw new RangeError("handler failed") } });
  },
};

export default {
  async fetch(request) {
    const name = new URL(request.url).pathname.slice(1);
    if (name === "served") {
      // Served as it streams; the rewritten length differs from the
      // original's Content-Length, which must not be sent.
      const original = new Response(page.join(""), { headers: { "content-type": "text/html", "content-length": "632" } });
      return new HTMLRewriter().on("a[href^='/']", { element(e) { e.setAttribute("href", "https://example.com" + e.getAttribute("href")) } }).transform(original);
    }
    const scenario = scenarios[name];
    if (!scenario) return new Response("no such scenario", { status: 404 });
    const seen = [];
    const r = new HTMLRewriter();
    await scenario(r, seen);
    let body;
    try {
      body = await r.transform(source(page)).text();
    } catch (e) {
      body = `failed: ${e.name}: ${e.message}`;
    }
    return new Response(body + "\n----\n" + seen.join("\n") + "\n");
  },
};
