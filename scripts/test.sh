#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs the toolchain, runs every
# test (unit, ABI layout, WAT and C guests against native), checks the benchmark
# builds, builds the WALI sysroot and runs the conformance suite (and checks that
# docs/syscalls.md is current), builds every guest program and compares each with
# its native build, checks the runtime for aarch64, builds it for ARMv6 and
# runs that build under qemu-arm as armv7 and as ARMv6 (tests/arm32).
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

echo "== ssr-server: the HTTP server guest (QuickJS rendering the prebuilt site) and its native twin"
guests/programs/ssr/server/build.sh
WALI_RUN="$PWD/target/debug/wali-run" guests/programs/ssr/server/test.sh
echo "== the main job: scripts/serve.sh serves the prebuilt site from the prebuilt module"
tests/serve-smoke.sh target/debug/wali-run
echo "== the flagship in a real browser: headless Chromium, hydration, screenshots in target/browser/"
tests/browser/run.sh target/debug/wali-run

echo "== host builds: aarch64 (checked), ARM32 (ARMv6, static, built)"
# aarch64 is a 64-bit host like this one: a check is enough in CI; make
# host-matrix builds it and runs the whole conformance suite on it.
cargo check --locked --bin wali-run --target aarch64-unknown-linux-gnu
# One 32-bit ARM build serves both CPUs: ARMv6 code (Raspberry Pi Zero/1),
# static, with the compiler, which armv7 runs as Raspberry Pi OS 32-bit does.
# (The armv7 hard-float build is the same source; make host-matrix builds it.)
scripts/build-armv6.sh debug
arm=target/arm-unknown-linux-gnueabi/debug/wali-run
echo "== ARM32 under qemu-arm (armv7): a file mapping survives 64 MiB of memory growth"
tests/arm32/run.sh "$arm"
echo "== ARM32 under qemu-arm (armv7): real guests from pulley32 .cwasm files, threads included"
tests/arm32/guests.sh target/debug/wali-run "$arm"
echo "== ARM32 under qemu-arm -cpu arm1176 (ARMv6, Raspberry Pi Zero): lua and qjs from .cwasm"
tests/arm32/guests.sh target/debug/wali-run "$arm" arm1176
echo "== ARM32 under qemu-arm, as armv7 and as arm1176: the SSR server guest answers as on x86_64"
tests/arm32/ssr.sh target/debug/wali-run "$arm"
tests/arm32/ssr.sh target/debug/wali-run "$arm" arm1176
echo "== conformance subset under qemu-arm (compiling on the device); full matrix: scripts/host-matrix.sh"
target/debug/wali-conformance run --wrapper "$PWD/scripts/qemu-wrap.sh qemu-arm /usr/arm-linux-gnueabihf" \
  --wali-run "$arm" --timeout-scale 30 \
  close read pipe2 getpid mmap_anon futex_threads execve sched_getaffinity getrusage mmap_file
echo "== all checks passed"
