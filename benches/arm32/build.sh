#!/usr/bin/env bash
# Builds what benches/arm32/insn.sh needs, into benches/arm32/build/:
#   insn.so             the instruction-counting QEMU plugin (insn.c, host gcc)
#   native/getpid       workloads/getpid.c                      armv7, static,
#   native/lua          Lua 5.4.4 `lua`                          arm-linux-gnueabihf-gcc
#   native/sqlite3      SQLite 3.40.1 shell                      with the options of the
#   native/qjs          QuickJS-ng 0.8.0 `qjs` (rquickjs-sys)    wasm builds (guests/programs)
#   wasm/getpid.wasm    workloads/getpid.c with guests/wali-cc
# The programs are those of guests/prebuilt/{lua,sqlite3,qjs}.wasm, from the same
# pinned sources: Debian orig tarballs (sha256-checked; taken from the repo's cache
# guests/programs/build/src/ when there, else fetched with `apt-get source
# --download-only` into build/src/) and the rquickjs-sys crate from that cache.
# Each piece is rebuilt only when its inputs change (-f forces).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
tag=arm32-build
. "$repo/guests/fetch.sh"    # die, check_sha256, deb_orig
build="$here/build"
repo_src="$repo/guests/programs/build/src"    # the guest builds' source cache (read only)
force=0
[ "${1:-}" = -f ] && force=1

# need TOOL PACKAGE: die unless TOOL is on PATH.
need() { command -v "$1" >/dev/null 2>&1 || die "$1 not found (apt-get install $2)"; }
need gcc gcc
need arm-linux-gnueabihf-gcc gcc-arm-linux-gnueabihf
need make make
need tar tar
need xz xz-utils
need patch patch
need tclsh tcl
need flock util-linux
need sha256sum coreutils

mkdir -p "$build/native" "$build/wasm"
exec 9>"$build/.lock"
flock 9

cc=arm-linux-gnueabihf-gcc
cc_version="$($cc --version | head -1)"

# fresh OUT INPUT... [-- LINE...]: true when OUT exists and was built (by this
# script) from the same INPUT files, LINEs and compilers; otherwise sets $stamp,
# which built OUT_ records.
fresh() {
  local out="$1" files=() ; shift
  while [ $# -gt 0 ] && [ "$1" != -- ]; do files+=("$1"); shift; done
  [ $# = 0 ] || shift
  stamp="$( (sha256sum "$here/build.sh" "${files[@]}" | sed 's|  .*/|  |'
             printf '%s\n' "$@" "$cc_version" "$(gcc --version | head -1)") | sha256sum | cut -d' ' -f1)"
  [ "$force" = 0 ] && [ -e "$out" ] && [ "$(cat "$out.stamp" 2>/dev/null)" = "$stamp" ]
}
built() { echo "$stamp" >"$1.stamp"; }

# orig PKG VERSION ORIG SHA256: path of a pinned Debian orig tarball (the repo's
# cached copy if there, else downloaded into build/src/).
orig() {
  if [ -f "$repo_src/$3" ]; then deb_orig "$@" "$repo_src"; else deb_orig "$@" "$build/src"; fi
}

# run_log LOG CMD...: run CMD with its output added to LOG; on failure show its end
# and die.  in_dir DIR CMD...: run CMD in DIR.
run_log() {
  local log="$1"; shift
  "$@" >>"$log" 2>&1 || { tail -30 "$log" >&2; die "failed: $* (log: $log)"; }
}
in_dir() { (cd "$1" && shift && "$@"); }

# --- the plugin ------------------------------------------------------------------
# QEMU 7.2's qemu-plugin.h includes only libc headers (no glib), so no glib flags.
header="$("$here/fetch-plugin-header.sh")"
if ! fresh "$build/insn.so" "$here/insn.c" "$header"; then
  echo "arm32: building insn.so"
  gcc -O2 -Wall -Wextra -Werror -shared -fPIC -I"$(dirname "$header")" \
    -o "$build/insn.so" "$here/insn.c"
  built "$build/insn.so"
fi

# --- getpid loop ------------------------------------------------------------------
if ! fresh "$build/native/getpid" "$here/workloads/getpid.c"; then
  echo "arm32: building native/getpid"
  $cc -O2 -static -o "$build/native/getpid" "$here/workloads/getpid.c"
  built "$build/native/getpid"
fi
sysroot_stamp="$repo/guests/sysroot/build/sysroot/.stamp"
[ -f "$sysroot_stamp" ] || die "no WALI sysroot (run guests/sysroot/build.sh)"
if ! fresh "$build/wasm/getpid.wasm" "$here/workloads/getpid.c" "$repo/guests/wali-cc" \
     "$sysroot_stamp"; then
  echo "arm32: building wasm/getpid.wasm"
  "$repo/guests/wali-cc" -O2 -o "$build/wasm/getpid.wasm" "$here/workloads/getpid.c"
  built "$build/wasm/getpid.wasm"
fi

