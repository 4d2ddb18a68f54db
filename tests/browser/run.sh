#!/usr/bin/env bash
# Real-browser test of the flagship server: starts scripts/serve.sh (the prebuilt
# ssr-server.wasm on the prebuilt site) under the given wali-run on 127.0.0.1,
# then tests/browser/hydration.mjs drives headless Chromium through it: the HTML
# is server-rendered, the island hydrates and its button counts, /about, /blog,
# a post and a 404 load with the right titles and no console errors.
# Screenshots: target/browser/home.png and target/browser/404.png.
# Usage: tests/browser/run.sh [WALI_RUN]   (default target/debug/wali-run)
# Installs what is missing: Debian chromium (apt-get) and playwright-core
# (npm ci, pinned in package-lock.json). No browser download, no internet for
# Chromium: everything is on 127.0.0.1. Every wait is bounded.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
wali="$(realpath "${1:-$root/target/debug/wali-run}")"
fail() { echo "browser: FAIL: $*" >&2; exit 1; }
[ -x "$wali" ] || fail "no wali-run at $wali"
start=$(date +%s)

# --- what it needs -----------------------------------------------------------
chromium_bin="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium_bin" ]; then
  echo "browser: installing Debian chromium" >&2
  command -v apt-get >/dev/null || fail "no $chromium_bin and no apt-get to install it"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo -n"
  export DEBIAN_FRONTEND=noninteractive
  timeout 600 $sudo apt-get update -qq || fail "apt-get update failed"
  timeout 900 $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null \
    || fail "apt-get install chromium failed"
  [ -x "$chromium_bin" ] || fail "chromium installed but $chromium_bin is missing"
fi
command -v node >/dev/null || fail "node is not installed"
want="$(node -p 'require(process.argv[1]).packages["node_modules/playwright-core"].version' "$here/package-lock.json")"
have="$(node -p 'require(process.argv[1]).version' "$here/node_modules/playwright-core/package.json" 2>/dev/null || true)"
if [ "$have" != "$want" ]; then
  echo "browser: npm ci (playwright-core, pinned)" >&2
  (cd "$here" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 timeout 300 npm ci --no-audit --no-fund --loglevel=error >&2) \
    || fail "npm ci failed in tests/browser"
fi

# --- the server ----------------------------------------------------------------
log="$(mktemp)"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null
  fi
  rm -f "$log"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port=""
for _ in 1 2 3; do
  port=$((20000 + RANDOM % 20000))
  : >"$log"
  # serve.sh execs wali-run, so $! is the server's PID.
  WALI_RUN="$wali" "$root/scripts/serve.sh" --port "$port" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do   # 60 s
    grep -q "ssr-server: listening on http://127.0.0.1:$port/" "$log" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  grep -q "ssr-server: listening on http://127.0.0.1:$port/" "$log" && break
  if kill -0 "$pid" 2>/dev/null; then
    sed 's/^/  server: /' "$log" >&2
    fail "no 'ssr-server: listening on http://127.0.0.1:$port/' line within 60 s"
  fi
  # It exited: most likely the random port was taken; try another.
  echo "browser: server on port $port exited early; retrying" >&2
  sed 's/^/  server: /' "$log" | tail -5 >&2
  pid=""
done
[ -n "$pid" ] || fail "the server would not start"
echo "browser: $(basename "$wali") serving on http://127.0.0.1:$port/ (pid $pid)"

# --- the test ------------------------------------------------------------------
CHROMIUM="$chromium_bin" SHOT_DIR="$root/target/browser" \
  timeout 360 node "$here/hydration.mjs" "http://127.0.0.1:$port"
st=$?
if [ $st != 0 ]; then
  [ $st = 124 ] && echo "browser: FAIL: hydration.mjs did not finish within 360 s" >&2
  echo "browser: server log (last 20 lines):" >&2
  tail -20 "$log" | sed 's/^/  server: /' >&2
  exit 1
fi
kill -0 "$pid" 2>/dev/null || fail "the server died during the test"
echo "browser: done in $(( $(date +%s) - start )) s"
