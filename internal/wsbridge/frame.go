package wsbridge

// FrameKind says what a Frame carries.
type FrameKind int

// The kinds of frames that cross between a JS WebSocket end and the network.
const (
	// FrameText is a text message; Data holds its UTF-8 bytes.
	FrameText FrameKind = iota
	// FrameBinary is a binary message.
	FrameBinary
	// FrameClose is a Close frame with Code and Reason; Code NoStatus
	// (1005) is a Close frame with no payload.
	FrameClose
	// FrameDisconnect means the connection was lost without a Close frame;
	// the script sees close{1006, "WebSocket disconnected without sending
	// Close frame.", false}, after an error event when messages were left
	// unsent (Reason, when set, says why the host dropped it).
	FrameDisconnect
	// FrameError is a protocol error (such as a message over the size
	// limit); the script sees only an error event whose message is
	// "Uncaught Error: " followed by Reason.
	FrameError
)

// NoStatus is the code of a Close frame with no payload (1005, which is
// never sent on the wire), as the receiver sees it.
const NoStatus = 1005

// Frame is one message or close crossing between a JS WebSocket end and the
// network.
type Frame struct {
	Kind   FrameKind
	Data   []byte
	Code   int
	Reason string
}
