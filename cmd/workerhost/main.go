// Command workerhost runs a Cloudflare-Workers-style script on this machine.
//
//	workerhost dev [SCRIPT] [--port N] [--ip ADDR] [--compatibility-date YYYY-MM-DD]
//	               [--compatibility-flags a,b] [--var KEY:VALUE]... [--grace DURATION]
//	               [--isolates N]
//
// With no SCRIPT, dev reads the first of wrangler.json, wrangler.jsonc and
// wrangler.toml in the working directory, in wrangler dev's order, and
// .dev.vars beside it.
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

	"workerhost/internal/gctune"
)

// usage is the one help text, printed for --help and after a usage error.
const usage = `Usage:
  workerhost dev [SCRIPT] [options]   run a worker locally, as wrangler dev does
  workerhost --version                print the version and compatibility date

With no SCRIPT, dev uses the "main" of the wrangler config in the working directory.
Variables come from the config's "vars", then .dev.vars beside it, then --var.

Options of dev (as in wrangler dev):
  --port N                      port to listen on (default 8787)
  --ip ADDR                     address to listen on (default 127.0.0.1)
  --compatibility-date DATE     compatibility date, YYYY-MM-DD (default: the newest known)
  --compatibility-flags A,B     compatibility flags (repeatable)
  --var KEY:VALUE               a text binding for env (repeatable)
  --config PATH                 wrangler config file (default: the first of wrangler.json,
                                wrangler.jsonc and wrangler.toml in the working directory)
  --log-level LEVEL             debug, log (default), info, warn, error or none
  --persist-to DIR              where local state goes: Durable Object storage in DIR/v3/do
                                (default .wrangler/state beside the config)
  --test-scheduled              GET /__scheduled?cron=...&time=... runs the scheduled handler
                                (/cdn-cgi/handler/scheduled always does)
Options of workerhost:
  --grace DURATION              on Ctrl-C or SIGTERM, how long requests in flight and waitUntil
                                work may take to finish (default 10s); a second signal exits at once
  --keep-sockets                on reload, leave open WebSockets on the old version
                                (by default they are closed with 1012 Service Restart)
  --no-watch                    do not reload when the script, its imports or the config change
  --cpu-ms N                    CPU time a request may use, in ms (default: [limits] cpu_ms
                                in the wrangler config, else 30000)
  --isolates N                  copies of the worker serving requests, each with its own loop
                                (default 1); global state is per copy (see the README)
  -h, --help                    print this help
`

func main() {
	// The collector gets headroom for goja's many small allocations, and
	// gives memory back when the server goes idle (internal/gctune); a GOGC
	// in the environment turns this off.
	stopTuning := gctune.Tune(gctune.DefaultFloor)
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	stopTuning()
	os.Exit(code)
}

// run executes the command line and returns the process exit code: 0, 1
// for a failure, 2 for a usage error, 130 for a second interrupt.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "-h", "--help", "-help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	case "--version", "-version", "version":
		printVersion(stdout)
		return 0
	case "dev":
		return runDev(args[1:], stdout, stderr)
	default:
		return usageError(stderr, fmt.Sprintf("unknown command %q", args[0]))
	}
}

// usageError reports a mistake on the command line and returns exit code 2.
func usageError(stderr io.Writer, msg string) int {
	fmt.Fprintf(stderr, "workerhost: %s\nRun `workerhost --help` for usage.\n", msg)
	return 2
}
