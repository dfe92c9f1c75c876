package host_test

import (
	"fmt"
	"io"
	"net/http"

	"workerhost/host"
)

// Example runs a worker given as a string and asks it for a page, as a Go
// test of a worker would.
func Example() {
	srv, err := host.Start(host.Options{
		Script: "hello.js",
		Source: `export default {
			fetch(request, env) {
				return new Response("hello from " + env.WHO);
			},
		};`,
		Vars: map[string]any{"WHO": "Go"},
		Log:  io.Discard,
	}, "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	resp, err := http.Get(srv.URL())
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	fmt.Println(resp.StatusCode, string(body))
	// Output: 200 hello from Go
}
