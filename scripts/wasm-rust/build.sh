#!/bin/sh
# Builds build/summary.wasm from src/lib.rs, a no_std library with no
# crates, with Debian's rustc (apt install rustc libstd-rust-dev-wasm32;
# a rustup rustc needs `rustup target add wasm32-unknown-unknown`; set
# RUSTC to use it).
set -eu
cd "$(dirname "$0")"
mkdir -p build
"${RUSTC:-/usr/bin/rustc}" --target wasm32-unknown-unknown -O --crate-type cdylib -C strip=debuginfo \
  -o build/summary.wasm src/lib.rs
