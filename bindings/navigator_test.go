package bindings_test

import (
	"testing"

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
