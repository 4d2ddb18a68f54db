#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs the toolchain, runs every
# test (unit, ABI layout, WAT and C guests against native), checks the benchmark
# builds, builds the WALI sysroot and runs the conformance suite (and checks that
# docs/syscalls.md is current), builds every guest program and compares each with
# its native build, compiles the runtime for the aarch64 and armv7 hosts, and
# runs the armv7 build under qemu-arm (tests/arm32).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

echo "== tests (x86_64)"
mkdir -p target
cargo test --workspace --all-targets --no-fail-fast 2>&1 | tee target/test.log
grep -q "^test result:" target/test.log

echo "== conformance: docs/syscalls.md current, every supported syscall covered"
cargo build -p wali-run -p wali-conformance
target/debug/wali-conformance docs --check

echo "== conformance suite (native vs wali-run)"
guests/sysroot/build.sh
target/debug/wali-conformance run
# The engine-file and wrapper paths other engines and hosts use: wali-run
# through a plain command template (no trace) and a wrapper command.
printf 'name = "wali-run-plain"\ncommand = "{wali_run} --env-file={env_file} {module} {args}"\n' >target/conformance/plain.toml
target/debug/wali-conformance run --engine target/conformance/plain.toml --wrapper "env --" close read pipe2 execve kill

echo "== guests: sysroot tests, Lua, zlib, SQLite, qjs, BusyBox vs native"
guests/test.sh

echo "== host builds: aarch64, armv7"
cargo build --locked --bin wali-run --target aarch64-unknown-linux-gnu
cargo build --locked --bin wali-run --target armv7-unknown-linux-gnueabihf
echo "== armv7 under qemu-arm: a file mapping survives 64 MiB of memory growth"
tests/arm32/run.sh target/armv7-unknown-linux-gnueabihf/debug/wali-run
echo "== armv7 under qemu-arm: real guests from pulley32 .cwasm files, threads included"
tests/arm32/guests.sh target/debug/wali-run target/armv7-unknown-linux-gnueabihf/debug/wali-run
echo "== conformance subset under qemu-arm (armv7, compiling on the device); full matrix: scripts/host-matrix.sh"
target/debug/wali-conformance run --wrapper "$PWD/scripts/qemu-wrap.sh qemu-arm /usr/arm-linux-gnueabihf" \
  --wali-run target/armv7-unknown-linux-gnueabihf/debug/wali-run --timeout-scale 30 \
  close read pipe2 getpid mmap_anon futex_threads execve sched_getaffinity getrusage mlock sendmsg
echo "== all checks passed"
