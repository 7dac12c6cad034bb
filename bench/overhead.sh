#!/usr/bin/env bash
# Run-time overhead of instrumentation (issue #9's table): every monitor of bench/monitors on every program of
# bench/overhead-programs.tsv. Each variant is compiled once by Wasmtime and run once untimed; the time is
# instantiate + _start (the thread's CPU time, so that other processes on a shared machine do not count), min of RUNS
# runs, fewer when they would take over BUDGET seconds (then the untimed run is the time). Prints a row per program (base ms, then each monitor's slowdown), the
# geometric mean per monitor, the issue's target and whether it is met (bench/Whamm.Bench overhead, OverheadCommand.cs).
#   bench/overhead.sh                       every program of the table
#   bench/overhead.sh PROGRAM.wasm ...      these programs with no arguments
#   bench/overhead.sh --quick               one program, one run, three monitors (CI smoke)
#   RUNS=5 (default)   BUDGET=20 (default)   CLOCK=cpu (default) | wall | fuel (operators run, see docs/PERFORMANCE.md)
#   ROUNDS=1 (default): a program's variants timed in turn this many times, each keeping its best
#   OPT=on (default) | off (InstrumentOptions.Optimize = false, the CLI's --no-opt) | both (a column of each)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-5}
m=bench/monitors
monitors=(
  --monitor "count=$m/count-instructions.mm@1.05"
  --monitor "hotness=$m/hotness.mm@1.25"
  --monitor "branches=$m/branches.mm@1.20"
  --monitor "blocks=$m/blocks.mm@1.05"
  --monitor "coverage=$m/coverage.mm@1.05"
  --monitor "calls=$m/call-graph.mm@1.50"
  --monitor "memtrace=$m/memory-trace.mm@4"
)
if [ "${1:-}" = "--quick" ]; then
  runs=1
  programs=(.corpus/c/matmul.wasm)
  monitors=("${monitors[@]:0:2}" "${monitors[@]:4:2}" "${monitors[@]:12:2}")   # count, branches, memtrace
elif [ $# -gt 0 ]; then
  programs=("$@")
else
  programs=(--programs bench/overhead-programs.tsv)
fi
[ -f .corpus/c/matmul.wasm ] || { echo "overhead: no C programs: run scripts/corpus/build-all.sh" >&2; exit 1; }

build_log=$(dotnet build bench/Whamm.Bench -c Release -v q -nologo 2>&1) || { echo "$build_log" >&2; exit 1; }
exec bench/Whamm.Bench/bin/Release/net10.0/Whamm.Bench overhead --runs "$runs" --rounds "${ROUNDS:-1}" --budget "${BUDGET:-20}" \
  --clock "${CLOCK:-cpu}" --opt "${OPT:-on}" "${monitors[@]}" "${programs[@]}"
