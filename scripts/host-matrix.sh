#!/usr/bin/env bash
# The whole conformance suite on the other hosts, under qemu-user: aarch64
# (Cranelift) and armv7 (Pulley, each case compiled on the device), plus a
# smoke subset on ARMv6 (-cpu arm1176, the runtime-only build from
# scripts/build-armv6.sh, with .cwasm files: tests/arm32/guests.sh). CI runs a
# subset (scripts/test.sh); this takes longer (about 15 minutes per host).
#
# Each host's failures are then run again against a *baseline*: the case built
# natively for that CPU (static, 64-bit off_t and time_t) and run under the same
# qemu. A case that matches its baseline differs from x86_64 Linux because of
# qemu-user, not wali-run. docs/hosts.md explains every remaining difference.
# Usage: scripts/host-matrix.sh [case...]
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo build --locked -p wali-run -p wali-conformance || exit 1
cargo build --locked --bin wali-run --target aarch64-unknown-linux-gnu || exit 1
cargo build --locked --bin wali-run --target armv7-unknown-linux-gnueabihf || exit 1
status=0

# host NAME QEMU SYSROOT TRIPLE CC [case...]
host() {
  local name="$1" qemu="$2" sysroot="$3" triple="$4" cc="$5" log failed
  shift 5
  log="target/conformance/matrix-$name.log"
  echo "== $name ($qemu)"
  target/debug/wali-conformance run --wrapper "$PWD/scripts/qemu-wrap.sh $qemu $sysroot" \
    --wali-run "target/$triple/debug/wali-run" --timeout-scale 30 "$@" | tee "$log"
  failed="$(sed -n 's/^failed: //p' "$log")"
  [ -z "$failed" ] && return 0
  status=1
  echo "== $name: the failures against native $name code under the same $qemu (baseline)"
  # shellcheck disable=SC2086 # a list of case names
  target/debug/wali-conformance run --wrapper "$PWD/scripts/qemu-wrap.sh $qemu $sysroot" \
    --wali-run "target/$triple/debug/wali-run" --timeout-scale 30 \
    --native-cc "$cc -static -D_FILE_OFFSET_BITS=64 -D_TIME_BITS=64" --native-wrapper "$qemu" $failed \
    | tee "target/conformance/matrix-$name-baseline.log"
}
host aarch64 qemu-aarch64 /usr/aarch64-linux-gnu aarch64-unknown-linux-gnu aarch64-linux-gnu-gcc "$@"
host armv7 qemu-arm /usr/arm-linux-gnueabihf armv7-unknown-linux-gnueabihf arm-linux-gnueabihf-gcc "$@"

echo "== ARMv6 (qemu-arm -cpu arm1176): smoke"
if scripts/build-armv6.sh debug --no-default-features; then
  tests/arm32/guests.sh target/debug/wali-run target/arm-unknown-linux-gnueabi/debug/wali-run arm1176 || status=1
else
  status=1
fi
exit $status
