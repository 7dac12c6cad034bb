#!/bin/sh
# Builds whamm_core.wasm from the C sources beside this script with Debian's clang-14 and wasm-ld-14.
# Usage: build.sh [OUTPUT]   (default: whamm_core.wasm beside this script)
# Compiling and linking are separate steps because the clang driver would run any wasm-opt found on PATH.
# The output is deterministic (no debug info, names or producers sections), so a test can compare it
# byte for byte with the committed file.
set -eu
dir=$(cd "$(dirname "$0")" && pwd)
out=${1:-"$dir/whamm_core.wasm"}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$dir"
for src in alloc output float_format value map map_print leb report derive; do
    clang-14 --target=wasm32 -std=c11 -Os -ffreestanding -fno-builtin -mbulk-memory -msign-ext \
        -Wall -Wextra -Werror -c "$src.c" -o "$tmp/$src.o"
done
wasm-ld-14 --no-entry --stack-first -z stack-size=16384 --export=__heap_base --strip-all \
    -o "$out" "$tmp"/*.o
