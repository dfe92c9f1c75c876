package workerd

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFindPrefersWorkerdPath(t *testing.T) {
	t.Setenv("WORKERD_PATH", "/opt/workerd")
	got, err := Find()
	if err != nil || got != "/opt/workerd" {
		t.Fatalf("Find() = %q, %v; want /opt/workerd", got, err)
	}
}

func TestModuleRootsFindTheSourceTree(t *testing.T) {
	t.Parallel()
	want, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	roots := moduleRoots()
	if len(roots) == 0 {
		t.Fatal("no module root")
	}
	for _, root := range roots {
		if filepath.Clean(root) != want {
			t.Errorf("root %s, want %s", root, want)
		}
	}
	if !isModuleRoot(want) {
		t.Errorf("%s has no go.mod of module workerhost", want)
	}
	if isModuleRoot(filepath.Join(want, "internal")) {
		t.Error("internal/ taken for the module root")
	}
	if _, err := os.Stat(filepath.Join(want, "conformance", "package-lock.json")); err != nil {
		t.Errorf("workerd's pin moved: %v", err)
	}
}
