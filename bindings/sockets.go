package bindings

// The built-in module "cloudflare:sockets"
// (https://developers.cloudflare.com/workers/runtime-apis/tcp-sockets/):
// connect() and Socket from js/cloudflare_sockets.js, made on first import
// and reached through a registered symbol, over the Go connection of
// sockets_conn.go.

import (
	_ "embed"
	"net/url"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

var (
	//go:embed js/cloudflare_sockets.js
	socketsValuesSource string
	//go:embed js/cloudflare_sockets_module.js
	socketsModuleSource string
)

// SocketsModule is the specifier of the built-in module.
const SocketsModule = "cloudflare:sockets"

// installSockets leaves the function that makes the module's values, once,
// for the module's source.
func (rl *Realm) installSockets() {
	var made goja.Value
	loader := rl.function("loadSockets", func(goja.FunctionCall) goja.Value {
		if made == nil {
			made = rl.runNodeFactory("cloudflare_sockets.js", socketsValuesSource, rl.socketsHelpers())
		}
		return made
	})
	key := rl.mustRun("sockets_key.js", `Symbol.for("workerhost:cloudflare:sockets")`).(*goja.Symbol)
	if err := rl.vm.GlobalObject().DefineDataPropertySymbol(key, loader, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
		panic(err)
	}
}

// socketsHelpers gives cloudflare_sockets.js the address check and the dial.
func (rl *Realm) socketsHelpers() *goja.Object {
	h := rl.vm.NewObject()
	_ = h.Set("parseAddress", rl.function("parseAddress", func(call goja.FunctionCall) goja.Value {
		host, port, msg := parseSocketAddress(call.Argument(0).String())
		if msg != "" {
			panic(rl.vm.NewTypeError(msg))
		}
		o := rl.vm.NewObject()
		_ = o.Set("hostname", host)
		_ = o.Set("port", port)
		_ = o.Set("display", call.Argument(0).String())
		return o
	}))
	_ = h.Set("dial", rl.function("dial", func(call goja.FunctionCall) goja.Value {
		rl.rt.ForbidInGlobalScope()
		return rl.dialSocket(call.Argument(0).String(), call.Argument(1).String(), call.Argument(2).ToBoolean())
	}))
	return h
}

// parseSocketAddress splits "host:port" as workerd's connect() does, or
// returns workerd's TypeError message for an address it refuses.
func parseSocketAddress(address string) (host, port, msg string) {
	if address == "" {
		return "", "", "Specified address is missing hostname."
	}
	u, err := url.Parse("https://" + address)
	if err != nil {
		return "", "", "Specified address could not be parsed."
	}
	host, port = u.Hostname(), u.Port()
	switch {
	case host == "":
		return "", "", "Specified address is missing hostname."
	case port == "":
		return "", "", "Specified address is missing port."
	case u.Path != "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil || strings.ContainsAny(address, "?#/@"):
		return "", "", "Specified address is empty string, contains unsupported characters or is too long."
	}
	if n, err := strconv.Atoi(port); err != nil || n > 65535 {
		return "", "", "Specified address could not be parsed."
	}
	return host, port, ""
}
