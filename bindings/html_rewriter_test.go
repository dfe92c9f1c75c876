package bindings_test

import (
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

// rewriteHelpers is JS shared by the HTMLRewriter tests: rewrite(html,
// setup, chunks) runs a rewriter set up by setup over html fed in the
// given chunks and returns the output text.
const rewriteHelpers = `
	async function rewrite(html, setup, chunks) {
		const enc = new TextEncoder();
		const body = new ReadableStream({ start(c) { for (const p of chunks || [html]) c.enqueue(enc.encode(p)); c.close(); } });
		const r = new HTMLRewriter();
		setup(r);
		return r.transform(new Response(body)).text();
	}
`

// The expected outputs below were given by workerd 1.20261117.1.
func TestHTMLRewriterElements(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "html_rewriter_elements_test.js", rewriteHelpers+`(async () => {
		assertEq(await rewrite("<a  href='x'  class=y>t</a>", r => r.on("a", { element(e) { e.setAttribute("href", 'z"q&<') } })),
			'<a href="z&quot;q&<" class=y>t</a>', "a changed tag is written anew, other attributes as they were");
		assertEq(await rewrite("<img src=x /><br/>", r => r.on("img", { element(e) { e.setAttribute("alt", "") } })),
			'<img src=x alt="" /><br/>', "self-closing");
		assertEq(await rewrite("<a href=x class=c>t</a>", r => r.on("a", { element(e) { e.removeAttribute("href") } })), "<a class=c>t</a>", "removeAttribute");
		assertEq(await rewrite("<div id=a>t</div>", r => r.on("div", { element(e) { e.tagName = "SPAN" } })), "<SPAN id=a>t</SPAN>", "tagName renames both tags");
		assertEq(await rewrite("<DIV Data-X=1 CLASS=a>x</DIV>", r => r.on("div", { element(e) {
			assertEq(JSON.stringify([...e.attributes]), '[["data-x","1"],["class","a"]]', "attributes");
			assertEq(e.tagName, "div", "tagName");
			e.setAttribute("Foo", "b");
		} })), '<DIV Data-X=1 CLASS=a foo="b">x</DIV>', "names are lower-cased, the source's case kept");
		let seen;
		await rewrite('<a href="a&amp;b" title=\'x\'>t</a>', r => r.on("a", { element(e) {
			seen = [e.getAttribute("href"), e.hasAttribute("TITLE"), e.getAttribute("nope"), e.namespaceURI, e.removed, Object.keys(e).join()];
		} }));
		assertEq(JSON.stringify(seen), '["a&amp;b",true,null,"http://www.w3.org/1999/xhtml",false,"namespaceURI,removed,attributes,tagName"]', "getters");
		assertEq(await rewrite("<p>a</p>", r => r.on("p", { element(e) {
			e.before("1"); e.before("2"); e.after("3"); e.after("4"); e.prepend("5"); e.prepend("6"); e.append("7"); e.append("8");
		} })), "12<p>65a78</p>43", "order of inserted content");
		assertEq(await rewrite("<div><b>1</b></div><p>2</p><i>3</i><u>4</u><s>5</s>", r => r
			.on("div", { element(e) { e.before("<x>"); e.after("<y>", { html: true }); e.prepend("P"); e.append("A") } })
			.on("p", { element(e) { e.setInnerContent("<q>", { html: true }) } })
			.on("i", { element(e) { e.replace("R") } })
			.on("u", { element(e) { e.remove() } })
			.on("s", { element(e) { e.removeAndKeepContent() } })),
			"&lt;x&gt;<div>P<b>1</b>A</div><y><p><q></p>R5", "content edits");
		assertEq(await rewrite("<div><p>a</p></div>", r => r.on("div", { element(e) { e.setInnerContent("I"); e.append("A"); e.prepend("P") } })), "<div>PIA</div>", "inner content");
		assertEq(await rewrite("<div><p>a</p></div>", r => r.on("div", { element(e) { e.replace("R"); e.before("B"); e.after("F") } })), "BRF", "replace");
		const edits = (html, sel, fn) => rewrite(html, r => r.on(sel, { element: fn }));
		assertEq(await edits("<div><b>x</b></div>", "div", e => { e.removeAndKeepContent(); e.prepend("P"); e.append("A"); e.before("B"); e.after("F") }), "BP<b>x</b>AF", "removeAndKeepContent keeps inserted content");
		assertEq(await edits("<div><b>x</b></div>", "div", e => { e.remove(); e.prepend("P"); e.append("A"); e.before("B"); e.after("F") }), "BPAF", "remove keeps inserted content");
		assertEq(await edits("<div><b>x</b></div>", "div", e => { e.setInnerContent("I"); e.replace("R") }), "R", "replace drops inner content set before");
		assertEq(await edits("<div><b>x</b></div>", "div", e => { e.replace("R"); e.setInnerContent("I") }), "RI", "inner content set after replace");
		assertEq(await rewrite("<br><img src=x>", r => r.on("br", { element(e) { e.prepend("P"); e.append("A"); e.before("B"); e.after("F") } })
			.on("img", { element(e) { e.setInnerContent("I") } })), "B<br>F<img src=x>", "a void element has no content to edit");
		assertEq(await edits("<svg><path/></svg>", "path", e => { e.append("A"); e.after("F") }), "<svg><path/>F</svg>", "nor a self-closing SVG element");
		assertEq(await edits("<div/>x</div>y", "div", e => { e.append("A"); e.after("F") }), "<div/>xA</div>Fy", "an HTML <div/> is a start tag");
		const svg = [];
		await rewrite("<svg><circle/><foreignObject><p>x</p></foreignObject></svg><math><mi>x</mi></math>", r => r.on("*", { element(e) { svg.push(e.tagName + " " + e.namespaceURI) } }));
		assertEq(svg.join("|"), "svg http://www.w3.org/2000/svg|circle http://www.w3.org/2000/svg|foreignobject http://www.w3.org/2000/svg|p http://www.w3.org/1999/xhtml|math http://www.w3.org/1998/Math/MathML|mi http://www.w3.org/1998/Math/MathML", "namespaces");
		assertEq(String(await new Promise(res => rewrite("<p>x</p>", r => r.on("p", { element(e) { res(e) } })))), "[object Element]", "toStringTag");
	})()`)
}

