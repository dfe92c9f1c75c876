package bindings

// request.cf: on Cloudflare, what the edge knows of the client (location,
// network, TLS). Locally there is no edge: plain workerd gives only
// {clientIp}, and wrangler dev gives an object of Cloudflare's shape
// (fetched from Cloudflare, or a fixed stand-in when offline). workerhost
// gives a fixed local stand-in of that shape, so code that reads
// request.cf.country or .colo runs; only httpProtocol comes from the
// request. Like workerd's, it is frozen, and a Request made in the script
// has the cf of its init, or none.

import (
	"strconv"

	"github.com/dop251/goja"
)

// localCFTemplate is the stand-in, as JSON with %PROTO% for httpProtocol.
const localCFTemplate = `{"asn":395747,"asOrganization":"","city":"Austin","clientTcpRtt":0,` +
	`"colo":"DFW","continent":"NA","country":"US","edgeRequestKeepAliveStatus":1,` +
	`"httpProtocol":%PROTO%,"latitude":"30.27130","longitude":"-97.74260","metroCode":"635",` +
	`"postalCode":"78701","region":"Texas","regionCode":"TX","requestPriority":"",` +
	`"timezone":"America/Chicago","tlsCipher":"","tlsVersion":"",` +
	`"tlsClientAuth":{"certPresented":"0","certVerified":"NONE","certRevoked":"0",` +
	`"certIssuerDN":"","certSubjectDN":"","certIssuerDNRFC2253":"","certSubjectDNRFC2253":"",` +
	`"certIssuerDNLegacy":"","certSubjectDNLegacy":"","certSerial":"","certIssuerSerial":"",` +
	`"certSKI":"","certIssuerSKI":"","certFingerprintSHA1":"","certFingerprintSHA256":"",` +
	`"certNotBefore":"","certNotAfter":""}}`

// requestCF is the cf of a request: made on first read from the protocol
// of an incoming request, or the object a script gave.
type requestCF struct {
	value goja.Value // nil until made; undefined for none
	proto string     // an incoming request's protocol, while value is nil
}

// get returns the cf object, making an incoming request's on first use.
func (c *requestCF) get(rl *Realm) goja.Value {
	if c.value == nil {
		if c.proto == "" {
			return goja.Undefined()
		}
		c.value = rl.deepFreeze(rl.jsonParse(cfJSON(c.proto)))
	}
	return c.value
}

// cfJSON is the stand-in for a request made over proto ("HTTP/1.1").
func cfJSON(proto string) string {
	if proto == "HTTP/2.0" {
		proto = "HTTP/2" // as Cloudflare names it
	}
	q := strconv.Quote(proto)
	out := make([]byte, 0, len(localCFTemplate)+len(q))
	const marker = "%PROTO%"
	for i := 0; i < len(localCFTemplate); i++ {
		if localCFTemplate[i] == '%' && i+len(marker) <= len(localCFTemplate) && localCFTemplate[i:i+len(marker)] == marker {
			out = append(out, q...)
			i += len(marker) - 1
			continue
		}
		out = append(out, localCFTemplate[i])
	}
	return string(out)
}

// deepFreeze freezes v and the objects it holds.
func (rl *Realm) deepFreeze(v goja.Value) goja.Value {
	o, ok := v.(*goja.Object)
	if !ok {
		return v
	}
	for _, k := range o.Keys() {
		rl.deepFreeze(o.Get(k))
	}
	freeze, _ := goja.AssertFunction(rl.vm.Get("Object").ToObject(rl.vm).Get("freeze"))
	if _, err := freeze(goja.Undefined(), o); err != nil {
		panic(err)
	}
	return o
}
