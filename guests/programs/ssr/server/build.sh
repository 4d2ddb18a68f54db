#!/usr/bin/env bash
# Builds ssr-server two ways from the same sources:
#   build/ssr-server.wasm   guests/wali-cc (WALI guest)
#   build/native/ssr-server gcc (the "native twin")
# Both link QuickJS-ng 0.8.0 (the rquickjs-sys-0.9.0 crate cached in
# guests/programs/build/src/, patched with guests/programs/quickjs/*.patch, the
# same options as guests/programs/quickjs/build.sh) and zlib 1.2.13 (Debian's orig
# tarball cached there, -O2 as guests/programs/build.sh). No downloads: run
# guests/programs/quickjs/build.sh and guests/programs/build.sh first.
# The libraries are built once (archives in build/{wasm,native}/); re-running only
# recompiles ssr-server.c. -f rebuilds everything. At most 2 compilers at a time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../../.." && pwd)"
progs="$repo/guests/programs"
src="$progs/build/src"
out="$here/build"
WALI_CC="$repo/guests/wali-cc"
AR_WASM=llvm-ar-22
crate="rquickjs-sys-0.9.0"
qjs_crate="$src/$crate.crate"
zlib_tar="$src/zlib_1.2.13.dfsg.orig.tar.bz2"
die() { echo "ssr-server build: ERROR: $*" >&2; exit 1; }
[ -f "$qjs_crate" ] || die "$qjs_crate missing (run guests/programs/quickjs/build.sh)"
[ -f "$zlib_tar" ] || die "$zlib_tar missing (run guests/programs/build.sh)"
echo "7fed0097b0b4fbb2a87f6dd3b995a7c64ca56de30007eb7e867dfdfc78324ba5  $qjs_crate" | sha256sum -c --quiet \
  || die "checksum of $qjs_crate"
echo "71feb7947e3c00ef125f83b79a4e529bde31171e5babe48b391f06758d1ab0a1  $zlib_tar" | sha256sum -c --quiet \
  || die "checksum of $zlib_tar"

[ "${1:-}" = "-f" ] && rm -rf "$out"
mkdir -p "$out/native"

# Same options as guests/programs/quickjs/build.sh.
qopts=(-O2 -DNDEBUG -std=gnu11 -D_GNU_SOURCE -funsigned-char
       -w)
qsrcs=(quickjs.c libregexp.c libunicode.c libbf.c cutils.c)
zsrcs=(adler32.c crc32.c deflate.c trees.c zutil.c inflate.c inftrees.c inffast.c)

# --- sources -----------------------------------------------------------------------
if [ ! -f "$out/quickjs-src/.ok" ]; then
  rm -rf "$out/quickjs-src"; mkdir -p "$out/quickjs-src"
  tar -xf "$qjs_crate" -C "$out/quickjs-src" --strip-components=2 "$crate/quickjs"
  for p in "$progs"/quickjs/*.patch; do
    patch -s -p1 -d "$out/quickjs-src" <"$p" || die "patch $p"
  done
  touch "$out/quickjs-src/.ok"
fi
if [ ! -f "$out/zlib-src/.ok" ]; then
  rm -rf "$out/zlib-src"; mkdir -p "$out/zlib-src"
  tar -xf "$zlib_tar" -C "$out/zlib-src" --strip-components=1
  touch "$out/zlib-src/.ok"
fi

# lib NAME SRCDIR CC AR OPTS... -- SRC...: build/NAME (archive), 2 jobs at a time.
lib() {
  local name="$1" dir="$2" cc="$3" ar="$4"; shift 4
  local opts=(); while [ "$1" != -- ]; do opts+=("$1"); shift; done; shift
  [ -f "$out/$name" ] && return 0
  local od="$out/obj-${name//\//_}"; rm -rf "$od"; mkdir -p "$od"
  printf '%s\n' "$@" | (cd "$dir" && xargs -P 2 -I{} sh -c 'exec "$0" "$@"' "$cc" "${opts[@]}" -c -o "$od/{}.o" {}) \
    || die "compiling $name with $cc"
  "$ar" rcs "$out/$name.tmp" "$od"/*.o && mv "$out/$name.tmp" "$out/$name"
  rm -rf "$od"
}
mkdir -p "$out/wasm"
lib wasm/libz.a      "$out/zlib-src" "$WALI_CC" "$AR_WASM" -O2 -w -- "${zsrcs[@]}"
lib native/libz.a    "$out/zlib-src" gcc ar -O2 -w -- "${zsrcs[@]}"
lib wasm/libqjs.a    "$out/quickjs-src" "$WALI_CC" "$AR_WASM" "${qopts[@]}" -- "${qsrcs[@]}"
lib native/libqjs.a  "$out/quickjs-src" gcc ar "${qopts[@]}" -- "${qsrcs[@]}"

# --- the server ---------------------------------------------------------------------
sopts=(-O2 -std=gnu11 -D_GNU_SOURCE -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare
       -I"$out/quickjs-src" -I"$out/zlib-src")
"$WALI_CC" "${sopts[@]}" -o "$out/ssr-server.wasm" "$here/ssr-server.c" \
  "$out/wasm/libqjs.a" "$out/wasm/libz.a" -lm || die "linking ssr-server.wasm"
gcc "${sopts[@]}" -o "$out/native/ssr-server" "$here/ssr-server.c" \
  "$out/native/libqjs.a" "$out/native/libz.a" -lm -lpthread || die "linking native ssr-server"
echo "ssr-server: build/ssr-server.wasm $(stat -c %s "$out/ssr-server.wasm") bytes, build/native/ssr-server"
