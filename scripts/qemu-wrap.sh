#!/bin/sh
# Runs a wali-run built for another CPU under qemu-user, so that a guest's
# execve of a module (which re-executes wali-run) goes through qemu too.
# Usage: scripts/qemu-wrap.sh QEMU SYSROOT WALI_RUN [ARGS...]
#   e.g. scripts/qemu-wrap.sh qemu-arm /usr/arm-linux-gnueabihf target/armv7-unknown-linux-gnueabihf/debug/wali-run app.wasm
# No command substitution: it would fork, and the guest would find that
# child's CPU time in its RUSAGE_CHILDREN (which survives exec).
qemu="$1"
case "$qemu" in
*/*) ;;
*)
  IFS=:
  for d in $PATH; do
    [ -x "$d/$1" ] && { qemu="$d/$1"; break; }
  done
  unset IFS
  ;;
esac
[ -x "$qemu" ] || { echo "qemu-wrap: $1 not found (apt-get install qemu-user)" >&2; exit 127; }
sysroot="$2"
shift 2
WALI_RUN_EXEC_WRAPPER="$qemu -L $sysroot" exec "$qemu" -L "$sysroot" "$@"
