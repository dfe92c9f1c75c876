package jsruntime

// The async context: what node:async_hooks' AsyncLocalStorage reads. goja
// carries it across promise reactions (await, then) through its
// AsyncContextTracker, which grabs the frame current when a reaction is
// registered and restores it while the reaction runs; timers carry it here
// (setTimer keeps the frame, fireTimer restores it). queueMicrotask is built
// on promises, so goja carries it too.

// AsyncFrame is one entry of the async context: a store for one key,
// pointing at the frame that was current when it was entered. Frames are
// never changed once made, so a callback keeps exactly the stores it was
// registered under. The nil frame is the empty context.
type AsyncFrame struct {
	key    any
	value  any
	parent *AsyncFrame
}

// Lookup returns the value key was given by the innermost frame that set
// it, and whether one did.
func (f *AsyncFrame) Lookup(key any) (any, bool) {
	for ; f != nil; f = f.parent {
		if f.key == key {
			return f.value, true
		}
	}
	return nil, false
}

// With returns a frame that gives key the value value and everything else
// what f gives it.
func (f *AsyncFrame) With(key, value any) *AsyncFrame {
	return &AsyncFrame{key: key, value: value, parent: f}
}

// asyncTracker is goja's hook into promise reactions.
type asyncTracker struct{ r *Runtime }

// Grab returns the frame current as a reaction is registered.
func (t asyncTracker) Grab() any { return t.r.frame }

// Resumed makes the frame grabbed for a reaction current while it runs.
func (t asyncTracker) Resumed(v any) { t.r.frame, _ = v.(*AsyncFrame) }

// Exited ends a reaction; reactions do not nest, so the context empties.
func (t asyncTracker) Exited() { t.r.frame = nil }

// AsyncFrame returns the async context's current frame. On the loop.
func (r *Runtime) AsyncFrame() *AsyncFrame { return r.frame }

// RunInFrame makes f the current frame while fn runs, then restores the
// frame that was current before, even if fn panics. On the loop.
func (r *Runtime) RunInFrame(f *AsyncFrame, fn func()) {
	prev := r.frame
	r.frame = f
	defer func() { r.frame = prev }()
	fn()
}
