package gctune_test

import (
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"go.uber.org/goleak"

	"workerhost/internal/gctune"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestPercent(t *testing.T) {
	for _, c := range []struct {
		live, floor uint64
		want        int
	}{
		{10 << 20, 64 << 20, 640},
		{0, 64 << 20, 6400}, // an empty heap counts as 1 MiB
		{64 << 20, 64 << 20, 100},
		{1 << 30, 64 << 20, 100}, // a big heap keeps Go's pacing
	} {
		if got := gctune.Percent(c.live, c.floor); got != c.want {
			t.Errorf("Percent(%d, %d) = %d, want %d", c.live, c.floor, got, c.want)
		}
	}
}

// TestTuneFollowsCollections checks that a collection re-sets the percent
// for a small heap, and that stopping restores Go's default.
func TestTuneFollowsCollections(t *testing.T) {
	t.Setenv("GOGC", "") // restored after the test
	if err := os.Unsetenv("GOGC"); err != nil {
		t.Fatal(err)
	}
	stop := gctune.Tune(gctune.DefaultFloor)
	deadline := time.Now().Add(5 * time.Second)
	for {
		runtime.GC()
		if p := debug.SetGCPercent(100); p > 100 {
			debug.SetGCPercent(p)
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the percent was never raised for a small heap")
		}
		time.Sleep(10 * time.Millisecond)
	}
	stop()
	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("after stop, GOGC = %d, want 100", p)
	}
}

func TestTuneLeavesAnExplicitGOGC(t *testing.T) {
	t.Setenv("GOGC", "100")
	before := debug.SetGCPercent(77)
	defer debug.SetGCPercent(before)
	stop := gctune.Tune(gctune.DefaultFloor)
	runtime.GC()
	runtime.GC()
	if p := debug.SetGCPercent(77); p != 77 {
		t.Errorf("GOGC set in the environment, yet Tune changed the percent to %d", p)
	}
	stop()
}
