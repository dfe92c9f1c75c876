package bindings_test

import (
	_ "embed"
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

//go:embed testdata/writable_test.js
var writableTestJS string

func TestWritableStream(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "writable_test.js", writableTestJS)
}

//go:embed testdata/transform_test.js
var transformTestJS string

func TestTransformStreamAndPipes(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "transform_test.js", transformTestJS)
}

//go:embed testdata/readable_from_test.js
var readableFromTestJS string

func TestReadableStreamFrom(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "readable_from_test.js", readableFromTestJS)
}

//go:embed testdata/workerd_streams_test.js
var workerdStreamsTestJS string

func TestIdentityTransformAndFixedLengthStreams(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "workerd_streams_test.js", workerdStreamsTestJS)
}

//go:embed testdata/text_streams_test.js
var textStreamsTestJS string

func TestTextEncoderAndDecoderStreams(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "text_streams_test.js", textStreamsTestJS)
}
