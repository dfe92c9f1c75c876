package doid_test

import (
	"strings"
	"testing"

	"workerhost/internal/doid"
)

// The expected IDs were printed by workerd 1.20261117.1 for a namespace
// with uniqueKey "workerhost-test" (env.NS.idFromName(name).toString()).
func TestFromNameMatchesWorkerd(t *testing.T) {
	t.Parallel()
	ns := doid.NewNamespace("workerhost-test")
	for name, want := range map[string]string{
		"foo":     "38e785e38e85e7720f5e0184a94d0c45f95dafcc459390fe882ee8f6c279d2cf",
		"":        "5b1e1b6f1839c080607dbfb87d340b5e131e0eb92561f4e46b0a1cb3f9a8df92",
		"héllo 😀": "4d45e681497cdd34bdb6e9c7beb6962608847840a676f89785dc86c5920fa087",
	} {
		if got := ns.FromName(name).String(); got != want {
			t.Errorf("FromName(%q) = %s, want workerd's %s", name, got, want)
		}
	}
}

func TestFromString(t *testing.T) {
	t.Parallel()
	ns := doid.NewNamespace("workerhost-test")
	u := ns.Unique()
	s := u.String()
	if len(s) != 64 || s == ns.Unique().String() {
		t.Fatalf("Unique() = %s: want 64 hex digits, different each time", s)
	}
	if got, err := ns.FromString(strings.ToUpper(s)); err != nil || got != u {
		t.Errorf("FromString(upper case) = %v, %v; want the same ID (workerd accepts either case)", got, err)
	}
	flipped := s[:63] + map[bool]string{true: "1", false: "0"}[s[63] == '0']
	for in, want := range map[string]error{
		"abc":                   doid.ErrNotHex,
		strings.Repeat("g", 64): doid.ErrNotHex,
		flipped:                 doid.ErrNotNamespace,
		doid.NewNamespace("other").FromName("foo").String(): doid.ErrNotNamespace,
	} {
		if _, err := ns.FromString(in); err != want {
			t.Errorf("FromString(%q) = %v, want %v", in, err, want)
		}
	}
}
