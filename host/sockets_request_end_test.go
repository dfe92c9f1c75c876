package host_test

import (
	"net"
	"strings"
	"testing"
	"time"

	"workerhost/host"
)

// TestSocketClosesWithItsRequest: a socket a request opened, with a read
// still pending, is closed when the request ends, so neither the
// connection nor its goroutines outlive it.
func TestSocketClosesWithItsRequest(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	closed := make(chan struct{})
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		defer conn.Close()
		buf := make([]byte, 16)
		for {
			if _, err := conn.Read(buf); err != nil {
				close(closed)
				return
			}
		}
	}()
	src := strings.ReplaceAll(`import { connect } from "cloudflare:sockets";
export default { async fetch() {
	const s = connect("ADDR");
	await s.opened;
	s.readable.getReader().read().catch(() => {});
	return new Response("responded");
} };`, "ADDR", ln.Addr().String())
	srv, _, _ := startWorker(t, src, host.Options{})
	if _, body := get(t, srv.URL()+"/"); body != "responded" {
		t.Fatalf("body %q", body)
	}
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		t.Fatal("the socket stayed open after its request ended")
	}
}
