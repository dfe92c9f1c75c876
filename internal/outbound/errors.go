package outbound

import (
	"errors"
	"strings"
)

// ErrNetwork is the message workerd gives a script when a connection
// failed or was lost: "Network connection lost."
var ErrNetwork = errors.New("Network connection lost.")

// NetworkError is a connection that failed or was lost. Its message is
// workerd's; Cause is the real reason, for the host's log.
type NetworkError struct {
	Cause error
}

// Error is workerd's message; the cause is in Cause.
func (e *NetworkError) Error() string { return ErrNetwork.Error() }

// Unwrap returns ErrNetwork and the cause, so errors.Is matches both.
func (e *NetworkError) Unwrap() []error { return []error{ErrNetwork, e.Cause} }

// TooManyRedirectsError is a fetch that was redirected more than
// MaxRedirects times. URLs lists every URL requested, the first one
// included, as workerd's message does.
type TooManyRedirectsError struct {
	URLs []string
}

// Error is workerd's message, "Too many redirects." followed directly by
// the URLs.
func (e *TooManyRedirectsError) Error() string {
	return "Too many redirects." + strings.Join(e.URLs, ", ")
}

// InvalidLocationError is a redirect whose Location header is not a URL.
type InvalidLocationError struct {
	Cause error
}

// Error is workerd's message.
func (e *InvalidLocationError) Error() string {
	return "Invalid Location header; unable to follow redirect."
}

// Unwrap returns the parse error.
func (e *InvalidLocationError) Unwrap() error { return e.Cause }
