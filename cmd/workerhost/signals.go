package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"time"

	"workerhost/host"
)

// exitInterrupted is the exit code after a second Ctrl-C or SIGTERM: that
// of a process killed by SIGINT, which is what workerd's own exit on Ctrl-C
// looks like to a shell.
const exitInterrupted = 130

// serveUntilSignal serves until the first SIGINT or SIGTERM, then shuts the
// server down within grace: the listener closes, WebSockets are closed with
// 1001, requests in flight and waitUntil work finish. A second signal
// exits at once, even if a script is stuck in a loop. It returns the exit
// code: 0 after a clean shutdown, 1 when the grace period ran out,
// exitInterrupted after a second signal.
func serveUntilSignal(srv *host.Server, grace time.Duration, sig <-chan os.Signal, stderr io.Writer) int {
	<-sig
	fmt.Fprintf(stderr, "⎔ Shutting down: finishing requests and waitUntil work for up to %s (press Ctrl-C again to exit now)\n", grace)
	done := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), grace)
		defer cancel()
		done <- srv.Shutdown(ctx)
	}()
	select {
	case err := <-done:
		if err != nil {
			fmt.Fprintf(stderr, "✘ [ERROR] %v\n", err)
			return 1
		}
		fmt.Fprintln(stderr, "⎔ Stopped")
		return 0
	case <-sig:
		fmt.Fprintln(stderr, "⎔ Exiting now")
		return exitInterrupted
	}
}

// flagNames matches a flag name as the flag package prints it ("-port").
var flagNames = regexp.MustCompile(`(^|\s)-([a-z][a-z-]*)`)

// flagError words a flag package error in the usage's --style.
func flagError(err error) string {
	msg := strings.Replace(err.Error(), "flag provided but not defined", "unknown option", 1)
	msg = strings.Replace(msg, "flag needs an argument", "option needs a value", 1)
	msg = strings.Replace(msg, " for flag ", " for ", 1)
	return flagNames.ReplaceAllString(msg, "$1--$2")
}
