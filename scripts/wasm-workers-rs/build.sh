#!/bin/sh
# Builds the worker into build/worker/ as worker-build lays out a workers-rs
# build: shim.mjs (the entry point), index_bg.js (the wasm-bindgen glue) and
# index.wasm, here assembled from src/index.wat with wabt's wat2wasm
# (Debian: apt install wabt).
set -eu
cd "$(dirname "$0")"
mkdir -p build/worker
wat2wasm --enable-all -o build/worker/index.wasm src/index.wat
cp src/shim.mjs src/index_bg.js build/worker/