func TestHTMLRewriterEndTags(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "html_rewriter_end_tags_test.js", rewriteHelpers+`(async () => {
		const log = [];
		assertEq(await rewrite("<div>x</div ><p>y", r => r
			.on("div", { element(e) { e.onEndTag(end => { log.push(end.name); end.before("<b>", { html: true }); end.after("!"); end.name = "section" }) } })
			.on("p", { element(e) { e.onEndTag(() => log.push("p end")) } })), "<div>x<b></section>!<p>y", "end tag edits");
		assertEq(log.join(), "div", "no end tag, no handler");
		const names = [];
		await rewrite("<div>x</div>", r => r.on("div", { element(e) { e.tagName = "span"; e.onEndTag(t => names.push(t.name)) } }));
		assertEq(names.join(), "span", "an end tag has its element's new name");
		assertEq(await rewrite("<p>abc</p>", r => r.on("p", { element(e) { e.onEndTag(t => t.before("1")); e.onEndTag(t => t.before("2")) } })), "<p>abc2</p>", "the last onEndTag wins");
		assertEq(await rewrite("<p>abc</p>", r => r.on("p", { element(e) { e.onEndTag(t => t.remove()) } })), "<p>abc", "remove");
		assertEq(await rewrite("<div><span>a</div>b", r => r.on("span", { element(e) { e.append("A"); e.after("F") } })), "<div><span>aA</div>Fb", "closed by an outer end tag");
		assertEq(await rewrite("<div>a", r => r.on("div", { element(e) { e.append("A"); e.after("F") } })), "<div>a", "never closed");
		let err;
		await rewrite("<br>", r => r.on("br", { element(e) { err = assertThrows(() => e.onEndTag(() => {}), "TypeError") } }));
		assertEq(err.message, "Parser error: No end tag.", "void element");
	})()`)
}

