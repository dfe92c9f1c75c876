package bindings_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

func TestNavigator(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "navigator_test.js", `
		assertEq(JSON.stringify(Object.entries(Object.getOwnPropertyDescriptors(navigator)).map(([k, d]) => [k, d.value, d.writable, d.enumerable, d.configurable])),
			'[["languages",["en"],false,true,true],["language","en",false,true,true],["platform","",false,true,true],["hardwareConcurrency",1,false,true,true],["userAgent","Cloudflare-Workers",false,true,true]]', "properties");
		assertEq(String(navigator), "[object Navigator]", "toStringTag");
		assertEq(navigator instanceof Navigator, true, "instanceof");
		assertEq(navigator.sendBeacon.length, 0, "sendBeacon.length");
		assertThrows(() => new Navigator(), "TypeError", "Illegal constructor");
	`)
}

func TestNavigatorSendBeacon(t *testing.T) {
	t.Parallel()
	got := make(chan string, 2)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got <- r.Method + " " + r.Header.Get("Content-Type") + " " + string(b)
	}))
	defer srv.Close()
	r := bindingstest.NewRuntime(t, bindings.Options{})
	r.Set("SERVER", srv.URL)
	r.Run("send_beacon_test.js", `
		assertEq(navigator.sendBeacon(SERVER + "/beacon", "data"), true, "sent");
		assertEq(navigator.sendBeacon("/relative"), true, "a bad URL is not reported");
		assertThrows(() => navigator.sendBeacon(), "TypeError", "Failed to execute 'sendBeacon' on 'Navigator': parameter 1 is not of type 'string'.");
	`)
	select {
	case s := <-got:
		if s != "POST text/plain;charset=UTF-8 data" {
			t.Errorf("the server got %q", s)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no beacon arrived")
	}
}
