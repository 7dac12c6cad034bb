#!/usr/bin/env bash
# Build the whole test corpus under .corpus/ (gitignored):
#   .corpus/c/       our C programs -> WASI commands + expected stdout   (build-c.sh)
#   .corpus/npm/     real-world modules from npm packages                (fetch-npm.sh)
#   .corpus/random/  random valid modules from binaryen -ttf             (gen-random.sh)
#
#   scripts/corpus/build-all.sh              # 200 random modules
#   CORPUS_FULL=1 scripts/corpus/build-all.sh   # 1000 random modules
#
# Every step is incremental. All steps run even if one fails; the script then exits 1.
set -euo pipefail

DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
failed=()
summary=()

step() {
  local label="$1"; shift
  local start=$SECONDS
  echo "== corpus: $label"
  if "$@"; then
    summary+=("$(printf '%-8s ok      %4ds' "$label" $((SECONDS - start)))")
  else
    summary+=("$(printf '%-8s FAILED  %4ds' "$label" $((SECONDS - start)))")
    failed+=("$label")
  fi
}

step c      "$DIR/build-c.sh"
step npm    "$DIR/fetch-npm.sh"
step random "$DIR/gen-random.sh"

echo "== corpus summary"
printf '   %s\n' "${summary[@]}"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "corpus: failed steps: ${failed[*]}" >&2
  exit 1
fi