func TestHTMLRewriterTextAndComments(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "html_rewriter_text_test.js", rewriteHelpers+`(async () => {
		assertEq(await rewrite("<p>hello world</p>", r => r.on("p", { text(t) { t.replace("[" + t.text + "|" + t.lastInTextNode + "]") } }), ["<p>hel", "lo wor", "ld</p>"]),
			"<p>[hel|false][lo wor|false][ld|false][|true]</p>", "text is cut at chunk boundaries, then an empty last chunk");
		const seen = [];
		await rewrite("a < b <3 x</p >y", r => r.onDocument({ text(t) { seen.push(t.text + ":" + t.lastInTextNode) } }));
		assertEq(seen.join("|"), "a :false|<:false| b :false|<:false|3 x:false|:true|y:false|:true", "a '<' that starts no tag is a chunk");
		const script = [];
		await rewrite('<script>if (a<b) "</p>"</script>', r => r.on("script", { text(t) { script.push(t.text) } }));
		assertEq(JSON.stringify(script), '["if (a","<","b) \\"","</p",">\\"",""]', "script text");
		const scoped = [];
		await rewrite("<p></p><p>a<b>c</b>d</p>x<!--c-->y", r => r.on("p", { text(t) { scoped.push("p" + t.text) } }).onDocument({ text(t) { scoped.push("d" + t.text) } }));
		assertEq(scoped.join(), "pa,da,p,d,pc,dc,p,d,pd,dd,p,d,dx,d,dy,d", "element text handlers see descendants' text, before the document's");
		assertEq(await rewrite("<p>abc</p>", r => r.on("p", { text(t) { if (t.text) { t.remove(); assertEq(t.removed, true, "removed") } } })), "<p></p>", "text remove");
		assertEq(await rewrite("<!-- a --><p><!--b--></p>", r => r.on("p", { comments(c) { c.text = "X" + c.text } })
			.onDocument({ comments(c) { c.before("B", { html: true }); c.after("<A>") } })), "B<!-- a -->&lt;A&gt;<p>B<!--Xb-->&lt;A&gt;</p>", "comments");
		let err;
		await rewrite("<!--a-->", r => r.onDocument({ comments(c) { err = assertThrows(() => { c.text = "a-->b" }, "TypeError") } }));
		assertEq(err.message, "Parser error: Comment text shouldn't contain a comment-closing sequence.", "comment closing");
		const cdata = [];
		await rewrite("<svg><![CDATA[x<y]]></svg>", r => r.onDocument({ text(t) { cdata.push(t.text) } }));
		assertEq(cdata.join("|"), "x<y|", "CDATA in SVG is text");
	})()`)
}

func TestHTMLRewriterDocument(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "html_rewriter_document_test.js", rewriteHelpers+`(async () => {
		const docs = [];
		const out = await rewrite('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><p>x</p>', r => r.onDocument({
			doctype(d) { docs.push([d.name, d.publicId, d.systemId]) },
			end(e) { e.append("<!--end-->", { html: true }); e.append("<&>") },
		}));
		assertEq(out, '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><p>x</p><!--end-->&lt;&amp;&gt;', "end");
		await rewrite("<!doctype html>", r => r.onDocument({ doctype(d) { docs.push([d.name, d.publicId, d.systemId]) } }));
		assertEq(JSON.stringify(docs), '[["html","-//W3C//DTD XHTML 1.0 Strict//EN","http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"],["html",null,null]]', "doctype");
	})()`)
}

func TestHTMLRewriterAsyncAndStreaming(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "html_rewriter_async_test.js", rewriteHelpers+`(async () => {
		assertEq(await rewrite("<a>1</a><a>2</a>", r => r.on("a", { async element(e) { await new Promise(r => setTimeout(r, 5)); e.setAttribute("x", "y") } })),
			'<a x="y">1</a><a x="y">2</a>', "async handlers hold the rewriting");
		let stale;
		assertEq(await rewrite("<p>x</p><i></i>", r => r.on("p", { async element(e) { stale = e; await null; e.after("ok") } })), "<p>x</p>ok<i></i>", "valid until its promise settles");
		assertEq(assertThrows(() => stale.after("late"), "TypeError").message,
			"This content token is no longer valid. Content tokens are only valid during the execution of the relevant content handler.", "stale token");
		await assertRejects(rewrite("<p>x</p>", r => r.on("p", { async element() { throw new RangeError("late") } })), "RangeError", "late");
		await assertRejects(rewrite("<p>x</p>", r => r.on("p", { element() { throw new TypeError("boom") } })), "TypeError", "boom");
		class H { constructor() { this.n = "me" } element(e) { e.setAttribute("by", this.n) } }
		assertEq(await rewrite("<p>x</p>", r => r.on("p", new H())), '<p by="me">x</p>', "handlers are called on their object");

		// The body streams: output comes before the input has ended.
		let ctl;
		const enc = new TextEncoder(), dec = new TextDecoder();
		const body = new ReadableStream({ start(c) { ctl = c; c.enqueue(enc.encode("<p>one</p><p>tw")) } });
		const res = new HTMLRewriter().on("p", { element(e) { e.setAttribute("x", "1") } }).transform(new Response(body));
		const reader = res.body.getReader();
		assertEq(dec.decode((await reader.read()).value), '<p x="1">one</p>', "first chunk");
		assertEq(dec.decode((await reader.read()).value), '<p x="1">tw', "second chunk, before the input ends");
		ctl.enqueue(enc.encode("o</p>"));
		ctl.close();
		assertEq(dec.decode((await reader.read()).value), "o</p>", "last chunk");
		assertEq((await reader.read()).done, true, "done");
	})()`)
}

