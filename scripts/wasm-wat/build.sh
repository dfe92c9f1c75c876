#!/bin/sh
# Builds build/edge.wasm, which worker.js imports, from edge.wat with wabt's
# wat2wasm (Debian: apt install wabt). --debug-names adds the "name" custom
# section the worker reads back.
set -eu
cd "$(dirname "$0")"
mkdir -p build
wat2wasm --debug-names -o build/edge.wasm edge.wat
