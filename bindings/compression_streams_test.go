package bindings_test

import (
	_ "embed"
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

//go:embed testdata/compression_streams_test.js
var compressionStreamsTestJS string

func TestCompressionStreams(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "compression_streams_test.js", compressionStreamsTestJS)
}
