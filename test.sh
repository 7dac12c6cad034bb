#!/usr/bin/env bash
# Run the whole test suite on a fresh Debian 12 machine (or a developer's):
#   1. installs the Debian packages the tests need when missing (wabt, binaryen, clang-14, lld-14,
#      wasi-libc, libclang-rt-14-dev-wasm32, chromium for the HTML report test),
#   2. builds the test corpus (scripts/corpus/build-all.sh; CORPUS_FULL=1 for the full set),
#   3. packs and installs the `whamm` tool as README says (Native AOT for this platform); the CLI tests run it,
#   4. runs `dotnet test Whamm.slnx -c Release`, passing extra arguments through:
#        ./test.sh --filter "FullyQualifiedName~Corpus"
#   5. prints a closing line "N passed, N failed, N skipped".
# Environment: CORPUS_SKIP=1 skips step 2 (the tests then fail if .corpus/ is missing); TOOL_SKIP=1 skips step 3
# (the CLI tests then run `dotnet whamm.dll`).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT="$PWD"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

die() { echo "test.sh: error: $*" >&2; exit 1; }

if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi

# --- 1. Debian packages -------------------------------------------------------------------------
APT_PACKAGES=(wabt binaryen clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32 chromium)
missing=()
for tool in wasm-validate wasm-objdump wasm-opt clang-14 wasm-ld-14 chromium; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
[ -f /usr/lib/wasm32-wasi/libc.a ] || missing+=("wasi-libc")
compgen -G '/usr/lib/llvm-14/lib/clang/*/lib/wasi/libclang_rt.builtins-wasm32.a' >/dev/null \
  || missing+=("libclang-rt-14-dev-wasm32")
if [ "${#missing[@]}" -gt 0 ]; then
  echo "test.sh: missing ${missing[*]}; installing ${APT_PACKAGES[*]}"
  command -v apt-get >/dev/null || die "apt-get not found; install ${APT_PACKAGES[*]} by hand"
  "${SUDO[@]}" apt-get update
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${APT_PACKAGES[@]}"
fi

command -v node >/dev/null || die "node not found (Node.js >= 20 is needed for the corpus scripts)"
command -v npm >/dev/null || die "npm not found"
command -v dotnet >/dev/null || die "dotnet not found (.NET 10 SDK)"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || die "node $(node --version) is too old; need >= 20 (node:wasi preview1)"

# --- 2. Corpus ----------------------------------------------------------------------------------
if [ -z "${CORPUS_SKIP:-}" ]; then
  corpus_start=$SECONDS
  scripts/corpus/build-all.sh
  echo "test.sh: corpus ready in $((SECONDS - corpus_start))s"
fi

# Results (trx + console log, the installed tool) go to TestResults/test.sh/ (gitignored), replaced on every run.
results="$ROOT/TestResults/test.sh"
rm -rf "$results"
mkdir -p "$results"
log="$results/dotnet-test.log"

# --- 3. The installed tool ----------------------------------------------------------------------
# README's install command: the package pointing at the per-platform ones, this platform's Native AOT package, then
# `dotnet tool install` from those alone (its own package cache, so no tool installed before stands in for it).
if [ -z "${TOOL_SKIP:-}" ]; then
  tool_start=$SECONDS
  rid="$(dotnet --info | awk '$1 == "RID:" { print $2; exit }')"
  linker=()
  command -v clang >/dev/null || command -v gcc >/dev/null || linker=(-p:CppCompilerAndLinker=clang-14)
  tool="$results/tool"
  dotnet pack src/Whamm.Cli -c Release -o "$tool/nupkg" -v q -nologo > "$tool.log" 2>&1 \
    && dotnet pack src/Whamm.Cli -c Release -r "$rid" "${linker[@]}" -o "$tool/nupkg" -v q -nologo >> "$tool.log" 2>&1 \
    && NUGET_PACKAGES="$tool/packages" dotnet tool install --tool-path "$tool/bin" --source "$tool/nupkg" Whamm >> "$tool.log" 2>&1 \
    || { cat "$tool.log" >&2; die "packing or installing the whamm tool failed"; }
  export WHAMM_EXE="$tool/bin/whamm"
  echo "test.sh: whamm tool ($rid) installed in $((SECONDS - tool_start))s"
fi

# --- 4. Tests -----------------------------------------------------------------------------------
set +e
dotnet test Whamm.slnx -c Release \
  --logger "console;verbosity=minimal" \
  --logger "trx;LogFilePrefix=whamm" \
  --results-directory "$results" \
  "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e

# --- 5. Summary ---------------------------------------------------------------------------------
# Prefer the .trx counters (one file per test assembly); fall back to the console summary lines
# ("Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, ...").
passed=0 failed=0 skipped=0 found=0
shopt -s nullglob
trx_files=("$results"/*.trx)
if [ "${#trx_files[@]}" -gt 0 ]; then
  for trx in "${trx_files[@]}"; do
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)"
    [ -n "$counters" ] || continue
    attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<< "$counters"; }
    total="$(attr total)"; p="$(attr passed)"; f="$(attr failed)"; e="$(attr error)"
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0} + ${e:-0}))
    skipped=$((skipped + ${total:-0} - ${p:-0} - ${f:-0} - ${e:-0}))
    found=1
  done
fi
if [ "$found" -eq 0 ]; then
  while read -r f p s; do
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s)); found=1
  done < <(sed -n 's/.*\(Passed\|Failed\)! *- *Failed: *\([0-9]*\), *Passed: *\([0-9]*\), *Skipped: *\([0-9]*\).*/\2 \3 \4/p' "$log")
fi

if [ "$found" -eq 1 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
  if [ "$rc" -eq 0 ] && [ "$failed" -gt 0 ]; then rc=1; fi
else
  echo "test.sh: no test results found (build failure?)" >&2
  [ "$rc" -ne 0 ] || rc=1
fi
exit "$rc"
