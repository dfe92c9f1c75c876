package config

import "strings"

// FlagValue is one of workerd's compatibility flags and whether it is on.
type FlagValue struct {
	// Name is the flag's enable name.
	Name string
	// On reports whether the flag is on for the worker.
	On bool
}

// WorkerdFlags returns every workerd compatibility flag with its value for
// c's date and explicit flags, as workerd's Cloudflare.compatibilityFlags
// gives them, in workerd's order.
func (c Compat) WorkerdFlags() []FlagValue {
	explicit := map[string]bool{}
	for _, name := range c.Flags {
		name = strings.TrimSpace(name)
		for _, f := range workerdFlags {
			switch name {
			case f.enable:
				explicit[f.enable] = true
			case f.disable:
				explicit[f.enable] = false
			}
		}
	}
	on := map[string]bool{}
	for _, f := range workerdFlags {
		v, ok := explicit[f.enable]
		on[f.enable] = (ok && v) || (!ok && f.date != "" && c.Date >= f.date)
	}
	// Implications chain (nodejs_zlib from nodejs_compat_v2 from
	// nodejs_compat); repeat until nothing changes.
	for changed := true; changed; {
		changed = false
		for _, f := range workerdFlags {
			if _, ok := explicit[f.enable]; ok || on[f.enable] {
				continue
			}
			for _, imp := range f.impliedBy {
				if c.Date >= imp.date && anyOn(on, imp.by) {
					on[f.enable], changed = true, true
					break
				}
			}
		}
	}
	out := make([]FlagValue, len(workerdFlags))
	for i, f := range workerdFlags {
		out[i] = FlagValue{Name: f.enable, On: on[f.enable]}
	}
	return out
}

// anyOn reports whether any of names is on.
func anyOn(on map[string]bool, names []string) bool {
	for _, n := range names {
		if on[n] {
			return true
		}
	}
	return false
}
