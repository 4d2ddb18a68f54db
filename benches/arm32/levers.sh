#!/usr/bin/env bash
# Pulley's build-time levers, measured: builds the armv7 device runtime (release,
# runtime-only: what goes on a device) once per variant, each in its own target
# directory, and runs insn.sh with each, with and without epoch checks.
#
#   benches/arm32/levers.sh [VARIANT...]     (default: all)
#
# Variants (rustc --cfg flags of the pulley-interpreter crate):
#   base       none: wasmtime's default Pulley, a `match` loop
#   nosimd     pulley_disable_interp_simd: no SIMD opcode handlers
#   tail       pulley_assume_llvm_makes_tail_calls: one handler per opcode that
#              calls the next (the build checks that the binary runs the guests)
#   tail+nosimd both
# `base` is measured with and without epoch checks (the third lever, a run-time
# setting), the others without (Pulley's default).
# Output: one insn.sh table per variant and epoch setting, and
# build/levers-VARIANT.tsv (variant, epochs, workload, native, wasm, startup
# counts). A variant whose runs fail (outputs differ, a trap) is reported and
# the others still run; the exit status is 1 then.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
triple=armv7-unknown-linux-gnueabihf
declare -A cfg=([base]="" [nosimd]="--cfg pulley_disable_interp_simd"
                [tail]="--cfg pulley_assume_llvm_makes_tail_calls"
                [tail+nosimd]="--cfg pulley_assume_llvm_makes_tail_calls --cfg pulley_disable_interp_simd")
variants=("$@")
[ ${#variants[@]} -gt 0 ] || variants=(base nosimd tail tail+nosimd)

cd "$repo"
cargo build --locked --release --bin wali-run
mkdir -p "$here/build"
status=0
for v in "${variants[@]}"; do
  [ -n "${cfg[$v]+set}" ] || { echo "levers: unknown variant $v (${!cfg[*]})" >&2; exit 2; }
  dir="target/arm32-levers/${v/+/-}"
  out="$here/build/levers-${v/+/-}.tsv"
  printf 'variant\tepochs\tworkload\tnative\twasm\tnative_startup\twasm_startup\n' >"$out"
  echo "== $v: building ($dir)"
  CARGO_TARGET_ARMV7_UNKNOWN_LINUX_GNUEABIHF_RUSTFLAGS="${cfg[$v]}" \
    cargo build --locked --release --no-default-features --bin wali-run --target "$triple" --target-dir "$dir"
  epoch_settings=(0)
  [ "$v" = base ] && epoch_settings=(1 0)
  for epochs in "${epoch_settings[@]}"; do
    echo "== $v, WALI_RUN_EPOCH_CHECKS=$epochs"
    if WALI_RUN_EPOCH_CHECKS=$epochs "$here/insn.sh" target/release/wali-run "$dir/$triple/release/wali-run"; then
      tail -n +2 "$here/build/results.tsv" | sed "s/^/$v\t$epochs\t/" >>"$out"
    else
      echo "levers: $v with WALI_RUN_EPOCH_CHECKS=$epochs failed (above)"
      status=1
    fi
  done
done
echo "levers: raw counts in $here/build/levers-*.tsv"
exit $status
