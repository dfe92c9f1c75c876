#!/bin/sh
# Builds build/sha256.wasm, which wasm-sha256.js imports, from sha256.rs, a
# no_std library with no crates, with Debian's rustc (apt install rustc
# libstd-rust-dev-wasm32; set RUSTC to use another rustc with the
# wasm32-unknown-unknown target).
set -eu
cd "$(dirname "$0")"
mkdir -p build
"${RUSTC:-/usr/bin/rustc}" --target wasm32-unknown-unknown -O --crate-type cdylib -C strip=debuginfo \
  -o build/sha256.wasm sha256.rs
