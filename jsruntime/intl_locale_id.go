package jsruntime

// The Unicode locale identifier behind Intl.Locale: parsing a canonical
// tag into its subtags and -u- keywords, applying the constructor's
// options, and printing it back in the form workerd's ICU prints.

import (
	"errors"
	"regexp"
	"sort"
	"strings"
)

// errLocaleInfo is the RangeError V8 throws for a tag or option that is
// not a valid Unicode locale identifier part.
var errLocaleInfo = errors.New("Incorrect locale information provided")

// localeID is a parsed Unicode locale identifier.
type localeID struct {
	lang, script, region string
	variants             []string
	attrs                []string    // -u- attributes
	keys                 []localeKey // -u- keywords, sorted by key
	exts                 []string    // other extensions: "t-ja", "a-foo"
	private              string      // "x-..." or ""
}

// localeKey is one -u- keyword; value "" is "true".
type localeKey struct{ key, value string }

// localeValueAliases are the -u- values ICU replaces with their canonical
// form, by key.
var localeValueAliases = map[string]map[string]string{
	"ca": {"islamicc": "islamic-civil", "ethiopic-amete-alem": "ethioaa"},
	"ms": {"imperial": "uksystem"},
	"kn": {"yes": ""},
	"kf": {"yes": ""},
}

// parseLocaleID parses a BCP 47 tag as Intl.Locale takes it.
func parseLocaleID(s string) (*localeID, error) {
	c, ok := canonicalTag(s)
	if !ok {
		return nil, errLocaleInfo
	}
	parts := strings.Split(c, "-")
	id := &localeID{lang: parts[0]}
	i := 1
	if i < len(parts) && len(parts[i]) == 4 && isAlpha(parts[i]) {
		id.script = parts[i]
		i++
	}
	if i < len(parts) && (len(parts[i]) == 2 && isAlpha(parts[i]) || len(parts[i]) == 3 && isDigits(parts[i])) {
		id.region = parts[i]
		i++
	}
	for i < len(parts) && len(parts[i]) > 1 {
		id.variants = append(id.variants, parts[i])
		i++
	}
	sort.Strings(id.variants)
	for i < len(parts) {
		single := parts[i]
		if single == "x" {
			id.private = strings.Join(parts[i:], "-")
			break
		}
		j := i + 1
		for j < len(parts) && len(parts[j]) > 1 {
			j++
		}
		if single == "u" {
			id.parseUnicode(parts[i+1 : j])
		} else {
			id.exts = append(id.exts, strings.Join(parts[i:j], "-"))
		}
		i = j
	}
	sort.Strings(id.exts)
	return id, nil
}

// parseUnicode reads the subtags of a -u- extension; of a repeated key
// the first is kept, as ICU does.
func (id *localeID) parseUnicode(subtags []string) {
	k := 0
	for k < len(subtags) && len(subtags[k]) != 2 {
		id.attrs = append(id.attrs, subtags[k])
		k++
	}
	for k < len(subtags) {
		key := subtags[k]
		k++
		start := k
		for k < len(subtags) && len(subtags[k]) != 2 {
			k++
		}
		if id.key(key) == nil {
			id.setKey(key, strings.Join(subtags[start:k], "-"))
		}
	}
}

// key is the keyword key, or nil.
func (id *localeID) key(key string) *localeKey {
	for i := range id.keys {
		if id.keys[i].key == key {
			return &id.keys[i]
		}
	}
	return nil
}

// keyValue is the value of keyword key and whether it is present.
func (id *localeID) keyValue(key string) (string, bool) {
	if k := id.key(key); k != nil {
		return k.value, true
	}
	return "", false
}

// setKey sets keyword key to value, in its canonical form.
func (id *localeID) setKey(key, value string) {
	if value == "true" {
		value = ""
	}
	if alias, ok := localeValueAliases[key][value]; ok {
		value = alias
	}
	if k := id.key(key); k != nil {
		k.value = value
		return
	}
	id.keys = append(id.keys, localeKey{key, value})
	sort.Slice(id.keys, func(i, j int) bool { return id.keys[i].key < id.keys[j].key })
}

// baseName is language, script, region and variants.
func (id *localeID) baseName() string {
	parts := []string{id.lang}
	if id.script != "" {
		parts = append(parts, id.script)
	}
	if id.region != "" {
		parts = append(parts, id.region)
	}
	return strings.Join(append(parts, id.variants...), "-")
}

// String is the identifier's canonical form.
func (id *localeID) String() string {
	var exts []string
	exts = append(exts, id.exts...)
	if len(id.attrs) > 0 || len(id.keys) > 0 {
		u := append([]string{"u"}, id.attrs...)
		for _, k := range id.keys {
			u = append(u, k.key)
			if k.value != "" {
				u = append(u, k.value)
			}
		}
		exts = append(exts, strings.Join(u, "-"))
		sort.Strings(exts)
	}
	s := id.baseName()
	for _, e := range exts {
		s += "-" + e
	}
	if id.private != "" {
		s += "-" + id.private
	}
	return s
}

var (
	localeLanguageRe = regexp.MustCompile(`^(?i)([a-z]{2,3}|[a-z]{5,8})$`)
	localeScriptRe   = regexp.MustCompile(`^(?i)[a-z]{4}$`)
	localeRegionRe   = regexp.MustCompile(`^(?i)([a-z]{2}|[0-9]{3})$`)
	localeTypeRe     = regexp.MustCompile(`^(?i)[a-z0-9]{3,8}(-[a-z0-9]{3,8})*$`)
)

// localeOptionKeys are the constructor options that set -u- keywords.
var localeOptionKeys = []struct{ option, key string }{
	{"calendar", "ca"}, {"collation", "co"}, {"firstDayOfWeek", "fw"},
	{"hourCycle", "hc"}, {"caseFirst", "kf"}, {"numeric", "kn"},
	{"numberingSystem", "nu"},
}

// newLocaleID is the identifier Intl.Locale's constructor makes of tag
// and its options (absent ones missing from opts; numeric as "true" or
// "false", firstDayOfWeek already a weekday string).
func newLocaleID(tag string, opts map[string]string) (*localeID, error) {
	id, err := parseLocaleID(tag)
	if err != nil {
		return nil, err
	}
	if v, ok := opts["language"]; ok {
		if !localeLanguageRe.MatchString(v) {
			return nil, errLocaleInfo
		}
		id.lang = strings.ToLower(v)
	}
	if v, ok := opts["script"]; ok {
		if !localeScriptRe.MatchString(v) {
			return nil, errLocaleInfo
		}
		id.script = strings.ToUpper(v[:1]) + strings.ToLower(v[1:])
	}
	if v, ok := opts["region"]; ok {
		if !localeRegionRe.MatchString(v) {
			return nil, errLocaleInfo
		}
		id.region = strings.ToUpper(v)
	}
	for _, o := range localeOptionKeys {
		v, ok := opts[o.option]
		if !ok {
			continue
		}
		if !localeTypeRe.MatchString(v) {
			return nil, errLocaleInfo
		}
		id.setKey(o.key, strings.ToLower(v))
	}
	// Once more through canonicalisation, for aliases the options bring.
	return parseLocaleID(id.String())
}

func isAlpha(s string) bool {
	for _, c := range s {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
