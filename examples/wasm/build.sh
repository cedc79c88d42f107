#!/usr/bin/env bash
# Builds the browser pre-check into examples/wasm/: main.wasm (stripped) and
# Go's wasm_exec.js from the installed toolchain. Serve the folder with
# `go run ./examples/wasm/serve`.
set -euo pipefail
dir="$(cd "$(dirname "$0")" && pwd)"
root="$(go env GOROOT)"
GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o "$dir/main.wasm" "$dir"
for f in "$root/lib/wasm/wasm_exec.js" "$root/misc/wasm/wasm_exec.js"; do
  if [ -f "$f" ]; then cp "$f" "$dir/wasm_exec.js"; break; fi
done
[ -f "$dir/wasm_exec.js" ] || { echo "wasm_exec.js not found under $root" >&2; exit 1; }
ls -l "$dir/main.wasm"
