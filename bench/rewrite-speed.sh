#!/usr/bin/env bash
# Rewriting speed: the whole `whamm instr` process (start-up included) with a sparse monitor (a counter before
# every `call`), a dense one (a counter before every instruction) and issue #9's dense target, hotness (a report
# variable at every instruction), side by side in the same run with
# Binaryen's `wasm-opt IN -o OUT --all-features` (read + write, no passes). Wall time is the min of RUNS runs;
# peak RSS is the largest seen (`/usr/bin/time` when installed, else polled from /proc).
#   bench/rewrite-speed.sh [MODULE.wasm ...]    default: esbuild, swc, yosys, flite from .corpus/npm
#   bench/rewrite-speed.sh --quick              one small module, one run (CI smoke)
#   RUNS=5 (default 3)
#   WHAMM=PATH   measure that whamm instead of the Release build, e.g. the Native AOT tool users install:
#                dotnet publish src/Whamm.Cli -c Release -r linux-x64 -o /tmp/whamm-aot
#                WHAMM=/tmp/whamm-aot/whamm bench/rewrite-speed.sh
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-3}
quick=
if [ "${1:-}" = "--quick" ]; then quick=1; runs=1; shift; fi
die() { echo "rewrite-speed: $*" >&2; exit 1; }
command -v wasm-opt >/dev/null || die "wasm-opt not found: apt-get install binaryen"

if [ $# -gt 0 ]; then
  modules=("$@")
elif [ -n "$quick" ]; then
  modules=(.corpus/npm/sqljs.wasm)
else
  modules=(.corpus/npm/esbuild.wasm .corpus/npm/swc.wasm .corpus/npm/yosys.wasm .corpus/npm/flite.wasm)
fi
for m in "${modules[@]}"; do [ -f "$m" ] || die "$m not found: run scripts/corpus/build-all.sh"; done

if [ -n "${WHAMM:-}" ]; then
  whamm=$WHAMM
else
  build_log=$(dotnet build src/Whamm.Cli -c Release -v q -nologo 2>&1) || { echo "$build_log" >&2; exit 1; }
  whamm=src/Whamm.Cli/bin/Release/net10.0/whamm
fi
[ -x "$whamm" ] || die "$whamm was not built"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# measure CMD...: runs CMD once (output discarded), prints "WALL_MS PEAK_RSS_KB"; fails if CMD fails.
measure() {
  local t0 t1 rc=0 rss=0
  t0=$(date +%s%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%M" -o "$out/rss" "$@" >/dev/null 2>"$out/err" || rc=$?
    t1=$(date +%s%N)
    rss=$(tail -n 1 "$out/rss")
  else
    "$@" >/dev/null 2>"$out/err" &
    local pid=$! hwm
    while kill -0 "$pid" 2>/dev/null; do
      hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
      [ -n "$hwm" ] && [ "$hwm" -gt "$rss" ] && rss=$hwm
      sleep 0.02
    done
    wait "$pid" || rc=$?
    t1=$(date +%s%N)
  fi
  if [ "$rc" -ne 0 ]; then echo "rewrite-speed: failed ($rc): $*" >&2; cat "$out/err" >&2; return 1; fi
  echo "$(( (t1 - t0) / 1000000 )) $rss"
}

# best CMD...: min wall time and max peak RSS over RUNS runs, as "MS MB".
best() {
  local ms=999999999 kb=0 m k
  for _ in $(seq "$runs"); do
    read -r m k < <(measure "$@") || return 1
    [ "$m" -lt "$ms" ] && ms=$m
    [ "$k" -gt "$kb" ] && kb=$k
  done
  echo "$ms $((kb / 1024))"
}

printf '%-14s %6s | %9s %7s | %9s %7s %6s | %9s %7s %6s | %9s %7s %6s\n' \
  module MB wasm-opt RSS_MB sparse RSS_MB ratio dense RSS_MB ratio hotness RSS_MB ratio
for m in "${modules[@]}"; do
  mb=$(awk -v b="$(stat -L -c %s "$m")" 'BEGIN{printf "%.1f", b/1048576}')
  read -r wo_ms wo_mb < <(best wasm-opt "$m" -o "$out/wasm-opt.wasm" --all-features)
  read -r sp_ms sp_mb < <(best "$whamm" instr --script bench/monitors/count-calls.mm --app "$m" -o "$out/sparse.wasm")
  read -r de_ms de_mb < <(best "$whamm" instr --script bench/monitors/count-instructions.mm --app "$m" -o "$out/dense.wasm")
  read -r ho_ms ho_mb < <(best "$whamm" instr --script bench/monitors/hotness.mm --app "$m" -o "$out/hotness.wasm")
  awk -v n="$(basename "$m" .wasm)" -v mb="$mb" -v wo="$wo_ms" -v wr="$wo_mb" -v sp="$sp_ms" -v sr="$sp_mb" -v de="$de_ms" -v dr="$de_mb" \
    -v ho="$ho_ms" -v hr="$ho_mb" \
    'BEGIN{printf "%-14s %6s | %9d %7d | %9d %7d %5.1fx | %9d %7d %5.1fx | %9d %7d %5.1fx\n", n, mb, wo, wr, sp, sr, wo/sp, de, dr, wo/de, ho, hr, wo/ho}'
done
echo "(ms = min wall time of $runs run(s), whole process; RSS_MB = peak resident set; ratio = wasm-opt time / whamm time; $(nproc) cores)"
