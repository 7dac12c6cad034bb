#!/usr/bin/env bash
# Build the C corpus: tests/corpus/c/NAME.c -> .corpus/c/NAME.wasm (+ NAME.expected, NAME.exit).
#
#   scripts/corpus/build-c.sh            # incremental: only sources newer than their outputs
#   CORPUS_REBUILD=1 scripts/corpus/build-c.sh
#
# Each source is compiled with `clang-14 --target=wasm32-wasi -O2` plus the flags from an optional
# `// CFLAGS: ...` line in the source. Compilation and linking are two steps on purpose: clang runs
# binaryen's wasm-opt after linking whenever an -O flag reaches the link step and wasm-opt is
# installed, so a one-step build would depend on whether binaryen is present. The link keeps the
# "name" section and drops libc's DWARF (--strip-debug).
#
# Other comment lines a source may carry:
#   // EXIT: N               expected exit status of the default run (default 0)
#   // EXPECT-OPS: op ...    instructions that must occur in the disassembly (checked with
#                            wasm-objdump when present), e.g. memory.copy for -mbulk-memory
#
# NAME.expected is the program's stdout when run with no arguments under node's WASI
# (scripts/corpus/run-wasi.mjs), NAME.exit its exit status.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SRC="$ROOT/tests/corpus/c"
OUT="$ROOT/.corpus/c"
RUNNER="$ROOT/scripts/corpus/run-wasi.mjs"
CC="${CC_WASI:-clang-14}"

die() { echo "build-c: error: $*" >&2; exit 1; }

command -v "$CC" >/dev/null || die "$CC not found (apt-get install clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32)"
command -v wasm-ld-14 >/dev/null || command -v wasm-ld >/dev/null || die "wasm-ld not found (apt-get install lld-14)"
command -v node >/dev/null || die "node not found (needed to record expected outputs)"
[ -d "$SRC" ] || die "no sources in $SRC"

mkdir -p "$OUT"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

built=0 skipped=0
for src in "$SRC"/*.c; do
  name="$(basename "$src" .c)"
  wasm="$OUT/$name.wasm"
  expected="$OUT/$name.expected"
  exitf="$OUT/$name.exit"
  if [ -z "${CORPUS_REBUILD:-}" ] && [ "$wasm" -nt "$src" ] && [ "$expected" -nt "$wasm" ] && [ -f "$exitf" ] \
     && [ "$wasm" -nt "$RUNNER" ] && [ "$wasm" -nt "${BASH_SOURCE[0]}" ]; then
    skipped=$((skipped + 1))
    continue
  fi
  # shellcheck disable=SC2207
  cflags=($(sed -n 's|^// CFLAGS:||p' "$src" | head -n 1))
  want_exit="$(sed -n 's|^// EXIT:[[:space:]]*\([0-9][0-9]*\).*|\1|p' "$src" | head -n 1)"
  want_exit="${want_exit:-0}"
  # shellcheck disable=SC2207
  want_ops=($(sed -n 's|^// EXPECT-OPS:||p' "$src" | head -n 1))

  "$CC" --target=wasm32-wasi -O2 -Wall "${cflags[@]}" -c "$src" -o "$TMP/$name.o" \
    || die "compiling $src failed"
  "$CC" --target=wasm32-wasi "${cflags[@]}" "$TMP/$name.o" -Wl,--strip-debug -o "$TMP/$name.wasm" \
    || die "linking $name failed"

  if [ "${#want_ops[@]}" -gt 0 ] && command -v wasm-objdump >/dev/null; then
    wasm-objdump -d "$TMP/$name.wasm" > "$TMP/$name.dis"
    for op in "${want_ops[@]}"; do
      grep -q -- "$op" "$TMP/$name.dis" || die "$name.wasm: expected instruction '$op' not found (check the CFLAGS line)"
    done
  fi

  set +e
  node "$RUNNER" "$TMP/$name.wasm" > "$TMP/$name.expected" 2> "$TMP/$name.stderr"
  rc=$?
  set -e
  if [ "$rc" != "$want_exit" ]; then
    cat "$TMP/$name.stderr" >&2
    die "$name.wasm exited with $rc, expected $want_exit"
  fi
  [ -s "$TMP/$name.expected" ] || die "$name.wasm printed nothing"

  mv "$TMP/$name.wasm" "$wasm"
  echo "$rc" > "$exitf"
  mv "$TMP/$name.expected" "$expected"
  built=$((built + 1))
  printf 'build-c: %-10s %7d bytes  exit %s  %s\n' "$name" "$(stat -c %s "$wasm")" "$rc" "${cflags[*]:-}"
done

# Remove outputs whose source is gone.
for wasm in "$OUT"/*.wasm; do
  [ -e "$wasm" ] || continue
  name="$(basename "$wasm" .wasm)"
  if [ ! -f "$SRC/$name.c" ]; then
    rm -f "$OUT/$name.wasm" "$OUT/$name.expected" "$OUT/$name.exit"
    echo "build-c: removed stale $name"
  fi
done

echo "build-c: $built built, $skipped up to date -> ${OUT#"$ROOT"/}"
