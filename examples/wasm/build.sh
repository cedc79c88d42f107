#!/usr/bin/env bash
# Builds the browser pre-check: main.wasm (stripped), its precompressed forms
# main.wasm.br (brotli -q 11) and main.wasm.gz (gzip -9), and Go's
# wasm_exec.js from the installed toolchain.
#
#   bash examples/wasm/build.sh [DIR]
#
# Without DIR the files go beside the page in examples/wasm, for
# `go run ./examples/wasm/serve`. With DIR, the page (index.html, style.css
# and its scripts) is copied there too, so DIR is the whole site to upload to a
# static host. brotli is Debian's `brotli` package; without it the .br form
# is left out, with a warning.
set -euo pipefail
src="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$src}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
root="$(go env GOROOT)"

# The tag icpcheck_bundled leaves CEL's parser and checker and the rule
# files' YAML reader out: the page applies only the embedded rules, which
# are compiled ahead of time (provinces/bundle.json, bundle.ast). Inlining is off
# outside the standard library (the last -gcflags a package matches wins):
# it takes a tenth off the brotli size, and the time goes to the standard
# library (JSON, reflection, the runtime), which keeps it.
(cd "$src" && GOOS=js GOARCH=wasm go build -tags icpcheck_bundled -trimpath -ldflags='-s -w' \
  -gcflags=all=-l -gcflags=std= -o "$out/main.wasm" .)
for f in "$root/lib/wasm/wasm_exec.js" "$root/misc/wasm/wasm_exec.js"; do
  if [ -f "$f" ]; then cp "$f" "$out/wasm_exec.js"; break; fi
done
[ -f "$out/wasm_exec.js" ] || { echo "wasm_exec.js not found under $root" >&2; exit 1; }
if [ "$out" != "$src" ]; then
  cp "$src"/{index.html,style.css,boot.js,i18n.js,labels.js,app.js} "$out/"
fi

# The two compressions run side by side; brotli -q 11 takes a minute.
rm -f "$out/main.wasm.br" "$out/main.wasm.gz"
gzip -9 -n -c "$out/main.wasm" > "$out/main.wasm.gz" &
gz=$!
if command -v brotli >/dev/null 2>&1; then
  brotli -q 11 -f -o "$out/main.wasm.br" "$out/main.wasm"
else
  echo "warning: brotli not found (Debian: apt-get install brotli); main.wasm.br not written" >&2
fi
wait "$gz"
ls -l "$out"/main.wasm*
