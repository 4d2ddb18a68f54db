#!/usr/bin/env bash
# ARM32 hosts, under qemu-user: the device build of wali-run runs the real
# guests from pulley32 .cwasm files compiled on this (x86_64) host, and
# compiles a .wasm itself; every output must equal the x86_64 run's.
#   lua, sqlite3 (PRAGMA threads=4 sorting), qjs (HTML rendering, os.Worker),
#   busybox sh (pipes, fork + exec of a .cwasm), the sysroot's pthread test,
#   and a module that defines its shared memory and uses atomics as the
#   reference toolchain builds them (tests/guests/atomics.c).
# Usage: tests/arm32/guests.sh WALI_RUN_X86 WALI_RUN_ARM [QEMU_CPU]
#   QEMU_CPU=arm1176 runs the ARMv6 (Raspberry Pi Zero) build, smoke subset.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
x86="$(realpath "$1")"
arm="$(realpath "$2")"
cpu="${3:-}"
command -v qemu-arm >/dev/null || { echo "arm32: qemu-arm not found (apt-get install qemu-user)" >&2; exit 1; }
if [ -n "$cpu" ]; then
  qemu=(qemu-arm -cpu "$cpu")
  sysroot=/usr/arm-linux-gnueabi
else
  qemu=(qemu-arm)
  sysroot=/usr/arm-linux-gnueabihf
fi
# A static binary needs no sysroot; a dynamic one finds its loader there.
qemu+=(-L "$sysroot")
# Only the ARM side re-executes wali-run through qemu.
qemu=(env "WALI_RUN_EXEC_WRAPPER=$(command -v qemu-arm)${cpu:+ -cpu $cpu} -L $sysroot" "${qemu[@]}")
export XDG_CACHE_HOME="$(mktemp -d)"
work="$(mktemp -d)"
trap 'rm -rf "$work" "$XDG_CACHE_HOME"' EXIT
cp "$here"/guests/* "$work"/
cd "$work"

pthread="$root/guests/tests/build/pthread.wasm"
atomics="$root/tests/guests/build/atomics.wasm"
for m in "$pthread" "$atomics"; do
  [ -f "$m" ] || { echo "arm32: $m missing (guests/build.sh, tests/guests/build.sh)" >&2; exit 1; }
done
for p in lua sqlite3 qjs busybox; do cp "$root/guests/prebuilt/$p.wasm" .; done
cp "$pthread" "$atomics" .

t0=$(date +%s)
for m in lua sqlite3 qjs busybox pthread atomics; do
  "$x86" compile --target pulley32 "$m.wasm" -o "$m.cwasm" || { echo "arm32: cannot compile $m for pulley32" >&2; exit 1; }
done
chmod +x ./*.cwasm ./*.wasm
echo "arm32: compiled 6 guests for pulley32 in $(( $(date +%s) - t0 )) s"

pass=0; fail=0
# check NAME ARM_MODULE X86_MODULE [ARGS...] (stdin from $stdin): outputs and statuses equal.
check() {
  local name="$1" am="$2" xm="$3"; shift 3
  local t=$(date +%s%N)
  "$x86" --no-cache "$xm" "$@" <"${stdin:-/dev/null}" >x.out 2>x.err; local xs=$?
  timeout -k 5 900 "${qemu[@]}" "$arm" "$am" "$@" <"${stdin:-/dev/null}" >a.out 2>a.err; local as=$?
  local ms=$(( ($(date +%s%N) - t) / 1000000 ))
  if [ "$xs" = "$as" ] && cmp -s x.out a.out && [ -s x.out ]; then
    pass=$((pass+1)); echo "  ok    $name ($(wc -l <a.out) lines, ${ms} ms)"
  else
    fail=$((fail+1)); echo "  FAIL  $name: status x86_64 $xs, arm $as"
    diff x.out a.out | head -20 | sed 's/^/        /'
    tail -5 a.err | sed 's/^/        stderr /'
  fi
}
stdin=
lua_prog='local t = {} for i = 1, 3000 do t[i] = string.format("%d:%x", i, i * i) end
local s = table.concat(t, ",") print(#s, t[1234], s:find("999:"))
local co = coroutine.wrap(function(a) for i = 1, 3 do a = coroutine.yield(a * 2) end end)
print(co(1), co(5), co(7)) print(select("#", pcall(error, {})), math.maxinteger // 3)'
check "lua (.cwasm)" lua.cwasm lua.wasm -e "$lua_prog"
check "qjs: HTML strings, os.Worker (.cwasm)" qjs.cwasm qjs.wasm render.mjs
if [ -z "$cpu" ]; then
  stdin=sort.sql check "sqlite3: PRAGMA threads=4 sorting (.cwasm)" sqlite3.cwasm sqlite3.wasm :memory:
  stdin=
  sh_prog='echo hello world | ./busybox tr a-z A-Z; x=$(echo sub | ./busybox rev); echo "$x"
(exit 3); echo "status $?"; ./busybox seq 1 200 | ./busybox sort -rn | ./busybox head -n 2
./busybox sh -c "echo nested \$\$ >/dev/null; echo child-ok"; echo done'
  # Each side's sh runs ./busybox: a link to its own module.
  check_sh() {
    local t=$(date +%s%N)
    ln -sf busybox.wasm busybox; "$x86" --no-cache busybox.wasm sh -c "$sh_prog" >x.out 2>x.err; local xs=$?
    ln -sf busybox.cwasm busybox; timeout -k 5 900 "${qemu[@]}" "$arm" busybox.cwasm sh -c "$sh_prog" >a.out 2>a.err; local as=$?
    local ms=$(( ($(date +%s%N) - t) / 1000000 ))
    if [ "$xs" = "$as" ] && cmp -s x.out a.out && [ -s x.out ]; then
      pass=$((pass+1)); echo "  ok    busybox sh: pipes, fork + exec of a .cwasm ($(wc -l <a.out) lines, ${ms} ms)"
    else
      fail=$((fail+1)); echo "  FAIL  busybox sh: status x86_64 $xs, arm $as"
      diff x.out a.out | head -20 | sed 's/^/        /'; tail -5 a.err | sed 's/^/        stderr /'
    fi
  }
  check_sh
  check "sysroot pthread test (.cwasm)" pthread.cwasm pthread.wasm
  check "defined shared memory + atomics, reference style (.cwasm)" atomics.cwasm atomics.wasm
  check "lua compiled on the device (.wasm)" lua.wasm lua.wasm -e "$lua_prog"
fi
echo "arm32${cpu:+ ($cpu)}: $pass passed, $fail failed"
[ "$fail" = 0 ]
