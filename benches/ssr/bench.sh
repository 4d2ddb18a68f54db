#!/usr/bin/env bash
# SSR throughput benchmark: the native ssr-server twin vs `wali-run ssr-server.wasm`
# (Cranelift and the Pulley interpreter) vs the per-request model (a new wali-run +
# qjs.wasm instance that loads the bundle for every request, behind a CGI-style front).
#
#   benches/ssr/bench.sh            (writes docs/ssr-bench.md and docs/ssr-bench.png)
#
# Env (defaults in brackets):
#   DUR [10s]            wrk duration of every measured run
#   WARMUP [3s]          wrk warm-up (1 connection) per server before measuring
#   CONNS ["1 8 64"]     connection counts for the long-running servers
#   PR_CONNS ["1 8"]     connection counts for the per-request model (one wali-run
#                        process per in-flight request; 64 would mean 64 processes on
#                        2 cores and mostly measures wrk timeouts)
#   WALI_RUN [target/release/wali-run], DIST [guests/prebuilt/ssr-site]
#   NO_PLOT=1            skip the venv/matplotlib PNG
# All servers listen on 127.0.0.1 and are started first, then the runs are interleaved
# (for each connection count, every mode back to back), so that a noisy neighbour on the
# shared cores hits all modes alike. Servers run with --workers 0 (no fork): the measured
# PID is the serving process. Raw wrk output goes to benches/ssr/results/<stamp>/.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
WALI_RUN="${WALI_RUN:-$repo/target/release/wali-run}"
DIST="${DIST:-$repo/guests/prebuilt/ssr-site}"
NATIVE="$repo/guests/programs/ssr/server/build/native/ssr-server"
WASM="$repo/guests/prebuilt/ssr-server.wasm"
QJS="$repo/guests/prebuilt/qjs.wasm"
DUR="${DUR:-10s}"; WARMUP="${WARMUP:-3s}"
CONNS="${CONNS:-1 8 64}"; PR_CONNS="${PR_CONNS:-1 8}"
MPL_VERSION=3.10.8
t_start=$(date +%s)

die() { echo "bench.sh: $*" >&2; exit 1; }
for f in "$WALI_RUN" "$NATIVE"; do [ -x "$f" ] || die "$f missing"; done
for f in "$WASM" "$QJS" "$DIST/server/entry-server.js"; do [ -f "$f" ] || die "$f missing"; done

if ! command -v wrk >/dev/null; then
  echo "== installing wrk (apt-get)"
  apt-get install -y wrk >/dev/null || die "apt-get install wrk failed"
fi
wrk_version="$(dpkg-query -W -f='${Version}' wrk 2>/dev/null || echo unknown)"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$here/results/$stamp"; mkdir -p "$out" || exit 1
runs="$out/runs.tsv"
printf 'mode\tconns\tpath\twrk_file\tcpu_ticks\thwm_kb\n' >"$runs"

declare -A spid sport
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null; done
  sleep 0.5
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# start NAME CMD...: starts a server (port from $port), waits for its listening line.
start() {
  local name="$1"; shift
  "$@" >"$out/$name.out" 2>"$out/$name.err" &
  local p=$!; pids+=("$p"); spid[$name]=$p; sport[$name]=$port
  for _ in $(seq 1 600); do
    grep -q "listening on http://127.0.0.1:$port/" "$out/$name.out" 2>/dev/null && {
      local kids; kids="$(ps --ppid "$p" -o pid= | wc -l)"
      echo "   $name: pid $p port $port (children: $kids)"; return 0; }
    kill -0 "$p" 2>/dev/null || break
    sleep 0.1
  done
  tail -5 "$out/$name.err"; die "$name did not start"
}

cpu_ticks() { # utime+stime+cutime+cstime of PID, in clock ticks
  local s; s="$(cat "/proc/$1/stat")" || { echo 0; return; }
  s="${s##*) }"; set -- $s
  echo $(( ${12} + ${13} + ${14} + ${15} ))
}
hwm_kb() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

# run MODE CONNS PATH: one measured wrk run against MODE's server.
run() {
  local mode="$1" c="$2" path="$3" p="${spid[$1]}" f="$out/wrk-$1-c$2-$(basename "$3" | tr -c 'A-Za-z0-9.\n-' _).txt"
  local t0 t1
  t0=$(cpu_ticks "$p")
  wrk -t1 -c "$c" -d "$DUR" --timeout 20s --latency "http://127.0.0.1:${sport[$mode]}$path" >"$f" 2>&1
  t1=$(cpu_ticks "$p")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$mode" "$c" "$path" "$(basename "$f")" $((t1 - t0)) "$(hwm_kb "$p")" >>"$runs"
  printf '   %-10s c=%-3s %-28s %s req/s\n' "$mode" "$c" "$path" "$(awk '/^Requests\/sec/ {print $2}' "$f")"
}