# --- Lua 5.4.4 (as guests/programs/build.sh: src/Makefile's `lua`, LUA_USE_POSIX) ----
lua_tar="$(orig lua5.4 5.4.4-3+deb12u1 lua5.4_5.4.4.orig.tar.gz \
  164c7849653b80ae67bec4b7473b884bf5cc8d2dca05653475ec2ed27b9ebf61)"
if ! fresh "$build/native/lua" "$lua_tar"; then
  echo "arm32: building native/lua ($(basename "$lua_tar"))"
  d="$build/lua-src"
  rm -rf "$d"; mkdir -p "$d"
  tar -xzf "$lua_tar" -C "$d" --strip-components=1
  : >"$build/lua.log"
  run_log "$build/lua.log" make -C "$d/src" -j"$(nproc)" CC="$cc" AR="arm-linux-gnueabihf-ar rc" \
    RANLIB=arm-linux-gnueabihf-ranlib MYCFLAGS=-DLUA_USE_POSIX MYLDFLAGS=-static MYLIBS= lua
  cp "$d/src/lua" "$build/native/lua"
  built "$build/native/lua"
fi

# --- SQLite 3.40.1 (as guests/programs/sqlite/build.sh: amalgamation, $opts) ------------
sqlite_tar="$(orig sqlite3 3.40.1-2+deb12u2 sqlite3_3.40.1.orig.tar.xz \
  aaa776260ab4dc976db34aa7891819484c8676b5b2783123ebc6301e2ca5d655)"
sqlite_opts=(-O2 -DNDEBUG
  -DSQLITE_THREADSAFE=1 -DSQLITE_OMIT_LOAD_EXTENSION
  -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_RTREE -DSQLITE_ENABLE_DBSTAT_VTAB
  -DSQLITE_ENABLE_MATH_FUNCTIONS
  -DHAVE_USLEEP=1 -DHAVE_LOCALTIME_R=1 -DHAVE_GMTIME_R=1 -DHAVE_FDATASYNC=1
  -DHAVE_STRCHRNUL=1 -DHAVE_MALLOC_H=1 -DHAVE_MALLOC_USABLE_SIZE=1 -DHAVE_ISNAN=1
  -DHAVE_UTIME=1)
if ! fresh "$build/native/sqlite3" "$sqlite_tar" -- "$(echo 'puts [info patchlevel]' | tclsh)"; then
  echo "arm32: building native/sqlite3 ($(basename "$sqlite_tar"); about a minute)"
  tree="$build/sqlite-src" amalg="$build/sqlite-amalg"
  rm -rf "$tree" "$amalg"; mkdir -p "$tree" "$amalg"
  tar -xJf "$sqlite_tar" -C "$tree" --strip-components=1
  # the amalgamation is generated with the host's gcc and tclsh
  : >"$build/sqlite.log"
  run_log "$build/sqlite.log" in_dir "$amalg" env CC=gcc CFLAGS=-O2 "$tree/configure" \
    --disable-tcl --disable-readline --disable-load-extension
  run_log "$build/sqlite.log" in_dir "$amalg" make sqlite3.c shell.c
  run_log "$build/sqlite.log" $cc "${sqlite_opts[@]}" -I"$amalg" -static \
    -o "$build/native/sqlite3" "$amalg/shell.c" "$amalg/sqlite3.c" -lm -lpthread
  built "$build/native/sqlite3"
fi

# --- QuickJS-ng 0.8.0 (as guests/programs/quickjs/build.sh: crate tree + *.patch) -------
crate=rquickjs-sys-0.9.0
crate_file="$repo_src/$crate.crate"
[ -f "$crate_file" ] || die "$crate_file missing: run guests/programs/quickjs/build.sh once (it fetches the crate)"
check_sha256 "$crate_file" 7fed0097b0b4fbb2a87f6dd3b995a7c64ca56de30007eb7e867dfdfc78324ba5
qjs_patches=("$repo"/guests/programs/quickjs/*.patch)
qjs_opts=(-O2 -DNDEBUG -std=gnu11 -D_GNU_SOURCE -funsigned-char -w)
qjs_srcs=(qjs.c gen/repl.c gen/standalone.c quickjs.c quickjs-libc.c libregexp.c libunicode.c
  libbf.c cutils.c)
if ! fresh "$build/native/qjs" "$crate_file" "${qjs_patches[@]}"; then
  echo "arm32: building native/qjs ($crate; about a minute)"
  tree="$build/quickjs-src"
  rm -rf "$tree"; mkdir -p "$tree"
  tar -xf "$crate_file" -C "$tree" --strip-components=2 "$crate/quickjs"
  for p in "${qjs_patches[@]}"; do
    patch -s -p1 -d "$tree" <"$p" || die "patch $(basename "$p") does not apply"
  done
  : >"$build/qjs.log"
  run_log "$build/qjs.log" in_dir "$tree" \
    $cc "${qjs_opts[@]}" -static -o "$build/native/qjs" "${qjs_srcs[@]}" -lm -lpthread
  built "$build/native/qjs"
fi