func TestHTMLRewriterStreamedContent(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "html_rewriter_streamed_test.js", rewriteHelpers+`(async () => {
		const rs = (...parts) => new ReadableStream({ start(c) { for (const p of parts) c.enqueue(typeof p === "string" ? new TextEncoder().encode(p) : p); c.close() } });
		assertEq(await rewrite("<p>x</p><i>y</i>", r => r.on("p", { element(e) { e.replace(new Response("<b>&</b>")) } })), "&lt;b&gt;&amp;&lt;/b&gt;<i>y</i>", "a Response, escaped");
		assertEq(await rewrite("<p>x</p>", r => r.on("p", { element(e) { e.replace(new Response("<b>&</b>"), { html: true }) } })), "<b>&</b>", "a Response as HTML");
		assertEq(await rewrite("<p>x</p>", r => r.on("p", { element(e) { e.append(rs("<a>", "b")); e.prepend(rs("<c>"), { html: true }); e.before(new Response("B")); e.after(rs("A")) } })),
			"B<p><c>x&lt;a&gt;b</p>A", "streams in every place");
		assertEq(await rewrite("<p>x</p>", r => r.on("p", { element(e) { e.setInnerContent(rs("<q>", "r"), { html: true }) } })), "<p><q>r</p>", "inner content");
		assertEq(await rewrite("<p>x</p>", r => r.on("p", { text(t) { if (t.text) t.replace(rs("<T>")) } })), "<p>&lt;T&gt;</p>", "text");
		assertEq(await rewrite("<p>x</p>", r => r.on("p", { element(e) { e.onEndTag(t => t.before(rs("<E>"))) } })), "<p>x&lt;E&gt;</p>", "end tag");
		assertEq(await rewrite("<p>x</p>", r => r.on("p", { element(e) { e.before(rs("1")); e.before(rs("2")); e.before("3") } })), "123<p>x</p>", "in order with strings");
		assertEq(await rewrite("<p>x</p>", r => r.on("p", { element(e) { e.before(new ReadableStream({ start(c) { c.enqueue("str"); c.close() } })) } })), "str<p>x</p>", "string chunks");
		assertEq(await rewrite("<p>x</p>", r => r.on("p", { element(e) { e.before(new Blob(["<z>"])); e.after(12) } })), "[object Blob]<p>x</p>12", "other values are strings");
		const msg = "Replacing content in HTML comments using a ReadableStream or Response object is not implemented. You must provide a string.";
		await assertRejects(rewrite("<!--c-->", r => r.onDocument({ comments(c) { c.replace(rs("<C>")) } })), "TypeError", msg);
		await assertRejects(rewrite("<p>x</p>", r => r.onDocument({ end(e) { e.append(rs("<E>"), { html: true }) } })), "TypeError", msg);
		await assertRejects(rewrite("<p>x</p>", r => r.on("p", { async element(e) { const res = new Response("x"); await res.text(); e.before(res) } })),
			"TypeError", "The ReadableStream has been locked to a reader.");
	})()`)
}

