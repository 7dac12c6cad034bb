#!/usr/bin/env bash
# Fetch the real-world WebAssembly modules listed in tests/corpus/npm-packages.tsv:
#   npm pack <package@version>  ->  extract <path>  ->  .corpus/npm/<name>.wasm  (sha256-checked)
#
#   scripts/corpus/fetch-npm.sh            # downloads only what is missing or has a wrong hash
#
# Nothing fetched here is committed (.corpus/ is gitignored). If any package cannot be fetched
# (e.g. no network) the script still tries the others, then lists the failures and exits 1.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LIST="$ROOT/tests/corpus/npm-packages.tsv"
OUT="$ROOT/.corpus/npm"

die() { echo "fetch-npm: error: $*" >&2; exit 1; }
command -v npm >/dev/null || die "npm not found (apt-get install npm, or install node.js)"
command -v sha256sum >/dev/null || die "sha256sum not found"
command -v tar >/dev/null || die "tar not found"
[ -f "$LIST" ] || die "missing $LIST"

mkdir -p "$OUT"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

sha_of() { sha256sum "$1" | cut -d ' ' -f 1; }

fetched=0 cached=0
failed=()
declare -A listed=()
while IFS=$'\t' read -r name package path producer _runnable _run_args sha256 _rest; do
  case "$name" in ''|'#'*|name) continue ;; esac
  if [ -z "${sha256:-}" ] || [ -z "${path:-}" ]; then die "malformed line for '$name' in $LIST"; fi
  listed["$name"]=1
  dest="$OUT/$name.wasm"
  if [ -f "$dest" ] && [ "$(sha_of "$dest")" = "$sha256" ]; then
    cached=$((cached + 1))
    continue
  fi
  work="$TMP/$name"
  mkdir -p "$work"
  start=$SECONDS
  if ! tgz="$(cd "$work" && npm pack --loglevel=error --prefer-offline --pack-destination "$work" "$package" 2> "$work/npm.err" | tail -n 1)" \
     || [ -z "$tgz" ] || [ ! -f "$work/$tgz" ]; then
    echo "fetch-npm: FAILED to download $package for $name:" >&2
    sed 's/^/    /' "$work/npm.err" >&2 || true
    failed+=("$name ($package: download failed)")
    continue
  fi
  if ! tar -xzmf "$work/$tgz" --no-same-owner -C "$work" "$path" 2> "$work/tar.err"; then
    echo "fetch-npm: FAILED: $path not found in $package" >&2
    failed+=("$name ($package: $path missing from tarball)")
    continue
  fi
  got="$(sha_of "$work/$path")"
  if [ "$got" != "$sha256" ]; then
    echo "fetch-npm: FAILED: $package:$path has sha256 $got, expected $sha256" >&2
    failed+=("$name ($package: sha256 mismatch)")
    continue
  fi
  chmod 0644 "$work/$path"
  mv "$work/$path" "$dest"
  rm -rf "$work"
  fetched=$((fetched + 1))
  printf 'fetch-npm: %-12s %10d bytes  %-14s %-34s %ds\n' \
    "$name" "$(stat -c %s "$dest")" "$producer" "$package" $((SECONDS - start))
done < "$LIST"

# Drop modules that are no longer listed, so the corpus matches the table.
for f in "$OUT"/*.wasm; do
  [ -e "$f" ] || continue
  n="$(basename "$f" .wasm)"
  if [ -z "${listed[$n]:-}" ]; then rm -f "$f"; echo "fetch-npm: removed unlisted $n.wasm"; fi
done

echo "fetch-npm: $fetched fetched, $cached cached -> ${OUT#"$ROOT"/}"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "fetch-npm: ${#failed[@]} module(s) could not be fetched:" >&2
  printf '  %s\n' "${failed[@]}" >&2
  exit 1
fi
