#!/usr/bin/env bash
# Builds every tests/guests/*.c twice:
#   build/<name>.wasm    WALI guest (clang-22, wasm32-linux-muslwali, no libc), shared memory
#   build/<name>.native  the same source for the host (gcc + glibc)
# plus build/mm_noshared.wasm (mm.c linked WITHOUT shared memory).
# Idempotent: a target is rebuilt only when a source or header is newer.
# Usage: tests/guests/build.sh [-f]   (-f forces a rebuild)
#
# A test source may carry build directives, one per line, starting at column 0:
#   //@ src FILE...            extra sources (paths relative to tests/guests) for both builds
#   //@ wasm-src FILE...       extra sources for the wasm build only (.c or .s)
#   //@ native-src FILE...     extra sources for the native build only
#   //@ wasm-cflags FLAG...    extra flags for the wasm build (compile and link)
#   //@ native-cflags FLAG...  extra flags for the native build
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/build"
force=0
[ "${1:-}" = "-f" ] && force=1

CLANG="${CLANG:-clang-22}"
CC_NATIVE="${CC_NATIVE:-gcc}"
if ! command -v "$CLANG" >/dev/null 2>&1; then
  echo "tests/guests/build.sh: ERROR: $CLANG not found. Run scripts/setup.sh to install clang-22, lld-22 and libclang-rt-22-dev-wasm32." >&2
  exit 1
fi
if ! command -v wasm-ld-22 >/dev/null 2>&1 && ! command -v wasm-ld >/dev/null 2>&1; then
  echo "tests/guests/build.sh: ERROR: wasm-ld-22 (lld-22) not found. Run scripts/setup.sh." >&2
  exit 1
fi
if ! command -v "$CC_NATIVE" >/dev/null 2>&1; then
  echo "tests/guests/build.sh: ERROR: native compiler $CC_NATIVE not found (apt-get install gcc libc6-dev)." >&2
  exit 1
fi

# compiler-rt builtins for wasm32 (64-bit division helpers etc.)
builtins=""
if command -v dpkg >/dev/null 2>&1; then
  builtins="$(dpkg -L libclang-rt-22-dev-wasm32 2>/dev/null | grep 'libclang_rt.builtins-wasm32.a$' | head -1 || true)"
fi
if [ -z "$builtins" ]; then
  builtins="$(ls /usr/lib/llvm-22/lib/clang/*/lib/wasi/libclang_rt.builtins-wasm32.a 2>/dev/null | head -1 || true)"
fi
if [ -z "$builtins" ] || [ ! -f "$builtins" ]; then
  echo "tests/guests/build.sh: ERROR: libclang_rt.builtins-wasm32.a not found. Run scripts/setup.sh (package libclang-rt-22-dev-wasm32)." >&2
  exit 1
fi

mkdir -p "$out" "$out/tmp"

WASM_CFLAGS=(--target=wasm32-linux-muslwali -matomics -mbulk-memory -O2 -nostdlib -ffreestanding
  -fno-builtin -Wall -Wextra -Wno-unused-parameter -Werror=implicit-function-declaration
  -I "$here/include" -fuse-ld=lld)
WASM_LDFLAGS_SHARED=(-Wl,--shared-memory -Wl,--max-memory=2147483648 -Wl,--export=_start
  -Wl,--export-memory -Wl,-z,stack-size=1048576)
WASM_LDFLAGS_UNSHARED=(-Wl,--max-memory=2147483648 -Wl,--export=_start -Wl,--export-memory
  -Wl,-z,stack-size=1048576)
NATIVE_CFLAGS=(-O2 -Wall -Wextra -Wno-unused-parameter -Werror=implicit-function-declaration
  -fno-builtin -I "$here/include")

deps=("$here/include/wali.h" "$here/lib/rt.c" "$here/build.sh")

needs_build() { # target sources...
  local t="$1"; shift
  [ "$force" = 1 ] && return 0
  [ -f "$t" ] || return 0
  local s
  for s in "$@" "${deps[@]}"; do
    [ "$s" -nt "$t" ] && return 0
  done
  return 1
}

run() {
  if ! "$@"; then
    echo "tests/guests/build.sh: FAILED: $*" >&2
    exit 1
  fi
}

directive() { # KEY SRC: the words of every "//@ KEY ..." line of SRC
  sed -n "s|^//@ $1 ||p" "$2" | tr '\n' ' '
}

built=0
for src in "$here"/*.c; do
  name="$(basename "$src" .c)"
  read -r -a w_src <<<"$(directive src "$src") $(directive wasm-src "$src")"
  read -r -a n_src <<<"$(directive src "$src") $(directive native-src "$src")"
  read -r -a w_flags <<<"$(directive wasm-cflags "$src")"
  read -r -a n_flags <<<"$(directive native-cflags "$src")"
  w_src=("${w_src[@]/#/$here/}")
  n_src=("${n_src[@]/#/$here/}")
  if needs_build "$out/$name.wasm" "$src" "${w_src[@]}"; then
    echo "  wasm    $name"
    run "$CLANG" "${WASM_CFLAGS[@]}" "${w_flags[@]}" "${WASM_LDFLAGS_SHARED[@]}" -o "$out/tmp/$name.wasm" \
      "$src" "${w_src[@]}" "$here/lib/rt.c" "$builtins"
    mv -f "$out/tmp/$name.wasm" "$out/$name.wasm"
    built=$((built + 1))
  fi
  if needs_build "$out/$name.native" "$src" "${n_src[@]}"; then
    echo "  native  $name"
    run "$CC_NATIVE" "${NATIVE_CFLAGS[@]}" "${n_flags[@]}" -o "$out/tmp/$name.native" "$src" "${n_src[@]}" \
      "$here/lib/rt.c"
    mv -f "$out/tmp/$name.native" "$out/$name.native"
    built=$((built + 1))
  fi
done

# One variant without shared memory: wali-run must run modules with a plain memory too.
if [ -f "$here/mm.c" ] && needs_build "$out/mm_noshared.wasm" "$here/mm.c"; then
  echo "  wasm    mm_noshared (unshared memory)"
  run "$CLANG" "${WASM_CFLAGS[@]}" -mno-atomics "${WASM_LDFLAGS_UNSHARED[@]}" \
    -o "$out/tmp/mm_noshared.wasm" "$here/mm.c" "$here/lib/rt.c" "$builtins"
  mv -f "$out/tmp/mm_noshared.wasm" "$out/mm_noshared.wasm"
  built=$((built + 1))
fi

echo "tests/guests/build.sh: $built target(s) rebuilt, outputs in $out"
