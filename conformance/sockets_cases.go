package conformance

// socketsCases cover cloudflare:sockets' connect() against the TCP echo
// upstream (upstream_tcp.go), one route per behaviour
// (workers/sockets.js).
var socketsCases = []Case{
	{Name: "sockets_connect", Script: "workers/sockets.js", Upstream: true, Run: func(s *Session) {
		for _, route := range []string{"/shape", "/echo", "/peer-closes", "/close", "/start-tls", "/errors"} {
			s.Fetch("GET", route, nil, "")
		}
	}},
}
