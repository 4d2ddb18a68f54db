#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs the toolchain, runs every
# test (unit, ABI layout, WAT and C guests against native), checks the benchmark
# builds, and compiles the runtime for the aarch64 and armv7 hosts.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

echo "== tests (x86_64)"
mkdir -p target
cargo test --workspace --all-targets --no-fail-fast 2>&1 | tee target/test.log
grep -q "^test result:" target/test.log

echo "== host builds: aarch64, armv7"
cargo build --locked --bin wali-run --target aarch64-unknown-linux-gnu
cargo build --locked --bin wali-run --target armv7-unknown-linux-gnueabihf
echo "== all checks passed"
