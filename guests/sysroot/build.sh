#!/usr/bin/env bash
# Builds the WALI sysroot: upstream musl 1.2.3 (Debian's source package) with
# our own arch/wasm32 port (port/), small patches to generic musl files
# (patches/) and a syscall dispatch generated from the WALI spec (gen/),
# compiled by clang-22 for wasm32-linux-muslwali (32-bit pointers, 64-bit long).
#
# Output: guests/sysroot/build/sysroot/{include,lib} (libc.a, crt1.o, empty
# libm.a/libpthread.a/..., libclang_rt.builtins.a copied from compiler-rt).
# Idempotent: does nothing when the inputs are unchanged (-f forces a rebuild).
# Needs: clang-22, lld-22, llvm-22 (llvm-ar), libclang-rt-22-dev-wasm32,
# python3, make, and apt access to Debian's sources for `apt-get source musl`
# (scripts/setup.sh installs the packages; deb_orig in ../fetch.sh adds deb-src
# entries).
set -euo pipefail
t0=$(date +%s)

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
build="$here/build"
sysroot="$build/sysroot"
spec="${WALI_SPEC:-$repo/wali-abi/spec}"
tag=sysroot
. "$repo/guests/fetch.sh"    # die, check_sha256, deb_orig
# Pinned (bookworm main): Debian version of musl, the orig tarball's sha256 (as in the .dsc).
MUSL_VERSION=1.2.3
MUSL_DEB_VERSION=1.2.3-1
MUSL_SHA256=7d5b0b6062521e4627e099e4c9dc8248d32a30285e959b7eecaa780cf8cfd4a4
force=0
[ "${1:-}" = "-f" ] && force=1

CC=clang-22
AR=llvm-ar-22
RANLIB=llvm-ranlib-22
for t in "$CC" wasm-ld-22 "$AR" "$RANLIB" python3 make patch; do
  command -v "$t" >/dev/null 2>&1 || { echo "sysroot: ERROR: $t not found (run scripts/setup.sh)" >&2; exit 1; }
done
builtins="$(ls /usr/lib/llvm-22/lib/clang/*/lib/wasi/libclang_rt.builtins-wasm32.a 2>/dev/null | head -1 || true)"
[ -f "$builtins" ] || { echo "sysroot: ERROR: libclang_rt.builtins-wasm32.a not found (libclang-rt-22-dev-wasm32)" >&2; exit 1; }
[ -f "$spec/syscalls.tsv" ] || { echo "sysroot: ERROR: $spec/syscalls.tsv not found (set WALI_SPEC)" >&2; exit 1; }

# one build at a time (run.sh and `make guests` may both call this script)
mkdir -p "$build"
exec 9>"$build/.lock"
flock 9

# --- 1. musl source from Debian (pinned, sha256-checked, cached) -------------
tarball="$(deb_orig musl "$MUSL_DEB_VERSION" "musl_$MUSL_VERSION.orig.tar.gz" "$MUSL_SHA256" "$build/src")"

# --- 2. up to date? -----------------------------------------------------------
stamp_of_inputs() {
  (cd "$here" && find port patches gen build.sh -type f | LC_ALL=C sort | xargs sha256sum
   sha256sum "$spec/syscalls.tsv" "$tarball" | sed 's|  .*/|  |'
   echo "$CC $($CC --version | head -1)") | sha256sum | cut -d' ' -f1
}
stamp="$(stamp_of_inputs)"
if [ "$force" = 0 ] && [ -f "$sysroot/.stamp" ] && [ "$(cat "$sysroot/.stamp")" = "$stamp" ] \
   && [ -f "$sysroot/lib/libc.a" ] && [ -f "$sysroot/lib/crt1.o" ]; then
  echo "sysroot: up to date ($sysroot) [$(( $(date +%s) - t0 ))s]"
  exit 0
fi

# --- 3. fresh tree: upstream + patches + our port ----------------------------
musl="$build/musl-$MUSL_VERSION"
# Built into a staging directory and swapped in at the end, so compilers using
# the current sysroot meanwhile keep working.
staging="$build/sysroot.new"
rm -rf "$musl" "$staging"
tar -xzf "$tarball" -C "$build"
for p in "$here"/patches/*.patch; do
  patch -s -d "$musl" -p1 <"$p"
done
cp -r "$here/port/." "$musl/"
python3 "$here/gen/gen_syscalls.py" "$spec/syscalls.tsv" "$here/gen/extra-syscalls.tsv" \
  "$musl/arch/wasm32/syscall_wali.h"

# --- 4. configure (config.mak written directly: configure knows no wasm32) ---
cat >"$musl/config.mak" <<EOF
# written by guests/sysroot/build.sh
AR = $AR
RANLIB = $RANLIB
ARCH = wasm32
SUBARCH =
ASMSUBARCH =
srcdir = .
prefix = $staging
exec_prefix = \$(prefix)
bindir = \$(prefix)/bin
libdir = \$(prefix)/lib
includedir = \$(prefix)/include
syslibdir = /lib
CC = $CC --target=wasm32-linux-muslwali -matomics -mbulk-memory -mllvm -wasm-enable-sjlj -mllvm -wasm-use-legacy-eh=false
CFLAGS =
CFLAGS_AUTO = -D__WALI_LIBC_BUILD -Os -pipe -ffunction-sections -fdata-sections -fno-unwind-tables -fno-asynchronous-unwind-tables -w
CFLAGS_C99FSE = -std=c99 -nostdinc -ffreestanding -frounding-math
CFLAGS_MEMOPS =
CFLAGS_NOSSP = -fno-stack-protector
CPPFLAGS =
LDFLAGS =
LDFLAGS_AUTO =
CROSS_COMPILE =
LIBCC =
OPTIMIZE_GLOBS =
ALL_TOOLS =
TOOL_LIBS =
ADD_CFI = no
MALLOC_DIR = mallocng
SHARED_LIBS =
CRT_LIBS = lib/crt1.o lib/crti.o lib/crtn.o
EOF

# --- 5. build and install ------------------------------------------------------
jobs="$(nproc 2>/dev/null || echo 2)"
echo "sysroot: building musl $MUSL_VERSION for wasm32 (make -j$jobs)"
if ! make -C "$musl" -j"$jobs" lib/libc.a lib/crt1.o lib/crti.o lib/crtn.o >"$build/make.log" 2>&1; then
  tail -40 "$build/make.log" >&2
  echo "sysroot: ERROR: musl build failed (full log: $build/make.log)" >&2
  exit 1
fi
make -C "$musl" install-headers install-libs >>"$build/make.log" 2>&1
cp "$builtins" "$staging/lib/libclang_rt.builtins.a"
echo "$stamp" >"$staging/.stamp"
rm -rf "$sysroot.old"
[ -d "$sysroot" ] && mv "$sysroot" "$sysroot.old"
mv "$staging" "$sysroot"
rm -rf "$sysroot.old"
echo "sysroot: installed $sysroot (libc.a $(du -k "$sysroot/lib/libc.a" | cut -f1) KiB) [$(( $(date +%s) - t0 ))s]"
