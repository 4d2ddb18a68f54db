#!/usr/bin/env bash
# Builds real programs for WALI from Debian source packages (pinned versions,
# fetched at build time with `apt-get source --download-only`, sha256-checked,
# cached in build/src/), with guests/wali-cc, and
# the same sources natively with gcc (for guests/programs/test.sh):
#   build/lua.wasm    Lua 5.4 `lua` interpreter      (lua5.4, upstream orig tarball)
#   build/zpipe.wasm  zpipe.c linked with zlib 1.2.x (zlib,   upstream orig tarball)
#   build/native/{lua,zpipe}                          the same with gcc
# Debian's own patches are not applied (they switch Lua's build to libtool and
# only touch packaging); both builds use the same upstream tree.
# A no-op when the inputs are unchanged (-f forces a rebuild).
# Needs: the sysroot (guests/sysroot/build.sh, run first), clang-22/lld-22/llvm-22,
# gcc, make, bzip2, and apt access to Debian's sources (deb_orig adds deb-src entries).
set -euo pipefail
t0=$(date +%s)

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tag=programs
. "$here/lib.sh"    # $repo $build $src $WALI_CC $jobs, die, need_tools, lock_build, deb_orig, stamp_of, ...
AR=llvm-ar-22
RANLIB=llvm-ranlib-22
need_tools clang-22 wasm-ld-22 "$AR" "$RANLIB" gcc make tar

# The sysroot (a no-op when up to date; it also adds the deb-src entries).
"$repo/guests/sysroot/build.sh"

lock_build .lock

# --- sources ------------------------------------------------------------------
# Pinned (bookworm main): Debian version, orig tarball, its sha256 (as in the .dsc).
lua_tar="$(deb_orig lua5.4 5.4.4-3+deb12u1 lua5.4_5.4.4.orig.tar.gz \
  164c7849653b80ae67bec4b7473b884bf5cc8d2dca05653475ec2ed27b9ebf61)"
zlib_tar="$(deb_orig zlib 1:1.2.13.dfsg-1 zlib_1.2.13.dfsg.orig.tar.bz2 \
  71feb7947e3c00ef125f83b79a4e529bde31171e5babe48b391f06758d1ab0a1)"

# --- up to date? ---------------------------------------------------------------
force=0
[ "${1:-}" = "-f" ] && force=1
stamp="$(stamp_of "$here/build.sh" "$here/zpipe.c" "$lua_tar" "$zlib_tar")"
if up_to_date .stamp -f "$build/lua.wasm" -f "$build/zpipe.wasm" -x "$build/native/lua" -x "$build/native/zpipe"; then
  echo "programs: up to date ($build) [$(( $(date +%s) - t0 ))s]"
  exit 0
fi
rm -f "$build/.stamp"

# --- Lua ----------------------------------------------------------------------
build_lua() { # build_lua DIR CC AR RANLIB
  local d="$1"
  make -s -C "$d/src" -j"$jobs" CC="$2" AR="$3" RANLIB="$4" MYCFLAGS=-DLUA_USE_POSIX \
    MYLDFLAGS= MYLIBS= lua >"$d.log" 2>&1 || { tail -30 "$d.log" >&2; echo "programs: ERROR: lua build failed ($d.log)" >&2; exit 1; }
}
echo "programs: lua ($(basename "$lua_tar"))"
extract "$lua_tar" "$build/lua-wasm"
build_lua "$build/lua-wasm" "$WALI_CC" "$AR rcu" "$RANLIB"
cp "$build/lua-wasm/src/lua" "$build/lua.wasm"
extract "$lua_tar" "$build/lua-native"
build_lua "$build/lua-native" gcc "ar rcu" ranlib
cp "$build/lua-native/src/lua" "$build/native/lua"

# --- zlib + zpipe ---------------------------------------------------------------
build_zlib() { # build_zlib DIR CC AR RANLIB
  local d="$1"
  ( cd "$d" && CC="$2" AR="$3" RANLIB="$4" CFLAGS=-O2 ./configure --static >"$d.log" 2>&1 \
    && make -j"$jobs" libz.a >>"$d.log" 2>&1 ) \
    || { tail -30 "$d.log" >&2; echo "programs: ERROR: zlib build failed ($d.log)" >&2; exit 1; }
}
echo "programs: zlib ($(basename "$zlib_tar")) + zpipe"
extract "$zlib_tar" "$build/zlib-wasm"
build_zlib "$build/zlib-wasm" "$WALI_CC" "$AR" "$RANLIB"
"$WALI_CC" -O2 -I"$build/zlib-wasm" -o "$build/zpipe.wasm" "$here/zpipe.c" "$build/zlib-wasm/libz.a"
extract "$zlib_tar" "$build/zlib-native"
build_zlib "$build/zlib-native" gcc ar ranlib
gcc -O2 -I"$build/zlib-native" -o "$build/native/zpipe" "$here/zpipe.c" "$build/zlib-native/libz.a"

echo "$stamp" >"$build/.stamp"
for f in lua.wasm zpipe.wasm; do
  printf 'programs: %-11s %8d bytes\n' "$f" "$(stat -c %s "$build/$f")"
done
echo "programs: done [$(( $(date +%s) - t0 ))s]"
