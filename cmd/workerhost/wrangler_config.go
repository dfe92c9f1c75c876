package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/BurntSushi/toml"
	"github.com/tailscale/hujson"
)

// wranglerConfig is the part of wrangler's configuration workerhost reads.
// https://developers.cloudflare.com/workers/wrangler/configuration/
type wranglerConfig struct {
	Name               string         `toml:"name" json:"name"`
	Main               string         `toml:"main" json:"main"`
	CompatibilityDate  string         `toml:"compatibility_date" json:"compatibility_date"`
	CompatibilityFlags []string       `toml:"compatibility_flags" json:"compatibility_flags"`
	Vars               map[string]any `toml:"vars" json:"vars"`
	Rules              []wranglerRule `toml:"rules" json:"rules"`
	Limits             wranglerLimits `toml:"limits" json:"limits"`
	// DurableObjects and Migrations are checked and turned into
	// host.Options (wrangler_bindings.go).
	DurableObjects wranglerDurableObjects `toml:"durable_objects" json:"durable_objects"`
	Migrations     []wranglerMigration    `toml:"migrations" json:"migrations"`

	path string         // the file it was read from
	raw  map[string]any // every table, for the bindings not run
}

// wranglerLimits is the [limits] table.
type wranglerLimits struct {
	// CPUMs is the CPU time a request may use, in milliseconds.
	CPUMs int `toml:"cpu_ms" json:"cpu_ms"`
}

// wranglerRule is one [[rules]] entry: a module type and its globs.
type wranglerRule struct {
	Type  string   `toml:"type" json:"type"`
	Globs []string `toml:"globs" json:"globs"`
}

// wranglerConfigNames are looked for in this order, as wrangler does.
var wranglerConfigNames = []string{"wrangler.json", "wrangler.jsonc", "wrangler.toml"}

// loadWranglerConfig reads path, or the first wrangler config found in the
// working directory when path is empty. `main` is made relative to the
// working directory.
func loadWranglerConfig(path string) (*wranglerConfig, error) {
	if path == "" {
		for _, name := range wranglerConfigNames {
			if _, err := os.Stat(name); err == nil {
				path = name
				break
			}
		}
		if path == "" {
			return nil, errors.New("no script given and no wrangler.json, wrangler.jsonc or wrangler.toml in the working directory")
		}
	}
	cfg, err := parseWranglerConfig(path)
	if err != nil {
		return nil, fmt.Errorf("failed to read %s: %w", path, err)
	}
	cfg.path = path
	if err := cfg.checkDurableObjects(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if cfg.Main != "" && !filepath.IsAbs(cfg.Main) {
		cfg.Main = filepath.Join(filepath.Dir(path), cfg.Main)
	}
	return cfg, nil
}

// parseWranglerConfig decodes a TOML, JSON or JSONC (comments and trailing
// commas allowed) wrangler config.
func parseWranglerConfig(path string) (*wranglerConfig, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cfg wranglerConfig
	if filepath.Ext(path) == ".toml" {
		if _, err := toml.Decode(string(data), &cfg); err != nil {
			return nil, err
		}
		if _, err := toml.Decode(string(data), &cfg.raw); err != nil {
			return nil, err
		}
		return &cfg, nil
	}
	std, err := hujson.Standardize(data)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(std, &cfg); err != nil {
		return nil, err
	}
	if err := json.Unmarshal(std, &cfg.raw); err != nil {
		return nil, err
	}
	return &cfg, nil
}
