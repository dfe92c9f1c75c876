package bindings_test

import (
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
	"workerhost/internal/config"
)

func TestFormData(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "formdata_test.js", `(async () => {
		const show = (fd) => JSON.stringify([...fd].map(([k, v]) => typeof v === "string" ? [k, v] : [k, String(v), v.name, v.type, v.size]));
		const fd = new FormData();
		fd.append("a", "1");
		fd.append("b", new Blob(["xyz"], { type: "text/x" }));
		fd.append("c", new Blob(["q"]), "q.bin");
		fd.append("d", new File(["f"], "orig.txt"), "renamed");
		fd.append("a", "2");
		fd.set("e", 5);
		assertEq(show(fd), '[["a","1"],["b","[object File]","b","text/x",3],["c","[object File]","q.bin","",1],["d","[object File]","renamed","",1],["a","2"],["e","5"]]', "entries");
		assertEq(fd.get("a"), "1", "get");
		assertEq(fd.get("z"), null, "get missing");
		assertEq(JSON.stringify(fd.getAll("a")), '["1","2"]', "getAll");
		assertEq(fd.has("a") && !fd.has("z"), true, "has");
		fd.set("a", "3");
		fd.delete("b");
		assertEq(JSON.stringify([...fd.keys()]), '["a","c","d","e"]', "set and delete");
		assertEq(fd.get("a"), "3", "set replaced the first");
		const seen = [];
		fd.forEach((v, k, p) => seen.push(k + (p === fd)));
		assertEq(seen.join(), "atrue,ctrue,dtrue,etrue", "forEach");
		assertEq(String(fd), "[object FormData]", "toStringTag");
		assertEq([String(fd.keys()), String(fd.values()), String(fd[Symbol.iterator]())].join(), "[object KeyIterator],[object ValueIterator],[object EntryIterator]", "iterators");
		assertEq(JSON.stringify([...fd.entries()].map(([k]) => k)), '["a","c","d","e"]', "entries");
		assertEq(typeof fd.keys()[Symbol.iterator], "function", "an iterator is iterable");
		const f = fd.get("d");
		assertEq(f instanceof File && f instanceof Blob, true, "File is a Blob");
		assertEq(fd.get("d") === f, true, "same object");
		assertThrows(() => new FormData().append("a"), "TypeError", "Failed to execute 'append' on 'FormData': parameter 2 is not of type 'File or Blob or string'.");
		assertThrows(() => new FormData().get(), "TypeError", "Failed to execute 'get' on 'FormData': parameter 1 is not of type 'string'.");
		assertThrows(() => FormData(), "TypeError", "Failed to construct 'FormData': Please use the 'new' operator, this object constructor cannot be called as a function.");
		const g = new File(["ab"], "n.txt", { type: "Text/Plain", lastModified: 42 });
		assertEq(JSON.stringify([g.name, g.type, g.size, g.lastModified, String(g), await g.text()]), '["n.txt","text/plain",2,42,"[object File]","ab"]', "File");
		assertThrows(() => new File(["a"]), "TypeError", "Failed to construct 'File': constructor parameter 2 is not of type 'string'.");
		assertEq(Object.getPrototypeOf(File.prototype) === Blob.prototype, true, "File extends Blob");
	})()`)
}

