#!/usr/bin/env bash
# Read+write speed of the binary toolkit vs Binaryen's wasm-opt (no passes), as whole processes,
# side by side in the same run. Prints one row per module and the ratio.
#   bench/toolkit-speed.sh [MODULE.wasm ...]     (default: the two largest modules in .corpus/npm)
#   RUNS=5 (min of RUNS is reported)
#   REENCODE=1 encodes every section from the model instead of copying unchanged ones
#   (function bodies are still copied as bytes: that is the design)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
command -v wasm-opt >/dev/null || { echo "wasm-opt not found: apt-get install binaryen" >&2; exit 1; }
build_log=$(dotnet build bench/Whamm.Bench -c Release -v q -nologo 2>&1) || { echo "$build_log" >&2; exit 1; }
bench=bench/Whamm.Bench/bin/Release/net10.0/Whamm.Bench
if [ $# -eq 0 ]; then
  mapfile -t modules < <(ls -S .corpus/npm/*.wasm 2>/dev/null | head -2)
  [ ${#modules[@]} -gt 0 ] || { echo "no corpus: run scripts/corpus/build-all.sh" >&2; exit 1; }
else
  modules=("$@")
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

min_ms() { # min wall time in ms of RUNS runs of "$@"
  local best=999999999 t0 t1 ms
  for _ in $(seq "$runs"); do
    t0=$(date +%s%N); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }; t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000000 )); [ "$ms" -lt "$best" ] && best=$ms
  done
  echo "$best"
}

printf '%-28s %9s %12s %12s %10s %8s\n' module MB whamm_ms wasm-opt_ms whamm_MB/s ratio
for m in "${modules[@]}"; do
  mb=$(awk -v b="$(stat -c %s "$m")" 'BEGIN{printf "%.1f", b/1048576}')
  ours=$(min_ms "$bench" roundtrip "$m" "$out/ours.wasm" ${REENCODE:+--reencode})
  [ -n "${REENCODE:-}" ] || cmp -s "$m" "$out/ours.wasm" || { echo "round trip of $m is not byte-identical" >&2; exit 1; }
  theirs=$(min_ms wasm-opt "$m" -o "$out/theirs.wasm" --all-features)
  awk -v n="$(basename "$m")" -v mb="$mb" -v o="$ours" -v t="$theirs" \
    'BEGIN{printf "%-28s %9s %12d %12d %10.0f %7.1fx\n", n, mb, o, t, mb/(o/1000), t/o}'
done
echo "(ratio = wasm-opt time / whamm time; min of $runs runs; $(nproc) cores)"
