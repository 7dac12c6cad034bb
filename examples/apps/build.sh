#!/usr/bin/env bash
# Rebuilds the committed example binaries from their sources in this folder (needs wabt's wat2wasm).
set -euo pipefail
cd "$(dirname "$0")"
for wat in *.wat; do wat2wasm "$wat" -o "${wat%.wat}.wasm"; done