func TestHTMLRewriterCharset(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "html_rewriter_charset_test.js", `(async () => {
		const page = (ct) => new Response(new Uint8Array([0x3c, 0x70, 0x20, 0x74, 0x3d, 0xe9, 0x3e, 0xe9, 0x3c, 0x2f, 0x70, 0x3e]), { headers: { "content-type": ct } });
		const seen = [];
		const out = new Uint8Array(await new HTMLRewriter().on("p", {
			element(e) { seen.push(e.getAttribute("t")); e.append("é€") },
			text(t) { seen.push(t.text) },
		}).transform(page("text/html; charset=iso-8859-1")).arrayBuffer());
		assertEq(JSON.stringify(seen), '["é","é",""]', "windows-1252 is decoded for handlers");
		assertEq(out.join(), "60,112,32,116,61,233,62,233,233,128,60,47,112,62", "and content is encoded into it");
		const sjis = new Uint8Array(await new HTMLRewriter().on("p", { element(e) { e.append("é") } }).transform(page("text/html; charset=shift_jis")).arrayBuffer());
		assertEq(new TextDecoder().decode(sjis.slice(8, -4)), "&#233;", "what the encoding lacks becomes a character reference");
		assertThrows(() => new HTMLRewriter().transform(page("text/html; charset=utf-16")), "TypeError", "Parser error: Expected ASCII-compatible encoding.");
	})()`)
}

func TestHTMLRewriterErrors(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "html_rewriter_errors_test.js", `(async () => {
		const cases = {
			"": "The selector is empty.", "a + b": "Unsupported combinator `+"`+`"+` in selector.", "a ~ b": "Unsupported combinator `+"`~`"+` in selector.",
			"a:hover": "Unsupported pseudo-class or pseudo-element in selector.", "::before": "Unsupported pseudo-class or pseudo-element in selector.",
			"a:nth-last-child(1)": "Unsupported pseudo-class or pseudo-element in selector.", "a:not(b c)": "Unsupported pseudo-class or pseudo-element in selector.",
			"a..b": "Invalid or unescaped class name in selector.", "a[": "Unexpected end of selector.", "[=]": "Missing attribute name in attribute selector.",
			"a[b=]": "Unexpected end of selector.", "a:nth-child(x)": "Unexpected token in selector.", "a:not()": "The selector is empty.",
			"a >": "Dangling combinator in selector.", "> a": "The selector is empty.", "a b,": "The selector is empty.", "a$": "Unexpected token in selector.",
			"[a='b' x]": "Unexpected token in selector.", "a > > b": "Dangling combinator in selector.", "#1": "The selector is empty.",
		};
		for (const [sel, msg] of Object.entries(cases)) {
			assertThrows(() => new HTMLRewriter().on(sel, {}), "TypeError", "Parser error: " + msg, JSON.stringify(sel));
		}
		for (const sel of ["*", "a b", "a > b", "a  >  b", "a:nth-child(2n+1)", "[a", "a[b=c", "a:not(.b)", "*|a", "a, b", "a:first-child", "a:nth-of-type(odd)", "a:first-of-type", "[a=b s]", "[a=b i]"]) {
			new HTMLRewriter().on(sel, {});
		}
		assertThrows(() => new HTMLRewriter().on("p", 5), "TypeError", "Failed to execute 'on' on 'HTMLRewriter': parameter 2 is not of type 'ElementContentHandlers'.");
		assertThrows(() => new HTMLRewriter().on("p", { element: 5 }), "TypeError", "Incorrect type for the 'element' field on 'ElementContentHandlers': the provided value is not of type 'function'.");
		assertThrows(() => new HTMLRewriter().onDocument(5), "TypeError", "Failed to execute 'onDocument' on 'HTMLRewriter': parameter 1 is not of type 'DocumentContentHandlers'.");
		assertThrows(() => new HTMLRewriter().onDocument({ end: "x" }), "TypeError", "Incorrect type for the 'end' field on 'DocumentContentHandlers': the provided value is not of type 'function'.");
		assertThrows(() => new HTMLRewriter().on(), "TypeError", "Failed to execute 'on' on 'HTMLRewriter': parameter 1 is not of type 'string'.");
		assertThrows(() => new HTMLRewriter().on({}, {}), "TypeError", "Parser error: Unexpected token in the attribute selector.", "[object Object]");
		assertThrows(() => new HTMLRewriter().transform(Response.error()), "TypeError", "HTMLRewriter cannot transform an error response");
		const h = { element(e) { e.setAttribute("n", "1") } };
		const reused = new HTMLRewriter().on("p", h);
		h.element = (e) => e.setAttribute("n", "2");
		assertEq(await reused.transform(new Response("<p>x</p>")).text() + await reused.transform(new Response("<p>y</p>")).text(),
			'<p n="1">x</p><p n="1">y</p>', "handlers are taken at on(), and a rewriter transforms again");
		let endThis;
		await new HTMLRewriter().on("p", { element(e) { e.onEndTag(function () { endThis = this }) } }).transform(new Response("<p>x</p>")).text();
		assertEq(endThis, globalThis, "onEndTag handlers are called on the global object");
		assertThrows(() => new HTMLRewriter().transform("x"), "TypeError", "Failed to execute 'transform' on 'HTMLRewriter': parameter 1 is not of type 'Response'.");
		const used = new Response("<p>x</p>");
		await used.text();
		assertThrows(() => new HTMLRewriter().transform(used), "TypeError", "The ReadableStream has been locked to a reader.");
		const empty = new HTMLRewriter().transform(new Response(null, { status: 204, headers: { "x-a": "1" } }));
		assertEq(empty.status + " " + empty.body + " " + empty.headers.get("x-a"), "204 null 1", "no body");
		const kept = new HTMLRewriter().transform(new Response("<p>x</p>", { status: 201, statusText: "Made", headers: { "content-type": "text/html" } }));
		assertEq(kept.status + " " + kept.statusText + " " + kept.headers.get("content-type") + " " + await kept.text(), "201 Made text/html <p>x</p>", "status and headers");
		for (const [name, msg] of [["setAttribute", "`+"`"+` `+"`"+` character is forbidden in the attribute name"]]) {
			const r = new HTMLRewriter().on("a", { element(e) { assertThrows(() => e.setAttribute("x y", "1"), "TypeError", "Parser error: " + msg, name); assertThrows(() => { e.tagName = "x y" }, "TypeError", "Parser error: `+"`"+` `+"`"+` character is forbidden in the tag name") } });
			await r.transform(new Response("<a>x</a>")).text();
		}
	})()`)
}

