package bindings

// What workerhost does not have yet throws a TypeError naming it
// ("structuredClone() of Headers is not supported by workerhost yet"), so a
// script stops with a message that says what is missing.

// ErrUnsupportedSuffix ends the message of every such TypeError.
const ErrUnsupportedSuffix = " is not supported by workerhost yet"

// throwUnsupported throws the TypeError for what.
func (rl *Realm) throwUnsupported(what string) {
	panic(rl.vm.NewTypeError(what + ErrUnsupportedSuffix))
}