func TestFormDataBodies(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "formdata_body_test.js", `(async () => {
		const show = (fd) => JSON.stringify([...fd].map(([k, v]) => typeof v === "string" ? [k, v] : [k, String(v), v.name, v.type, v.size]));
		const form = (body, ct) => new Response(body, ct === undefined ? {} : { headers: { "content-type": ct } }).formData();
		assertEq(show(await form("a=1&b=%20x+y&a=&c&&%zz=%e2%82%ac&e=%4&f=%", "application/x-www-form-urlencoded")), '[["a","1"],["b"," x y"],["a",""],["c",""],["zz","€"],["e","\\u0004"],["f",""]]', "urlencoded");
		assertEq(show(await new Response(new URLSearchParams("a=1&b=2")).formData()), '[["a","1"],["b","2"]]', "URLSearchParams body");
		const ctErr = "Unrecognized Content-Type header value. FormData can only parse the following MIME types: multipart/form-data, application/x-www-form-urlencoded";
		await assertRejects(form("a=1"), "TypeError", ctErr);
		await assertRejects(form("a=1", "text/plain"), "TypeError", ctErr);
		await assertRejects(form("x", "multipart/form-data"), "TypeError", "No boundary string in Content-Type header. The multipart/form-data MIME type requires a boundary parameter, e.g. 'Content-Type: multipart/form-data; boundary=\"abcd\"'. See RFC 7578, section 4.");
		const mp = "multipart/form-data; boundary=zz";
		await assertRejects(form("garbage", mp), "TypeError", "No initial boundary string (or you have a truncated message).");
		await assertRejects(form('--zz\r\nContent-Disposition: form-data; name="a"\r\n\r\nval', mp), "TypeError", "No subsequent boundary string after multipart message.");
		await assertRejects(form("--zz\r\nX: y\r\n\r\nval\r\n--zz--", mp), "TypeError", "No valid Content-Disposition header found in FormData part.");
		await assertRejects(form("--zz\r\nContent-Disposition: form-data\r\n\r\nval\r\n--zz--", mp), "TypeError", "Content-Disposition header in FormData part is missing a name.");
		const ok = '--zz\r\nContent-Disposition: form-data; name="a"\r\n\r\nval\r\n--zz\r\nContent-Disposition: form-data; name="f"; filename="dir/x.txt"\r\nContent-Type: text/Plain\r\n\r\nfile\r\n--zz\r\nContent-Disposition: form-data; name="g"; filename=""\r\n\r\n\r\n--zz--\r\n';
		assertEq(show(await form(ok, mp)), '[["a","val"],["f","[object File]","dir/x.txt","text/Plain",4],["g",""]]', "multipart");
		assertEq(show(await form("--zz--", mp)), "[]", "no parts");
		assertEq(show(await form('junk\r\n--zz\r\nContent-Disposition: form-data; name="a"\r\n\r\nv\r\n--zz--', mp)), '[["a","v"]]', "preamble");
		await assertRejects(form("", mp), "TypeError", "No initial boundary string (or you have a truncated message).");
		await assertRejects(form('--zz\r\nContent-Disposition: form-data; name="f"; filename="a\rb"\r\n\r\nx\r\n--zz--', mp), "TypeError", "FormData part had invalid headers.");
		const r = new Response("a=1", { headers: { "content-type": "application/x-www-form-urlencoded" } });
		await r.text();
		await assertRejects(r.formData(), "TypeError", "Body has already been used. It can only be used once. Use tee() first if you need to read it twice.");

		const fd = new FormData();
		fd.append("a", "1");
		fd.append("f", new Blob(["xyz"], { type: "text/x" }), 'f"n\r\n.txt');
		fd.append('g"\n', new Blob(["q"]));
		const res = new Response(fd);
		const ct = res.headers.get("content-type");
		const m = /^multipart\/form-data; boundary=([0-9a-f]{32})$/.exec(ct);
		assertEq(m !== null, true, "content-type " + ct);
		const b = m[1];
		const text = await res.text();
		assertEq(text, "--" + b + '\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--' + b + '\r\nContent-Disposition: form-data; name="f"; filename="f%22n\r%0A.txt"\r\nContent-Type: text/x\r\n\r\nxyz\r\n--' + b + '\r\nContent-Disposition: form-data; name="g%22%0A"; filename="g%22%0A"\r\nContent-Type: application/octet-stream\r\n\r\nq\r\n--' + b + "--", "multipart body");
		fd.delete("f");
		const back = await new Request("http://x/", { method: "POST", body: fd }).formData();
		assertEq(show(back), '[["a","1"],["g%22%0A","[object File]","g%22%0A","application/octet-stream",1]]', "round trip");
	})()`)
}

func TestFormDataFilesAsStrings(t *testing.T) {
	t.Parallel()
	c, err := config.NewCompat("2021-11-01", nil)
	if err != nil {
		t.Fatal(err)
	}
	bindingstest.Run(t, bindings.Options{Compat: c}, "formdata_strings_test.js", `(async () => {
		const body = '--zz\r\nContent-Disposition: form-data; name="f"; filename="x.txt"\r\n\r\nfile\r\n--zz--';
		const fd = await new Response(body, { headers: { "content-type": "multipart/form-data; boundary=zz" } }).formData();
		assertEq(fd.get("f"), "file", "a file is a string before formdata_parser_supports_files");
	})()`)
}
