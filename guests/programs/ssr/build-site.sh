#!/usr/bin/env bash
# Builds the Vite + React + MDX site in site/ and copies the result to
# guests/prebuilt/ssr-site/:
#   client/                      browser assets; client/index.html is the template
#                                the server fills (<!--app-head-->, <!--app-html-->)
#   server/entry-server.js       one self-contained ES module exporting render(url),
#                                runnable by QuickJS (no Node APIs)
# Then checks the server bundle with Node (site/check.mjs) and, when a qjs is at
# hand, with QuickJS (site/qjs-check.mjs): a failure when neither check can run.
# Safe to run again; works from a fresh clone.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
site="$here/site"
out="$repo/guests/prebuilt/ssr-site"

cd "$site"
npm ci --no-audit --no-fund
npm run build

rm -rf "$out/client" "$out/server"
mkdir -p "$out/server"
cp -R dist/client "$out/client"
cp dist/server/entry-server.js "$out/server/entry-server.js"

node check.mjs

# QuickJS check: $QJS if set, else the native qjs from guests/build.sh, else the
# prebuilt qjs.wasm through wali-run. An error when none is there.
qjs=()
if [[ -n "${QJS:-}" ]]; then
  qjs=("$QJS")
elif [[ -x "$repo/guests/programs/build/native/qjs" ]] \
  && "$repo/guests/programs/build/native/qjs" -e '' 2>/dev/null; then
  qjs=("$repo/guests/programs/build/native/qjs")
else
  for w in "$repo/target/release/wali-run" "$repo/target/debug/wali-run"; do
    if [[ -x "$w" ]]; then
      qjs=("$w" "$repo/guests/prebuilt/qjs.wasm")
      break
    fi
  done
fi
if ((${#qjs[@]})); then
  "${qjs[@]}" -m qjs-check.mjs
else
  echo "build-site.sh: no qjs and no wali-run to run qjs-check.mjs (guests/build.sh or cargo build)" >&2
  exit 1
fi

echo "build-site.sh: site built into $out"
