package host

// ANSI colours for log lines, used only when Options.Color is set (the CLI
// sets it when stderr is a terminal).
const (
	colorRed    = "\x1b[31m"
	colorGreen  = "\x1b[32m"
	colorYellow = "\x1b[33m"
	colorDim    = "\x1b[2m"
	colorReset  = "\x1b[0m"
)

// paint wraps text in a colour when colour is on.
func (s *Server) paint(color, text string) string {
	if !s.opts.Color {
		return text
	}
	return color + text + colorReset
}

// statusColor picks a colour by status class, as wrangler dev does.
func statusColor(status int) string {
	switch {
	case status >= 500:
		return colorRed
	case status >= 400:
		return colorYellow
	default:
		return colorGreen
	}
}
