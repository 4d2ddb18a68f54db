#!/usr/bin/env bash
# Tests ssr-server (build.sh first), the native twin and `wali-run ssr-server.wasm`,
# with test_client.py (Python 3 stdlib) against a server on 127.0.0.1:18080+random.
#   test.sh [native|wasm]...        (default: both)
# Env: WALI_RUN (default target/release/wali-run), DIST (guests/prebuilt/ssr-site).
# Every step is time-bounded; the servers are killed on exit. Exit 1 on any failure.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../../.." && pwd)"
WALI_RUN="${WALI_RUN:-$repo/target/release/wali-run}"
DIST="${DIST:-$repo/guests/prebuilt/ssr-site}"
modes=("$@"); [ ${#modes[@]} -eq 0 ] && modes=(native wasm)
scratch="$(mktemp -d /tmp/ssr-server-test.XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done
  rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A copy of the site with a few more static files (types, no-cache, a changed file).
cp -r "$DIST" "$scratch/dist" || exit 1
DIST="$scratch/dist"; c="$DIST/client"
printf 'User-agent: *\nAllow: /\n' >"$c/robots.txt"
printf '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>\n' >"$c/logo.svg"
printf '{"name": "wali-run", "list": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}\n' >"$c/data.json"
printf '\x89PNG\r\n\x1a\n0000000000000000000000000000000000' >"$c/img.png"
printf 'wOF2000000000000000000000000000000000000' >"$c/font.woff2"
printf '\0\0\1\0\1\0\20\20\0\0\1\0\40\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0' >"$c/favicon.ico"
printf '{"version":3,"sources":["app.js"],"mappings":"AAAA"}\n' >"$c/assets/app.js.map"
mkdir -p "$c/sub"; printf 'a file with a space in its name\n' >"$c/sub/a b.txt"

pass=0; fail=0; failed=()
ok()  { pass=$((pass + 1)); echo "PASS $*"; }
bad() { fail=$((fail + 1)); failed+=("$*"); echo "FAIL $*"; }

server_cmd() { # server_cmd MODE: the command line prefix
  case "$1" in
    native) echo "$here/build/native/ssr-server" ;;
    wasm)   echo "$WALI_RUN $here/build/ssr-server.wasm" ;;
  esac
}

# start MODE PORT [ARGS...]: starts a server; sets $spid, $sout, $serr; waits for
# its "listening" line (30 s at most).
start() {
  local mode="$1" port="$2"; shift 2
  sout="$scratch/$mode-$port.out"; serr="$scratch/$mode-$port.err"
  $(server_cmd "$mode") --host 127.0.0.1 --port "$port" "$@" "$DIST" >"$sout" 2>"$serr" &
  spid=$!; pids+=("$spid")
  for _ in $(seq 1 300); do
    grep -q "^ssr-server: listening on http://127.0.0.1:$port/$" "$sout" 2>/dev/null && return 0
    kill -0 "$spid" 2>/dev/null || break
    sleep 0.1
  done
  return 1
}

# stop: SIGTERM the server, wait for it (15 s at most); sets $src.
stop() {
  kill -TERM "$spid" 2>/dev/null
  src=timeout
  for _ in $(seq 1 150); do
    if ! kill -0 "$spid" 2>/dev/null; then wait "$spid"; src=$?; return; fi
    sleep 0.1
  done
  kill -KILL "$spid" 2>/dev/null
}

for mode in "${modes[@]}"; do
  bin="$(server_cmd "$mode")"; [ -x "${bin%% *}" ] || { bad "$mode: ${bin%% *} missing (build.sh)"; continue; }
  [ "$mode" = wasm ] && { [ -f "$here/build/ssr-server.wasm" ] || { bad "wasm: ssr-server.wasm missing"; continue; }; }
  port=$((18080 + RANDOM % 1000))
  echo "== $mode on port $port"
  if ! start "$mode" "$port"; then bad "$mode: server did not start"; cat "$serr" | tail -5; continue; fi
  ok "$mode: started, printed the listening line"
  log="$scratch/$mode.client"
  timeout 150 python3 "$here/test_client.py" 127.0.0.1 "$port" "$DIST" "$mode" >"$log" 2>&1
  rc=$?
  grep -E '^(PASS|FAIL)' "$log" | while read -r l; do echo "$l"; done
  pass=$((pass + $(grep -c '^PASS' "$log"))); fail=$((fail + $(grep -c '^FAIL' "$log")))
  while read -r l; do failed+=("$l"); done < <(grep '^FAIL' "$log")
  if [ "$rc" -ne 0 ] && ! grep -q '^FAIL' "$log"; then bad "$mode: client exited $rc"; tail -5 "$log"; fi
  kill -0 "$spid" 2>/dev/null && ok "$mode: server alive after the checks" || bad "$mode: server died"
  if grep -qE '^GET /about 200 [0-9]+ [0-9.]+$' "$serr"; then ok "$mode: access log lines"; else bad "$mode: access log"; fi
  stop
  [ "$src" = 0 ] && ok "$mode: SIGTERM -> exit 0" || bad "$mode: SIGTERM -> exit $src"

  # SIGTERM while responses are in flight: they complete, then exit 0.
  port=$((port + 1))
  if start "$mode" "$port"; then
    timeout 60 python3 "$here/test_client.py" 127.0.0.1 "$port" "$DIST" "$mode" --drain "$spid" >"$log" 2>&1
    grep -E '^(PASS|FAIL)' "$log"
    pass=$((pass + $(grep -c '^PASS' "$log"))); fail=$((fail + $(grep -c '^FAIL' "$log")))
    while read -r l; do failed+=("$l"); done < <(grep '^FAIL' "$log")
    grep -qE '^(PASS|FAIL)' "$log" || { bad "$mode: drain client failed"; tail -5 "$log"; }
    src=timeout
    for _ in $(seq 1 150); do
      if ! kill -0 "$spid" 2>/dev/null; then wait "$spid"; src=$?; break; fi
      sleep 0.1
    done
    [ "$src" = 0 ] && ok "$mode: exit 0 after draining" || bad "$mode: exit $src after draining"
    kill -KILL "$spid" 2>/dev/null
  else
    bad "$mode: server for the drain test did not start"
  fi

  # --workers 2: both serve, SIGTERM reaches them through the parent.
  port=$((port + 1000))
  if start "$mode" "$port" --workers 2; then
    n=0
    for _ in 1 2 3 4 5 6; do
      timeout 10 python3 -c "import http.client,sys; c=http.client.HTTPConnection('127.0.0.1',$port,timeout=10); c.request('GET','/blog'); r=c.getresponse(); sys.exit(0 if r.status==200 and b'hello-wali' in r.read() else 1)" && n=$((n + 1))
    done
    [ "$n" = 6 ] && ok "$mode: --workers 2 serves" || bad "$mode: --workers 2 served $n/6"
    workers=$(ps -o pid= --ppid "$spid" | wc -l)
    [ "$workers" -ge 2 ] && ok "$mode: --workers 2 has $workers children" || bad "$mode: --workers 2 has $workers children"
    stop
    [ "$src" = 0 ] && ok "$mode: --workers 2 SIGTERM -> exit 0" || bad "$mode: --workers 2 SIGTERM -> exit $src"
  else
    bad "$mode: --workers 2 did not start"
  fi
done

echo "== summary: $pass passed, $fail failed"
for f in "${failed[@]}"; do echo "  $f"; done
[ "$fail" -eq 0 ]