func TestHTMLRewriterSelectors(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "html_rewriter_selectors_test.js", rewriteHelpers+`(async () => {
		const seen = [];
		const sels = [".a", ".b.a", "#X", "#x", "[lang|=en]", "[data-x^=He]", "[data-x$=lo]", "[data-x*=ell]", "[class~=b]", "[data-x=hello i]", "[data-x=hello]",
			"div > p:nth-child(2)", "p:first-child", "p:nth-of-type(3)", "p:first-of-type", "div :not(p)", "p:nth-child(2n)", "p:nth-child(-n+2)", "*", "div p", "body p"];
		await rewrite('<div class="a b" id=X lang=en-US data-x="Hello"><p>1</p><p>2</p><span>3</span><p>4</p></div>', r => {
			for (const s of sels) r.on(s, { element(e) { seen.push(s + " " + e.tagName) } });
		});
		assertEq(seen.join("|"), [".a div", ".b.a div", "#X div", "[lang|=en] div", "[data-x^=He] div", "[data-x$=lo] div", "[data-x*=ell] div", "[class~=b] div", "[data-x=hello i] div", "* div",
			"p:first-child p", "p:first-of-type p", "p:nth-child(-n+2) p", "* p", "div p p",
			"div > p:nth-child(2) p", "p:nth-child(2n) p", "p:nth-child(-n+2) p", "* p", "div p p",
			"div :not(p) span", "* span",
			"p:nth-of-type(3) p", "p:nth-child(2n) p", "* p", "div p p"].join("|"), "matches in registration order");
	})()`)
}

// TestHTMLRewriterTagNameChecks checks the tag names lol-html refuses
// besides those with forbidden characters: the empty name and one not
// starting with an ASCII letter (as workerd shows them).
func TestHTMLRewriterTagNameChecks(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "html_rewriter_tag_name_test.js", `(async () => {
		for (const [name, msg] of [["", "Tag name can't be empty."], ["é", "The first character of the tag name should be an ASCII alphabetical character."]]) {
			const r = new HTMLRewriter().on("p", { element(e) { assertThrows(() => { e.tagName = name }, "TypeError", "Parser error: " + msg, JSON.stringify(name)); } });
			assertEq(await r.transform(new Response("<p>x</p>")).text(), "<p>x</p>", "unchanged");
		}
	})()`)
}
