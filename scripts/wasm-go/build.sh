#!/bin/sh
# Builds build/main.wasm from main.go with Go's js/wasm port and copies
# Go's wasm_exec.js, the JS half of syscall/js (it must come from the Go
# that built main.wasm), beside it.
set -eu
cd "$(dirname "$0")"
mkdir -p build
GOOS=js GOARCH=wasm go build -trimpath -o build/main.wasm .
cp "$(go env GOROOT)/lib/wasm/wasm_exec.js" build/wasm_exec.js
