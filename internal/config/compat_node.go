package config

// Flags implied by others after a date, as workerd's $impliedByAfterDate
// annotation gives them in compatibility-date.capnp.

// impliedFlag turns flag on when by is on and the date is on or after date,
// unless flag itself was given explicitly.
type impliedFlag struct {
	flag, by Flag
	date     string
}

// impliedFlags: nodejs_compat_v2 is implied by nodejs_compat from
// 2024-09-23 (workerd: nodeJsCompatV2 $impliedByAfterDate(name =
// "nodeJsCompat", date = "2024-09-23")).
var impliedFlags = []impliedFlag{
	{flag: FlagNodejsCompatV2, by: FlagNodejsCompat, date: "2024-09-23"},
}

// applyImplied turns on the flags implied by others. explicit holds the
// flags given by name, which an implication never overrides.
func applyImplied(c Compat, explicit map[Flag]string) {
	for _, im := range impliedFlags {
		if _, given := explicit[im.flag]; given {
			continue
		}
		if c.enabled[im.by] && c.Date >= im.date {
			c.enabled[im.flag] = true
		}
	}
}

// NodeModules reports which of Node.js's built-in modules a worker may
// import: "" for none, "als" for node:async_hooks alone, "v1" for the
// node:-prefixed modules, "v2" for those with and without the prefix and
// the Buffer and process globals. nodejs_compat_v2 implies nodejs_compat,
// as in workerd.
func (c Compat) NodeModules() string {
	switch {
	case c.enabled[FlagNodejsCompatV2]:
		return "v2"
	case c.enabled[FlagNodejsCompat]:
		return "v1"
	case c.enabled[FlagNodejsAls]:
		return "als"
	}
	return ""
}
