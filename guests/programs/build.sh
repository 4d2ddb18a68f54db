#!/usr/bin/env bash
# Builds real programs for WALI from Debian source packages (fetched at build
# time with `apt-get source`, cached in build/src/), with guests/wali-cc, and
# the same sources natively with gcc (for guests/programs/test.sh):
#   build/lua.wasm    Lua 5.4 `lua` interpreter      (lua5.4, upstream orig tarball)
#   build/zpipe.wasm  zpipe.c linked with zlib 1.2.x (zlib,   upstream orig tarball)
#   build/native/{lua,zpipe}                          the same with gcc
# Debian's own patches are not applied (they switch Lua's build to libtool and
# only touch packaging); both builds use the same upstream tree.
# A no-op when the inputs are unchanged (-f forces a rebuild).
# Needs: the sysroot (guests/sysroot/build.sh, run first), clang-22/lld-22/llvm-22,
# gcc, make, bzip2, and deb-src access (added as guests/sysroot/build.sh does).
set -euo pipefail
t0=$(date +%s)

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
build="$here/build"
src="$build/src"
WALI_CC="$repo/guests/wali-cc"
AR=llvm-ar-22
RANLIB=llvm-ranlib-22
jobs="$(nproc 2>/dev/null || echo 2)"
for t in clang-22 wasm-ld-22 "$AR" "$RANLIB" gcc make tar; do
  command -v "$t" >/dev/null 2>&1 || { echo "programs: ERROR: $t not found (run scripts/setup.sh)" >&2; exit 1; }
done

# The sysroot (a no-op when up to date; it also adds the deb-src entries).
"$repo/guests/sysroot/build.sh"

mkdir -p "$build" "$src" "$build/native"
exec 9>"$build/.lock"
flock 9

# --- sources ------------------------------------------------------------------
fetch() { # fetch PACKAGE GLOB -> prints the orig tarball path
  local pkg="$1" glob="$2" f
  f="$(ls "$src"/$glob 2>/dev/null | head -1 || true)"
  if [ -z "$f" ]; then
    if ! apt-cache showsrc "$pkg" 2>/dev/null | grep '^Version:' >/dev/null; then  # not -q: SIGPIPE + pipefail
      echo "programs: ERROR: no deb-src for $pkg (guests/sysroot/build.sh adds the entries)" >&2; exit 1
    fi
    echo "programs: fetching $pkg source (apt-get source)" >&2
    (cd "$src" && apt-get source --download-only "$pkg" >/dev/null 2>&1) \
      || { echo "programs: ERROR: apt-get source $pkg failed" >&2; exit 1; }
    f="$(ls "$src"/$glob 2>/dev/null | head -1 || true)"
    [ -n "$f" ] || { echo "programs: ERROR: $pkg orig tarball not found" >&2; exit 1; }
  fi
  echo "$f"
}
lua_tar="$(fetch lua5.4 'lua5.4_5.4*.orig.tar.gz')"
zlib_tar="$(fetch zlib 'zlib_1.*.orig.tar.*')"

# --- up to date? ---------------------------------------------------------------
force=0
[ "${1:-}" = "-f" ] && force=1
stamp="$( (sha256sum "$here/build.sh" "$here/zpipe.c" "$WALI_CC" "$lua_tar" "$zlib_tar" | sed 's|  .*/|  |'
  cat "$repo/guests/sysroot/build/sysroot/.stamp" 2>/dev/null; clang-22 --version | head -1; gcc --version | head -1) \
  | sha256sum | cut -d' ' -f1)"
if [ "$force" = 0 ] && [ -f "$build/.stamp" ] && [ "$(cat "$build/.stamp")" = "$stamp" ] \
   && [ -f "$build/lua.wasm" ] && [ -f "$build/zpipe.wasm" ] && [ -x "$build/native/lua" ] && [ -x "$build/native/zpipe" ]; then
  echo "programs: up to date ($build) [$(( $(date +%s) - t0 ))s]"
  exit 0
fi
rm -f "$build/.stamp"

extract() { # extract TARBALL DEST: a fresh tree with the tarball's top directory stripped
  rm -rf "$2"; mkdir -p "$2"
  tar -xf "$1" -C "$2" --strip-components=1
}

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
