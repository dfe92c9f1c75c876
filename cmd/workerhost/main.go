// Command workerhost runs a Cloudflare-Workers-style script on this machine.
//
//	workerhost dev [SCRIPT] [--port N] [--ip ADDR] [--compatibility-date YYYY-MM-DD]
//	               [--compatibility-flags a,b] [--var KEY:VALUE]...
//
// With no SCRIPT, dev reads the first of wrangler.json, wrangler.jsonc and
// wrangler.toml in the working directory, in wrangler dev's order.
//
// The command only wires: it turns flags and the wrangler config into
// host.Options (through internal/config for dates, flags and log levels),
// starts the host and handles signals. It imports host, jsruntime (for
// ScriptError and Rule) and internal/config, never bindings.
package main

import (
	"fmt"
	"io"
	"os"
)

const usage = `usage: workerhost dev [SCRIPT] [flags]

Runs a worker script locally. Flags follow wrangler dev:
  --port N                      port to listen on (default 8787)
  --ip ADDR                     address to listen on (default 127.0.0.1)
  --compatibility-date DATE     compatibility date, YYYY-MM-DD
  --compatibility-flags A,B     compatibility flags (repeatable)
  --var KEY:VALUE               a text binding for env (repeatable)
  --config PATH                 wrangler config file (default: the first of wrangler.json,
                                wrangler.jsonc and wrangler.toml in the working directory)
  --keep-sockets                on reload, leave open WebSockets on the old version
                                (by default they are closed with 1012 Service Restart)
  --no-watch                    do not reload when the script, its imports or the config change
  --log-level LEVEL             debug, log (default), info, warn, error or none
  --cpu-ms N                    CPU time a request may use, in ms (default: [limits] cpu_ms
                                in the wrangler config, else 30000)
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command line and returns the process exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, usage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	switch args[0] {
	case "dev":
		return runDev(args[1:], stdout, stderr)
	default:
		fmt.Fprintf(stderr, "workerhost: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
}
