// Package layers holds no code: its test checks the import rules that the
// README's Architecture section and each package's doc state, so a change
// that crosses a layer fails.
package layers
