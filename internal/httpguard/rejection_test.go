package httpguard

import "testing"

// TestRejectionBytes compares each kind of answer with the bytes workerd
// 1.20261117.1 sent (the conformance cases compare status lines and bodies
// live; the header order is checked here).
func TestRejectionBytes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		rej     *Rejection
		version string
		want    string
	}{
		{errHeadTooLarge, "HTTP/1.1", "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: 25\r\n\r\nmessage head is too large"},
		{errTargetTooLong, "HTTP/1.1", "HTTP/1.1 414 URI Too Long\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: 12\r\n\r\nURI too long"},
		{errTransferOnHTTP1, "HTTP/1.0", "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: 35\r\n\r\nunexpected transfer-encoding parsed"},
		{errUnknownMethod, "HTTP/1.0", "HTTP/1.0 501 Not Implemented\r\nConnection: close\r\nContent-Length: 35\r\nContent-Type: text/plain\r\n\r\nERROR: Unrecognized request method."},
		{errConnect, "HTTP/1.1", "HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\nContent-Length: 21\r\n\r\nInternal Server Error"},
		{errNoHost, "HTTP/1.1", "HTTP/1.1 400 Bad Request\r\nContent-Length: 11\r\n\r\nBad Request"},
	}
	for _, tc := range tests {
		if got := string(tc.rej.Bytes(tc.version)); got != tc.want {
			t.Errorf("got  %q\nwant %q", got, tc.want)
		}
	}
}