echo "== results in $out"
echo "== starting servers"
port=$(free_port); start native "$NATIVE" --host 127.0.0.1 --port "$port" --workers 0 "$DIST"
port=$(free_port); start cranelift "$WALI_RUN" "$WASM" --host 127.0.0.1 --port "$port" --workers 0 "$DIST"
port=$(free_port); start pulley env WALI_RUN_TARGET=pulley64 "$WALI_RUN" "$WASM" --host 127.0.0.1 --port "$port" --workers 0 "$DIST"
port=$(free_port); start per-request python3 "$here/cgi_front.py" 127.0.0.1 "$port" -- \
  "$WALI_RUN" "$QJS" -m "$here/render-once.mjs" "$DIST" "{url}"
port=$(free_port); start front-only python3 "$here/cgi_front.py" 127.0.0.1 "$port" -- \
  /bin/cat "$DIST/client/index.html"

# All modes must serve the same page for /.
ref="$(curl -sf "http://127.0.0.1:${sport[native]}/" | sha256sum)"
for m in cranelift pulley per-request; do
  [ "$(curl -sf "http://127.0.0.1:${sport[$m]}/" | sha256sum)" = "$ref" ] || die "$m serves a different / than native"
done
echo "   / is byte-identical in native, cranelift, pulley and per-request"
asset="/assets/$(cd "$DIST/client/assets" && ls -- *.js | head -1)"

echo "== warm-up ($WARMUP each, 1 connection)"
for m in native cranelift pulley per-request front-only; do
  wrk -t1 -c1 -d "$WARMUP" --timeout 20s "http://127.0.0.1:${sport[$m]}/" >"$out/warmup-$m.txt" 2>&1
done

echo "== measuring ($DUR per run)"
for c in $CONNS $PR_CONNS; do echo "$c"; done | sort -n -u | while read -r c; do
  for m in native cranelift pulley; do
    [[ " $CONNS " == *" $c "* ]] && run "$m" "$c" /
  done
  if [[ " $PR_CONNS " == *" $c "* ]]; then run per-request "$c" /; run front-only "$c" /; fi
done
run native 8 "$asset"
run cranelift 8 "$asset"

# Peak RSS of one per-request instance (wali-run + qjs.wasm rendering one page).
pr_rss_kb="$(python3 - "$WALI_RUN" "$QJS" "$here/render-once.mjs" "$DIST" <<'EOF'
import resource, subprocess, sys
w, q, s, d = sys.argv[1:]
subprocess.run([w, q, "-m", s, d, "/"], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
EOF
)"

cat >"$out/meta.env" <<EOF
date=$(date -u '+%Y-%m-%d %H:%M UTC')
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')
nproc=$(nproc)
kernel=$(uname -r)
wrk=$wrk_version
wali_run=$("$WALI_RUN" --version 2>&1 | head -1)
wasmtime=$(awk '/^name = "wasmtime"$/ {getline; gsub(/"/,""); print $3; exit}' "$repo/Cargo.lock")
gcc=$(gcc --version 2>/dev/null | head -1)
python=$(python3 --version 2>&1)
clk_tck=$(getconf CLK_TCK)
dur=$DUR
warmup=$WARMUP
pr_rss_kb=$pr_rss_kb
git=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null)
EOF

echo "== stopping servers"
for m in native cranelift pulley per-request front-only; do
  kill -TERM "${spid[$m]}" 2>/dev/null
  for _ in $(seq 1 100); do kill -0 "${spid[$m]}" 2>/dev/null || break; sleep 0.1; done
  wait "${spid[$m]}"; echo "   $m exited $?"
done
pids=()

echo "$(( $(date +%s) - t_start ))" >"$out/elapsed_s"
plot=()
if [ -z "${NO_PLOT:-}" ]; then
  if [ ! -x "$here/.venv/bin/python" ] || ! "$here/.venv/bin/python" -c "import matplotlib" 2>/dev/null; then
    echo "== venv with matplotlib==$MPL_VERSION"
    python3 -m venv "$here/.venv" && "$here/.venv/bin/pip" install -q "matplotlib==$MPL_VERSION" \
      || die "matplotlib install failed (NO_PLOT=1 to skip)"
  fi
  plot=(--png "$repo/docs/ssr-bench.png")
  "$here/.venv/bin/python" "$here/report.py" "$out" --md "$repo/docs/ssr-bench.md" "${plot[@]}" || exit 1
else
  python3 "$here/report.py" "$out" --md "$repo/docs/ssr-bench.md" || exit 1
fi
echo "== done in $(( $(date +%s) - t_start )) s: docs/ssr-bench.md${plot:+, docs/ssr-bench.png}"
