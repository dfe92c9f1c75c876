package bindings_test

import (
	"io"
	"net"
	"strings"
	"sync"
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

// echoServer listens on loopback and echoes every connection; it stops
// with the test.
func echoServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer c.Close()
				_, _ = io.Copy(c, c)
			}()
		}
	}()
	t.Cleanup(func() { ln.Close(); wg.Wait() })
	return ln.Addr().String()
}

// socketsScript reaches connect() as the module's source does.
const socketsScript = `const { connect } = globalThis[Symbol.for("workerhost:cloudflare:sockets")]();
`

func TestSocketEchoesAndCloses(t *testing.T) {
	t.Parallel()
	addr := echoServer(t)
	out := bindingstest.Run(t, bindings.Options{}, "echo.js", socketsScript+`(async () => {
		const s = connect("`+addr+`");
		const info = await s.opened;
		console.log("opened", info.remoteAddress === "`+addr+`", s.secureTransport);
		const w = s.writable.getWriter();
		await w.write(new TextEncoder().encode("ping"));
		const r = s.readable.getReader();
		let got = "";
		while (got.length < 4) got += new TextDecoder().decode((await r.read()).value);
		console.log("read", got);
		await w.close();
		console.log("done", (await r.read()).done);
		await s.closed;
		console.log("closed");
	})()`)
	if want := "opened true off\nread ping\ndone true\nclosed\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

func TestSocketErrorsAreWorkerds(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	refused := ln.Addr().String()
	ln.Close()
	out := bindingstest.Run(t, bindings.Options{}, "errors.js", socketsScript+`(async () => {
		for (const a of ["", "host", "host:99999", "host:1/x", null]) {
			try { connect(a); } catch (e) { console.log(e.name + ": " + e.message); }
		}
		try { connect("host:1", { secureTransport: "x" }); } catch (e) { console.log(e.name + ": " + e.message); }
		const s = connect("`+refused+`");
		await s.opened.catch((e) => console.log("opened", e.name + ": " + e.message));
		await s.closed.catch((e) => console.log("closed", e.name + ": " + e.message));
	})()`)
	want := strings.Join([]string{
		"TypeError: Specified address is missing hostname.",
		"TypeError: Specified address is missing port.",
		"TypeError: Specified address could not be parsed.",
		"TypeError: Specified address is empty string, contains unsupported characters or is too long.",
		"TypeError: Cannot initialize N7workerd3api13SocketAddressE with required members from an undefined or null value.",
		"TypeError: Unsupported value in secureTransport socket option: x",
		"[workerhost:warn] connect() failed: failed to dial: dial tcp " + refused + ": connect: connection refused",
		"opened Error: proxy request failed, cannot connect to the specified address",
		"closed Error: proxy request failed, cannot connect to the specified address",
	}, "\n") + "\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}
