#!/usr/bin/env bash
# Run-time overhead of instrumentation on the C programs of the corpus: uninstrumented vs. an instruction
# counter (bench/monitors/count-instructions.mm) vs. a br_if taken/not-taken monitor (bench/monitors/branches.mm).
# Each variant is compiled once by Wasmtime and run once untimed; the time is instantiate + _start, min of RUNS runs; the last row is the
# geometric mean of the slowdowns (bench/Whamm.Bench overhead, see OverheadCommand.cs).
#   bench/overhead.sh [PROGRAM.wasm ...]    default: every .corpus/c/*.wasm
#   bench/overhead.sh --quick               one program, one run (CI smoke)
#   RUNS=5 (default)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-5}
quick=
if [ "${1:-}" = "--quick" ]; then quick=1; runs=1; shift; fi
if [ $# -gt 0 ]; then
  programs=("$@")
elif [ -n "$quick" ]; then
  programs=(.corpus/c/matmul.wasm)
else
  mapfile -t programs < <(ls .corpus/c/*.wasm 2>/dev/null)
fi
[ ${#programs[@]} -gt 0 ] && [ -f "${programs[0]}" ] || { echo "overhead: no C programs: run scripts/corpus/build-all.sh" >&2; exit 1; }

build_log=$(dotnet build bench/Whamm.Bench -c Release -v q -nologo 2>&1) || { echo "$build_log" >&2; exit 1; }
exec bench/Whamm.Bench/bin/Release/net10.0/Whamm.Bench overhead --runs "$runs" \
  --monitor count=bench/monitors/count-instructions.mm --monitor branches=bench/monitors/branches.mm "${programs[@]}"
