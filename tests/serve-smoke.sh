#!/usr/bin/env bash
# The main job, as a newcomer runs it: scripts/serve.sh starts the prebuilt
# ssr-server.wasm on the prebuilt site; the page is rendered on the server (with
# the island's server-side marker), an unknown route is the app's 404 page, a
# hashed asset is served, and SIGTERM stops it with status 0. Bounded in time.
# Usage: tests/serve-smoke.sh [WALI_RUN]   (default target/debug/wali-run)
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
wali="$(realpath "${1:-$root/target/debug/wali-run}")"
port=$((20000 + RANDOM % 20000))
log="$(mktemp)"
WALI_RUN="$wali" "$root/scripts/serve.sh" --port "$port" >"$log" 2>&1 &
pid=$!
trap 'kill -KILL $pid 2>/dev/null; rm -f "$log"' EXIT
fail() { echo "serve-smoke: FAIL: $*" >&2; sed 's/^/  log: /' "$log" | tail -20 >&2; exit 1; }
for _ in $(seq 1 600); do grep -q "listening on http://127.0.0.1:$port/" "$log" && break; sleep 0.1; done
grep -q "listening on http://127.0.0.1:$port/" "$log" || fail "no 'listening on' line within 60 s"
url="http://127.0.0.1:$port"
page="$(curl -sS --max-time 20 -w '\n%{http_code}' "$url/")" || fail "GET / failed"
[ "${page##*$'\n'}" = 200 ] || fail "GET / status ${page##*$'\n'}"
grep -q 'data-hydrated="false"' <<<"$page" || fail "GET /: no server-rendered island"
grep -q '<nav' <<<"$page" || fail "GET /: no navigation"
asset="$(grep -o '/assets/[^"]*\.js' <<<"$page" | head -1)"
[ -n "$asset" ] || fail "GET /: no hashed script"
code="$(curl -sS --max-time 20 -o /dev/null -w '%{http_code}' "$url$asset")" || fail "GET $asset failed"
[ "$code" = 200 ] || fail "GET $asset status $code"
code="$(curl -sS --max-time 20 -o /dev/null -w '%{http_code}' "$url/no-such-page")" || fail "GET /no-such-page failed"
[ "$code" = 404 ] || fail "GET /no-such-page status $code"
kill -TERM "$pid"
for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "still running 30 s after SIGTERM"
wait "$pid"; st=$?
[ "$st" = 0 ] || fail "exit status $st after SIGTERM"
echo "serve-smoke: scripts/serve.sh served /, $asset and a 404 on port $port, and exited 0 on SIGTERM"
