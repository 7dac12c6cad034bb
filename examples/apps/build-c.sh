#!/usr/bin/env bash
# Builds the C example programs to WASI modules (Debian: clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32),
# the way scripts/corpus/build-c.sh builds the test corpus: compile with -O2, link keeping the name section.
#
#   examples/apps/build-c.sh [OUT_DIR]      # default: examples/apps/build
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/build}"
cc="${CC_WASI:-clang-14}"
command -v "$cc" >/dev/null || { echo "build-c: $cc not found (apt-get install clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32)" >&2; exit 1; }
mkdir -p "$out"
for src in "$here"/*.c; do
  name="$(basename "$src" .c)"
  "$cc" --target=wasm32-wasi -O2 -Wall -c "$src" -o "$out/$name.o"
  "$cc" --target=wasm32-wasi "$out/$name.o" -Wl,--strip-debug -o "$out/$name.wasm"
  rm -f "$out/$name.o"
  echo "build-c: $out/$name.wasm"
done
