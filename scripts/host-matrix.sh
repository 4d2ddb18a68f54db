#!/usr/bin/env bash
# The whole conformance suite on the other hosts, under qemu-user: aarch64
# (Cranelift) and armv7 (Pulley, each case compiled on the device), plus a
# smoke subset on ARMv6 (-cpu arm1176, the runtime-only build from
# scripts/build-armv6.sh, with .cwasm files: tests/arm32/guests.sh). CI runs a
# subset (scripts/test.sh); this takes longer (several minutes per host).
# Usage: scripts/host-matrix.sh [case...]
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo build --locked -p wali-run -p wali-conformance
cargo build --locked --bin wali-run --target aarch64-unknown-linux-gnu
cargo build --locked --bin wali-run --target armv7-unknown-linux-gnueabihf
status=0
echo "== aarch64 (qemu-aarch64)"
target/debug/wali-conformance run --wrapper "$PWD/scripts/qemu-wrap.sh qemu-aarch64 /usr/aarch64-linux-gnu" \
  --wali-run target/aarch64-unknown-linux-gnu/debug/wali-run --timeout-scale 30 "$@" || status=1
echo "== armv7 (qemu-arm)"
target/debug/wali-conformance run --wrapper "$PWD/scripts/qemu-wrap.sh qemu-arm /usr/arm-linux-gnueabihf" \
  --wali-run target/armv7-unknown-linux-gnueabihf/debug/wali-run --timeout-scale 30 "$@" || status=1
echo "== ARMv6 (qemu-arm -cpu arm1176): smoke"
if scripts/build-armv6.sh debug --no-default-features; then
  tests/arm32/guests.sh target/debug/wali-run target/arm-unknown-linux-gnueabi/debug/wali-run arm1176 || status=1
else
  status=1
fi
exit $status
