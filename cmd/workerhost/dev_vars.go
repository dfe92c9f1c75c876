package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// devVarsName is the file of local secrets and variables wrangler dev reads
// beside the wrangler config, or in the working directory without one.
// https://developers.cloudflare.com/workers/configuration/secrets/#local-development-with-secrets
const devVarsName = ".dev.vars"

// loadDevVars reads .dev.vars from dir. It returns nil, "" when there is
// none, and the path it read otherwise.
func loadDevVars(dir string) (map[string]string, string, error) {
	path := filepath.Join(dir, devVarsName)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, "", nil
	}
	if err != nil {
		return nil, "", fmt.Errorf("failed to load local dev variables file %s: %w", path, err)
	}
	return parseDotenv(string(data)), path, nil
}

// dotenvLine is the line pattern of the dotenv package's parse(), which
// wrangler uses for .dev.vars: KEY=VALUE or KEY: VALUE, an optional
// `export `, values single-, double- or backtick-quoted (spanning lines) or
// bare up to a `#` comment.
var dotenvLine = regexp.MustCompile(`(?m)^\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*` + "`(?:\\\\`|[^`])*`" + `|[^#\r\n]+)?\s*(?:#.*)?$`)

// dotenvQuoted matches a whole value in matching quotes.
var dotenvQuoted = regexp.MustCompile("^(['\"`])([\\s\\S]*)['\"`]$")

// parseDotenv parses a .dev.vars file as dotenv's parse() does: later keys
// win, a double-quoted value turns \n and \r into line breaks, and nothing
// is expanded ($HOME stays as written). godotenv would expand $VARS, which
// wrangler does not do for .dev.vars, so a secret containing $ would change.
func parseDotenv(src string) map[string]string {
	src = strings.ReplaceAll(strings.ReplaceAll(src, "\r\n", "\n"), "\r", "\n")
	vars := make(map[string]string)
	for _, m := range dotenvLine.FindAllStringSubmatch(src, -1) {
		value := strings.TrimSpace(m[2])
		if q := dotenvQuoted.FindStringSubmatch(value); q != nil && value[len(value)-1] == q[1][0] {
			value = q[2]
			if q[1] == `"` {
				value = strings.ReplaceAll(strings.ReplaceAll(value, `\n`, "\n"), `\r`, "\r")
			}
		}
		vars[m[1]] = value
	}
	return vars
}
