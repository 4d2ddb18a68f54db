#!/usr/bin/env bash
# Guest instructions executed under qemu-arm (32-bit ARM, armv7): native armv7
# builds of small workloads vs the same programs run as WebAssembly by the armv7
# wali-run from pulley32 .cwasm files.  Prints one table row per workload.
#
#   benches/arm32/insn.sh [WALI_RUN_X86] [WALI_RUN_ARMV7]
#
# WALI_RUN_X86 (default target/release/wali-run) compiles the modules with
# `compile --target pulley32`; WALI_RUN_ARMV7 (default
# target/armv7-unknown-linux-gnueabihf/release/wali-run) runs them under
# qemu-arm.  WALI_RUN_EPOCH_CHECKS, when set, is passed to both (it changes the
# compiled code).  Counts come from build/insn.so (insn.c), a QEMU plugin that
# counts the guest instructions of all threads; the host kernel's work for
# system calls is not counted.  Every workload is also run empty (the program's
# start and exit alone) to give the startup cost, which the last column leaves
# out.  Native and wasm outputs (stdout, stderr, exit status) must be equal.
# Raw numbers: build/results.tsv.  Builds what it needs first (build.sh).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
tag=arm32-insn
die() { echo "$tag: ERROR: $*" >&2; exit 1; }

wali_x86="$(realpath -m "${1:-$repo/target/release/wali-run}")"
wali_arm="$(realpath -m "${2:-$repo/target/armv7-unknown-linux-gnueabihf/release/wali-run}")"
[ -x "$wali_x86" ] || die "$wali_x86 not found (cargo build --release)"
[ -x "$wali_arm" ] || die "$wali_arm not found (cargo build --release --target armv7-unknown-linux-gnueabihf)"
command -v qemu-arm >/dev/null 2>&1 || die "qemu-arm not found (apt-get install qemu-user)"
sysroot=/usr/arm-linux-gnueabihf
[ -e "$sysroot/lib/ld-linux-armhf.so.3" ] \
  || die "$sysroot/lib/ld-linux-armhf.so.3 not found (apt-get install libc6-armhf-cross)"

"$here/build.sh"

build="$here/build"
plugin="$build/insn.so"
epoch="${WALI_RUN_EPOCH_CHECKS-}"
cwasm_dir="$build/cwasm${epoch:+-epoch$epoch}"
work="$build/runs"
mkdir -p "$cwasm_dir" "$work"

# A fixed, small environment for every run (qemu-arm hands its own to the guest).
run_env=(env -i PATH=/usr/bin:/bin)
[ -n "${WALI_RUN_EPOCH_CHECKS+set}" ] && run_env+=("WALI_RUN_EPOCH_CHECKS=$epoch")

# --- pulley32 modules (always recompiled: a .cwasm only loads into the same wasmtime) ---
declare -A wasm=([getpid]="$build/wasm/getpid.wasm" [lua]="$repo/guests/prebuilt/lua.wasm"
                 [sqlite3]="$repo/guests/prebuilt/sqlite3.wasm" [qjs]="$repo/guests/prebuilt/qjs.wasm")
for p in getpid lua sqlite3 qjs; do
  "${run_env[@]}" "$wali_x86" compile --target pulley32 "${wasm[$p]}" -o "$cwasm_dir/$p.cwasm" \
    || die "compiling ${wasm[$p]} to pulley32 failed"
done

# counted OUT STDIN PROGRAM ARGS...: run PROGRAM under qemu-arm with the plugin, in
# workloads/ with stdin from STDIN: OUT.stdout, OUT.stderr, OUT.rc; $insns = the
# instruction count (the sum of the plugin's lines: one per process, if it forks).
counted() {
  local out="$1" in="$2" rc=0; shift 2
  rm -f "$out.insns"
  (cd "$here/workloads" && "${run_env[@]}" qemu-arm -L "$sysroot" \
     -plugin "$plugin,out=$out.insns" "$@" <"$in" >"$out.stdout" 2>"$out.stderr") || rc=$?
  echo "$rc" >"$out.rc"
  [ -s "$out.insns" ] || die "no instruction count from: qemu-arm $* (see $out.stderr)"
  insns="$(awk '{ n += $2 } END { printf "%.0f\n", n }' "$out.insns")"
}

# measure NAME PROGRAM STDIN ARGS...: native build/native/PROGRAM ARGS vs wali-run
# PROGRAM.cwasm ARGS: $n and $w = their instruction counts; dies unless both gave
# the same stdout, stderr and exit status.
measure() {
  local name="$1" prog="$2" in="$3" f; shift 3
  counted "$work/$name.native" "$in" "$build/native/$prog" "$@"; n="$insns"
  counted "$work/$name.wasm" "$in" "$wali_arm" --no-cache "$cwasm_dir/$prog.cwasm" "$@"; w="$insns"
  for f in rc stdout stderr; do
    if ! cmp -s "$work/$name.native.$f" "$work/$name.wasm.$f"; then
      diff "$work/$name.native.$f" "$work/$name.wasm.$f" | head -20 >&2
      die "$name: native and wasm $f differ (outputs in $work/$name.{native,wasm}.*)"
    fi
  done
}

echo "arm32: $(qemu-arm --version | head -1)"
echo "arm32: wali-run (armv7) $wali_arm"
echo "arm32: WALI_RUN_EPOCH_CHECKS=${epoch:-(unset)}"
echo
results="$build/results.tsv"
printf 'workload\tnative\twasm\tnative_startup\twasm_startup\n' >"$results"
line() { printf '%-8s %12s %12s %7s   %10s %10s   %10s\n' "$@"; }
line workload native wali-run ratio "startup:n" "startup:w" "ratio-su"
line "" "(M insns)" "(M insns)" "raw" "(M)" "(M)" "(minus su)"
mil() { awk -v x="$1" 'BEGIN { printf "%.2f", x / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
# row NAME PROGRAM STDIN ARG EMPTY_ARG: measure the workload `PROGRAM ARG <STDIN` (files
# in workloads/) and the empty run `PROGRAM EMPTY_ARG </dev/null`; print the row.
row() {
  local name="$1" prog="$2" in="$3" arg="$4" empty="$5" n0 w0
  measure "$name-empty" "$prog" /dev/null "$empty"; n0="$n" w0="$w"
  measure "$name" "$prog" "$in" "$arg"
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$n" "$w" "$n0" "$w0" >>"$results"
  line "$name" "$(mil "$n")" "$(mil "$w")" "$(ratio "$w" "$n")" \
    "$(mil "$n0")" "$(mil "$w0")" "$(ratio "$((w - w0))" "$((n - n0))")"
}
row getpid  getpid  /dev/null 20000     0
row lua     lua     /dev/null loop.lua  /dev/null
row sqlite3 sqlite3 query.sql :memory:  :memory:
row qjs     qjs     /dev/null render.js /dev/null
echo
echo "ratio = wali-run / native instructions; ratio-su = the same after subtracting each"
echo "side's startup: the program run with an empty workload (getpid 0; lua, qjs with"
echo "/dev/null as script; sqlite3 with empty input).  Raw counts: $results"
