package bindings_test

import (
	_ "embed"
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

//go:embed testdata/zstreams_test.js
var zstreamsTestJS string

func TestCompressionAndTextStreams(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "zstreams_test.js", zstreamsTestJS)
}
