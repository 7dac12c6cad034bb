#!/bin/sh
# Builds cache.wasm from cache.c with Debian's clang-14 and wasm-ld-14 (as the core library is built).
# Usage: build.sh OUTPUT
set -eu
dir=$(cd "$(dirname "$0")" && pwd)
out=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
clang-14 --target=wasm32 -std=c11 -O2 -ffreestanding -fno-builtin -Wall -Wextra -Werror -c "$dir/cache.c" -o "$tmp/cache.o"
wasm-ld-14 --no-entry --strip-all -o "$out" "$tmp/cache.o"
