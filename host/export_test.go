package host

// LiveIsolates counts the versions of the worker not yet stopped, for tests.
func LiveIsolates(s *Server) int {
	return int(s.live.Load())
}
