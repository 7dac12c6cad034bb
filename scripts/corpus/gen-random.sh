#!/usr/bin/env bash
# Generate random valid modules with Binaryen's translate-to-fuzz (wasm-opt -ttf) from npm
# binaryen@132 (Debian's binaryen 108 predates the final GC encodings).
#
#   scripts/corpus/gen-random.sh [COUNT] [SEED]     -> .corpus/random/ttf-NNNN.wasm, NNNN = 0..COUNT-1
#
# COUNT defaults to 200 (about 2 minutes on 2 cores), or 1000 with CORPUS_FULL=1. SEED defaults to 1.
# The input bytes of module i are a pure function of (SEED, i): SHA-256 in counter mode over
# "whamm-ttf:SEED:i:block", 8-40 KB long (the length also derived from SEED and i), so a run
# is reproducible and the same (SEED, i) always gives the same module.
# Already generated files are kept (cache); files past COUNT from an earlier, larger run stay too.
# If SEED, the flags or the binaryen version change, the directory is regenerated from scratch.
# CORPUS_JOBS (default 2) wasm-opt processes run in parallel; each call costs ~0.4 s of node
# start-up plus ~0.6 s of work.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/.corpus/random"
TOOLS="$ROOT/.corpus/tools"
BINARYEN_VERSION=132.0.0
WASM_OPT="$TOOLS/node_modules/binaryen/bin/wasm-opt"

if [ -n "${CORPUS_FULL:-}" ] && [ "${CORPUS_FULL}" != 0 ]; then default_count=1000; else default_count=200; fi
COUNT="${1:-$default_count}"
SEED="${2:-1}"
JOBS="${CORPUS_JOBS:-2}"
FLAGS=(--enable-gc --enable-reference-types --enable-multivalue --enable-bulk-memory --enable-simd
       --enable-tail-call --enable-multimemory --enable-sign-ext --enable-nontrapping-float-to-int
       --enable-mutable-globals --enable-relaxed-simd --enable-extended-const)

die() { echo "gen-random: error: $*" >&2; exit 1; }
[[ "$COUNT" =~ ^[0-9]+$ ]] || die "COUNT must be a number, got '$COUNT'"
[[ "$SEED" =~ ^[0-9A-Za-z_-]+$ ]] || die "SEED must be alphanumeric, got '$SEED'"
[ "$COUNT" -le 10000 ] || die "COUNT must be at most 10000"
command -v node >/dev/null || die "node not found"
command -v npm >/dev/null || die "npm not found"

# 1. binaryen from npm, pinned, into .corpus/tools.
installed="$(node -p "try { require('$TOOLS/node_modules/binaryen/package.json').version } catch { '' }" 2>/dev/null || true)"
if [ "$installed" != "$BINARYEN_VERSION" ] || [ ! -f "$WASM_OPT" ]; then
  echo "gen-random: installing binaryen@$BINARYEN_VERSION into ${TOOLS#"$ROOT"/}"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --save-exact --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION" \
    || die "npm install binaryen@$BINARYEN_VERSION failed"
fi
[ -f "$WASM_OPT" ] || die "missing $WASM_OPT after install"

# 2. Recipe stamp: regenerate everything when the recipe changes.
mkdir -p "$OUT"
recipe="seed=$SEED binaryen=$BINARYEN_VERSION seedbytes=sha256ctr-v1 flags=${FLAGS[*]}"
if [ ! -f "$OUT/RECIPE" ] || [ "$(cat "$OUT/RECIPE")" != "$recipe" ]; then
  if compgen -G "$OUT/ttf-*.wasm" >/dev/null; then echo "gen-random: recipe changed, discarding old modules"; fi
  rm -f "$OUT"/ttf-*.wasm
  echo "$recipe" > "$OUT/RECIPE"
fi

missing=()
for ((i = 0; i < COUNT; i++)); do
  f="$(printf '%s/ttf-%04d.wasm' "$OUT" "$i")"
  [ -f "$f" ] || missing+=("$i")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "gen-random: all $COUNT modules present -> ${OUT#"$ROOT"/}"
  exit 0
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# 3. Seed bytes for all missing indices in one node process.
printf '%s\n' "${missing[@]}" > "$TMP/indices"
node - "$SEED" "$TMP" <<'EOF'
const crypto = require('node:crypto');
const fs = require('node:fs');
const [seed, dir] = process.argv.slice(2);
for (const line of fs.readFileSync(dir + '/indices', 'utf8').split('\n')) {
  if (!line) continue;
  const i = Number(line);
  const h = (s) => crypto.createHash('sha256').update(s).digest();
  const len = 8192 + (h(`whamm-ttf-len:${seed}:${i}`).readUInt32LE(0) % 32768);
  const parts = [];
  for (let block = 0, n = 0; n < len; block++, n += 32) parts.push(h(`whamm-ttf:${seed}:${i}:${block}`));
  fs.writeFileSync(`${dir}/seed-${String(i).padStart(4, '0')}.bin`, Buffer.concat(parts).subarray(0, len));
}
EOF

# 4. wasm-opt -ttf, JOBS at a time.
gen_one() {
  local i="$1" n
  n="$(printf '%04d' "$i")"
  if "$WASM_OPT" -ttf "$TMP/seed-$n.bin" -o "$TMP/ttf-$n.wasm" "${FLAGS[@]}" > "$TMP/log-$n" 2>&1 \
     && [ -s "$TMP/ttf-$n.wasm" ]; then
    mv "$TMP/ttf-$n.wasm" "$OUT/ttf-$n.wasm"
  else
    echo "gen-random: wasm-opt failed for ttf-$n:" >&2
    sed 's/^/    /' "$TMP/log-$n" >&2
    touch "$TMP/failed-$n"
  fi
}
export -f gen_one
export WASM_OPT TMP OUT
export FLAGS_STR="${FLAGS[*]}"
start=$SECONDS
echo "gen-random: generating ${#missing[@]} of $COUNT modules (seed $SEED, $JOBS parallel)"
# bash cannot export arrays: rebuild FLAGS inside the child from FLAGS_STR.
# shellcheck disable=SC2016  # expanded by the child bash
printf '%s\n' "${missing[@]}" | xargs -P "$JOBS" -n 1 bash -c 'read -r -a FLAGS <<< "$FLAGS_STR"; gen_one "$1"' _ || true

failed=$(find "$TMP" -name 'failed-*' | wc -l)
made=$(( ${#missing[@]} - failed ))
echo "gen-random: $made generated in $((SECONDS - start))s, $((COUNT - ${#missing[@]})) cached -> ${OUT#"$ROOT"/}"
if [ "$failed" -gt 0 ]; then
  die "$failed module(s) failed to generate"
fi
