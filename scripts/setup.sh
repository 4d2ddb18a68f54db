#!/usr/bin/env bash
# Installs everything wali-run needs to build and test on a fresh Debian machine:
# the wasm32 guest compiler (clang-22, lld-22, llvm-22 for llvm-ar, compiler-rt builtins;
# make/patch/python3 for guests/sysroot/build.sh), cross linkers
# for the aarch64, armv7 and ARMv6 (armel, static) builds of the runtime, the matching Rust targets, and
# gcc + libc6-dev for the native builds of the differential guest tests (tests/guests),
# and what the real guest programs' builds use (guests/programs: tcl for SQLite's
# amalgamation, bzip2/xz-utils for the source tarballs, curl for crates.io sources),
# and qemu-user to run the armv7 build (tests/arm32).
# Idempotent: already-installed pieces are skipped.
set -euo pipefail

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

pkgs=(clang-22 lld-22 llvm-22 libclang-rt-22-dev-wasm32 make patch python3 gcc libc6-dev gcc-aarch64-linux-gnu gcc-arm-linux-gnueabihf gcc-arm-linux-gnueabi libc6-dev-arm64-cross libc6-dev-armhf-cross libc6-dev-armel-cross
      tcl bzip2 xz-utils curl ca-certificates dpkg-dev qemu-user)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

for t in aarch64-unknown-linux-gnu armv7-unknown-linux-gnueabihf; do
  rustup target list --installed | grep -qx "$t" || rustup target add "$t"
done
# ARMv6 has no std from rustup: scripts/build-armv6.sh builds it from rust-src.
rustup component list --installed | grep -q '^rust-src' || rustup component add rust-src
echo "setup: toolchain ready (clang-22 $(clang-22 --version | head -1 | sed 's/.*version //'))"
