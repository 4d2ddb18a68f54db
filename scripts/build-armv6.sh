#!/usr/bin/env bash
# Builds wali-run for ARMv6: the Raspberry Pi Zero and 1 (ARM1176) under
# Raspberry Pi OS 32-bit. rustup serves no std for ARMv6, so std is built from
# source (-Zbuild-std, which needs RUSTC_BOOTSTRAP on a stable toolchain);
# Debian's armel cross toolchain links it (ARMv5TE code, which ARMv6 runs),
# statically, so the binary does not depend on the device's hard-float libc
# (.cargo/config.toml). A release build uses Pulley's tail-call dispatch.
# Output: target/arm-unknown-linux-gnueabi/PROFILE/wali-run.
# Usage: scripts/build-armv6.sh [debug|release] [cargo build flags...]
#   e.g. scripts/build-armv6.sh release --no-default-features   (runs .cwasm only)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
profile="${1:-release}"
shift || true
command -v arm-linux-gnueabi-gcc >/dev/null || {
  echo "build-armv6: arm-linux-gnueabi-gcc not found (scripts/setup.sh, or apt-get install gcc-arm-linux-gnueabi libc6-dev-armel-cross)" >&2
  exit 1
}
[ -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library" ] || rustup component add rust-src
flags=()
if [ "$profile" = release ]; then
  flags+=(--release)
  # Pulley's tail-call dispatch: 25% fewer instructions on ARM
  # (benches/arm32/README.md). Optimised builds only: without optimisation each
  # opcode handler would call the next one and overflow the stack. RUSTFLAGS
  # replaces .cargo/config.toml's rustflags for the target, so they are
  # repeated here.
  export RUSTFLAGS="-C target-feature=+crt-static -C target-cpu=arm1176jzf-s --cfg pulley_assume_llvm_makes_tail_calls"
fi
RUSTC_BOOTSTRAP=1 cargo build --locked --bin wali-run --target arm-unknown-linux-gnueabi \
  -Zbuild-std=std,panic_abort "${flags[@]}" "$@"
bin="target/arm-unknown-linux-gnueabi/$([ "$profile" = release ] && echo release || echo debug)/wali-run"
echo "build-armv6: $bin ($(stat -c %s "$bin") bytes)"
