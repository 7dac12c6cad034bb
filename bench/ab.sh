#!/usr/bin/env bash
# Run-time overhead of two builds side by side: every program of bench/overhead-programs.tsv instrumented with each
# monitor by the whamm of revision REV (a git worktree) and by the working tree's, then timed in turns on one engine
# (the original, before, after; ROUNDS times, min of RUNS runs each: Whamm.Bench overhead --prebuilt --rounds). One
# table per build on a shared machine moved by more than the change: the machine's slow spells fell on one of them.
#   bench/ab.sh REV [MONITOR ...]    monitors of bench/monitors (default: hotness blocks coverage branches)
#   RUNS=7 ROUNDS=3 BUDGET=20 CLOCK=cpu (defaults)   NO_REPORT=1: counting only (whamm instr --no-report)
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: bench/ab.sh REV [MONITOR ...]" >&2; exit 1; }
rev=$1; shift
monitors=("$@")
[ $# -gt 0 ] || monitors=(hotness blocks coverage branches)
[ -f .corpus/c/matmul.wasm ] || { echo "ab: no C programs: run scripts/corpus/build-all.sh" >&2; exit 1; }

work=$(mktemp -d)
trap 'git worktree remove --force "$work/before" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/before" "$rev"
build() { dotnet build "$1/src/Whamm.Cli" -c Release -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }; }
build "$work/before"
build .
dotnet build bench/Whamm.Bench -c Release -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }

report=(); [ -n "${NO_REPORT:-}" ] && report=(--no-report)
columns=()
for monitor in "${monitors[@]}"; do
  for side in before after; do
    root=.; [ $side = before ] && root="$work/before"
    out="$work/$monitor-$side"; mkdir -p "$out"
    while IFS=$'\t' read -r path second _; do
      case "$path" in ''|'#'*) continue ;; esac
      case "$second" in skip=*) [[ ",${second#skip=}," == *",$monitor,"* ]] && continue ;; esac
      dotnet "$root/src/Whamm.Cli/bin/Release/net10.0/whamm.dll" instr "${report[@]}" -s "bench/monitors/$monitor.mm" \
        -a "$path" -o "$out/$(basename "$path" .wasm).wasm"
    done < bench/overhead-programs.tsv
    columns+=(--prebuilt "$monitor-$side=$out")
  done
done
bench/Whamm.Bench/bin/Release/net10.0/Whamm.Bench overhead --runs "${RUNS:-7}" --rounds "${ROUNDS:-3}" \
  --budget "${BUDGET:-20}" --clock "${CLOCK:-cpu}" "${columns[@]}" --programs bench/overhead-programs.tsv
